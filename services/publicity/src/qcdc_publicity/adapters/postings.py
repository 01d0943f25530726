"""The posting repository over publicity's database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.adapters.tables import postings
from qcdc_publicity.domain.posting import Attachment, Posting, Source
from qcdc_shared.law.deadlines import Deadline
from qcdc_shared.refusals import ConcurrentChange

# The columns holding the posting's attribute of the same name, unchanged.
_AS_IS = (
    "ward",
    "category",
    "title",
    "body",
    "decided_on",
    "status",
    "published_at",
    "version",
    "created_at",
    "procedure",
    "changed_at",
    "withdrawal_reason",
    "group_heads_sent_at",
)


def _row(posting: Posting) -> dict[str, Any]:
    return {
        **{name: getattr(posting, name) for name in _AS_IS},
        "channels": list(posting.channels),
        "deadlines": [deadline.model_dump(mode="json") for deadline in posting.deadlines],
        "violations": list(posting.violations),
        "attachments": [vars(a) for a in posting.attachments],
        "source_kind": posting.source.kind if posting.source else None,
        "source_id": posting.source.id if posting.source else None,
    }


def to_posting(row: Any) -> Posting:
    return Posting(
        id=row.id,
        **{name: getattr(row, name) for name in _AS_IS},
        channels=tuple(row.channels),
        deadlines=tuple(Deadline.model_validate(d) for d in row.deadlines),
        violations=tuple(row.violations),
        attachments=tuple(Attachment(**a) for a in row.attachments or ()),
        source=Source(row.source_kind, row.source_id) if row.source_kind else None,
    )


class PostingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, posting: Posting, *, created_by: str) -> None:
        await self.session.execute(
            postings.insert().values(id=posting.id, created_by=created_by, **_row(posting))
        )

    async def by_source(self, source: Source) -> Posting | None:
        row = (
            await self.session.execute(
                select(postings).where(
                    postings.c.source_kind == source.kind, postings.c.source_id == source.id
                )
            )
        ).first()
        return to_posting(row) if row else None

    async def get(self, posting_id: str) -> Posting | None:
        row = (
            await self.session.execute(select(postings).where(postings.c.id == posting_id))
        ).first()
        return to_posting(row) if row else None

    async def published(self) -> list[Posting]:
        rows = await self.session.execute(select(postings).where(postings.c.status == "published"))
        return [to_posting(row) for row in rows.all()]

    async def published_between(self, start: dt.datetime, end: dt.datetime) -> list[Posting]:
        rows = await self.session.execute(
            select(postings)
            .where(postings.c.published_at.is_not(None))
            .where(postings.c.published_at >= start, postings.c.published_at < end)
            .where(postings.c.source_kind.is_distinct_from("quarterly_list"))
            .order_by(postings.c.published_at)
        )
        return [to_posting(row) for row in rows.all()]

    async def save(self, posting: Posting, *, expected_version: int) -> None:
        """Optimistic: a concurrent change of the same posting makes this one fail."""
        result = await self.session.execute(
            postings.update()
            .where(postings.c.id == posting.id, postings.c.version == expected_version)
            .values(**_row(posting))
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise ConcurrentChange(posting.id)
