"""The gateway's durable consumer of QCDC_CITY: every ward's events into the city's log, its
facts, and the city's copy of ledger heads (handlers/projection.py), in the inbox's
transaction."""

from __future__ import annotations

from collections.abc import Callable, Collection

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.handlers.projection import project
from qcdc_gateway.unit_of_work import SqlGatewayUnitOfWork
from qcdc_shared.envelope import Envelope
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer
from qcdc_shared.streams import CITY_STREAM


def consumers(
    runtime: Runtime, *, wards: Collection[str], committed: Callable[[], None] | None = None
) -> list[Consumer]:
    """``wards``: the registry's, the only ones whose events the city believes (a ward stream
    QCDC_CITY still sources after its ward left the registry is refused). ``committed`` is
    called once an event's transaction has committed (it wakes the open ``/api/stream``
    responses, which read the log and would not see the row any earlier)."""

    async def handle(session: AsyncSession, envelope: Envelope) -> None:
        uow = SqlGatewayUnitOfWork.joining(runtime, session)
        await project(uow=uow, envelope=envelope, at=uow.clock.now())
        await uow.stage()

    return [
        Consumer(
            name="gateway-projections",
            stream=CITY_STREAM,
            subject="qcdc.>",
            handle=handle,
            after_commit=committed,
            wards=wards,
        )
    ]
