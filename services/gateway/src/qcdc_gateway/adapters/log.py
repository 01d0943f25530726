"""The city's event log and facts in the gateway database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.db import city_events, city_facts
from qcdc_gateway.domain.facts import Change, Fact, changes, fold
from qcdc_shared.envelope import Envelope


def changes_of(envelope: Envelope) -> list[Change]:
    return changes(
        ward=envelope.ward,
        type=envelope.type,
        subject=envelope.subject,
        sequence=envelope.sequence,
        time=envelope.time,
        data=envelope.data,
    )


async def record_event(
    session: AsyncSession, envelope: Envelope, *, now: dt.datetime, refold: bool = False
) -> bool:
    """Append an event to the log and merge it into the facts; False if the log had it
    (unless ``refold``: a rebuild merges it again, keeping its place in the log)."""
    known = await session.scalar(
        select(city_events.c.position).where(city_events.c.id == envelope.id)
    )
    if known is not None and not refold:
        return False
    if known is None:
        await session.execute(
            city_events.insert().values(
                id=envelope.id,
                ward=envelope.ward,
                type=envelope.type,
                subject=envelope.subject,
                sequence=envelope.sequence,
                time=envelope.time,
                data=envelope.data,
                received_at=now,
            )
        )
    for change in changes_of(envelope):
        await apply_change(session, change)
    return True


def _key(change: Change | Fact) -> tuple[Any, ...]:
    return (
        city_facts.c.ward == change.ward,
        city_facts.c.kind == change.kind,
        city_facts.c.subject == change.subject,
    )


async def apply_change(session: AsyncSession, change: Change) -> None:
    row = (await session.execute(select(city_facts).where(*_key(change)))).mappings().first()
    fact = Fact(change.ward, change.kind, change.subject)
    if row is not None:
        fact.fields = dict(row["fields"])
        fact.versions = dict(row["versions"])
        fact.first_seen = row["first_seen"]
    if not fact.apply(change):
        return
    values = {"fields": fact.fields, "versions": fact.versions, "first_seen": fact.first_seen}
    if row is None:
        await session.execute(
            city_facts.insert().values(
                ward=fact.ward, kind=fact.kind, subject=fact.subject, **values
            )
        )
    else:
        await session.execute(city_facts.update().where(*_key(change)).values(**values))


async def current_facts(
    session: AsyncSession, *, wards: Sequence[str] | None = None, kinds: Sequence[str] | None = None
) -> list[Fact]:
    query = select(city_facts)
    if wards is not None:
        query = query.where(city_facts.c.ward.in_(wards))
    if kinds is not None:
        query = query.where(city_facts.c.kind.in_(kinds))
    rows = (await session.execute(query)).mappings()
    return [
        Fact(
            r["ward"],
            r["kind"],
            r["subject"],
            dict(r["fields"]),
            dict(r["versions"]),
            r["first_seen"],
        )
        for r in rows
    ]


async def facts_as_of(
    session: AsyncSession, as_of: dt.datetime, *, wards: Sequence[str] | None = None
) -> list[Fact]:
    """The facts as the city could know them at ``as_of``: the log folded up to that time."""
    query = select(
        city_events.c.ward,
        city_events.c.type,
        city_events.c.subject,
        city_events.c.sequence,
        city_events.c.time,
        city_events.c.data,
    ).where(city_events.c.time <= as_of)
    if wards is not None:
        query = query.where(city_events.c.ward.in_(wards))
    found: list[Change] = []
    for row in await session.execute(query.order_by(city_events.c.position)):
        found += changes(
            ward=row.ward,
            type=row.type,
            subject=row.subject,
            sequence=row.sequence,
            time=row.time,
            data=row.data,
        )
    return list(fold(found).values())


async def clear_facts(session: AsyncSession) -> None:
    """Before a rebuild: the facts go and are folded again from the stream. The log stays, so
    its positions (what /api/events pages by and /api/stream resumes from) never move."""
    await session.execute(city_facts.delete())
