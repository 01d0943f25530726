"""Fixtures: the oversight service on its real database (SQLite and PostgreSQL) and a real
nats-server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from qcdc_oversight.testing import WARD, Oversight, running
from qcdc_shared.settings import Settings
from qcdc_shared.tooling.nats_server import NatsServer


@pytest.fixture
def settings(nats_server: NatsServer, database_url: str) -> Settings:
    return Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)


@pytest.fixture
async def oversight(settings: Settings, nats_server: NatsServer) -> AsyncIterator[Oversight]:
    async with running(settings, nats_server.url) as service:
        yield service
