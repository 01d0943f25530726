"""One fake ward for the portal's unit tests: a WardReader that answers from memory and records
every read and action, and the app the tests build around it.

- ``routes``: ``(service, path)`` → what a GET answers: a :class:`Reply`, a JSON body (200), or
  a function of the :class:`Call` (for answers that depend on the query); any other path is
  ``missing`` (404);
- ``answer``: what every action (``send``) answers, a Reply or a function of the Call;
- ``down``: a service name: its reads and actions raise ServiceUnavailable, and so do the
  public reads (postings, tracking, reception schedule), whatever service is named;
- ``reads`` / ``sent``: the calls made, in order, with the token they carried.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from qcdc_gateway.main import build
from qcdc_gateway.portal.session import SESSION_COOKIE
from qcdc_gateway.portal.wards import Reply, ServiceUnavailable, TooManyLookups
from qcdc_shared.clock import FixedClock
from qcdc_shared.settings import Settings

ROOT = Path(__file__).resolve().parents[4]
VN = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=VN)
WARD = "ben-thanh"
CLIENT = "198.51.100.7"  # the browser's address the portal sees


@dataclass(frozen=True)
class Call:
    """One read (method GET) or action the portal asked of a ward's service."""

    ward: str
    service: str
    method: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    json: Any = None
    token: str | None = None
    client: str | None = None


Answer = Reply | Callable[[Call], Reply] | Any


def listing(items: list[dict[str, Any]]) -> dict[str, Any]:
    """A list page as the ward services answer it (one page, no cursor)."""
    return {"items": items, "total": len(items), "next_cursor": None}


def _answered(answer: Answer, call: Call) -> Reply:
    if isinstance(answer, Reply):
        return answer
    if callable(answer):
        replied: Reply = answer(call)
        return replied
    return Reply(200, answer)


@dataclass(slots=True)  # a misspelt setting is an error, not a silent attribute
class FakeWard:
    """A WardReader from memory (see the module's docstring)."""

    routes: dict[tuple[str, str], Answer] = field(default_factory=dict)
    answer: Answer = field(default_factory=lambda: Reply(201, {"id": "new-1"}))
    missing: Reply = field(
        default_factory=lambda: Reply(404, {"detail": "Không tìm thấy.", "detail_en": "Not found."})
    )
    postings: list[dict[str, Any]] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    tracked: dict[str, dict[str, Any]] = field(default_factory=dict)
    down: str | None = None
    limited: bool = False
    only: str | None = None  # the one ward whose services may be asked, when set
    reads: list[Call] = field(default_factory=list)
    sent: list[Call] = field(default_factory=list)
    looked_up: list[tuple[str, str, str]] = field(default_factory=list)
    schedule_from: list[dt.date] = field(default_factory=list)

    def _public(self) -> None:
        if self.down:
            raise ServiceUnavailable(self.down)

    async def current_postings(self, ward: str) -> list[dict[str, Any]]:
        self._public()
        return self.postings

    async def tracked_petition(self, ward: str, code: str, *, client: str) -> dict[str, Any] | None:
        self.looked_up.append((ward, code, client))
        self._public()
        if self.limited:
            raise TooManyLookups("60")
        return self.tracked.get(code)

    async def reception_schedule(self, ward: str, *, start: dt.date) -> list[dict[str, Any]]:
        self.schedule_from.append(start)
        self._public()
        return self.sessions

    async def get(
        self,
        ward: str,
        service: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        token: str | None = None,
    ) -> Reply:
        assert self.only in (None, ward), ward
        call = Call(ward, service, "GET", path, params=dict(params or {}), token=token)
        self.reads.append(call)
        if self.down == service:
            raise ServiceUnavailable(service)
        return _answered(self.routes.get((service, path), self.missing), call)

    async def send(
        self,
        ward: str,
        service: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        token: str | None = None,
        client: str | None = None,
    ) -> Reply:
        assert self.only in (None, ward), ward
        call = Call(ward, service, method, path, json=json, token=token, client=client)
        self.sent.append(call)
        if self.down == service:
            raise ServiceUnavailable(service)
        return _answered(self.answer, call)


def settings_of(tmp_path: Path) -> Settings:
    return Settings(
        env="development",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{service}}.db",
        registry_file=str(ROOT / "deploy" / "wards.toml"),
    )


def build_portal(tmp_path: Path, reader: Any = None) -> Any:
    """The gateway app, built and never started (no database, no broker), on the fixed clock,
    reading the wards through ``reader`` when given."""
    built = build(settings_of(tmp_path))
    built.state.portal_clock = FixedClock(NOW)
    if reader is not None:
        built.state.portal_reader = reader
    return built


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def token_of(app: Any, http: httpx.AsyncClient) -> str:
    """The token the portal keeps for the client's session: what it must forward."""
    session_id = http.cookies.get(SESSION_COOKIE)
    assert session_id
    kept: str | None = app.state.portal_sessions.token(session_id)
    assert kept and kept.count(".") == 2  # a JWT, not the cookie's random id
    return kept
