"""The gateway's durable consumer of QCDC_CITY: every ward's events into the city's log, its
facts, and the city's copy of ledger heads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.db import record_ledger_head
from qcdc_gateway.adapters.log import record_event
from qcdc_gateway.domain.projection import POSTING_EVENT_PREFIX, ledger_head
from qcdc_shared.envelope import Envelope
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer
from qcdc_shared.streams import CITY_STREAM


async def project(
    session: AsyncSession, envelope: Envelope, *, now: dt.datetime, refold: bool = False
) -> None:
    if not await record_event(session, envelope, now=now, refold=refold):
        return  # the log has it: a redelivery, or a replay after a restart
    if envelope.type.startswith(POSTING_EVENT_PREFIX):
        # Any version of any posting event: the head is the city's evidence, whatever the shape.
        head = ledger_head(envelope.ward, envelope.data)
        if head is not None:
            await record_ledger_head(session, head, at=now)


def consumers(runtime: Runtime, *, committed: Callable[[], None] | None = None) -> list[Consumer]:
    """``committed`` is called once an event's transaction has committed (it wakes the open
    ``/api/stream`` responses, which read the log and would not see the row any earlier)."""

    async def handle(session: AsyncSession, envelope: Envelope) -> None:
        await project(session, envelope, now=runtime.clock.now())
        if committed is not None:
            event.listen(session.sync_session, "after_commit", lambda _: committed(), once=True)

    return [
        Consumer(name="gateway-projections", stream=CITY_STREAM, subject="qcdc.>", handle=handle)
    ]
