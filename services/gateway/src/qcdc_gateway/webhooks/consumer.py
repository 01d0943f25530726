"""The durable consumer ``gateway-webhooks`` on QCDC_CITY: each event's deliveries (one per
subscription that wants it) recorded in the transaction that acknowledges the event, so a
restart or a broker outage loses none and a redelivery records none twice (the inbox)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.webhooks.store import WebhookStore
from qcdc_shared.envelope import Envelope
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer
from qcdc_shared.streams import CITY_STREAM

NAME = "gateway-webhooks"
# Events per transaction: a city catching up after an outage records its deliveries in
# batches, not a commit per event.
BATCH_SIZE = 200


def consumer(
    runtime: Runtime, *, wards: Collection[str], recorded: Callable[[], None] | None = None
) -> Consumer:
    """``wards``: the registry's, as for the projections. ``recorded``: called once a batch's
    deliveries are committed (it wakes the dispatcher)."""

    async def handle_batch(session: AsyncSession, envelopes: Sequence[Envelope]) -> None:
        store = WebhookStore(session)
        subscriptions = await store.receiving()
        if subscriptions:
            await store.record(envelopes, subscriptions, at=runtime.clock.now())

    async def handle(session: AsyncSession, envelope: Envelope) -> None:
        await handle_batch(session, [envelope])

    return Consumer(
        name=NAME,
        stream=CITY_STREAM,
        subject="qcdc.>",
        handle=handle,
        handle_batch=handle_batch,
        after_commit=recorded,
        wards=wards,
        batch_size=BATCH_SIZE,
    )
