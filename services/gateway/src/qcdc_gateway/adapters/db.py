"""The gateway's own tables: projections built from events, never another service's data."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.domain.projection import PostingFact, is_newer

metadata = MetaData()

ward_postings = Table(
    "ward_postings",
    metadata,
    Column("ward", String(64), primary_key=True),
    Column("posting_id", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("category", Integer, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("on_time", Boolean, nullable=False),
)


async def apply_posting(session: AsyncSession, fact: PostingFact) -> bool:
    held = await session.scalar(
        select(ward_postings.c.version).where(
            ward_postings.c.ward == fact.ward, ward_postings.c.posting_id == fact.posting_id
        )
    )
    if not is_newer(held, fact.version):
        return False
    values = {
        "version": fact.version,
        "status": fact.status,
        "category": fact.category,
        "published_at": fact.published_at,
        "on_time": fact.on_time,
    }
    if held is None:
        await session.execute(
            ward_postings.insert().values(ward=fact.ward, posting_id=fact.posting_id, **values)
        )
    else:
        await session.execute(
            ward_postings.update()
            .where(ward_postings.c.ward == fact.ward, ward_postings.c.posting_id == fact.posting_id)
            .values(**values)
        )
    return True


async def postings_published_by_ward(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(
        select(ward_postings.c.ward, func.count())
        .where(ward_postings.c.status == "published")
        .group_by(ward_postings.c.ward)
    )
    return {ward: int(count) for ward, count in rows}
