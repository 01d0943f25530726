"""Issue 20, item 6: examples/observer.py, run as an outsider would, against a real hub.

A hub and a ward's leaf (``qcdc deploy nats``'s configuration); the ward publishes events, the
city stream sources them, and the example reads them with the ``observer`` identity from the
time the third was stored. The time comes from the server's own record of that message, not
from a clock of this test.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from qcdc_shared.envelope import IntegrationEvent, build_envelope
from qcdc_shared.registry import load_registry
from qcdc_shared.streams import CITY_EVENTS_STREAM, CITY_STREAM, DLQ_STREAM
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.hub_leaf import HubAndLeaves

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "observer.py"
WARD = "ben-thanh"
# The time an event says it was recorded (its envelope's time), not what the reader filters on.
RECORDED = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


class TaskProgressedV1(IntegrationEvent):
    # A synthetic event: what the observer reads is any ward event the city stream sources.
    service: ClassVar[str] = "plans"
    aggregate: ClassVar[str] = "task"
    event: ClassVar[str] = "progressed"

    task_id: str


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubAndLeaves]:
    registry = load_registry(ROOT / "deploy" / "wards.toml").only([WARD])
    servers = HubAndLeaves(registry, tmp_path_factory.mktemp("observer")).start()
    try:
        asyncio.run(servers.ensure_streams())
        yield servers
    finally:
        servers.stop()


async def _publish(city: HubAndLeaves, tasks: list[str]) -> None:
    client = await city.services(WARD).connect()
    try:
        js = client.jetstream()
        for task in tasks:
            envelope = build_envelope(
                TaskProgressedV1(task_id=task),
                ward=WARD,
                aggregate_id=task,
                sequence=1,
                time=RECORDED,
            )
            ack = await js.publish(
                envelope.nats_subject, envelope.to_json(), headers={"Nats-Msg-Id": envelope.id}
            )
            assert ack.stream == ward_stream(WARD)
    finally:
        await client.close()


async def _sourced(city: HubAndLeaves, count: int) -> None:
    admin = await city.admin().connect()
    try:

        async def there() -> bool:
            info = await admin.jetstream().stream_info(CITY_STREAM)
            return info.state.messages >= count

        await eventually(there, within=30, what=f"{count} events in {CITY_STREAM}")
    finally:
        await admin.close()


async def _stored_at(city: HubAndLeaves, sequence: int) -> dt.datetime:
    admin = await city.admin().connect()
    try:
        stored = (await admin.jetstream().get_msg(CITY_STREAM, sequence)).time
        assert stored is not None
        return stored
    finally:
        await admin.close()


def _run_example(city: HubAndLeaves, since: dt.datetime, durable: str) -> list[str]:
    observer = city.observer()
    assert observer.user == "observer"
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), observer.url, since.isoformat(), "--durable", durable],
        env={**os.environ, "QCDC_OBSERVER_PASSWORD": observer.password or ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [line.split()[3] for line in done.stdout.splitlines()]  # the aggregate ids


async def test_the_example_reads_the_city_stream_from_a_given_time(city: HubAndLeaves) -> None:
    await _publish(city, ["t-1", "t-2"])
    await _sourced(city, 2)
    await asyncio.sleep(0.01)  # the next events are stored strictly later
    await _publish(city, ["t-3", "t-4"])
    await _sourced(city, 4)
    since = await _stored_at(city, 3)

    read = await asyncio.to_thread(_run_example, city, since, "observer-example-test")
    assert read == ["t-3", "t-4"]
    # The durable remembers: a second run reads only what came since.
    await _publish(city, ["t-5"])
    await _sourced(city, 5)
    read = await asyncio.to_thread(_run_example, city, since, "observer-example-test")
    assert read == ["t-5"]


async def test_the_observer_may_neither_publish_nor_read_another_stream(
    city: HubAndLeaves,
) -> None:
    refusals: asyncio.Queue[str] = asyncio.Queue()

    async def on_error(error: Exception) -> None:
        await refusals.put(str(error).lower())

    observer = await city.observer().connect(error_cb=on_error, max_reconnect_attempts=0)

    async def refused(subject: str) -> None:
        wanted = f'permissions violation for publish to "{subject.lower()}"'
        async with asyncio.timeout(5):
            while wanted not in await refusals.get():
                pass

    try:
        for subject in (
            f"qcdc.{WARD}.plans.task.progressed",  # no event of its own
            "qcdc.city.gateway.escalation.opened",
            f"dlq.{WARD}.oversight-detector",
            f"$JS.API.STREAM.INFO.{CITY_EVENTS_STREAM}",  # only QCDC_CITY
            f"$JS.API.CONSUMER.CREATE.{DLQ_STREAM}",
            f"$JS.{WARD}.API.STREAM.INFO.{ward_stream(WARD)}",  # nor a ward's own stream
            f"$JS.API.CONSUMER.DURABLE.CREATE.{CITY_STREAM}.gateway-projections",
        ):
            await observer.publish(subject, b"{}")
            await refused(subject)
    finally:
        await observer.close()
