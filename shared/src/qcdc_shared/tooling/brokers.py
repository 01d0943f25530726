"""The city's NATS servers as development tools see them: one server, or a hub and a leaf per
ward (``hub_leaf``). The shared development clock and the city's readiness live in a key-value
bucket of each server's JetStream domain, so ``qcdc clock``, the launcher and the demo write
them on every server and read them from the first (the hub).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nats
from nats.aio.client import Client
from nats.js import JetStreamContext

from qcdc_shared import clock as shared_clock
from qcdc_shared.readiness import CityState, write_city_state
from qcdc_shared.tooling.nats_config import HUB, load_secrets


@dataclass(frozen=True)
class Credentials:
    """How a process reaches a server: its URL and, where the server asks, a user and a
    password (kept out of the URL, which is printed and logged)."""

    url: str
    user: str | None = None
    password: str | None = None

    def options(self) -> dict[str, str]:
        if self.user is None:
            return {}
        return {"user": self.user, "password": self.password or ""}

    def environment(self) -> dict[str, str]:
        """What a service process is given (``qcdc_shared.settings.Settings``)."""
        return {
            "QCDC_NATS_URL": self.url,
            **{f"QCDC_NATS_{key.upper()}": value for key, value in self.options().items()},
        }

    async def connect(self, **options: Any) -> Client:
        return await nats.connect(self.url, **self.options(), **options)


def brokers_of(topology: Mapping[str, Any]) -> list[Credentials]:
    """Every server of a running city (``var/run/topology.json``), hub first, each as its
    administrator; the single server of the default topology as it is."""
    nats_topology = topology.get("nats") or {}
    if nats_topology.get("topology") != "hub-leaf":
        return [Credentials(str(topology["nats_url"]))]
    servers: dict[str, str] = nats_topology["servers"]
    wards = [role.removeprefix("leaf:") for role in servers if role.startswith("leaf:")]
    secrets = load_secrets(Path(nats_topology["config"]), wards, create=False)
    found = [Credentials(servers["hub"], *secrets.admin(HUB))]
    return found + [Credentials(servers[f"leaf:{w}"], *secrets.admin(w)) for w in wards]


class Brokers:
    """Connections to every server; what is written here is written on each."""

    def __init__(self, clients: Sequence[Client]) -> None:
        self.clients = list(clients)

    @classmethod
    async def connect(cls, credentials: Sequence[Credentials], **options: Any) -> Brokers:
        clients: list[Client] = []
        try:
            for each in credentials:
                clients.append(await each.connect(**options))
        except BaseException:
            for client in clients:
                await client.close()
            raise
        return cls(clients)

    @property
    def first(self) -> JetStreamContext:
        return self.clients[0].jetstream()

    async def read_offset(self) -> dt.timedelta:
        return await shared_clock.read_offset(self.first)

    async def write_offset(self, offset: dt.timedelta) -> None:
        for client in self.clients:
            await shared_clock.write_offset(client.jetstream(), offset)

    async def write_city_state(self, state: CityState) -> None:
        for client in self.clients:
            await write_city_state(client.jetstream(), state)

    async def close(self) -> None:
        for client in self.clients:
            await client.close()
