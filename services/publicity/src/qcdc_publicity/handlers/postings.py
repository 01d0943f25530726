"""One function per command or time-driven change: load, ask the domain, save the version and
its ledger entry, record the event, audit."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from qcdc_publicity.adapters import ledger
from qcdc_publicity.adapters.bus import posting_event
from qcdc_publicity.adapters.db import PostingRepository, postings, to_posting
from qcdc_publicity.domain import model
from qcdc_publicity.domain.model import (
    Attachment,
    Channel,
    Posting,
    PostingRefused,
    RuleBook,
    Source,
)
from qcdc_shared.auth import Principal
from qcdc_shared.deadlines import local_date
from qcdc_shared.runtime import UnitOfWork, audited


class PostingNotFound(LookupError):
    pass


async def _save_version(
    uow: UnitOfWork, rules: RuleBook, before: Posting, after: Posting, *, amended: bool = False
) -> None:
    """Persist the new state, append it to the ledger and record its event, one transaction."""
    await PostingRepository(uow.session).save(after, expected_version=before.version)
    entry = await ledger.record_version(
        uow.session,
        posting_id=after.id,
        version=after.version,
        status=after.status,
        document=model.version_document(after),
        at=uow.runtime.clock.now(),
    )
    uow.record(
        posting_event(after, rules, entry, amended=amended),
        aggregate_id=after.id,
        sequence=after.version,
    )


async def _load(uow: UnitOfWork, posting_id: str) -> Posting:
    posting = await PostingRepository(uow.session).get(posting_id)
    if posting is None:
        raise PostingNotFound(posting_id)
    return posting


async def create_posting(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    category: int,
    title: str,
    body: str,
    decided_on: dt.date,
    channels: tuple[Channel, ...],
    attachments: tuple[Attachment, ...] = (),
    procedure: dict[str, str] | None = None,
) -> Posting:
    posting_id = str(uuid.uuid4())

    async def work() -> Posting:
        posting = model.draft_posting(
            posting_id=posting_id,
            ward=uow.runtime.ward,
            category=category,
            title=title,
            body=body,
            decided_on=decided_on,
            channels=channels,
            now=uow.runtime.clock.now(),
            rules=rules,
            attachments=attachments,
            procedure=procedure,
        )
        await PostingRepository(uow.session).add(posting, created_by=actor.sub)
        return posting

    return await audited(
        uow,
        actor,
        action="posting.create",
        target=f"posting:{posting_id}",
        work=work,
        refusals=(PostingRefused,),
    )


async def publish_posting(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    posting_id: str,
    published_at: dt.datetime | None,
) -> Posting:
    async def work() -> Posting:
        draft = await _load(uow, posting_id)
        now = uow.runtime.clock.now()
        posting = model.publish(draft, published_at=published_at or now, now=now, rules=rules)
        await _save_version(uow, rules, draft, posting)
        return posting

    return await audited(
        uow,
        actor,
        action="posting.publish",
        target=f"posting:{posting_id}",
        work=work,
        refusals=(PostingRefused,),
    )


async def withdraw_posting(
    *, uow: UnitOfWork, rules: RuleBook, actor: Principal, posting_id: str, reason: str
) -> Posting:
    async def work() -> Posting:
        current = await _load(uow, posting_id)
        posting = model.withdraw(current, reason=reason, now=uow.runtime.clock.now(), rules=rules)
        await _save_version(uow, rules, current, posting)
        return posting

    return await audited(
        uow,
        actor,
        action="posting.withdraw",
        target=f"posting:{posting_id}",
        work=work,
        refusals=(PostingRefused,),
    )


async def amend_posting(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    posting_id: str,
    title: str,
    body: str,
    channels: tuple[Channel, ...],
    attachments: tuple[Attachment, ...],
    procedure: dict[str, str] | None,
) -> Posting:
    async def work() -> Posting:
        current = await _load(uow, posting_id)
        posting = model.amend(
            current,
            title=title,
            body=body,
            channels=channels,
            attachments=attachments,
            procedure=procedure,
            now=uow.runtime.clock.now(),
            rules=rules,
        )
        await _save_version(uow, rules, current, posting, amended=True)
        return posting

    return await audited(
        uow,
        actor,
        action="posting.amend",
        target=f"posting:{posting_id}",
        work=work,
        refusals=(PostingRefused,),
    )


async def publish_caused_posting(
    uow: UnitOfWork,
    rules: RuleBook,
    *,
    source: Source,
    category: int,
    title: str,
    body: str,
    decided_on: dt.date,
    channels: tuple[Channel, ...] = ("notice_board", "portal"),
) -> Posting:
    """A posting another service's event (or the sweeper) causes, published at once.

    Idempotent: one posting per source, whatever the redeliveries. Runs inside the caller's
    unit of work (a consumer's or the sweeper's transaction) and does not commit.
    """
    repository = PostingRepository(uow.session)
    existing = await repository.by_source(source)
    if existing is not None:
        return existing
    now = uow.runtime.clock.now()
    draft = model.draft_posting(
        posting_id=str(uuid.uuid4()),
        ward=uow.runtime.ward,
        category=category,
        title=title,
        body=body,
        decided_on=min(decided_on, local_date(now)),
        channels=channels,
        now=now,
        rules=rules,
        source=source,
    )
    await repository.add(draft, created_by=f"system:{source.kind}")
    posting = model.publish(draft, published_at=now, now=now, rules=rules)
    await _save_version(uow, rules, draft, posting)
    return posting


async def expire_postings(uow: UnitOfWork, rules: RuleBook) -> int:
    """Sweep: published postings past their minimum end become expired (never deleted)."""
    now = uow.runtime.clock.now()
    rows = (
        await uow.session.execute(select(postings).where(postings.c.status == "published"))
    ).all()
    expired = 0
    for row in rows:
        current = to_posting(row)
        after = model.expire_if_due(current, now=now)
        if after is not None:
            await _save_version(uow, rules, current, after)
            expired += 1
    await uow.commit()
    return expired
