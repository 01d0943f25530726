"""One function per command or time-driven change: load, ask the domain, save the version and
its ledger entry, record the event. ``run_command`` (the route's) audits and commits; a sweep
commits its own work."""

from __future__ import annotations

import datetime as dt
import uuid

from qcdc_publicity.adapters.bus import posting_event
from qcdc_publicity.domain import group_heads
from qcdc_publicity.domain import posting as model
from qcdc_publicity.domain.caused import CausedPosting
from qcdc_publicity.domain.posting import Attachment, Channel, Posting, Source
from qcdc_publicity.unit_of_work import PublicityUnitOfWork
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import NotFound


async def _save_version(
    uow: PublicityUnitOfWork,
    rules: RuleBook,
    before: Posting,
    after: Posting,
    *,
    amended: bool = False,
) -> None:
    """Persist the new state, append it to the ledger and record its event, one transaction."""
    await uow.postings.save(after, expected_version=before.version)
    document = model.version_document(after)
    entry = await uow.ledger.record_version(after, document=document, at=uow.clock.now())
    uow.record(
        posting_event(after, rules, entry, amended=amended),
        aggregate_id=after.id,
        sequence=after.version,
    )


async def _load(uow: PublicityUnitOfWork, posting_id: str) -> Posting:
    posting = await uow.postings.get(posting_id)
    if posting is None:
        raise NotFound("tin công khai", "posting", posting_id)
    return posting


async def create_posting(
    *,
    uow: PublicityUnitOfWork,
    rules: RuleBook,
    posting_id: str,
    created_by: str,
    category: int,
    title: str,
    body: str,
    decided_on: dt.date,
    channels: tuple[Channel, ...],
    attachments: tuple[Attachment, ...] = (),
    procedure: dict[str, str] | None = None,
) -> Posting:
    posting = model.draft_posting(
        posting_id=posting_id,
        ward=uow.ward,
        category=category,
        title=title,
        body=body,
        decided_on=decided_on,
        channels=channels,
        now=uow.clock.now(),
        rules=rules,
        attachments=attachments,
        procedure=procedure,
    )
    await uow.postings.add(posting, created_by=created_by)
    return posting


async def publish_posting(
    *, uow: PublicityUnitOfWork, rules: RuleBook, posting_id: str, published_at: dt.datetime | None
) -> Posting:
    draft = await _load(uow, posting_id)
    now = uow.clock.now()
    posting = model.publish(draft, published_at=published_at or now, now=now, rules=rules)
    await _save_version(uow, rules, draft, posting)
    return posting


async def withdraw_posting(
    *, uow: PublicityUnitOfWork, rules: RuleBook, posting_id: str, reason: str
) -> Posting:
    current = await _load(uow, posting_id)
    posting = model.withdraw(current, reason=reason, now=uow.clock.now(), rules=rules)
    await _save_version(uow, rules, current, posting)
    return posting


async def send_to_group_heads(
    *, uow: PublicityUnitOfWork, rules: RuleBook, posting_id: str, sent_at: dt.datetime | None
) -> Posting:
    """PUB-LOUD.group-heads: the item went to the residential-group heads (now, or at
    ``sent_at`` when recorded afterwards)."""
    current = await _load(uow, posting_id)
    now = uow.clock.now()
    posting = group_heads.send_to_group_heads(current, sent_at=sent_at or now, now=now, rules=rules)
    await _save_version(uow, rules, current, posting)
    return posting


async def amend_posting(
    *,
    uow: PublicityUnitOfWork,
    rules: RuleBook,
    posting_id: str,
    title: str,
    body: str,
    channels: tuple[Channel, ...],
    attachments: tuple[Attachment, ...],
    procedure: dict[str, str] | None,
) -> Posting:
    current = await _load(uow, posting_id)
    posting = model.amend(
        current,
        title=title,
        body=body,
        channels=channels,
        attachments=attachments,
        procedure=procedure,
        now=uow.clock.now(),
        rules=rules,
    )
    await _save_version(uow, rules, current, posting, amended=True)
    return posting


async def publish_caused_posting(
    uow: PublicityUnitOfWork,
    rules: RuleBook,
    *,
    source: Source,
    caused: CausedPosting,
    channels: tuple[Channel, ...] = ("notice_board", "portal"),
) -> Posting:
    """A posting another service's event (or the sweeper) causes, published at once.

    Idempotent: one posting per source, whatever the redeliveries. Runs inside the caller's
    unit of work (a consumer's or the sweeper's transaction) and does not commit.
    """
    existing = await uow.postings.by_source(source)
    if existing is not None:
        return existing
    now = uow.clock.now()
    draft = model.draft_posting(
        posting_id=str(uuid.uuid4()),
        ward=uow.ward,
        category=caused.category,
        title=caused.title,
        body=caused.body,
        decided_on=min(caused.decided_on, local_date(now)),
        channels=channels,
        now=now,
        rules=rules,
        source=source,
    )
    await uow.postings.add(draft, created_by=f"system:{source.kind}")
    posting = model.publish(draft, published_at=now, now=now, rules=rules)
    await _save_version(uow, rules, draft, posting)
    return posting


async def expire_postings(uow: PublicityUnitOfWork, rules: RuleBook) -> int:
    """Sweep: a posting whose PUB-LOUD period ended unsent to the group heads is flagged
    (PUB-LOUD.group-heads); published postings past their minimum end become expired (never
    deleted)."""
    now = uow.clock.now()
    expired = 0
    for current in await uow.postings.published():
        flagged = group_heads.flag_unsent(current, now=now, rules=rules)
        if flagged is not None:
            await _save_version(uow, rules, current, flagged)
            current = flagged
        after = model.expire_if_due(current, now=now)
        if after is not None:
            await _save_version(uow, rules, current, after)
            expired += 1
    await uow.commit()
    return expired
