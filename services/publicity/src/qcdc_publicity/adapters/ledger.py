"""The ledger and the posting versions it covers, stored append-only in publicity's database."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.adapters.tables import ledger_entries, posting_versions
from qcdc_publicity.domain.ledger import GENESIS, LedgerEntry, entry_hash
from qcdc_publicity.domain.posting import Posting


def to_ledger_entry(row: Any) -> LedgerEntry:
    return LedgerEntry(row.sequence, row.posting_id, row.version, row.previous_hash, row.hash)


class LedgerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def head(self) -> LedgerEntry | None:
        row = (
            await self.session.execute(
                select(ledger_entries).order_by(ledger_entries.c.sequence.desc()).limit(1)
            )
        ).first()
        return to_ledger_entry(row) if row else None

    async def record_version(
        self, posting: Posting, *, document: dict[str, Any], at: dt.datetime
    ) -> LedgerEntry:
        """Store the posting's version and append it to the chain, in the caller's transaction."""
        await self.session.execute(
            posting_versions.insert().values(
                posting_id=posting.id,
                version=posting.version,
                status=posting.status,
                recorded_at=at,
                document=document,
            )
        )
        last = await self.head()
        previous = last.hash if last else GENESIS
        entry = LedgerEntry(
            sequence=(last.sequence if last else 0) + 1,
            posting_id=posting.id,
            version=posting.version,
            previous_hash=previous,
            hash=entry_hash(previous, document),
        )
        await self.session.execute(ledger_entries.insert().values(**asdict(entry), recorded_at=at))
        return entry
