"""The gateway's durable consumers of QCDC_CITY: every ward's events into the city's log, its
facts, and the city's copy of ledger heads (handlers/projection.py), in the inbox's
transaction; and the webhooks' deliveries each event owes (webhooks/consumer.py)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.batch import BatchedProjections
from qcdc_gateway.handlers.projection import project_batch
from qcdc_gateway.webhooks import consumer as webhooks
from qcdc_shared.envelope import Envelope
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer
from qcdc_shared.streams import CITY_STREAM

# Events folded per transaction: a commit per event was what capped the city's catch-up.
BATCH_SIZE = 500


def consumers(
    runtime: Runtime,
    *,
    wards: Collection[str],
    committed: Callable[[], None] | None = None,
    webhooks_recorded: Callable[[], None] | None = None,
) -> list[Consumer]:
    """``wards``: the registry's, the only ones whose events the city believes (a ward stream
    QCDC_CITY still sources after its ward left the registry is refused). ``committed`` is
    called once a batch's transaction has committed (it wakes the open ``/api/stream``
    responses, which read the log and would not see the row any earlier);
    ``webhooks_recorded`` once deliveries are (it wakes the webhooks' dispatcher)."""

    async def handle_batch(session: AsyncSession, envelopes: Sequence[Envelope]) -> None:
        projections = BatchedProjections(session)
        await project_batch(uow=projections, envelopes=envelopes, at=runtime.clock.now())

    async def handle(session: AsyncSession, envelope: Envelope) -> None:
        await handle_batch(session, [envelope])

    return [
        Consumer(
            name="gateway-projections",
            stream=CITY_STREAM,
            subject="qcdc.>",
            handle=handle,
            handle_batch=handle_batch,
            after_commit=committed,
            wards=wards,
            batch_size=BATCH_SIZE,
        ),
        webhooks.consumer(runtime, wards=wards, recorded=webhooks_recorded),
    ]
