"""A harness for a service's tests: HTTP through the ASGI app, tokens as users hold them, the
shared clock, and the ward stream as subscribers see it. Services extend :class:`Harness`
with their own verbs (``Plans.open_decision``...)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
import nats
import uvicorn
from fastapi import FastAPI

from qcdc_shared.auth import mint_development_token
from qcdc_shared.clock import LOCAL_TZ, offset_to_reach, read_offset, write_offset
from qcdc_shared.envelope import Envelope
from qcdc_shared.outbox import outbox_backlog
from qcdc_shared.runtime import Runtime
from qcdc_shared.settings import Settings
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.waiting import eventually

H = TypeVar("H", bound="Harness")


@dataclass
class Harness:
    http: httpx.AsyncClient
    settings: Settings
    app: FastAPI
    nats_url: str

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.app.state.runtime
        return runtime

    @property
    def ward(self) -> str:
        return self.settings.ward

    def token(self, role: str, ward: str | None = None, **claims: Any) -> dict[str, str]:
        if ward is None and role in ("officer", "inspector", "front"):
            ward = self.ward
        token = mint_development_token(self.settings, role=role, ward=ward, **claims)
        return {"Authorization": f"Bearer {token}"}

    def now(self) -> dt.datetime:
        """The service's "now": the shared clock the harness pinned (QCDC_TEST_NOW), as moved."""
        return self.runtime.clock.now()

    def today(self) -> dt.date:
        """The service's local date (Asia/Ho_Chi_Minh), not the UTC date."""
        return self.now().astimezone(LOCAL_TZ).date()

    async def move_clock_to(self, instant: dt.datetime) -> None:
        """Move the shared city clock (the NATS bucket every service watches) to ``instant``."""
        await self._write_offset(offset_to_reach(instant, real_now=dt.datetime.now(dt.UTC)))

    async def advance_clock(self, delta: dt.timedelta) -> None:
        """Move the shared city clock ``delta`` ahead of where it is now."""
        await self._write_offset(self._offset() + delta)

    def _offset(self) -> dt.timedelta:
        offset: dt.timedelta = getattr(self.runtime.clock, "offset", dt.timedelta(0))
        return offset

    async def _write_offset(self, offset: dt.timedelta) -> None:
        client = await nats.connect(self.nats_url)
        try:
            await write_offset(client.jetstream(), offset)
        finally:
            await client.close()
        await following(self.runtime, offset)

    async def drained(self) -> None:
        async def relayed() -> bool:
            async with self.runtime.sessionmaker() as session:
                return await outbox_backlog(session) == 0

        await eventually(relayed, within=10, what="the outbox to drain")

    async def ward_messages(self, subject: str) -> list[Envelope]:
        """Every event on the ward stream matching ``subject``, once the relay sent them."""
        await self.drained()
        return await stream_events(self.nats_url, self.ward, subject)


async def following(runtime: Runtime, offset: dt.timedelta) -> None:
    """Until the service's clock shows the shared clock's ``offset`` (at once for a production
    service, whose system clock follows nothing)."""
    if not hasattr(runtime.clock, "offset"):
        return

    def moved() -> bool:
        clock: Any = runtime.clock
        return bool(abs(clock.offset - offset) < dt.timedelta(milliseconds=1))

    await eventually(moved, within=10, what="the service to follow the shared clock")


async def shared_offset(nats_url: str) -> dt.timedelta:
    client = await nats.connect(nats_url)
    try:
        return await read_offset(client.jetstream())
    finally:
        await client.close()


async def stream_events(nats_url: str, ward: str, subject: str) -> list[Envelope]:
    client = await nats.connect(nats_url)
    try:
        js = client.jetstream()
        sub = await js.pull_subscribe(subject, stream=ward_stream(ward))
        messages = []
        try:
            while batch := await sub.fetch(100, timeout=0.5):
                messages.extend(batch)
        except TimeoutError:  # nats-py raises its own subclass, or the builtin
            pass
        await sub.unsubscribe()
        return [Envelope.model_validate_json(m.data) for m in messages]
    finally:
        await client.close()


@asynccontextmanager
async def running(
    harness: type[H], build: Callable[[Settings], FastAPI], settings: Settings, nats_url: str
) -> AsyncIterator[H]:
    """The service started as the launcher starts it, linked to NATS, then stopped."""
    app = build(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as http:

            async def linked() -> bool:
                return bool((await http.get("/health")).json()["nats"]["connected"])

            await eventually(linked, within=10, what="the NATS link")
            # Pinned by the harness (QCDC_TEST_NOW): no request before the clock follows.
            await following(app.state.runtime, await shared_offset(nats_url))
            yield harness(http, settings, app, nats_url)


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[str]:
    """``app`` behind a real uvicorn on a free loopback port, lifespan included: for what an
    in-memory transport cannot do (a browser, Server-Sent Events, a proxy's upstream)."""
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host="127.0.0.1",
            port=0,
            log_level="warning",
            lifespan="on",
            # An EventSource left open would otherwise hold the shutdown for ever.
            timeout_graceful_shutdown=5,
        )
    )
    task = asyncio.create_task(server.serve())
    try:
        await eventually(lambda: server.started or task.done(), within=30, what="uvicorn")
        assert server.started, "uvicorn did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
