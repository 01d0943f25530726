"""Fixtures: the publicity service on its real database (SQLite and PostgreSQL) and a real
nats-server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from qcdc_publicity.main import build
from qcdc_publicity.testing import WARD, Publicity
from qcdc_shared.nats_server import NatsServer
from qcdc_shared.settings import Settings
from qcdc_shared.testing.waiting import eventually


@pytest.fixture
async def publicity(nats_server: NatsServer, database_url: str) -> AsyncIterator[Publicity]:
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    app = build(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://publicity") as http:

            async def linked() -> bool:
                return bool((await http.get("/health")).json()["nats"]["connected"])

            await eventually(linked, within=10, what="the NATS link")
            yield Publicity(http, settings, app, nats_server.url)
