"""Every cell of the access matrix (``docs/access-matrix.csv``) called against running services:
the four services of a ward and the city gateway, on a real nats-server and SQLite, each route
as each caller with a token of this ward and of another. The table is the independent
statement of who may do what; nothing here reads the routes' own ``x-access``.

A cell expects 401 (no token), 403 (wrong role or ward) or ``ok``: the request passed access
control, so its answer is neither 401, 403 nor a 5xx (a 404 or 422 from a made-up id or a
refused body is fine). The ward services answer through the gateway's proxy too: the proxy
rows probe one ward route each (named in the table's notes).
"""

from __future__ import annotations

import asyncio
import csv
import json
import time
import uuid
from collections.abc import MutableMapping
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from qcdc_gateway.web.queue import TOKEN_COOKIE, csrf_token
from qcdc_shared.api.limits import NAMES
from qcdc_shared.auth import ROLES_IN_ORDER, mint_development_token
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import Harness, running

from ..apps import BUILDERS, CALLERS, MATRIX
from .access_bodies import bodies

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = ROOT / "deploy" / "wards.toml"
WARD, OTHER_WARD = "ben-thanh", "sai-gon"
WARD_SCOPED = ("officer", "inspector", "front")
# Every officer token is this account: the handler of the petition whose identity is probed.
HANDLER = "can-bo-1"
WARD_APPS = {name: build for name, build in BUILDERS.items() if name != "gateway"}
HOST = "service"  # the harness's base URL: same-origin for the dashboard's forms


@dataclass(frozen=True)
class Row:
    service: str
    method: str
    path: str
    expected: dict[str, str]


def load_matrix() -> list[Row]:
    with MATRIX.open(newline="", encoding="utf-8") as file:
        return [
            Row(r["service"], r["method"], r["path"], {c: r[c] for c in CALLERS})
            for r in csv.DictReader(file)
        ]


def unlimited(settings: dict[str, Any]) -> dict[str, Any]:
    """Rate limits out of the way: a matrix sends each route 13 requests from one client."""
    limits = [f"rate_limit_{name}" for name in NAMES]
    return {**settings, **{name: "1000000/minute" for name in limits}}


def ward_settings(nats_url: str, tmp_path: Path) -> Settings:
    database = f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db"
    return Settings(
        **unlimited(
            {"env": "development", "ward": WARD, "nats_url": nats_url, "database_url": database}
        )
    )


class WardServices(httpx.AsyncBaseTransport):
    """The gateway proxy's upstream: each ward service by host name, in memory."""

    def __init__(self, apps: dict[str, FastAPI]) -> None:
        self.transports = {f"{name}.{WARD}": httpx.ASGITransport(app) for name, app in apps.items()}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.transports[request.url.host].handle_async_request(request)


def tokens(settings: Settings) -> dict[str, str | None]:
    """Each caller's bearer token. Roles without a ward claim (citizen, city monitor, admin)
    hold none in the ``own`` column, as issued, and a stray claim of another ward in the
    ``other`` column, which must change nothing."""
    held: dict[str, str | None] = {"anonymous": None}
    for role in ROLES_IN_ORDER:
        sub = HANDLER if role == "officer" else f"matrix-{role}"
        own = WARD if role in WARD_SCOPED else None
        for where, ward in (("own", own), ("other", OTHER_WARD)):
            held[f"{role}.{where}"] = mint_development_token(
                settings, role=role, ward=ward, sub=sub
            )
    return held


# What each proxy row forwards: (ward service, method, that service's route, its path).
PROXIED = {
    "GET": ("petitions", "GET", "/identity-access-log", "identity-access-log"),
    "POST": ("publicity", "POST", "/postings", "postings"),
    "PATCH": ("plans", "PATCH", "/groups/{code}", "groups/TDP-91"),
    "PUT": ("publicity", "PUT", "", "postings"),
    "DELETE": ("publicity", "DELETE", "", f"postings/{uuid.uuid4()}"),
}
PROXY = "/api/wards/{ward}/{service}/{path}"
# The queue's pages that speak to a signed-in session (signing in makes one).
SESSIONED = ("/queue", "/queue/sign-out", "/queue/{escalation_id}/{name}", "/queue/{rest}")


def path_parameters(service: str) -> dict[str, str]:
    """Path parameters: a made-up id unless a real one matters (the identity probe)."""
    made_up = str(uuid.uuid4())
    common = {
        "code": "TDP-91" if service == "plans" else "ABCD-2345",
        "edition": "1",
        "slug": WARD,
        "ward": WARD,
        "name": "postings",
        "fmt": "csv",
        "rest": "elsewhere",
        "path": "dashboard.css",
        # The portal officer pages' step names (a form without its CSRF token is refused first).
        "step": "accept",
        "action": "publish",
        "day": "2026-01-01",  # an open-data snapshot's day: any day before the harness's now
        "version": "v1.json",  # /contracts/events/{name}/{version}
        "service": "plans",  # /contracts/openapi/{service}.json (the proxy's row sets its own)
        "service_code": "feedback",  # an Open311 service
        "service_request_id": "ABCD-2345",  # an Open311 request: a tracking code
    }
    ids = (
        "plan_id task_id member_id decision_id conference_id initiative_id petition_id "
        "reception_id entry_id posting_id consultation_id violation_id inspection_id "
        "recommendation_id escalation_id subscription_id client_id"
    )
    return {name: made_up for name in ids.split()} | common


@dataclass
class Call:
    method: str
    url: str
    headers: dict[str, str]
    content: bytes | None = None
    streaming: bool = False


SAME_ORIGIN = {"Origin": f"http://{HOST}"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def form(fields: dict[str, str]) -> bytes:
    return str(httpx.QueryParams(fields)).encode()


async def queue_session(http: httpx.AsyncClient, token: str | None) -> str | None:
    """The session cookie a browser holds after signing in to the queue with ``token`` (none
    when the sign-in is refused, or for an anonymous visitor)."""
    if token is None:
        return None
    http.cookies.clear()
    signed = await http.post(
        "/queue/sign-in", headers=SAME_ORIGIN | FORM, content=form({"token": token})
    )
    session = signed.cookies.get(TOKEN_COOKIE)
    http.cookies.clear()
    return session


def plan_call(
    row: Row,
    token: str | None,
    session: str | None,
    params: dict[str, str],
    body: Any | None,
    identity_petition: str,
) -> Call:
    """The request one cell makes: bearer token and JSON body, except on the dashboard's queue,
    where a form carries the token to sign in and then the session cookie speaks for it."""
    values = dict(params)
    if row.path == "/petitions/{petition_id}/identity":
        values["petition_id"] = identity_petition
    if row.path == PROXY:
        service, _, _, target = PROXIED[row.method]
        values |= {"service": service, "path": target}
    url = row.path.format(**values)
    if row.path.startswith("/queue"):
        fields: dict[str, str] = {}
        headers = dict(SAME_ORIGIN)
        if row.path == "/queue/sign-in":
            fields["token"] = token or ""
        elif session:
            headers["Cookie"] = f"{TOKEN_COOKIE}={session}"
            fields["csrf"] = csrf_token(session)
        if row.path == "/queue/{escalation_id}/{name}":
            url = f"/queue/{values['escalation_id']}/note"
            fields["text"] = "Đã gọi phường."
        if row.method == "POST":
            return Call(row.method, url, headers | FORM, form(fields))
        return Call(row.method, url, headers)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
        return Call(row.method, url, headers, json.dumps(body).encode())
    return Call(row.method, url, headers, streaming=row.path == "/api/stream")


async def response_start(app: FastAPI, call: Call) -> tuple[int, str]:
    """The status of a streaming response (Server-Sent Events never end): the app is called
    directly and told the client left as soon as the response starts."""
    started = asyncio.Event()
    status = 0
    asked = False

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await started.wait()
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
            started.set()

    headers = [(k.lower().encode(), v.encode()) for k, v in call.headers.items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": call.method,
        "scheme": "http",
        "path": call.url,
        "raw_path": call.url.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", HOST.encode()), *headers],
        "client": ("127.0.0.1", 50000),
        "server": (HOST, 80),
    }
    task = asyncio.create_task(app(scope, receive, send))
    try:
        await asyncio.wait_for(started.wait(), timeout=10)
    finally:
        started.set()
        await asyncio.wait_for(task, timeout=10)
    return status, ""


def verdict(status: int) -> str:
    if status in (401, 403):
        return str(status)
    return "5xx" if status >= 500 else "ok"


async def check_service(
    name: str,
    app: FastAPI,
    http: httpx.AsyncClient,
    rows: list[Row],
    held: dict[str, str | None],
    identity_petition: str,
) -> tuple[int, list[str]]:
    params = path_parameters(name)
    written = bodies()
    checked, differences = 0, []
    for row in rows:
        if row.path == PROXY:
            service, method, route, _ = PROXIED[row.method]
            body = written.get((service, method, route))
        else:
            body = written.get((row.service, row.method, row.path))
        for caller in CALLERS:
            token = held[caller]
            session = await queue_session(http, token) if row.path in SESSIONED else None
            call = plan_call(row, token, session, params, body, identity_petition)
            if call.streaming:
                status, text = await response_start(app, call)
            else:
                # Each cell is its own visitor: no cookie from a sign-in of an earlier cell.
                http.cookies.clear()
                response = await http.request(
                    call.method, call.url, headers=call.headers, content=call.content
                )
                status, text = response.status_code, response.text
            checked += 1
            expected, got = row.expected[caller], verdict(status)
            if got != expected:
                differences.append(
                    f"{name} {row.method} {row.path} as {caller}: expected {expected}, "
                    f"got {status} {text[:200]}"
                )
    return checked, differences


async def assigned_petition(petitions: Harness, held: dict[str, str | None]) -> str:
    """A real petition assigned to ``HANDLER`` by another officer: the identity probe."""
    citizen = {"Authorization": f"Bearer {held['citizen.own']}"}
    body = {
        "kind": "denunciation",
        "title": "Tố cáo",
        "body": "Nội dung tố cáo.",
        "petitioner": {"name": "Nguyễn Văn Tố", "address": "12 Lê Lợi"},
    }
    submitted = await petitions.http.post("/petitions", headers=citizen, json=body)
    assert submitted.status_code == 201, submitted.text
    petition_id = str(submitted.json()["id"])
    assigner = petitions.token("officer", WARD, sub="can-bo-2")
    for action, payload in (("accept", None), ("assign", {"handler": HANDLER})):
        done = await petitions.http.post(
            f"/petitions/{petition_id}/{action}", headers=assigner, json=payload
        )
        assert done.status_code == 200, done.text
    return petition_id


async def test_every_cell_of_the_access_matrix(
    nats_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = load_matrix()
    settings = ward_settings(nats_url, tmp_path)
    topology = tmp_path / "topology.json"
    topology.write_text(
        json.dumps({"wards": {WARD: {name: f"http://{name}.{WARD}" for name in WARD_APPS}}})
    )
    city = settings.model_copy(
        update={"registry_file": str(REGISTRY), "topology_file": str(topology)}
    )
    held = tokens(settings)
    async with AsyncExitStack() as stack:
        started = time.monotonic()
        harnesses: dict[str, Harness] = {}
        for name, build in BUILDERS.items():
            chosen = city if name == "gateway" else settings
            harnesses[name] = await stack.enter_async_context(
                running(Harness, build, chosen, nats_url)
            )
        gateway = harnesses["gateway"].app
        gateway.state.proxy_client = httpx.AsyncClient(
            transport=WardServices({n: harnesses[n].app for n in WARD_APPS})
        )
        identity_petition = await assigned_petition(harnesses["petitions"], held)
        checking = time.monotonic()
        results: dict[str, tuple[int, list[str]]] = {}
        for name, harness in harnesses.items():
            mine = [row for row in rows if row.service == name]
            results[name] = await check_service(
                name, harness.app, harness.http, mine, held, identity_petition
            )
        ended = time.monotonic()

    cells = sum(checked for checked, _ in results.values())
    differences = [line for _, found in results.values() for line in found]
    summary = (
        f"{len(rows)} routes, {cells} cells checked ({len(CALLERS)} callers each) in "
        f"{ended - checking:.1f} s after a {checking - started:.1f} s start; "
        f"{len(differences)} differ from {MATRIX.relative_to(ROOT)}"
    )
    with capsys.disabled():  # the count of cells, shown whether the test passes or fails
        print(f"\naccess matrix: {summary}")
    assert cells == len(rows) * len(CALLERS)
    assert not differences, summary + ":\n" + "\n".join(differences)
