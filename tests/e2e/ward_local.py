"""One ward on the hub-and-leaves topology with its own portal, for the tests that stop the hub
(issue 19 item 1: a ward-local portal keeps serving its residents while the city is away).

Real nats-servers (``HubAndLeaves``: a hub and the ward's leaf, with the deployment's
permissions), the ward's four services on its leaf as its services' user, the gateway on the
hub, and the ward-local portal (``build_local_portal``, with no NATS credential and no
database URL: it takes the ward's time from its services' ``/health``), each in this process
behind a real uvicorn on a free port (``serving``). The services' addresses are in a
``topology.json`` as the launcher writes it; the shared clock is pinned on every server as the
harness pins it (``QCDC_TEST_NOW``). ``qcdc run --topology hub-leaf`` starts the same as
processes, and ``<ward>/portal`` with them.

Usage::

    async with ward_local_city(tmp_path) as city:
        await city.stop_hub()
        ...  # the ward's portal at city.portal, its services at city.services[...]
        await city.start_hub()
        ...  # the gateway at city.gateway catches up
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from qcdc_gateway.portal.local import build_local_portal
from qcdc_shared.registry import SERVICES_OF_A_WARD, dump_registry, load_registry
from qcdc_shared.settings import Settings
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.service import serving
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.brokers import Brokers, Credentials
from qcdc_shared.tooling.hub_leaf import HubAndLeaves

from ..apps import BUILDERS

REGISTRY = Path(__file__).resolve().parents[2] / "deploy" / "wards.toml"
WARD = "ben-thanh"
# A service's link, a leaf's link to the hub, the gateway's catching up: seconds here; the
# margin is for a loaded CI machine.
LINKED_WITHIN = 30.0


@dataclass
class WardLocal:
    """What a test drives: the ward-local portal's and the gateway's base URLs, the ward's
    services (name → base URL), their settings (to mint a token with), and the hub."""

    ward: str
    portal: str
    gateway: str
    services: dict[str, str]
    settings: Settings
    servers: HubAndLeaves
    clock: TestClock  # the shared clock as pinned on every server (QCDC_TEST_NOW), running on

    async def stop_hub(self) -> None:
        """The city goes away: the hub's server stops; the ward's leaf, services and portal
        stay up."""
        await asyncio.to_thread(self.servers.hub.stop, timeout=3)

    async def start_hub(self) -> None:
        """The hub comes back on its port with its store; returns once the ward's leaf is
        linked to it again (the gateway then catches up by itself)."""
        await asyncio.to_thread(self.servers.hub.start)
        await self.servers.wait_linked(within=LINKED_WITHIN)


async def nats_linked(url: str) -> None:
    """Until the service at ``url`` says its NATS link is up."""
    async with httpx.AsyncClient(base_url=url) as http:

        async def connected() -> bool:
            return bool(((await http.get("/health")).json().get("nats") or {}).get("connected"))

        await eventually(connected, within=LINKED_WITHIN, what=f"the NATS link of {url}")


async def clock_followed(url: str) -> None:
    """Until the ward-local portal at ``url`` has learned its ward's time (its /health)."""
    async with httpx.AsyncClient(base_url=url) as http:

        async def followed() -> bool:
            return bool((await http.get("/health")).json()["clock"].get("followed"))

        await eventually(followed, within=LINKED_WITHIN, what=f"the ward's clock at {url}")


def _settings(base: dict[str, object], credentials: Credentials, **more: object) -> Settings:
    return Settings.model_validate(
        {
            **base,
            "nats_url": credentials.url,
            "nats_user": credentials.user,
            "nats_password": credentials.password,
            **more,
        }
    )


@asynccontextmanager
async def ward_local_city(tmp_path: Path, ward: str = WARD) -> AsyncIterator[WardLocal]:
    """The hub, ``ward``'s leaf, its services, the gateway and the ward-local portal, all
    started and linked; everything stopped on exit."""
    registry = load_registry(REGISTRY).only([ward])
    registry_file = tmp_path / "wards.toml"  # the city runs this one ward, as --wards says
    registry_file.write_text(dump_registry(registry), encoding="utf-8")
    servers = HubAndLeaves(registry, tmp_path / "nats-city")
    await asyncio.to_thread(servers.start)
    try:
        await servers.ensure_streams()
        clock = TestClock.pinned()
        brokers = await Brokers.connect(list(servers.admins()), connect_timeout=5)
        try:  # every server keeps the pinned time, as `qcdc run` writes it on each
            await brokers.write_offset(clock.offset)
        finally:
            await brokers.close()
        topology = tmp_path / "topology.json"
        base: dict[str, object] = {
            "env": "development",
            "ward": ward,
            "nats_topology": "hub-leaf",
            "database_url": f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
            "registry_file": str(registry_file),
            "topology_file": str(topology),
            "var_dir": str(tmp_path / "var"),
        }
        ward_settings = _settings(base, servers.services(ward))
        async with AsyncExitStack() as stack:
            services = {
                name: await stack.enter_async_context(serving(BUILDERS[name](ward_settings)))
                for name in SERVICES_OF_A_WARD
            }
            # As the launcher writes it (no password: those stay in the servers' config).
            topology.write_text(
                json.dumps(
                    {
                        "nats_url": servers.hub.url,
                        "wards": {ward: services},
                        "nats": {
                            "topology": "hub-leaf",
                            "servers": {role: s.url for role, s in servers.servers.items()},
                            "config": str(servers.config_dir.resolve()),
                        },
                    }
                )
            )
            gateway_settings = _settings(base, servers.gateway())
            gateway = await stack.enter_async_context(
                serving(BUILDERS["gateway"](gateway_settings))
            )
            # As the launcher starts it: no NATS server, user or password, no database URL.
            portal = await stack.enter_async_context(
                serving(build_local_portal(Settings.model_validate(base), ward))
            )
            for url in [*services.values(), gateway]:
                await nats_linked(url)
            await clock_followed(portal)
            topology_now = json.loads(topology.read_text())
            topology_now["gateway"] = gateway
            topology_now["processes"] = {f"{ward}/portal": {"url": portal}}
            topology.write_text(json.dumps(topology_now))
            yield WardLocal(
                ward=ward,
                portal=portal,
                gateway=gateway,
                services=services,
                settings=ward_settings,
                servers=servers,
                clock=clock,
            )
    finally:
        await asyncio.to_thread(servers.stop)
