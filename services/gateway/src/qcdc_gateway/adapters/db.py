"""The gateway's own tables: projections built from events, never another service's data."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import (
    Boolean,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.domain.projection import LedgerHead, PostingFact, is_newer
from qcdc_shared.db import UtcDateTime

metadata = MetaData()

ward_postings = Table(
    "ward_postings",
    metadata,
    Column("ward", String(64), primary_key=True),
    Column("posting_id", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("category", Integer, nullable=False),
    Column("published_at", UtcDateTime(), nullable=False),
    Column("on_time", Boolean, nullable=False),
)

# The city's own copy of each ward's ledger heads (docs/ledger.md). Append-only: the first hash
# recorded for a position stays; a different one arriving later is kept beside it as evidence
# that the ward's history changed, never in its place.
ward_ledger_heads = Table(
    "ward_ledger_heads",
    metadata,
    Column("ward", String(64), primary_key=True),
    Column("sequence", Integer, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("conflicting_hash", String(64), nullable=True),
    Column("conflict_at", UtcDateTime(), nullable=True),
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


async def record_ledger_head(
    session: AsyncSession, head: LedgerHead, *, at: dt.datetime
) -> Literal["recorded", "known", "conflict"]:
    """Keep a head the ward announced; a redelivery changes nothing."""
    where = (ward_ledger_heads.c.ward == head.ward, ward_ledger_heads.c.sequence == head.sequence)
    held = (
        await session.execute(
            select(ward_ledger_heads.c.hash, ward_ledger_heads.c.conflicting_hash).where(*where)
        )
    ).first()
    if held is None:
        await session.execute(
            ward_ledger_heads.insert().values(
                ward=head.ward, sequence=head.sequence, hash=head.hash, recorded_at=at
            )
        )
        return "recorded"
    if held.hash == head.hash or held.conflicting_hash is not None:
        # The first conflicting hash is the evidence; later ones add nothing to it.
        return "known" if head.hash in (held.hash, held.conflicting_hash) else "conflict"
    await session.execute(
        ward_ledger_heads.update().where(*where).values(conflicting_hash=head.hash, conflict_at=at)
    )
    return "conflict"


async def latest_ledger_heads(session: AsyncSession) -> dict[str, tuple[int, str]]:
    """Each ward's newest recorded head, as the city holds it."""
    newest = (
        select(ward_ledger_heads.c.ward, func.max(ward_ledger_heads.c.sequence).label("sequence"))
        .group_by(ward_ledger_heads.c.ward)
        .subquery()
    )
    rows = await session.execute(
        select(
            ward_ledger_heads.c.ward, ward_ledger_heads.c.sequence, ward_ledger_heads.c.hash
        ).join(
            newest,
            (newest.c.ward == ward_ledger_heads.c.ward)
            & (newest.c.sequence == ward_ledger_heads.c.sequence),
        )
    )
    return {row.ward: (row.sequence, row.hash) for row in rows}
