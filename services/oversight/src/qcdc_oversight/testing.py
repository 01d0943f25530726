"""A harness for tests of the oversight service: the board, the front and officers as they
hold their tokens, and the events as subscribers see them; and what tests without the
service act with: the rule table as shipped and one account of each role."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from qcdc_shared.auth import Principal
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import Harness
from qcdc_shared.testing.service import running as running_service

WARD = "ben-thanh"
RULES = RuleBook(load_rule_table(), WorkingCalendar())
OFFICER = Principal(sub="can-bo-1", role="officer", ward=WARD)
INSPECTOR = Principal(sub="ban-ttnd-1", role="inspector", ward=WARD)
FRONT = Principal(sub="mttq-1", role="front", ward=WARD)


class Oversight(Harness):
    def officer(self, sub: str = OFFICER.sub) -> dict[str, str]:
        return self.token("officer", sub=sub)

    def inspector(self, sub: str = INSPECTOR.sub) -> dict[str, str]:
        return self.token("inspector", sub=sub)

    def front(self, sub: str = FRONT.sub) -> dict[str, str]:
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
