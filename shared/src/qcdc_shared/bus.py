"""FastStream wiring: a durable JetStream pull consumer with explicit ack (DESIGN §3)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from faststream.middlewares import AckPolicy
from faststream.nats import ConsumerConfig, JStream, NatsBroker, NatsMessage, PullSub
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.api import AckPolicy as JsAckPolicy
from nats.js.api import DeliverPolicy

from qcdc_shared.inbox import IdempotentConsumer
from qcdc_shared.telemetry import batch_span

# A batch consumer's wait for the first event of a batch (any length: it returns as soon as one
# arrives) and for the rest already waiting (the server answers at once; the wait only matters
# when nothing else is there).
IDLE_FETCH_SECONDS = 5.0
WAITING_FETCH_SECONDS = 0.005

log = logging.getLogger(__name__)


@dataclass
class Deliveries:
    """What a durable consumer received, for ``/metrics``: every delivery, and those the server
    made again (after a ``nak``, an ack wait run out, a process that died before its ack).
    Counted as they arrive, so a batch retried one by one is not counted twice."""

    received: int = 0
    redelivered: int = 0

    def note(self, msg: Msg) -> None:
        self.received += 1
        try:
            again = int(msg.metadata.num_delivered) > 1
        except Exception:  # not a JetStream delivery (no ack subject): nothing to count
            return
        if again:
            self.redelivered += 1


def durable_subscriber(
    broker: NatsBroker,
    consumer: IdempotentConsumer,
    *,
    stream: str,
    subject: str,
    ack_wait: float = 30.0,
    deliveries: Deliveries | None = None,
) -> None:
    """Register ``consumer`` on ``broker`` as durable pull consumer ``consumer.name``.

    ``declare=False``: streams are created by ``qcdc_shared.streams``, never by a subscriber.
    One message per pull so a handler sees an aggregate's events in stream order (a larger
    pull would be handled concurrently: :func:`pull_in_batches` is the batched way);
    reordering that still happens (redelivery after a failure) is handled by ``sequence`` in
    handlers.
    """
    config = _config(consumer, ack_wait)
    source = JStream(name=stream, declare=False)

    @broker.subscriber(
        subject,
        stream=source,
        durable=consumer.name,
        pull_sub=PullSub(batch_size=1, timeout=1.0),
        config=config,
        ack_policy=AckPolicy.MANUAL,
    )
    async def on_message(msg: NatsMessage) -> None:
        if deliveries is not None:
            deliveries.note(msg.raw_message)
        await consumer.process(msg.raw_message)


async def pull_in_batches(
    client: Client,
    consumer: IdempotentConsumer,
    *,
    stream: str,
    subject: str,
    batch_size: int,
    ack_wait: float = 30.0,
    deliveries: Deliveries | None = None,
) -> None:
    """Run durable pull consumer ``consumer.name`` a batch at a time, forever: wait for one
    event, take whatever else is already waiting (up to ``batch_size``), apply them in stream
    order in one transaction (``IdempotentConsumer.process_batch``). A quiet city's event is
    folded at once, a busy one's in batches.

    nats-py directly rather than FastStream's batch subscriber: that one fills each batch
    until its timeout (the latency of every event when the city is quiet) and dies on the
    plain ``TimeoutError`` nats-py raises when a fetch's time is already spent.
    """
    config = _config(consumer, ack_wait)
    delay = 0.5
    while True:
        pull: JetStreamContext.PullSubscription | None = None
        try:
            js = client.jetstream()
            pull = await js.pull_subscribe(
                subject, durable=consumer.name, stream=stream, config=config
            )
            delay = 0.5
            while True:
                try:
                    first = await pull.fetch(1, timeout=IDLE_FETCH_SECONDS)
                except TimeoutError:  # nats-py's own subclass, or the builtin
                    stop_if_cancelled()
                    continue
                batch = first + await waiting(pull, batch_size - 1)
                if deliveries is not None:
                    for msg in batch:
                        deliveries.note(msg)
                with batch_span(f"{stream} process", [msg.headers for msg in batch]):
                    await consumer.process_batch(batch)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the stream not made yet, NATS away: try again
            stop_if_cancelled()
            log.warning("%s: pulling paused (%s); again in %.1fs", consumer.name, error, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)
        finally:
            if pull is not None:  # what arrives there late would wait out its ack wait
                with contextlib.suppress(Exception):
                    await pull.unsubscribe()


def stop_if_cancelled() -> None:
    """nats-py's wait_for can turn a cancellation into a timeout on Python 3.11: a loop that
    carries on after one must still stop when its task was asked to."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


async def waiting(pull: JetStreamContext.PullSubscription, most: int) -> list[Msg]:
    """Up to ``most`` messages the stream already holds for ``pull`` (a fetch answers with
    some of them at a time; an empty one waits ``WAITING_FETCH_SECONDS`` and ends it)."""
    found: list[Msg] = []
    while len(found) < most:
        try:
            found += await pull.fetch(most - len(found), timeout=WAITING_FETCH_SECONDS)
        except TimeoutError:  # nothing more waiting
            break
    return found


def _config(consumer: IdempotentConsumer, ack_wait: float) -> ConsumerConfig:
    return ConsumerConfig(
        ack_policy=JsAckPolicy.EXPLICIT,
        deliver_policy=DeliverPolicy.ALL,
        ack_wait=ack_wait,
        # One more than ours: the server's cap only matters if we crash mid-retry.
        max_deliver=consumer.max_deliver + 1,
    )
