"""Proof (b): the relay dies after JetStream acknowledged a batch but before marking it sent;
the restarted relay publishes the batch again and nothing doubles."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qcdc_shared.outbox import OutboxRelay, outbox_backlog
from qcdc_shared.subjects import ward_stream
from qcdc_shared.tables import outbox
from qcdc_shared.tooling.nats_server import NatsServer

from .spine import produce, ward_with_database

pytestmark = pytest.mark.integration

WARD = "sai-gon"
BATCH = 150


async def test_relay_crash_between_publish_and_mark_doubles_nothing(
    nats_server: NatsServer, database_url: str
) -> None:
    engine, sessionmaker, nc = await ward_with_database(nats_server.url, database_url, WARD)
    js = nc.jetstream()
    written = await produce(sessionmaker, WARD, aggregates=10, per_aggregate=40, per_commit=25)

    crashed = await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            str(Path(__file__).with_name("crashing_relay.py")),
            database_url,
            nats_server.url,
            str(BATCH),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parents[2],
    )
    assert crashed.returncode == 137, crashed.stderr
    async with sessionmaker() as session:
        assert await outbox_backlog(session) == written, "the crash must leave every row unsent"
    assert (await js.stream_info(ward_stream(WARD))).state.messages == BATCH

    relay = OutboxRelay(sessionmaker, js.publish, batch_size=BATCH)
    sent = await relay.drain()

    info = await js.stream_info(ward_stream(WARD))
    async with sessionmaker() as session:
        backlog = await outbox_backlog(session)
        attempts = await session.scalar(select(func.sum(outbox.c.attempts)))
    await nc.close()
    await engine.dispose()
    assert sent == written == 400
    assert relay.stats.duplicates == BATCH, "JetStream must recognise the re-sent batch"
    assert info.state.messages == written, "a re-sent event was stored twice"
    assert backlog == 0 and attempts == written
    print(
        f"\nproof (b) {database_url.split(':')[0]}: events={written} crashed after publishing "
        f"{BATCH}; restarted relay sent={sent}, duplicates dropped by JetStream="
        f"{relay.stats.duplicates}, stream messages={info.state.messages}"
    )
