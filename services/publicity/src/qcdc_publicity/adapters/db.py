"""Publicity's tables and the posting repository."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.domain.model import Attachment, Posting, Source
from qcdc_shared.db import UtcDateTime
from qcdc_shared.deadlines import Deadline
from qcdc_shared.refusals import ConcurrentChange

metadata = MetaData()

postings = Table(
    "postings",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("category", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("decided_on", Date, nullable=False),
    Column("channels", JSON, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("published_at", UtcDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Column("deadlines", JSON, nullable=False),
    Column("violations", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("attachments", JSON, nullable=True),
    Column("procedure", JSON, nullable=True),
    Column("source_kind", String(32), nullable=True),
    Column("source_id", String(128), nullable=True),
    Column("changed_at", UtcDateTime(), nullable=True),
    Column("withdrawal_reason", Text, nullable=True),
    # One posting per source event, whatever the redeliveries.
    Index("ux_postings_source", "source_kind", "source_id", unique=True),
)


def _row(posting: Posting) -> dict[str, Any]:
    return {
        "ward": posting.ward,
        "category": posting.category,
        "title": posting.title,
        "body": posting.body,
        "decided_on": posting.decided_on,
        "channels": list(posting.channels),
        "status": posting.status,
        "published_at": posting.published_at,
        "version": posting.version,
        "deadlines": [deadline.model_dump(mode="json") for deadline in posting.deadlines],
        "violations": list(posting.violations),
        "created_at": posting.created_at,
        "attachments": [vars(a) for a in posting.attachments],
        "procedure": posting.procedure,
        "source_kind": posting.source.kind if posting.source else None,
        "source_id": posting.source.id if posting.source else None,
        "changed_at": posting.changed_at,
        "withdrawal_reason": posting.withdrawal_reason,
    }


def to_posting(row: Any) -> Posting:
    return Posting(
        id=row.id,
        ward=row.ward,
        category=row.category,
        title=row.title,
        body=row.body,
        decided_on=row.decided_on,
        channels=tuple(row.channels),
        created_at=row.created_at,
        status=row.status,
        published_at=row.published_at,
        version=row.version,
        deadlines=tuple(Deadline.model_validate(d) for d in row.deadlines),
        violations=tuple(row.violations),
        attachments=tuple(Attachment(**a) for a in row.attachments or ()),
        procedure=row.procedure,
        source=Source(row.source_kind, row.source_id) if row.source_kind else None,
        changed_at=row.changed_at,
        withdrawal_reason=row.withdrawal_reason,
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

    async def save(self, posting: Posting, *, expected_version: int) -> None:
        """Optimistic: a concurrent change of the same posting makes this one fail."""
        result = await self.session.execute(
            postings.update()
            .where(postings.c.id == posting.id, postings.c.version == expected_version)
            .values(**_row(posting))
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise ConcurrentChange(posting.id)
