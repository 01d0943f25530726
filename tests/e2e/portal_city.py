"""Bến Thành behind the city's portal, in this process, for the portal's browser tests.

A real nats-server (the ``nats_url`` fixture, its shared clock pinned by the harness), the real
PostgreSQL (a fresh database per service, dropped after), and Bến Thành's petitions, publicity,
oversight and plans services plus the gateway, each behind a real uvicorn on a free port. The
gateway's portal finds the services as the launcher tells it: a topology file naming their
addresses. Oversight consumes the ward stream as in production, so a posting withdrawn before
its legal period ends becomes a violation.

Every service follows the broker's shared clock, which the ``nats_server`` fixture pinned at
``city_clock`` (``QCDC_TEST_NOW`` when set): a journey computes its dates from
:meth:`PortalCity.now`, never from the machine's day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest
from fastapi import FastAPI

from qcdc_gateway.main import build as build_gateway
from qcdc_oversight.main import build as build_oversight
from qcdc_petitions.main import build as build_petitions
from qcdc_plans.main import build as build_plans
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.auth import mint_development_token
from qcdc_shared.clock import LOCAL_TZ
from qcdc_shared.db import drop_database
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.databases import fresh_database_url, postgres_server_url
from qcdc_shared.testing.service import following, serving, shared_offset
from qcdc_shared.testing.waiting import eventually

REPO = Path(__file__).resolve().parents[2]
REGISTRY = REPO / "deploy" / "wards.toml"
WARD = "ben-thanh"
SERVICES = {
    "petitions": build_petitions,
    "publicity": build_publicity,
    "oversight": build_oversight,
    "plans": build_plans,
}


@dataclass
class PortalCity:
    """Where each piece answers, and the settings their tokens are minted with."""

    gateway: str
    services: dict[str, str]
    settings: Settings
    apps: dict[str, FastAPI] = field(default_factory=dict)

    @property
    def ward(self) -> str:
        return WARD

    def now(self) -> dt.datetime:
        """The city's shared clock, as every service reads it."""
        now: dt.datetime = self.apps["gateway"].state.runtime.clock.now()
        return now

    def today(self) -> dt.date:
        return self.now().astimezone(LOCAL_TZ).date()

    def token(self, role: str, **claims: Any) -> str:
        """A development token as `qcdc token` mints it; ward-scoped roles get Bến Thành."""
        ward = claims.pop("ward", WARD if role in ("officer", "inspector", "front") else None)
        return mint_development_token(self.settings, role=role, ward=ward, **claims)

    def api(self, service: str, role: str, **claims: Any) -> httpx.AsyncClient:
        """An HTTP client for a ward service, as a holder of ``role``'s token."""
        headers = {"Authorization": f"Bearer {self.token(role, **claims)}"}
        return httpx.AsyncClient(base_url=self.services[service], headers=headers, timeout=15)

    async def open_consultation(self, title: str, draft: str) -> str:
        """An officer opens a consultation on a draft, through the publicity service's API
        (the officer's pages have no form for it); returns its id."""
        async with self.api("publicity", "officer") as http:
            reply = await http.post("/consultations", json={"title": title, "draft": draft})
            assert reply.status_code == 201, reply.text
            opened: str = reply.json()["id"]
            return opened

    async def violations(self, **params: Any) -> list[dict[str, Any]]:
        async with httpx.AsyncClient(base_url=self.services["oversight"], timeout=15) as http:
            reply = await http.get("/violations", params={"limit": 200, **params})
            reply.raise_for_status()
            items: list[dict[str, Any]] = reply.json()["items"]
            return items


def postgres() -> str:
    """The PostgreSQL server the suites use; none, the test skips (a failure in CI)."""
    server = postgres_server_url()
    if server is None:
        pytest.skip("no PostgreSQL: set QCDC_TEST_DATABASE_URL or run one on 127.0.0.1:5432")
    return server


async def linked(url: str) -> None:
    """Until the service at ``url`` reports its NATS link up."""
    async with httpx.AsyncClient(base_url=url) as http:

        async def connected() -> bool:
            return bool((await http.get("/health")).json()["nats"]["connected"])

        await eventually(connected, within=15, what=f"the NATS link of {url}")


@asynccontextmanager
async def portal_city(
    nats_url: str, tmp_path: Path, label: str = "portal"
) -> AsyncIterator[PortalCity]:
    """Bến Thành's four services and the gateway, started, linked and on the shared clock."""
    registry = load_registry(REGISTRY)
    client = await nats.connect(nats_url)
    try:
        await ensure_city_topology(client.jetstream(), [ward.slug for ward in registry.wards])
    finally:
        await client.close()
    server = postgres()
    databases = {
        name: fresh_database_url(server, f"{label}_{name}") for name in (*SERVICES, "gateway")
    }
    topology = tmp_path / "topology.json"
    base = Settings(
        ward=WARD,
        nats_url=nats_url,
        registry_file=str(REGISTRY),
        topology_file=str(topology),
        var_dir=str(tmp_path / "var"),
    )
    for url in databases.values():
        await drop_database(url)
    try:
        async with AsyncExitStack() as stack:
            apps: dict[str, FastAPI] = {}
            urls: dict[str, str] = {}
            for name, build in SERVICES.items():
                apps[name] = build(base.model_copy(update={"database_url": databases[name]}))
                urls[name] = await stack.enter_async_context(serving(apps[name]))
            # As the launcher writes it: the portal reads (and the gateway proxies to) these.
            topology.write_text(json.dumps({"nats_url": nats_url, "wards": {WARD: urls}}))
            gateway_settings = base.model_copy(update={"database_url": databases["gateway"]})
            apps["gateway"] = build_gateway(gateway_settings)
            gateway = await stack.enter_async_context(serving(apps["gateway"]))
            offset = await shared_offset(nats_url)
            for name, app in apps.items():
                await linked(gateway if name == "gateway" else urls[name])
                await following(app.state.runtime, offset)
            yield PortalCity(gateway=gateway, services=urls, settings=base, apps=apps)
    finally:
        for url in databases.values():
            await drop_database(url)
