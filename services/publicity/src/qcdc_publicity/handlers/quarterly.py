"""PUB-QTR: at the start of each quarter, the list of the previous quarter's disclosures."""

from __future__ import annotations

from qcdc_publicity.domain.caused import previous_quarter, quarter_bounds, quarterly_list
from qcdc_publicity.domain.posting import Source
from qcdc_publicity.handlers.postings import publish_caused_posting
from qcdc_publicity.unit_of_work import PublicityUnitOfWork
from qcdc_shared.law.deadlines import local_date, start_of_day
from qcdc_shared.law.rulebook import RuleBook


async def publish_quarterly_list(uow: PublicityUnitOfWork, rules: RuleBook) -> bool:
    """Sweep. Idempotent (one list per quarter); a quarter with no disclosure has no list."""
    year, quarter = previous_quarter(local_date(uow.clock.now()))
    source = Source("quarterly_list", f"{year}-Q{quarter}")
    if await uow.postings.by_source(source) is not None:
        return False
    start, end = quarter_bounds(year, quarter)
    disclosed = await uow.postings.published_between(start_of_day(start), start_of_day(end))
    if not disclosed:
        return False
    caused = quarterly_list(
        year,
        quarter,
        [(p.category, p.title, local_date(p.published_at)) for p in disclosed if p.published_at],
    )
    await publish_caused_posting(uow, rules, source=source, caused=caused)
    await uow.commit()
    return True
