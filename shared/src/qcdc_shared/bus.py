"""FastStream wiring: a durable JetStream pull consumer with explicit ack (DESIGN §3)."""

from __future__ import annotations

from faststream.middlewares import AckPolicy
from faststream.nats import ConsumerConfig, JStream, NatsBroker, NatsMessage, PullSub
from nats.js.api import AckPolicy as JsAckPolicy
from nats.js.api import DeliverPolicy

from qcdc_shared.inbox import IdempotentConsumer


def durable_subscriber(
    broker: NatsBroker,
    consumer: IdempotentConsumer,
    *,
    stream: str,
    subject: str,
    ack_wait: float = 30.0,
) -> None:
    """Register ``consumer`` on ``broker`` as durable pull consumer ``consumer.name``.

    ``declare=False``: streams are created by ``qcdc_shared.streams``, never by a subscriber.
    One message per pull so a handler sees an aggregate's events in stream order; reordering
    that still happens (redelivery after a failure) is handled by ``sequence`` in handlers.
    """

    @broker.subscriber(
        subject,
        stream=JStream(name=stream, declare=False),
        durable=consumer.name,
        pull_sub=PullSub(batch_size=1, timeout=1.0),
        config=ConsumerConfig(
            ack_policy=JsAckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            ack_wait=ack_wait,
            # One more than ours: the server's cap only matters if we crash mid-retry.
            max_deliver=consumer.max_deliver + 1,
        ),
        ack_policy=AckPolicy.MANUAL,
    )
    async def on_message(msg: NatsMessage) -> None:
        await consumer.process(msg.raw_message)
