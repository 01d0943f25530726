"""The events a violation names as its evidence, as the city's event log holds them.

A violation carries only the ids of the events that prove it (OVS-DETECT); what each was (its
type, when, the aggregate it happened to) is in the city's event log, which the gateway keeps
from every ward's stream. The events are the event-carried state the wards publish to any
subscriber (DESIGN §3: no personal data), so showing them to the board adds nothing private.

A composition root without the city's log (a test, an instance with no database) sets
``app.state.portal_events``; an event the log does not hold yet is shown by its id alone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Final, Protocol

from fastapi import Request
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from qcdc_gateway.adapters.tables import city_events

log = logging.getLogger(__name__)

# A violation's evidence is a handful of events; the bound keeps one query small.
MOST: Final = 100


class EventLookup(Protocol):
    async def __call__(self, ward: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The ward's events among ``ids`` that are known, by id: type, subject, time, data."""
        ...


async def evidence_events(
    request: Request, ward: str, ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    wanted = list(dict.fromkeys(ids))[:MOST]
    if not wanted:
        return {}
    lookup: EventLookup | None = getattr(request.app.state, "portal_events", None)
    if lookup is not None:
        return await lookup(ward, wanted)
    runtime = getattr(request.app.state, "runtime", None)
    if runtime is None:
        return {}
    query = select(
        city_events.c.id,
        city_events.c.type,
        city_events.c.subject,
        city_events.c.time,
        city_events.c.data,
    ).where(city_events.c.ward == ward, city_events.c.id.in_(wanted))
    try:
        async with runtime.sessionmaker() as session:
            rows = (await session.execute(query)).all()
    except (SQLAlchemyError, OSError) as failed:
        # The page still shows the violation and its evidence ids.
        log.warning("city event log unreadable for evidence: %s", type(failed).__name__)
        return {}
    return {row.id: dict(row._mapping) for row in rows}
