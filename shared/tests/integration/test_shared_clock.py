"""The shared development clock on a real nats-server: the offset bucket and its watchers."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import nats
import pytest
from nats.aio.client import Client
from nats.js import JetStreamContext

from qcdc_shared.clock import (
    CLOCK_BUCKET,
    OFFSET_KEY,
    OffsetClock,
    SystemClock,
    clock_bucket,
    read_offset,
    watch_offset,
    write_offset,
)
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

THREE_DAYS = dt.timedelta(days=3)
SLACK = dt.timedelta(minutes=1)
# What an OffsetClock adds its offset to: the system clock, by definition, not the tests' now.
SYSTEM = SystemClock()


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    """A server whose clock bucket nobody has touched: these tests are about the bucket
    itself, so the harness's pinned clock (QCDC_TEST_NOW) is not written here."""
    server = NatsServer(tmp_path / "nats").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def client(nats_server: NatsServer) -> AsyncIterator[Client]:
    nc = await nats.connect(nats_server.url)
    try:
        yield nc
    finally:
        await nc.close()


@pytest.fixture
def js(client: Client) -> JetStreamContext:
    return client.jetstream()


@contextlib.asynccontextmanager
async def watching(js: JetStreamContext, clock: OffsetClock) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(watch_offset(js, clock))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def ahead_by(clock: OffsetClock, offset: dt.timedelta) -> Callable[[], bool]:
    """True when the clock shows real time plus ``offset``, give or take a minute."""

    def check() -> bool:
        shift = clock.now() - SYSTEM.now()
        return offset - SLACK <= shift <= offset + SLACK

    return check


async def test_no_offset_written_reads_as_zero_and_creates_the_bucket(
    js: JetStreamContext,
) -> None:
    assert await read_offset(js) == dt.timedelta(0)
    assert (await js.key_value(CLOCK_BUCKET)) is not None


@pytest.mark.parametrize(
    "offset",
    [THREE_DAYS, dt.timedelta(hours=-12), dt.timedelta(days=1, seconds=1.5), dt.timedelta(0)],
)
async def test_written_offset_reads_back(js: JetStreamContext, offset: dt.timedelta) -> None:
    await write_offset(js, offset)
    assert await read_offset(js) == offset


async def test_latest_write_wins(js: JetStreamContext) -> None:
    await write_offset(js, THREE_DAYS)
    await write_offset(js, dt.timedelta(days=10))
    assert await read_offset(js) == dt.timedelta(days=10)


async def test_offset_is_shared_between_connections(
    js: JetStreamContext, nats_server: NatsServer
) -> None:
    await write_offset(js, THREE_DAYS)
    other = await nats.connect(nats_server.url)
    try:
        assert await read_offset(other.jetstream()) == THREE_DAYS
    finally:
        await other.close()


async def test_watcher_follows_each_write(js: JetStreamContext) -> None:
    clock = OffsetClock()
    async with watching(js, clock) as task:
        await asyncio.sleep(0.1)  # let the watcher subscribe before the first write
        await write_offset(js, THREE_DAYS)
        await eventually(ahead_by(clock, THREE_DAYS))
        assert clock.now() >= SYSTEM.now() + THREE_DAYS - SLACK

        await write_offset(js, dt.timedelta(0))
        await eventually(lambda: clock.offset == dt.timedelta(0))
        assert abs(clock.now() - SYSTEM.now()) < SLACK
        assert not task.done()


async def test_watcher_started_later_picks_up_the_current_value(js: JetStreamContext) -> None:
    await write_offset(js, dt.timedelta(days=1))
    await write_offset(js, THREE_DAYS)  # history holds both: the latest must win
    clock = OffsetClock()
    async with watching(js, clock):
        await eventually(lambda: clock.offset == THREE_DAYS)


async def test_deleting_the_key_returns_to_real_time(js: JetStreamContext) -> None:
    await write_offset(js, THREE_DAYS)
    clock = OffsetClock()
    async with watching(js, clock):
        await eventually(lambda: clock.offset == THREE_DAYS)
        await (await clock_bucket(js)).delete(OFFSET_KEY)
        await eventually(lambda: clock.offset == dt.timedelta(0))
    assert await read_offset(js) == dt.timedelta(0)


async def test_watcher_stops_when_cancelled(js: JetStreamContext) -> None:
    clock = OffsetClock()
    async with watching(js, clock) as task:
        await write_offset(js, THREE_DAYS)
        await eventually(lambda: clock.offset == THREE_DAYS)
    assert task.cancelled()
    await write_offset(js, dt.timedelta(days=9))
    await asyncio.sleep(0.2)
    assert clock.offset == THREE_DAYS
