"""PUB-QTR: at the start of each quarter, the list of the previous quarter's disclosures."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from qcdc_publicity.adapters.db import PostingRepository, postings
from qcdc_publicity.domain.caused import previous_quarter, quarter_bounds, quarterly_list
from qcdc_publicity.domain.model import RuleBook, Source
from qcdc_publicity.handlers.postings import publish_caused_posting
from qcdc_shared.deadlines import local_date, start_of_day
from qcdc_shared.runtime import UnitOfWork


async def publish_quarterly_list(uow: UnitOfWork, rules: RuleBook) -> bool:
    """Sweep. Idempotent (one list per quarter); a quarter with no disclosure has no list."""
    year, quarter = previous_quarter(local_date(uow.runtime.clock.now()))
    source = Source("quarterly_list", f"{year}-Q{quarter}")
    if await PostingRepository(uow.session).by_source(source) is not None:
        return False
    start, end = quarter_bounds(year, quarter)
    rows = (
        await uow.session.execute(
            select(postings.c.category, postings.c.title, postings.c.published_at)
            .where(postings.c.published_at.is_not(None))
            .where(postings.c.published_at >= _local_midnight(start))
            .where(postings.c.published_at < _local_midnight(end))
            .where(postings.c.source_kind.is_distinct_from("quarterly_list"))
            .order_by(postings.c.published_at)
        )
    ).all()
    if not rows:
        return False
    caused = quarterly_list(
        year, quarter, [(row.category, row.title, local_date(row.published_at)) for row in rows]
    )
    await publish_caused_posting(
        uow,
        rules,
        source=source,
        category=caused.category,
        title=caused.title,
        body=caused.body,
        decided_on=caused.decided_on,
    )
    await uow.commit()
    return True


def _local_midnight(day: dt.date) -> dt.datetime:
    return start_of_day(day)
