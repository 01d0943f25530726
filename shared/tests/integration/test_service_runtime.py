"""A service built by ``create_app`` starts, serves and keeps its outbox while NATS is down.

Uses a real SQLite file and a NATS URL nobody listens on (port 1): the broker being down must
never stop a service from starting or from accepting writes (DESIGN §4).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import httpx
import nats
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.runtime import Runtime, SqlUnitOfWork
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings
from qcdc_shared.subjects import ward_stream
from qcdc_shared.tables import outbox
from qcdc_shared.testing.environment import isolate
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

UNREACHABLE_NATS = "nats://127.0.0.1:1"


class ProbeNoted(IntegrationEvent):
    service: ClassVar[str] = "plans"
    aggregate: ClassVar[str] = "probe"
    event: ClassVar[str] = "noted"
    schema_version: ClassVar[int] = 1

    note: str


@dataclass
class Sweeps:
    """Two sweeps: one records each call, the other always fails."""

    calls: list[float] = field(default_factory=list)
    failures: int = 0

    async def counting(self, uow: SqlUnitOfWork) -> None:
        assert uow.session.in_transaction()  # each sweep runs inside its own unit of work
        self.calls.append(asyncio.get_running_loop().time())

    async def failing(self, uow: SqlUnitOfWork) -> None:
        self.failures += 1
        raise RuntimeError("this sweep always fails")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Settings read QCDC_* and telemetry reads OTEL_*: the developer's shell must not leak in.
    isolate(monkeypatch, "OTEL_")
    # create_app installs a JSON log handler on the root logger; put the root logger back.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def sweeps() -> Sweeps:
    return Sweeps()


def build_app(
    tmp_path: Path, sweeps: Sweeps, nats_url: str = UNREACHABLE_NATS, **settings: Any
) -> FastAPI:
    definition = ServiceDefinition(
        name="plans",
        title="Kế hoạch",
        title_en="Plans",
        # The failing sweep comes first: the counting one must still run after it.
        sweeps=[sweeps.failing, sweeps.counting],
        sweep_interval=0.05,
    )
    chosen = settings
    settings = Settings(
        ward="ben-thanh",
        nats_url=nats_url,
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
        **chosen,
    )
    return create_app(definition, settings)


@contextlib.asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its lifespan running (migrations, link, relay, sweeper) and a client."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            yield c


@pytest.fixture
def app(tmp_path: Path, sweeps: Sweeps) -> FastAPI:
    return build_app(tmp_path, sweeps)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with serving(app) as c:
        yield c


@pytest.fixture
def runtime(app: FastAPI, client: httpx.AsyncClient) -> Runtime:
    # Depends on the client so the lifespan has started.
    runtime: Runtime = app.state.runtime
    return runtime


async def outbox_rows(runtime: Runtime) -> list[Any]:
    async with runtime.sessionmaker() as session:
        return list((await session.execute(select(outbox).order_by(outbox.c.position))).all())


async def health(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/health")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_service_starts_and_serves_while_nats_is_unreachable(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    body = await health(client)
    assert body["status"] == "degraded"
    assert body["service"] == "plans"
    assert body["ward"] == "ben-thanh"
    assert body["nats"] == {"connected": False}
    assert body["database"] == "ok"
    assert body["outbox"]["backlog"] == 0
    assert body["outbox"]["published"] == 0
    assert body["clock"]["now"].endswith("+07:00")
    # The {ward} and {service} of the database URL template were filled in, and migrated.
    assert (tmp_path / "ben-thanh-plans.db").exists()


async def test_openapi_is_served_with_the_bilingual_title(client: httpx.AsyncClient) -> None:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Kế hoạch — Plans"
    assert document["paths"]["/health"]["get"]["x-access"] == {"public": True}


async def test_sweeps_run_repeatedly_and_a_failing_one_does_not_stop_the_others(
    runtime: Runtime, sweeps: Sweeps
) -> None:
    await eventually(lambda: len(sweeps.calls) >= 3 and sweeps.failures >= 3)
    assert not any(task.done() for task in runtime.tasks)  # the sweeper survived the failures


async def test_committed_unit_of_work_leaves_one_outbox_row(runtime: Runtime) -> None:
    async with runtime.uow() as uow:
        envelope = uow.record(ProbeNoted(note="họp tổ dân phố"), aggregate_id="p-1", sequence=1)
        await uow.commit()
    rows = await outbox_rows(runtime)
    assert len(rows) == 1
    row = rows[0]
    assert row.event_id == envelope.id
    assert row.subject == "qcdc.ben-thanh.plans.probe.noted"
    assert row.aggregate_id == "p-1"
    assert row.sent_at is None
    assert "họp tổ dân phố" in row.payload


async def test_unit_of_work_without_commit_leaves_nothing(runtime: Runtime) -> None:
    async with runtime.uow() as uow:
        uow.record(ProbeNoted(note="bỏ"), aggregate_id="p-2", sequence=1)
    with pytest.raises(RuntimeError, match="handler failed"):
        async with runtime.uow() as uow:
            uow.record(ProbeNoted(note="lỗi"), aggregate_id="p-3", sequence=1)
            raise RuntimeError("handler failed")
    assert await outbox_rows(runtime) == []


async def test_commit_with_events_wakes_the_relay_which_keeps_the_row_while_nats_is_down(
    runtime: Runtime, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    relay = runtime.relay
    notified: list[None] = []
    original = relay.notify

    def spy() -> None:
        notified.append(None)
        original()

    monkeypatch.setattr(relay, "notify", spy)

    async with runtime.uow() as uow:  # a commit without events has nothing to send
        await uow.commit()
    assert notified == []
    assert relay.stats.last_error is None

    async with runtime.uow() as uow:
        uow.record(ProbeNoted(note="gửi"), aggregate_id="p-4", sequence=1)
        await uow.commit()
    assert len(notified) == 1

    # The relay's own sweep runs every second; being woken, it tries well before that.
    await eventually(lambda: relay.stats.last_error is not None, within=1.0)
    assert relay.stats.last_error is not None
    assert relay.stats.last_error.startswith("ConnectionError")
    assert UNREACHABLE_NATS in relay.stats.last_error

    body = await health(client)
    assert body["status"] == "degraded"
    assert body["outbox"]["backlog"] == 1
    assert body["outbox"]["published"] == 0
    assert body["outbox"]["last_error"] == relay.stats.last_error
    rows = await outbox_rows(runtime)
    assert [row.sent_at for row in rows] == [None]


async def test_stopping_is_prompt_while_the_link_is_still_trying_to_connect(
    tmp_path: Path, sweeps: Sweeps
) -> None:
    # nats-py on Python 3.11 could turn a cancellation that met a refused connection attempt
    # into one more retry, so stopping hung forever; stop at each step of the first attempt.
    for spins in range(16):
        app = build_app(tmp_path / str(spins), sweeps)
        lifespan = app.router.lifespan_context(app)
        await lifespan.__aenter__()
        runtime: Runtime = app.state.runtime
        for _ in range(spins):
            await asyncio.sleep(0)
        stopping = asyncio.create_task(lifespan.__aexit__(None, None, None))
        done, _ = await asyncio.wait({stopping}, timeout=10)
        if not done:
            stuck = [task for task in runtime.tasks if not task.done()]
            pytest.fail(f"stopping hung after {spins} loop turns; still running: {stuck}")
        assert all(task.done() for task in runtime.tasks)


async def published(nats_server: NatsServer) -> int:
    nc = await nats.connect(nats_server.url)
    try:
        info = await nc.jetstream().stream_info(ward_stream("ben-thanh"))
        return int(info.state.messages)
    finally:
        await nc.close()


async def test_outbox_flows_when_nats_comes_up_and_again_after_it_restarts(
    tmp_path: Path, sweeps: Sweeps, nats_server: NatsServer
) -> None:
    nats_server.stop()
    app = build_app(tmp_path, sweeps, nats_url=nats_server.url)
    async with serving(app) as client:
        runtime: Runtime = app.state.runtime
        async with runtime.uow() as uow:
            uow.record(ProbeNoted(note="trước"), aggregate_id="p-5", sequence=1)
            await uow.commit()
        assert (await health(client))["outbox"]["backlog"] == 1

        await asyncio.to_thread(nats_server.start)
        await eventually(lambda: runtime.link.connected, within=15.0)
        await eventually(lambda: runtime.relay.stats.published == 1, within=5.0)
        body = await health(client)
        assert (body["status"], body["outbox"]["backlog"]) == ("ok", 0)
        assert await published(nats_server) == 1

        # Once linked, the link reconnects for as long as it takes (more than a few attempts).
        await asyncio.to_thread(nats_server.stop)
        await eventually(lambda: not runtime.link.connected)
        async with runtime.uow() as uow:
            uow.record(ProbeNoted(note="trong lúc mất kết nối"), aggregate_id="p-5", sequence=2)
            await uow.commit()
        await asyncio.sleep(2.5)  # nats-py waits 0.5 s between reconnect attempts
        await asyncio.to_thread(nats_server.start)
        await eventually(lambda: runtime.link.connected, within=15.0)
        await eventually(lambda: runtime.relay.stats.published == 2, within=5.0)
        assert (await health(client))["outbox"]["backlog"] == 0
        assert await published(nats_server) == 2


async def test_a_development_service_is_not_ready_until_its_clock_follows_the_shared_clock(
    tmp_path: Path, sweeps: Sweeps, nats_server: NatsServer
) -> None:
    # Until the shared clock's first word a development service would date a write by the
    # machine's time: /readyz says so (decision 0006), and says ready once the word came.
    nats_server.stop()
    app = build_app(tmp_path, sweeps, nats_url=nats_server.url, env="development")
    async with serving(app) as client:
        waiting = await client.get("/readyz")
        assert waiting.status_code == 503, waiting.text
        assert waiting.json()["checks"]["clock"] == "waiting for the shared clock"
        assert waiting.headers["Retry-After"]

        await asyncio.to_thread(nats_server.start)

        async def ready() -> bool:
            return (await client.get("/readyz")).status_code == 200

        await eventually(ready, within=15.0, what="the service to follow the shared clock")
        assert (await client.get("/readyz")).json()["checks"]["clock"] == "ok"
