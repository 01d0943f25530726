"""HTTP to the wards' own services, as their users would call them, with development tokens.

The demo never touches a database: every record goes through the same routes, checks and
outboxes as a resident's or an officer's request, so the events, violations and city
indicators that follow are the platform's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from qcdc_demo.script import Actor
from qcdc_shared.auth import mint_development_token
from qcdc_shared.readiness import BUILDER_HEADER
from qcdc_shared.settings import Settings

# Long enough for a 168-ward walk; the services check expiry against real time, not the
# shared clock, so moving the clock back never expires a token.
TOKEN_TTL = dt.timedelta(hours=12)


class DemoError(RuntimeError):
    """A call the city refused or could not answer, with its problem+json detail."""


class WardClient:
    def __init__(
        self,
        http: httpx.AsyncClient,
        ward: str,
        services: dict[str, str],
        settings: Settings,
        builder_key: str = "",
    ) -> None:
        self.http = http
        self.ward = ward
        self.services = services
        self.settings = settings
        # While the city is marked as building, the services take only the builder's writes.
        self.builder = {BUILDER_HEADER: builder_key} if builder_key else {}
        self._tokens: dict[Actor, str] = {}

    def headers(self, actor: Actor | None) -> dict[str, str]:
        if actor is None:
            return dict(self.builder)
        if actor not in self._tokens:
            ward = self.ward if actor.role in ("officer", "inspector", "front") else None
            self._tokens[actor] = mint_development_token(
                self.settings,
                role=actor.role,
                ward=ward,
                sub=actor.sub,
                name=actor.name,
                ttl=TOKEN_TTL,
            )
        return {"Authorization": f"Bearer {self._tokens[actor]}", **self.builder}

    async def call(
        self,
        method: str,
        service: str,
        path: str,
        *,
        actor: Actor | None = None,
        body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        url = self.services[service] + path
        try:
            response = await self.http.request(method, url, json=body, headers=self.headers(actor))
        except httpx.HTTPError as error:
            raise DemoError(f"{self.ward}/{service} {method} {path}: {error!r}") from error
        if response.status_code >= 400:
            raise DemoError(f"{self.ward}/{service} {method} {path}: {problem(response)}")
        data: dict[str, Any] = response.json()
        return data


def problem(response: httpx.Response) -> str:
    """One line from a problem+json answer: status, the English detail and the rule."""
    try:
        body = response.json()
    except ValueError:
        return f"{response.status_code} {response.text[:200]}"
    if not isinstance(body, dict):
        return f"{response.status_code} {body!r}"[:300]
    detail = body.get("detail_en") or body.get("detail") or body.get("title") or body
    rule = f" [{body['rule']}]" if body.get("rule") else ""
    return f"{response.status_code} {detail}{rule}"
