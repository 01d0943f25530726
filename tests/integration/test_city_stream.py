"""Proof (d): every ward stream's events appear in QCDC_CITY, which has no subjects of its own;
stream creation is idempotent with several wards on one server."""

from __future__ import annotations

import pytest
from nats.js.api import ConsumerConfig, DeliverPolicy

from qcdc_shared.envelope import Envelope
from qcdc_shared.outbox import OutboxRelay
from qcdc_shared.streams import CITY_STREAM, ensure_city_topology
from qcdc_shared.subjects import ward_stream
from qcdc_shared.tooling.nats_server import NatsServer

from .spine import connect, prepared_database, produce, wait_for

pytestmark = pytest.mark.integration

WARDS = ("ben-thanh", "sai-gon")


async def test_ward_events_flow_into_the_city_stream(
    nats_server: NatsServer, database_url: str
) -> None:
    engine, sessionmaker = await prepared_database(database_url)
    nc = await connect(nats_server.url)
    js = nc.jetstream()
    await ensure_city_topology(js, WARDS)
    await ensure_city_topology(js, WARDS)  # idempotent: a second start changes nothing
    for ward in WARDS:
        await produce(sessionmaker, ward, aggregates=5, per_aggregate=4, per_commit=5)
    await OutboxRelay(sessionmaker, js.publish).drain()

    async def city_has_all() -> bool:
        return (await js.stream_info(CITY_STREAM)).state.messages == 40

    await wait_for(city_has_all, 15, "QCDC_CITY to source both wards")
    city = await js.stream_info(CITY_STREAM)
    assert not city.config.subjects
    assert {source.name for source in city.config.sources or []} == {
        ward_stream(ward) for ward in WARDS
    }

    # A third ward joins later: its stream is added as a source, the others kept.
    await ensure_city_topology(js, (*WARDS, "tan-dinh"))
    city = await js.stream_info(CITY_STREAM)
    assert len(city.config.sources or []) == 3

    sub = await js.pull_subscribe(
        "qcdc.>",
        stream=CITY_STREAM,
        config=ConsumerConfig(deliver_policy=DeliverPolicy.ALL),
    )
    messages = await sub.fetch(40, timeout=3)
    envelopes = [Envelope.from_json(m.data) for m in messages]
    await nc.close()
    await engine.dispose()
    assert {m.subject.split(".")[1] for m in messages} == set(WARDS)
    assert {e.ward for e in envelopes} == set(WARDS)
    assert all(
        m.headers and m.headers.get("Nats-Msg-Id") == e.id
        for m, e in zip(messages, envelopes, strict=True)
    )
