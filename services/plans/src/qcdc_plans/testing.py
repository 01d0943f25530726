"""A harness for tests of the plans service: the ward's register as officers build it, the
committee head who adopts plans, and the events as subscribers see them."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import Harness
from qcdc_shared.testing.service import running as running_service

WARD = "ben-thanh"
OFFICER = "can-bo-1"
HEAD = "chu-tich-ubnd"  # the officer account of the steering committee's head


class Plans(Harness):
    def officer(self, sub: str = OFFICER) -> dict[str, str]:
        return self.token("officer", sub=sub)

    def head(self) -> dict[str, str]:
        return self.officer(HEAD)

    def front(self, sub: str = "mttq-1") -> dict[str, str]:
        return self.token("front", sub=sub)

    def citizen(self, sub: str = "cong-dan-1") -> dict[str, str]:
        return self.token("citizen", sub=sub)

    def latest_notice(self, vote_on: dt.date, rule: str = "DEC-NOTICE") -> dt.date:
        """The last day the rule table allows the notice of a vote on ``vote_on``: two days
        before, or earlier when that day is a day off (a Tuesday vote: the Friday)."""
        due: dt.date = self.app.state.rules.deadline(rule, vote_on).due
        return due

    async def ok(
        self,
        method: str,
        url: str,
        body: dict[str, Any] | None = None,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """A request as an officer (by default) that must answer ``status``."""
        response = await self.http.request(
            method, url, json=body, headers=headers or self.officer()
        )
        assert response.status_code == status, response.text
        return dict(response.json())

    async def post(
        self, url: str, body: dict[str, Any] | None = None, *, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        return await self.http.post(url, json=body, headers=headers or self.officer())

    async def register_group(
        self, code: str = "TDP-01", households: int = 100, online_optin: int = 0
    ) -> dict[str, Any]:
        body = {
            "code": code,
            "name": f"Tổ dân phố {code}",
            "households": households,
            "online_optin": online_optin,
        }
        return await self.ok("POST", "/groups", body, status=201)

    async def appoint(
        self, name: str, position: str = "member", account: str | None = None
    ) -> dict[str, Any]:
        body = {
            "name": name,
            "position": position,
            "organisation": "UBND phường",
            "account": account,
        }
        return await self.ok("POST", "/committee/members", body, status=201)

    async def appoint_head(self) -> dict[str, Any]:
        return await self.appoint("Nguyễn Văn Trưởng", "head", account=HEAD)


@asynccontextmanager
async def running(settings: Settings, nats_url: str) -> AsyncIterator[Plans]:
    from qcdc_plans.main import build

    async with running_service(Plans, build, settings, nats_url) as plans:
        yield plans
