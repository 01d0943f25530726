"""The gateway's own tables: projections built from events, never another service's data."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.domain.projection import LedgerHead
from qcdc_shared.db import UtcDateTime

metadata = MetaData()
Position = BigInteger().with_variant(Integer(), "sqlite")

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


async def latest_ledger_heads(
    session: AsyncSession, *, as_of: dt.datetime | None = None
) -> dict[str, tuple[int, str]]:
    """Each ward's newest recorded head, as the city holds it (or held it at ``as_of``)."""
    newest_query = select(
        ward_ledger_heads.c.ward, func.max(ward_ledger_heads.c.sequence).label("sequence")
    ).group_by(ward_ledger_heads.c.ward)
    if as_of is not None:
        newest_query = newest_query.where(ward_ledger_heads.c.recorded_at <= as_of)
    newest = newest_query.subquery()
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


# Every event of every ward, in the order the city received it: the city's event log (the
# ``position`` is what /api/events pages by and what /api/stream resumes from).
city_events = Table(
    "city_events",
    metadata,
    Column("position", Position, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False),
    Column("ward", String(64), nullable=False),
    Column("type", String(128), nullable=False),
    Column("subject", String(64), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("time", UtcDateTime(), nullable=False),
    Column("data", JSON, nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Index("ux_city_events_id", "id", unique=True),
    Index("ix_city_events_ward", "ward", "position"),
    Index("ix_city_events_time", "time", "position"),
)

# The facts the log folds into (domain/facts.py), one row per ward aggregate: what live
# indicators and the queue read. ``versions`` holds the sequence that set each field.
city_facts = Table(
    "city_facts",
    metadata,
    Column("ward", String(64), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("subject", String(160), primary_key=True),
    Column("fields", JSON, nullable=False),
    Column("versions", JSON, nullable=False),
    Column("first_seen", UtcDateTime(), nullable=False),
    Index("ix_city_facts_kind", "kind", "ward"),
)
