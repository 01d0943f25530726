"""Issue 15: the boundary between wards is the servers', not the services' good manners.

A hub and a leaf per ward, each its own nats-server, configured by ``qcdc deploy nats``. Every
refusal is asserted as the server's own answer (a permissions violation reported to the client),
never inferred from a timeout; what must not change is checked beside a control that did.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import nats
import pytest
from nats.aio.client import Client
from nats.errors import Error as NatsError

from qcdc_shared.registry import load_registry
from qcdc_shared.streams import CITY_STREAM
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.brokers import Credentials
from qcdc_shared.tooling.hub_leaf import HubAndLeaves
from qcdc_shared.tooling.nats_server import NatsServer, free_port

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[2] / "deploy" / "wards.toml"
A, B = "ben-thanh", "sai-gon"
REFUSAL_SECONDS = 5.0


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubAndLeaves]:
    registry = load_registry(REGISTRY).only([A, B])
    servers = HubAndLeaves(registry, tmp_path_factory.mktemp("hub-leaf")).start()
    try:
        asyncio.run(servers.ensure_streams())
        yield servers
    finally:
        servers.stop()


class Connection:
    """A client that keeps what the server says to it asynchronously (refusals)."""

    def __init__(self) -> None:
        self.errors: asyncio.Queue[str] = asyncio.Queue()
        self.client: Client

    async def _error(self, error: Exception) -> None:
        await self.errors.put(str(error).lower())

    async def refused(self, action: str, subject: str) -> None:
        """The server said no to ``action`` (publish, subscription) on ``subject``."""
        wanted = f'permissions violation for {action} to "{subject.lower()}"'
        async with asyncio.timeout(REFUSAL_SECONDS):
            while wanted not in await self.errors.get():
                pass


@pytest.fixture
async def connect() -> AsyncIterator[object]:
    opened: list[Connection] = []

    async def as_(credentials: Credentials) -> Connection:
        connection = Connection()
        connection.client = await credentials.connect(
            error_cb=connection._error, max_reconnect_attempts=0
        )
        opened.append(connection)
        return connection

    yield as_
    for connection in opened:
        await connection.client.close()


async def messages(credentials: Credentials, stream: str) -> int:
    client = await credentials.connect()
    try:
        return (await client.jetstream().stream_info(stream)).state.messages
    finally:
        await client.close()


async def test_a_ward_publishes_only_on_its_own_subjects(city: HubAndLeaves, connect) -> None:
    ward = await connect(city.services(A))
    ack = await ward.client.jetstream().publish(f"qcdc.{A}.plans.task.assigned", b"{}")
    assert ack.stream == ward_stream(A)  # the control: its own subjects are its own

    for subject in (
        f"qcdc.{B}.petitions.petition.received",
        "qcdc.city.gateway.escalation.opened",
        f"dlq.{B}.oversight-detector",
    ):
        await ward.client.publish(subject, b"forged")
        await ward.refused("publish", subject)
    assert await messages(city.admin(B), ward_stream(B)) == 0


async def test_a_ward_can_neither_change_nor_empty_its_own_stream(
    city: HubAndLeaves, connect
) -> None:
    """The law keeps everything, and a stream's subjects are its ward's boundary."""
    ward = await connect(city.services(A))
    for verb in ("UPDATE", "PURGE", "DELETE"):
        subject = f"$JS.API.STREAM.{verb}.{ward_stream(A)}"
        await ward.client.publish(subject, b"{}")
        await ward.refused("publish", subject)
    await ward.client.publish("$JS.API.STREAM.CREATE.QCDC_FORGED", b"{}")
    await ward.refused("publish", "$JS.API.STREAM.CREATE.QCDC_FORGED")


async def test_a_ward_reads_neither_another_wards_stream_nor_the_citys(
    city: HubAndLeaves, connect
) -> None:
    ward = await connect(city.services(A))
    with pytest.raises((asyncio.TimeoutError, NatsError)):
        await ward.client.jetstream(domain=B, timeout=1).stream_info(ward_stream(B))
    await ward.refused("publish", f"$JS.{B}.API.STREAM.INFO.{ward_stream(B)}")

    with pytest.raises((asyncio.TimeoutError, NatsError)):
        await ward.client.jetstream(domain="city", timeout=1).stream_info(CITY_STREAM)
    await ward.refused("publish", f"$JS.city.API.STREAM.INFO.{CITY_STREAM}")

    await ward.client.subscribe(f"qcdc.{B}.>")
    await ward.refused("subscription", f"qcdc.{B}.>")


async def test_the_observer_reads_the_city_stream_and_publishes_nothing(
    city: HubAndLeaves, connect
) -> None:
    ward = await connect(city.services(A))
    await ward.client.jetstream().publish(f"qcdc.{A}.publicity.posting.published", b"{}")

    async def sourced() -> bool:
        return await messages(city.admin(), CITY_STREAM) >= 1

    await eventually(sourced, what="the ward's event in the city stream")

    observer = await connect(city.observer())
    reader = await observer.client.jetstream().pull_subscribe("qcdc.>", stream=CITY_STREAM)
    first = (await reader.fetch(1, timeout=5))[0]
    assert first.subject.startswith(f"qcdc.{A}.")  # the control: it reads the city stream

    for subject in (f"qcdc.{A}.plans.task.assigned", "qcdc.city.gateway.escalation.opened"):
        await observer.client.publish(subject, b"forged")
        await observer.refused("publish", subject)
    await observer.client.publish(f"$JS.API.STREAM.DELETE.{CITY_STREAM}", b"")
    await observer.refused("publish", f"$JS.API.STREAM.DELETE.{CITY_STREAM}")


async def test_the_observer_cannot_touch_the_gateways_consumer(city: HubAndLeaves, connect) -> None:
    admin = await connect(city.admin())
    await admin.client.jetstream().add_consumer(CITY_STREAM, durable_name="gateway-projections")
    observer = await connect(city.observer())
    api = f"$JS.API.CONSUMER.%s.{CITY_STREAM}.gateway-projections"
    for subject in (api % "INFO", api % "MSG.NEXT", api % "DELETE", api % "DURABLE.CREATE"):
        await observer.client.publish(subject, b"{}")
        await observer.refused("publish", subject)
    await observer.client.publish(f"$JS.ACK.{CITY_STREAM}.gateway-projections.1.1.1.1.0", b"")
    await observer.refused("publish", f"$JS.ACK.{CITY_STREAM}.gateway-projections.1.1.1.1.0")
    info = await admin.client.jetstream().consumer_info(CITY_STREAM, "gateway-projections")
    assert info.delivered.stream_seq == 0  # nothing taken from it


async def test_the_gateway_publishes_only_the_citys_own_events(city: HubAndLeaves, connect) -> None:
    gateway = await connect(city.gateway())
    for subject in (
        f"qcdc.{A}.plans.task.assigned",
        f"$JS.{A}.API.STREAM.INFO.QCDC_BEN_THANH",
        "$JS.API.STREAM.DELETE.QCDC_DLQ",
        f"$JS.API.STREAM.CREATE.{ward_stream(B)}",  # a look-alike of a ward's stream
        f"$JS.API.STREAM.DELETE.{CITY_STREAM}",
    ):
        await gateway.client.publish(subject, b"{}")
        await gateway.refused("publish", subject)


async def test_a_leaked_leaf_secret_opens_nothing_at_the_hub(city: HubAndLeaves) -> None:
    """Neither the leaf link's password (no client login) nor the leaf's system account
    password (each server has its own) lets anyone into the hub."""
    for user, password in (city.secrets.leaf(A), city.secrets.system(A)):
        with pytest.raises(NatsError, match="Authorization Violation"):
            await nats.connect(
                city.hub.url,
                user=user,
                password=password,
                allow_reconnect=False,
                connect_timeout=2,
                max_reconnect_attempts=0,
            )


async def test_a_leaked_leaf_credential_injects_nothing_into_another_ward(
    city: HubAndLeaves, tmp_path: Path
) -> None:
    """Someone runs their own leaf with ben-thanh's hub password: the hub takes the link
    (the control) and nothing it sends reaches sai-gon's stream or the city stream."""
    secrets = (city.config_dir / "secrets" / f"leaf-{A}.conf").read_text()
    hub_url = next(line for line in secrets.splitlines() if "_HUB_URL:" in line)
    port = free_port()
    config = tmp_path / "rogue.conf"
    config.write_text(
        f'server_name: rogue\nlisten: "127.0.0.1:{port}"\n'
        f"leafnodes {{ remotes: [ {{ url: {hub_url.split(':', 1)[1].strip()} }} ] }}\n"
    )
    seed = await city.services(B).connect()  # something a forged purge would take away
    try:
        await seed.jetstream().publish(f"qcdc.{B}.plans.task.assigned", b"{}")
    finally:
        await seed.close()
    ward_before = await messages(city.admin(B), ward_stream(B))
    assert ward_before >= 1

    async def all_sourced() -> bool:
        wards = [await messages(city.admin(w), ward_stream(w)) for w in (A, B)]
        return await messages(city.admin(), CITY_STREAM) == sum(wards)

    await eventually(all_sourced, within=10, what="the city stream holding every ward event")
    city_before = await messages(city.admin(), CITY_STREAM)
    with NatsServer(tmp_path / "rogue", port=port, name="rogue", config=config) as rogue:

        async def linked() -> bool:
            return "rogue" in await leaf_names(city)

        await eventually(linked, within=10, what="the rogue leaf linked to the hub")
        client = await nats.connect(rogue.url)
        try:
            for subject in (
                f"qcdc.{B}.petitions.petition.received",
                f"qcdc-source.{B}.S.forged",
                f"$JS.{B}.API.STREAM.PURGE.{ward_stream(B)}",
            ):
                await client.publish(subject, b'{"forged": true}')
            await client.flush()
            await asyncio.sleep(1.0)  # what would cross the link has crossed by now
        finally:
            await client.close()
    assert await messages(city.admin(B), ward_stream(B)) == ward_before
    assert await messages(city.admin(), CITY_STREAM) == city_before


async def leaf_names(city: HubAndLeaves) -> set[str]:
    """The servers linked to the hub, asked of the hub's system account."""
    user, password = city.secrets.system("hub")
    client = await nats.connect(city.hub.url, user=user, password=password)
    try:
        reply = await client.request("$SYS.REQ.SERVER.PING.LEAFZ", b"{}", timeout=2)
    finally:
        await client.close()
    leafs = json.loads(reply.data)["data"].get("leafs") or []
    return {leaf.get("name", "") for leaf in leafs}


async def test_a_ward_joins_the_city_without_a_hub_restart(tmp_path: Path) -> None:
    registry = load_registry(REGISTRY)
    city = HubAndLeaves(registry.only([A]), tmp_path).start()
    try:
        await city.ensure_streams()
        hub = city.hub.process
        await city.add_ward(next(ward for ward in registry.wards if ward.slug == B))
        client = await city.services(B).connect()
        try:
            await client.jetstream().publish(f"qcdc.{B}.plans.task.assigned", b"{}")
        finally:
            await client.close()

        async def sourced() -> bool:
            return await messages(city.admin(), CITY_STREAM) == 1

        await eventually(sourced, within=10, what="the new ward's event in the city stream")
        assert city.hub.process is hub and hub is not None and hub.poll() is None
    finally:
        city.stop()
