"""The city's own copy of each ward's ledger heads in the gateway database (docs/ledger.md):
append-only, a conflicting hash kept beside the first as evidence, never in its place."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.tables import ward_ledger_heads
from qcdc_gateway.domain.projection import HeldHead, LedgerHead

_heads = ward_ledger_heads.c


def _key(ward: str, sequence: int) -> tuple[ColumnElement[bool], ...]:
    return (_heads.ward == ward, _heads.sequence == sequence)


class SqlLedgerHeads:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, ward: str, sequence: int) -> HeldHead | None:
        held = (
            await self.session.execute(
                select(_heads.hash, _heads.conflicting_hash).where(*_key(ward, sequence))
            )
        ).first()
        return HeldHead(held.hash, held.conflicting_hash) if held is not None else None

    async def add(self, head: LedgerHead, *, at: dt.datetime) -> None:
        await self.session.execute(
            ward_ledger_heads.insert().values(
                ward=head.ward, sequence=head.sequence, hash=head.hash, recorded_at=at
            )
        )

    async def add_conflict(self, head: LedgerHead, *, at: dt.datetime) -> None:
        await self.session.execute(
            ward_ledger_heads.update()
            .where(*_key(head.ward, head.sequence))
            .values(conflicting_hash=head.hash, conflict_at=at)
        )


async def latest_ledger_heads(
    session: AsyncSession, *, as_of: dt.datetime | None = None
) -> dict[str, tuple[int, str]]:
    """Each ward's newest recorded head, as the city holds it (or held it at ``as_of``)."""
    newest_query = select(_heads.ward, func.max(_heads.sequence).label("sequence")).group_by(
        _heads.ward
    )
    if as_of is not None:
        newest_query = newest_query.where(_heads.recorded_at <= as_of)
    newest = newest_query.subquery()
    rows = await session.execute(
        select(_heads.ward, _heads.sequence, _heads.hash).join(
            newest, (newest.c.ward == _heads.ward) & (newest.c.sequence == _heads.sequence)
        )
    )
    return {row.ward: (row.sequence, row.hash) for row in rows}
