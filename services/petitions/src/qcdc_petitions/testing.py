"""A harness for tests of the petitions service: HTTP through the ASGI app, tokens as users
hold them, and the ward stream as subscribers see it."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import nats
from fastapi import FastAPI

from qcdc_shared.auth import mint_development_token
from qcdc_shared.clock import write_offset
from qcdc_shared.envelope import Envelope
from qcdc_shared.outbox import outbox_backlog
from qcdc_shared.runtime import Runtime
from qcdc_shared.settings import Settings
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.waiting import eventually

WARD = "ben-thanh"
OFFICER = "can-bo-1"
CITIZEN = "cong-dan-1"
PETITIONER = {
    "name": "Nguyễn Thị Tố Cáo",
    "address": "12 Lê Lợi, phường Bến Thành",
    "phone": "0903123456",
    "id_number": "079123456789",
}


@dataclass
class Petitions:
    http: httpx.AsyncClient
    settings: Settings
    app: FastAPI
    nats_url: str

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.app.state.runtime
        return runtime

    def token(self, role: str, ward: str | None = WARD, **claims: Any) -> dict[str, str]:
        token = mint_development_token(self.settings, role=role, ward=ward, **claims)
        return {"Authorization": f"Bearer {token}"}

    def officer(self, sub: str = OFFICER, ward: str = WARD) -> dict[str, str]:
        return self.token("officer", ward, sub=sub)

    def inspector(self, sub: str = "ban-ttnd-1") -> dict[str, str]:
        return self.token("inspector", WARD, sub=sub)

    def front(self, sub: str = "mttq-1") -> dict[str, str]:
        return self.token("front", WARD, sub=sub)

    def citizen(self, sub: str = CITIZEN) -> dict[str, str]:
        return self.token("citizen", None, sub=sub)

    async def submit(
        self, *, headers: dict[str, str] | None = None, **fields: Any
    ) -> httpx.Response:
        """A petition as a citizen sends it online (or an officer on paper, given headers)."""
        body = {
            "kind": "feedback",
            "title": "Đèn đường hỏng",
            "body": "Đèn đường trước số 12 Lê Lợi hỏng đã hai tuần.",
            "petitioner": PETITIONER,
            **fields,
        }
        return await self.http.post("/petitions", headers=headers or self.citizen(), json=body)

    async def submitted(self, **fields: Any) -> dict[str, Any]:
        response = await self.submit(**fields)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def command(
        self, petition_id: str, action: str, body: dict[str, Any] | None = None, **kw: Any
    ) -> dict[str, Any]:
        response = await self.http.post(
            f"/petitions/{petition_id}/{action}",
            headers=kw.get("headers") or self.officer(),
            json=body,
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def get(self, petition_id: str) -> dict[str, Any]:
        response = await self.http.get(f"/petitions/{petition_id}", headers=self.officer())
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def move_clock(self, offset: dt.timedelta) -> None:
        """Move the shared city clock (the NATS bucket every service watches)."""
        client = await nats.connect(self.nats_url)
        try:
            await write_offset(client.jetstream(), offset)
        finally:
            await client.close()

        def moved() -> bool:
            clock: Any = self.runtime.clock
            return bool(abs(clock.offset - offset) < dt.timedelta(milliseconds=1))

        await eventually(moved, within=10, what="the service to follow the shared clock")

    async def drained(self) -> None:
        async def relayed() -> bool:
            async with self.runtime.sessionmaker() as session:
                return await outbox_backlog(session) == 0

        await eventually(relayed, within=10, what="the outbox to drain")

    async def ward_messages(self, subject: str) -> list[Envelope]:
        """Every event on the ward stream matching ``subject``, once the relay sent them."""
        await self.drained()
        return await stream_events(self.nats_url, subject)


async def stream_events(nats_url: str, subject: str) -> list[Envelope]:
    client = await nats.connect(nats_url)
    try:
        js = client.jetstream()
        sub = await js.pull_subscribe(subject, stream=ward_stream(WARD))
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
async def running(settings: Settings, nats_url: str) -> AsyncIterator[Petitions]:
    """The service started as the launcher starts it, linked to NATS, then stopped."""
    from qcdc_petitions.main import build

    app = build(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://petitions") as http:

            async def linked() -> bool:
                return bool((await http.get("/health")).json()["nats"]["connected"])

            await eventually(linked, within=10, what="the NATS link")
            yield Petitions(http, settings, app, nats_url)
