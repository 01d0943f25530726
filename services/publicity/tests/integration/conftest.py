"""Fixtures: the publicity service on its real database (SQLite and PostgreSQL) and a real
nats-server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from qcdc_publicity.main import build
from qcdc_publicity.testing import WARD, Publicity
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import running
from qcdc_shared.tooling.nats_server import NatsServer


@pytest.fixture
async def publicity(nats_server: NatsServer, database_url: str) -> AsyncIterator[Publicity]:
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    async with running(Publicity, build, settings, nats_server.url) as service:
        yield service
