"""Proof (a): 2,000 events through the outbox while nats-server is killed and restarted twice;
the consumer ends with every event exactly once, in per-aggregate order."""

from __future__ import annotations

import asyncio
from collections import defaultdict

import pytest

from qcdc_shared.inbox import IdempotentConsumer
from qcdc_shared.outbox import OutboxRelay, outbox_backlog
from qcdc_shared.streams import ensure_ward_streams
from qcdc_shared.subjects import ward_stream
from qcdc_shared.tooling.nats_server import NatsServer

from .spine import (
    connect,
    count_received,
    prepared_database,
    produce,
    received_rows,
    record,
    running_consumer,
    wait_for,
)

pytestmark = pytest.mark.integration

WARD = "ben-thanh"
AGGREGATES, PER_AGGREGATE = 50, 40  # 2,000 events


async def test_every_event_arrives_once_in_order_across_two_broker_crashes(
    nats_server: NatsServer, database_url: str
) -> None:
    engine, sessionmaker = await prepared_database(database_url)
    producer_nc = await connect(nats_server.url)
    consumer_nc = await connect(nats_server.url)
    await ensure_ward_streams(producer_nc.jetstream(), WARD)
    relay = OutboxRelay(sessionmaker, producer_nc.jetstream().publish, sweep_interval=0.2)
    consumer = IdempotentConsumer(
        name="spine-proof",
        ward=WARD,
        sessionmaker=sessionmaker,
        handle=record,
        publish=consumer_nc.jetstream().publish,
        backoff=(0.1,),
    )
    crashes: list[int] = []

    async def crash_twice(written: int) -> None:
        relay.notify()
        if written in (600, 1400):  # mid-stream, while the relay and consumer are busy
            nats_server.stop(kill=True)
            crashes.append(written)
            await asyncio.sleep(0.5)  # requests keep landing in the outbox meanwhile
        if written in (800, 1600):
            nats_server.start()

    relay_task = asyncio.create_task(relay.run())
    try:
        async with running_consumer(nats_server.url, consumer, ward=WARD):
            written = await produce(
                sessionmaker,
                WARD,
                aggregates=AGGREGATES,
                per_aggregate=PER_AGGREGATE,
                per_commit=20,
                after_commit=crash_twice,
            )

            async def all_received() -> bool:
                return await count_received(sessionmaker) >= written

            await wait_for(all_received, 120, "the consumer to receive 2,000 events")
            await asyncio.sleep(1.0)  # let late redeliveries show themselves if any
            rows = await received_rows(sessionmaker)
    finally:
        relay_task.cancel()
        await asyncio.gather(relay_task, return_exceptions=True)

    info = await producer_nc.jetstream().stream_info(ward_stream(WARD))
    async with sessionmaker() as session:
        backlog = await outbox_backlog(session)
    await producer_nc.close()
    await consumer_nc.close()
    await engine.dispose()

    event_ids = [event_id for event_id, _, _ in rows]
    assert written == 2000 and crashes == [600, 1400] and nats_server.starts == 3
    assert len(event_ids) == 2000, "an event was lost or applied twice"
    assert len(set(event_ids)) == 2000
    by_aggregate: dict[str, list[int]] = defaultdict(list)
    for _, aggregate, sequence in rows:
        by_aggregate[aggregate].append(sequence)
    assert len(by_aggregate) == AGGREGATES
    for aggregate, sequences in by_aggregate.items():
        assert sequences == list(range(1, PER_AGGREGATE + 1)), f"{aggregate} out of order"
    assert info.state.messages == 2000, "the stream stored a duplicate"
    assert backlog == 0
    print(
        f"\nproof (a) {database_url.split(':')[0]}: events={written} broker restarts=2 "
        f"relay published={relay.stats.published} duplicates seen by JetStream="
        f"{relay.stats.duplicates} relay pauses={relay.stats.failures} "
        f"consumer processed={consumer.processed} redeliveries ignored={consumer.duplicates} "
        f"stream messages={info.state.messages}"
    )
