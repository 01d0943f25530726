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
    Change,
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


async def facts_as_of(
    session: AsyncSession, as_of: dt.datetime, *, wards: Sequence[str] | None = None
) -> list[Fact]:
    """The facts as the city could know them at ``as_of``: the log folded up to that time."""
    query = select(*FACT_COLUMNS).where(city_events.c.time <= as_of)
    if wards is not None:
        query = query.where(city_events.c.ward.in_(wards))
    found: list[Change] = []
    for row in await session.execute(query.order_by(city_events.c.position)):
        found += changes(**row._mapping)
    return list(fold(found).values())
