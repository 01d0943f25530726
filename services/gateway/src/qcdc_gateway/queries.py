"""Indicators as the API and the exports ask for them: live from the facts, or as of an
instant from the log; per ward, and for the whole city."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from qcdc_gateway.adapters.facts import current_facts
from qcdc_gateway.adapters.log import facts_as_of
from qcdc_gateway.domain.facts import Fact
from qcdc_gateway.domain.indicators import FLOWS, Calendar, Period, indicators
from qcdc_shared.runtime import Runtime


async def facts_for(
    runtime: Runtime, *, as_of: dt.datetime | None, wards: Sequence[str] | None = None
) -> tuple[list[Fact], dt.datetime]:
    """The facts known at ``as_of`` (now, by the shared clock, when None) and that instant."""
    async with runtime.sessionmaker() as session:
        if as_of is None:
            return await current_facts(session, wards=wards), runtime.clock.now()
        return await facts_as_of(session, as_of, wards=wards), as_of


def per_ward(
    facts: list[Fact], wards: Sequence[str], *, now: dt.datetime, period: Period, calendar: Calendar
) -> dict[str, dict[str, Any]]:
    grouped: dict[str, list[Fact]] = {ward: [] for ward in wards}
    for fact in facts:
        if fact.ward in grouped:
            grouped[fact.ward].append(fact)
    return {
        ward: indicators(found, now=now, period=period, calendar=calendar)
        for ward, found in grouped.items()
    }


def monthly(
    facts: list[Fact], *, year: int, now: dt.datetime, calendar: Calendar
) -> list[dict[str, Any]]:
    """One row per month of ``year``: the trend a chart draws (flows only: a state such as
    ``violations_open`` is today's, not a month's)."""
    rows = []
    for month in range(1, 13):
        values = indicators(facts, now=now, period=Period(year, month), calendar=calendar)
        rows.append({"month": f"{year}-{month:02d}"} | {name: values[name] for name in FLOWS})
    return rows
