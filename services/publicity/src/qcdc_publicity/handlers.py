"""One function per command: load, ask the domain, save, record the events, audit."""

from __future__ import annotations

import datetime as dt
import uuid

from qcdc_publicity.adapters.bus import posting_published
from qcdc_publicity.adapters.db import PostingRepository
from qcdc_publicity.domain import model
from qcdc_publicity.domain.model import Channel, Posting, PostingRefused, RuleBook
from qcdc_shared.auth import Principal
from qcdc_shared.clock import local_today
from qcdc_shared.runtime import UnitOfWork, audited


class PostingNotFound(LookupError):
    pass


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
            today=local_today(uow.runtime.clock),
            rules=rules,
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
        repository = PostingRepository(uow.session)
        draft = await repository.get(posting_id)
        if draft is None:
            raise PostingNotFound(posting_id)
        now = uow.runtime.clock.now()
        posting = model.publish(draft, published_at=published_at or now, now=now, rules=rules)
        await repository.save(posting, expected_version=draft.version)
        uow.record(
            posting_published(posting, rules), aggregate_id=posting.id, sequence=posting.version
        )
        return posting

    return await audited(
        uow,
        actor,
        action="posting.publish",
        target=f"posting:{posting_id}",
        work=work,
        refusals=(PostingRefused,),
    )
