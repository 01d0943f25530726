"""The city's event log in the gateway database: every ward's event, once, in the order the
city received it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.tables import city_events
from qcdc_gateway.domain.facts import (
    EVENT_FIELDS,
    Fact,
    changes,
    fold,
    without_accounts,
)
from qcdc_shared.envelope import Envelope

FACT_COLUMNS = tuple(city_events.c[name] for name in EVENT_FIELDS)


class SqlCityLog:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def has(self, event_id: str) -> bool:
        known = await self.session.scalar(
            select(city_events.c.position).where(city_events.c.id == event_id)
        )
        return known is not None

    async def append(self, envelope: Envelope, *, received_at: dt.datetime) -> None:
        logged = envelope.model_dump(include={"id", *EVENT_FIELDS})
        logged["data"] = without_accounts(envelope.type, logged["data"])
        await self.session.execute(city_events.insert().values(**logged, received_at=received_at))


# Up to this many wards (a ward's page, a few compared) the ward index is the short path; for
# more (the whole city) the query walks the time index alone and the wards are picked out
# here: filtered by ``ward IN (...)``, SQLite walked every event of every ward, past the
# instant included, to find those before it.
FEW_WARDS = 8


async def facts_as_of(
    session: AsyncSession, as_of: dt.datetime, *, wards: Sequence[str] | None = None
) -> list[Fact]:
    """The facts as the city could know them at ``as_of``: the log folded up to that time."""
    query = select(*FACT_COLUMNS).where(city_events.c.time <= as_of)
    wanted: frozenset[str] | None = None
    if wards is not None and len(wards) <= FEW_WARDS:
        query = query.where(city_events.c.ward.in_(wards))
    elif wards is not None:
        wanted = frozenset(wards)
    # In the log's order, as the consumer folded them: a change whose sequence ties with the
    # fact's (an escalation raised twice) leaves the first one received, here as live.
    rows = await session.execute(query.order_by(city_events.c.position))
    # Rows as tuples, each event's changes folded as they come: no mapping per row, no
    # list of every change (a million events' worth for a late instant).
    found = (
        change
        for row in rows
        if wanted is None or row[0] in wanted  # FACT_COLUMNS begin with the ward
        for change in changes(**dict(zip(EVENT_FIELDS, row, strict=True)))
    )
    return list(fold(found).values())
