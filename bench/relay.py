"""The outbox relay: committed outbox rows of one ward's database to JetStream acks.

``relay_ratio`` sets ``OutboxRelay.drain`` over ``relay_events`` committed rows (petitions
received, a few events per aggregate, interleaved as commits interleave them) beside raw
nats-py publishing the same payloads with the same guarantee: every event acknowledged by
JetStream, in order within its aggregate (each aggregate's events one after another,
aggregates side by side, as the relay does). The rows are written anew for each round with
new event ids, so the stream's duplicate window never answers for either.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import uuid
from collections import defaultdict
from pathlib import Path

import nats
from city_stream import VERSIONS, event_of
from figures import Figure, Scale, median
from sqlalchemy import select

from qcdc_shared.db import infrastructure_metadata, make_engine, make_sessionmaker
from qcdc_shared.envelope import CONTENT_TYPE, Envelope, build_envelope
from qcdc_shared.migrations import upgrade
from qcdc_shared.outbox import OutboxRelay, add_to_outbox
from qcdc_shared.streams import ensure_ward_streams
from qcdc_shared.tables import outbox
from qcdc_shared.tooling.nats_server import NatsServer

WARD = "ben-thanh"
AT = dt.datetime(2026, 11, 2, 8, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def events(count: int) -> list[Envelope]:
    """``count`` events, ``VERSIONS`` per petition, interleaved across petitions."""
    petitions = [str(uuid.uuid4()) for _ in range(max(1, count // VERSIONS))]
    found = [
        build_envelope(
            event_of(WARD, petition, False, version, AT, AT),
            ward=WARD,
            aggregate_id=petition,
            sequence=version,
            time=AT,
        )
        for version in range(1, VERSIONS + 1)
        for petition in petitions
    ]
    return found[:count]


async def raw(js: nats.js.JetStreamContext, envelopes: list[Envelope], lanes: int) -> float:
    """Events per second: each aggregate's events in order, ``lanes`` aggregates at a time."""
    by_aggregate: dict[str, list[Envelope]] = defaultdict(list)
    for envelope in envelopes:
        by_aggregate[envelope.subject].append(envelope)
    queue = list(by_aggregate.values())

    async def lane() -> None:
        while queue:
            for envelope in queue.pop():
                headers = {"Nats-Msg-Id": envelope.id, "content-type": CONTENT_TYPE}
                await js.publish(envelope.nats_subject, envelope.to_json(), headers=headers)

    began = time.perf_counter()
    await asyncio.gather(*(lane() for _ in range(lanes)))
    return len(envelopes) / (time.perf_counter() - began)


async def relayed(js: nats.js.JetStreamContext, database_url: str, count: int) -> float:
    """Events per second of ``OutboxRelay.drain`` over ``count`` committed rows."""
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    try:
        pending = events(count)
        for start in range(0, count, 50):  # commits of 50 rows, as a busy ward's would be
            async with sessions.begin() as session:
                await add_to_outbox(session, *pending[start : start + 50])
        relay = OutboxRelay(sessions, js.publish)
        began = time.perf_counter()
        sent = await relay.drain()
        took = time.perf_counter() - began
        async with sessions() as session:
            unsent = (
                await session.execute(select(outbox.c.position).where(outbox.c.sent_at.is_(None)))
            ).all()
        assert sent == count and not unsent, f"relayed {sent} of {count}"
        return count / took
    finally:
        await engine.dispose()


async def measure(scale: Scale, folder: Path) -> list[Figure]:
    server = NatsServer(folder / "nats").start()
    try:
        client = await nats.connect(server.url)
        js = client.jetstream()
        await ensure_ward_streams(js, WARD)
        baselines, rates = [], []
        for round_ in range(scale.rounds):
            url = f"sqlite+aiosqlite:///{folder}/ward-{round_}.db"
            await upgrade(url, service_versions=None, target_metadata=[infrastructure_metadata])
            baselines.append(await raw(js, events(scale.relay_events), OutboxRelay.LANES))
            rates.append(await relayed(js, url, scale.relay_events))
        await client.close()
    finally:
        server.stop()
    return [
        Figure(
            "relay_ratio",
            median(rates),
            "events/s",
            0.5,
            "at_least",
            baseline=median(baselines),
            detail={"rounds": rates, "baseline_rounds": baselines, "events": scale.relay_events},
        )
    ]
