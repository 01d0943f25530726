"""Proof (c): a malformed message and a poison event land in QCDC_DLQ with their reason and
delivery count; the consumer carries on with the events after them."""

from __future__ import annotations

import json

import pytest

from qcdc_shared.inbox import IdempotentConsumer
from qcdc_shared.outbox import OutboxRelay
from qcdc_shared.streams import DLQ_STREAM
from qcdc_shared.subjects import dlq_subject
from qcdc_shared.tooling.nats_server import NatsServer

from .spine import (
    count_received,
    produce,
    record,
    running_batch_consumer,
    running_consumer,
    wait_for,
    ward_with_database,
)

pytestmark = pytest.mark.integration

WARD = "tan-dinh"
MAX_DELIVER = 3


@pytest.mark.parametrize("pulled", ["one at a time", "in batches"])
async def test_poison_messages_are_dead_lettered_and_the_consumer_carries_on(
    nats_server: NatsServer, database_url: str, pulled: str
) -> None:
    """In batches (the gateway's way) a poison event fails its whole batch's transaction; the
    batch is then applied one message at a time, so only the poison is retried."""
    engine, sessionmaker, nc = await ward_with_database(nats_server.url, database_url, WARD)
    js = nc.jetstream()

    async def refuse_aggregate_7(session, envelope):  # type: ignore[no-untyped-def]
        if envelope.subject == "agg-007":
            raise ValueError("handler cannot apply this event")
        await record(session, envelope)

    consumer = IdempotentConsumer(
        name="dlq-proof",
        ward=WARD,
        sessionmaker=sessionmaker,
        handle=refuse_aggregate_7,
        publish=js.publish,
        max_deliver=MAX_DELIVER,
        backoff=(0.05, 0.1),
    )
    await js.publish(
        f"qcdc.{WARD}.publicity.posting.published",
        b"{not json",
        headers={"Nats-Msg-Id": "garbage-1"},
    )
    await js.publish(
        f"qcdc.{WARD}.publicity.posting.published",
        json.dumps({"specversion": "1.0", "id": "x"}).encode(),
        headers={"Nats-Msg-Id": "garbage-2"},
    )
    written = await produce(sessionmaker, WARD, aggregates=10, per_aggregate=3, per_commit=10)
    await OutboxRelay(sessionmaker, js.publish).drain()

    running = running_consumer if pulled == "one at a time" else running_batch_consumer
    async with running(nats_server.url, consumer, ward=WARD):

        async def settled() -> bool:
            return await count_received(sessionmaker) == written - 3 and consumer.dead_lettered == 5

        await wait_for(settled, 30, "good events applied and poison dead-lettered")

    dlq = await js.stream_info(DLQ_STREAM)
    sub = await js.pull_subscribe(dlq_subject(ward=WARD, consumer="dlq-proof"), stream=DLQ_STREAM)
    letters = [json.loads(m.data) for m in await sub.fetch(10, timeout=2)]
    await nc.close()
    await engine.dispose()

    assert dlq.state.messages == 5
    malformed = [letter for letter in letters if letter["reason"].startswith("malformed")]
    failed = [letter for letter in letters if letter["reason"].startswith("handler failed")]
    assert len(malformed) == 2 and all(letter["delivery_count"] == 1 for letter in malformed)
    assert len(failed) == 3 and all(letter["delivery_count"] == MAX_DELIVER for letter in failed)
    assert all(letter["original_subject"].startswith(f"qcdc.{WARD}.") for letter in letters)
    assert "cannot apply" in failed[0]["reason"]
    assert consumer.processed == written - 3
