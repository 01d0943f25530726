"""Publicity's tables and the posting repository."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.domain.model import Posting
from qcdc_shared.deadlines import Deadline

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
    Column("published_at", DateTime(timezone=True), nullable=True),
    Column("version", Integer, nullable=False),
    Column("deadlines", JSON, nullable=False),
    Column("violations", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(128), nullable=False),
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
    )


class PostingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, posting: Posting, *, created_by: str) -> None:
        await self.session.execute(
            postings.insert().values(id=posting.id, created_by=created_by, **_row(posting))
        )

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


class ConcurrentChange(Exception):
    pass
