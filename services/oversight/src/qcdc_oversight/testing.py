"""A harness for tests of the oversight service: the board, the front and officers as they
hold their tokens, and the events as subscribers see them."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import nats

from qcdc_shared.envelope import build_envelope
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import Harness
from qcdc_shared.testing.service import running as running_service
from qcdc_shared.testing.waiting import eventually

WARD = "ben-thanh"


class Oversight(Harness):
    def officer(self, sub: str = "can-bo-1") -> dict[str, str]:
        return self.token("officer", sub=sub)

    def inspector(self, sub: str = "ban-ttnd-1") -> dict[str, str]:
        return self.token("inspector", sub=sub)

    def front(self, sub: str = "mttq-1") -> dict[str, str]:
        return self.token("front", sub=sub)

    def citizen(self, sub: str = "cong-dan-1") -> dict[str, str]:
        return self.token("citizen", sub=sub)

    async def ok(
        self,
        method: str,
        url: str,
        body: dict[str, Any] | None = None,
        *,
        headers: dict[str, str],
        status: int = 200,
    ) -> dict[str, Any]:
        response = await self.http.request(method, url, json=body, headers=headers)
        assert response.status_code == status, response.text
        return dict(response.json())

    async def post(
        self, url: str, body: dict[str, Any] | None = None, *, headers: dict[str, str]
    ) -> httpx.Response:
        return await self.http.post(url, json=body, headers=headers)

    async def announce_group(self, code: str, households: int = 50) -> None:
        """Register a residential group as plans does (its real ``group.registered`` event
        on the ward stream), then wait until the board lists it."""
        # Imported here: only the tests speak for plans; the service reads the envelope.
        from qcdc_plans.contracts import GroupRegisteredV1

        event = GroupRegisteredV1(
            ward=self.ward,
            code=code,
            name=f"Tổ dân phố {code}",
            households=households,
            online_optin=0,
            effective_on=dt.date.today(),
            version=1,
        )
        envelope = build_envelope(
            event, ward=self.ward, aggregate_id=code, sequence=1, time=dt.datetime.now(dt.UTC)
        )
        client = await nats.connect(self.nats_url)
        try:
            await client.jetstream().publish(
                envelope.nats_subject, envelope.to_json(), headers={"Nats-Msg-Id": envelope.id}
            )
        finally:
            await client.close()

        async def listed() -> bool:
            board = (await self.http.get("/board")).json()
            return any(group["code"] == code for group in board["groups"])

        await eventually(listed, within=10, what=f"the board to list group {code}")


@asynccontextmanager
async def running(settings: Settings, nats_url: str) -> AsyncIterator[Oversight]:
    from qcdc_oversight.main import build

    async with running_service(Oversight, build, settings, nats_url) as oversight:
        yield oversight
