"""A hub and one leaf per ward on this machine (``qcdc run --topology hub-leaf``, the tests,
the scale drill): each its own ``nats-server`` from the wheel on loopback ports, configured by
``nats_config`` with the same permissions a deployment gets.

Configuration is regenerated at every start (ports are free ports of the day); stores and
passwords stay under ``root`` so a restart keeps the streams and the credentials.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import nats

from qcdc_shared.registry import Registry, Ward
from qcdc_shared.streams import (
    ensure_city_events_stream,
    ensure_city_stream,
    ensure_dlq_stream,
    ensure_ward_streams,
)
from qcdc_shared.subjects import CITY
from qcdc_shared.tooling.brokers import Credentials
from qcdc_shared.tooling.nats_config import (
    HUB,
    Layout,
    Listen,
    Secrets,
    leaf_name,
    write_nats_configs,
)
from qcdc_shared.tooling.nats_server import NatsServer, free_port, free_ports

LOOPBACK = "127.0.0.1"


@dataclass
class HubAndLeaves:
    registry: Registry
    root: Path
    hub: NatsServer = field(init=False)
    leaves: dict[str, NatsServer] = field(init=False, default_factory=dict)
    secrets: Secrets = field(init=False)
    layout: Layout = field(init=False)
    _starting: threading.Lock = field(init=False, default_factory=threading.Lock)
    _stopping: threading.Event = field(init=False, default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "log").mkdir(exist_ok=True)
        hub_port, leafnode_port, *leaf_ports = free_ports(2 + len(self.registry.wards))
        self.layout = Layout(
            hub_client=Listen(LOOPBACK, hub_port),
            hub_leafnodes=Listen(LOOPBACK, leafnode_port),
            hub_monitor=None,
            hub_address=f"{LOOPBACK}:{leafnode_port}",
            leaf_client={
                ward.slug: Listen(LOOPBACK, port)
                for ward, port in zip(self.registry.wards, leaf_ports, strict=True)
            },
            store_root=str((self.root / "store").resolve()),
        )
        self.secrets = write_nats_configs(self.registry, self.config_dir, self.layout)
        self.hub = self._server(HUB, self.layout.hub_client.port)
        for ward, listen in self.layout.leaf_client.items():
            self.leaves[ward] = self._server(leaf_name(ward), listen.port)

    async def add_ward(self, ward: Ward) -> None:
        """A ward joins a running city: its registry line, the hub's configuration reloaded
        (no restart: its leaf user is an account user), its leaf started, and its stream
        added to the city stream's sources."""
        self.registry = Registry(city=self.registry.city, wards=[*self.registry.wards, ward])
        port = free_port()
        leaves = {**self.layout.leaf_client, ward.slug: Listen(LOOPBACK, port)}
        self.layout = replace(self.layout, leaf_client=leaves)
        self.secrets = write_nats_configs(self.registry, self.config_dir, self.layout)
        self.hub.reload()
        self.leaves[ward.slug] = self._server(leaf_name(ward.slug), port)
        await asyncio.to_thread(self.leaves[ward.slug].start)
        await self.ensure_streams()

    @property
    def config_dir(self) -> Path:
        return self.root / "config"

    def _server(self, name: str, port: int) -> NatsServer:
        return NatsServer(
            self.root / "store" / name,
            port=port,
            name=f"qcdc-{name}",
            config=self.config_dir / f"{name}.conf",
            log_file=self.root / "log" / f"{name}.log",
        )

    @property
    def servers(self) -> dict[str, NatsServer]:
        """By role: ``hub`` and ``leaf:<ward>``."""
        return {"hub": self.hub, **{f"leaf:{ward}": leaf for ward, leaf in self.leaves.items()}}

    def start(self, timeout: float = 20.0) -> HubAndLeaves:
        """Every server, one after the other (a thread may run this: ``stop`` ends it)."""
        for server in self.servers.values():
            with self._starting:
                if self._stopping.is_set():
                    break
                server.start(timeout)
        return self

    def stop(self) -> None:
        self._stopping.set()
        with self._starting:  # a server being started is then stopped too
            for leaf in self.leaves.values():
                leaf.stop(timeout=3)
            self.hub.stop(timeout=3)

    async def wait_linked(self, within: float = 30.0) -> None:
        """Until every leaf is linked to the hub (the hub's LEAFZ lists it): a source made
        before its leaf links is set up only after the server's fixed wait."""
        expected = {f"qcdc-{leaf_name(ward)}" for ward in self.leaves}
        user, password = self.secrets.system(HUB)
        client = await nats.connect(self.hub.url, user=user, password=password)
        try:
            async with asyncio.timeout(within):
                while True:
                    reply = await client.request("$SYS.REQ.SERVER.PING.LEAFZ", b"{}", timeout=2)
                    leafs = json.loads(reply.data)["data"].get("leafs") or []
                    if expected <= {leaf.get("name") for leaf in leafs}:
                        return
                    await asyncio.sleep(0.1)
        finally:
            await client.close()

    # --- who connects where, as whom ----------------------------------------------------------

    def services(self, ward: str) -> Credentials:
        user, password = self.secrets.services(ward)
        return Credentials(self.leaves[ward].url, user, password)

    def gateway(self) -> Credentials:
        user, password = self.secrets.gateway()
        return Credentials(self.hub.url, user, password)

    def observer(self) -> Credentials:
        user, password = self.secrets.observer()
        return Credentials(self.hub.url, user, password)

    def admin(self, server: str = HUB) -> Credentials:
        """``server``: ``hub`` or a ward."""
        user, password = self.secrets.admin(server)
        url = self.hub.url if server in (HUB, CITY) else self.leaves[server].url
        return Credentials(url, user, password)

    def admins(self) -> Iterable[Credentials]:
        """Every server's administrator: the shared development clock is written on each."""
        yield self.admin(HUB)
        for ward in self.leaves:
            yield self.admin(ward)

    async def ensure_streams(self) -> None:
        """Each ward's stream on its leaf; on the hub the city stream sourcing every one of
        them across its leaf connection, the city's own events and its dead letters."""
        await self.wait_linked()
        for ward in self.leaves:
            client = await self.admin(ward).connect(connect_timeout=5)
            try:
                await ensure_ward_streams(client.jetstream(), ward)
            finally:
                await client.close()
        client = await self.admin(HUB).connect(connect_timeout=5)
        try:
            js = client.jetstream()
            await ensure_city_stream(js, list(self.leaves), domains={w: w for w in self.leaves})
            await ensure_city_events_stream(js)
            await ensure_dlq_stream(js)
        finally:
            await client.close()
