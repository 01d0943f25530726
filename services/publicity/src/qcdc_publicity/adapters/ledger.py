"""The ledger and the posting versions it covers, stored append-only in publicity's database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, Integer, String, Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.adapters.db import metadata
from qcdc_publicity.domain.ledger import GENESIS, LedgerEntry, entry_hash
from qcdc_shared.db import UtcDateTime

posting_versions = Table(
    "posting_versions",
    metadata,
    Column("posting_id", String(36), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("document", JSON, nullable=False),
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    # The primary key serialises appends: two writers cannot both take sequence n.
    Column("sequence", Integer, primary_key=True, autoincrement=False),
    Column("posting_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("previous_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
)


async def head(session: AsyncSession) -> LedgerEntry | None:
    row = (
        await session.execute(
            select(ledger_entries).order_by(ledger_entries.c.sequence.desc()).limit(1)
        )
    ).first()
    return _entry(row) if row else None


async def record_version(
    session: AsyncSession,
    *,
    posting_id: str,
    version: int,
    status: str,
    document: dict[str, Any],
    at: dt.datetime,
) -> LedgerEntry:
    """Store a posting version and append it to the chain, in the caller's transaction."""
    await session.execute(
        posting_versions.insert().values(
            posting_id=posting_id, version=version, status=status, recorded_at=at, document=document
        )
    )
    last = await head(session)
    previous = last.hash if last else GENESIS
    entry = LedgerEntry(
        sequence=(last.sequence if last else 0) + 1,
        posting_id=posting_id,
        version=version,
        previous_hash=previous,
        hash=entry_hash(previous, document),
    )
    await session.execute(
        ledger_entries.insert().values(
            sequence=entry.sequence,
            posting_id=posting_id,
            version=version,
            previous_hash=entry.previous_hash,
            hash=entry.hash,
            recorded_at=at,
        )
    )
    return entry


def _entry(row: Any) -> LedgerEntry:
    return LedgerEntry(row.sequence, row.posting_id, row.version, row.previous_hash, row.hash)
