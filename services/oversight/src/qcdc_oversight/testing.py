"""A harness for tests of the oversight service: the board, the front and officers as they
hold their tokens, and the events as subscribers see them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import Harness
from qcdc_shared.testing.service import running as running_service

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


@asynccontextmanager
async def running(settings: Settings, nats_url: str) -> AsyncIterator[Oversight]:
    from qcdc_oversight.main import build

    async with running_service(Oversight, build, settings, nats_url) as oversight:
        yield oversight
