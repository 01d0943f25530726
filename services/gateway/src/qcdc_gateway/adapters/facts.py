"""The city's facts in the gateway database: one row per ward aggregate, what the log folds
into (domain/facts.py) and what live indicators, exports and the queue read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, RowMapping, select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.tables import city_facts
from qcdc_gateway.domain.facts import Fact


def _key(ward: str, kind: str, subject: str) -> tuple[ColumnElement[bool], ...]:
    return (city_facts.c.ward == ward, city_facts.c.kind == kind, city_facts.c.subject == subject)


def fact_from_row(row: RowMapping) -> Fact:
    return Fact(
        row["ward"],
        row["kind"],
        row["subject"],
        dict(row["fields"]),
        dict(row["versions"]),
        row["first_seen"],
    )


class SqlFacts:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, ward: str, kind: str, subject: str) -> Fact | None:
        query = select(city_facts).where(*_key(ward, kind, subject))
        row = (await self.session.execute(query)).mappings().first()
        return fact_from_row(row) if row is not None else None

    async def add(self, fact: Fact) -> None:
        await self.session.execute(
            city_facts.insert().values(
                ward=fact.ward, kind=fact.kind, subject=fact.subject, **fact_values(fact)
            )
        )

    async def save(self, fact: Fact) -> None:
        await self.session.execute(
            city_facts.update()
            .where(*_key(fact.ward, fact.kind, fact.subject))
            .values(**fact_values(fact))
        )


def fact_values(fact: Fact) -> dict[str, Any]:
    return {"fields": fact.fields, "versions": fact.versions, "first_seen": fact.first_seen}


async def current_facts(
    session: AsyncSession, *, wards: Sequence[str] | None = None, kinds: Sequence[str] | None = None
) -> list[Fact]:
    query = select(city_facts)
    if wards is not None:
        query = query.where(city_facts.c.ward.in_(wards))
    if kinds is not None:
        query = query.where(city_facts.c.kind.in_(kinds))
    return [fact_from_row(row) for row in (await session.execute(query)).mappings()]


async def clear_facts(session: AsyncSession) -> None:
    """Before a rebuild: the facts go and are folded again from the stream. The log stays, so
    its positions (what /api/events pages by and /api/stream resumes from) never move."""
    await session.execute(city_facts.delete())
