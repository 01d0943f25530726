"""What the spine proofs share: a producer of genuine events, a recording consumer, NATS
clients."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import nats
from faststream.nats import NatsBroker
from nats.aio.client import Client
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from qcdc_publicity.contracts import CommentReceivedV1
from qcdc_shared.bus import durable_subscriber, pull_in_batches
from qcdc_shared.db import make_engine, make_sessionmaker
from qcdc_shared.envelope import Envelope, build_envelope
from qcdc_shared.inbox import IdempotentConsumer
from qcdc_shared.migrations import upgrade
from qcdc_shared.outbox import add_to_outbox
from qcdc_shared.streams import ensure_ward_streams
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.waiting import eventually

consumer_metadata = MetaData()
received = Table(
    "received",
    consumer_metadata,
    Column("position", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False),  # not unique: duplicates must be visible
    Column("aggregate_id", String(64), nullable=False),
    Column("sequence", Integer, nullable=False),
)


async def prepared_database(url: str) -> tuple[AsyncEngine, async_sessionmaker[AsyncSession]]:
    await upgrade(url)
    engine = make_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(consumer_metadata.create_all)
    return engine, make_sessionmaker(engine)


async def ward_with_database(
    nats_url: str, database_url: str, ward: str
) -> tuple[AsyncEngine, async_sessionmaker[AsyncSession], Client]:
    """A migrated database and a client of a server that carries the ward's streams."""
    engine, sessionmaker = await prepared_database(database_url)
    client = await connect(nats_url)
    await ensure_ward_streams(client.jetstream(), ward)
    return engine, sessionmaker, client


def probe(ward: str, aggregate: int, sequence: int) -> Envelope:
    """The ``sequence``-th comment on draft ``aggregate``: a genuine event, as consumers believe
    only what honours its published contract."""
    now = TestClock.pinned().now()
    aggregate_id = f"agg-{aggregate:03d}"
    comment = CommentReceivedV1(
        consultation_id=aggregate_id,
        ward=ward,
        comment_id=f"{aggregate}:{sequence}",
        received_at=now,
        comments_received=sequence,
        version=sequence,
    )
    return build_envelope(
        comment, ward=ward, aggregate_id=aggregate_id, sequence=sequence, time=now
    )


async def produce(
    sessionmaker: async_sessionmaker[AsyncSession],
    ward: str,
    *,
    aggregates: int,
    per_aggregate: int,
    per_commit: int,
    after_commit: Callable[[int], Awaitable[None]] | None = None,
) -> int:
    """Interleave aggregates: commit k holds the next events of several aggregates."""
    pending = [
        probe(ward, aggregate, sequence)
        for sequence in range(1, per_aggregate + 1)
        for aggregate in range(aggregates)
    ]
    written = 0
    for start in range(0, len(pending), per_commit):
        async with sessionmaker.begin() as session:
            await add_to_outbox(session, *pending[start : start + per_commit])
        written += len(pending[start : start + per_commit])
        if after_commit:
            await after_commit(written)
    return written


async def record(session: AsyncSession, envelope: Envelope) -> None:
    await session.execute(
        received.insert().values(
            event_id=envelope.id, aggregate_id=envelope.subject, sequence=envelope.sequence
        )
    )


async def received_rows(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> list[tuple[str, str, int]]:
    async with sessionmaker() as session:
        rows = await session.execute(
            select(received.c.event_id, received.c.aggregate_id, received.c.sequence).order_by(
                received.c.position
            )
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


async def count_received(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(received)) or 0)


async def wait_for(predicate: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    await eventually(predicate, within=within, what=what)


async def connect(url: str) -> Client:
    """A client that rides out server restarts for as long as a test runs."""
    return await nats.connect(
        url, max_reconnect_attempts=-1, reconnect_time_wait=0.1, connect_timeout=2
    )


@asynccontextmanager
async def running_batch_consumer(
    url: str, consumer: IdempotentConsumer, *, ward: str, batch_size: int = 8
) -> AsyncIterator[None]:
    """``consumer`` pulled a batch at a time, as the gateway's is (bus.pull_in_batches)."""
    client = await nats.connect(url, max_reconnect_attempts=-1, reconnect_time_wait=0.1)
    task = asyncio.create_task(
        pull_in_batches(
            client,
            consumer,
            stream=ward_stream(ward),
            subject=f"qcdc.{ward}.>",
            batch_size=batch_size,
            ack_wait=5.0,
        )
    )
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await client.close()


@asynccontextmanager
async def running_consumer(
    url: str, consumer: IdempotentConsumer, *, ward: str
) -> AsyncIterator[NatsBroker]:
    broker = NatsBroker(url, max_reconnect_attempts=-1, reconnect_time_wait=0.1)
    durable_subscriber(
        broker, consumer, stream=ward_stream(ward), subject=f"qcdc.{ward}.>", ack_wait=5.0
    )
    await broker.start()
    try:
        yield broker
    finally:
        await broker.stop()
