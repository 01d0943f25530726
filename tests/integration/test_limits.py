"""What one caller may send and how often, on the running services (issue "Trust", Done when):
a 2 MB JSON body to any write route of any ward service or the gateway is a 413 problem+json,
declared or chunked; a hundred tracking-code lookups at once from one client get 429 with
Retry-After past the configured limit, and so do filing (per address and per account),
identity reads (never spent by a stranger) and ``as_of``."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from qcdc_petitions.testing import Petitions
from qcdc_petitions.testing import running as running_petitions
from qcdc_shared.api import MEDIA_TYPE
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import Harness, running
from qcdc_shared.tooling.nats_server import NatsServer

from ..apps import BUILDERS

pytestmark = pytest.mark.integration

WARD = "ben-thanh"
TWO_MB = 2 * 1024 * 1024
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def settings_with(nats_server: NatsServer, tmp_path: Path, **limits: Any) -> Settings:
    return Settings(
        env="development",
        ward=WARD,
        nats_url=nats_server.url,
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{service}}.db",
        **limits,
    )


@asynccontextmanager
async def service(
    name: str, nats_server: NatsServer, tmp_path: Path, **limits: Any
) -> AsyncIterator[Harness]:
    settings = settings_with(nats_server, tmp_path, **limits)
    async with running(Harness, BUILDERS[name], settings, nats_server.url) as harness:
        yield harness


PETITION = {
    "kind": "feedback",
    "title": "Đèn đường hỏng",
    "body": "Đèn trước số 12 hỏng.",
    "anonymous": True,
}


@asynccontextmanager
async def petitions_service(
    nats_server: NatsServer, tmp_path: Path, **limits: str
) -> AsyncIterator[Petitions]:
    settings = settings_with(nats_server, tmp_path, **limits)
    async with running_petitions(settings, nats_server.url) as ward:
        yield ward


@asynccontextmanager
async def elsewhere(harness: Harness) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the same running app from another address."""
    transport = httpx.ASGITransport(app=harness.app, client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as http:
        yield http


def write_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every write route the service declares, its path parameters filled with a dummy."""
    return sorted(
        (method.upper(), re.sub(r"\{[^}]+\}", "x", path))
        for path, operations in app.openapi()["paths"].items()
        for method in operations
        if method.upper() in WRITES
    )


def a_route_reading_its_body(app: FastAPI) -> tuple[str, str] | None:
    """One whose body is read first: no path parameter to refuse, no proxy to ask."""
    return next(
        (
            (method.upper(), path)
            for path, operations in sorted(app.openapi()["paths"].items())
            for method, operation in operations.items()
            if "requestBody" in operation and "{" not in path
        ),
        None,
    )


def assert_too_large(response: httpx.Response, where: str) -> None:
    assert response.status_code == 413, f"{where}: {response.status_code} {response.text[:200]}"
    assert response.headers["content-type"].startswith(MEDIA_TYPE), where
    body = response.json()
    assert body["status"] == 413 and body["detail"] and body["detail_en"], where


@pytest.mark.parametrize("name", list(BUILDERS))
async def test_a_2_mb_body_to_any_write_route_is_413(
    name: str, nats_server: NatsServer, tmp_path: Path
) -> None:
    payload = json.dumps({"text": "x" * TWO_MB})
    async with service(name, nats_server, tmp_path) as harness:
        routes = write_routes(harness.app)
        assert routes, "a service without write routes"
        admin = harness.token("admin")  # past every guard, so the body is read
        for method, path in routes:
            response = await harness.http.request(
                method,
                path,
                content=payload,
                headers={**admin, "content-type": "application/json"},
            )
            assert_too_large(response, f"{name} {method} {path}")

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it comes
            for _ in range(32):
                yield b"x" * (64 * 1024)

        reading = a_route_reading_its_body(harness.app)
        if reading is None:  # the gateway's bodies all go to a path with parameters
            assert name == "gateway"
        else:
            method, path = reading
            chunked = await harness.http.request(method, path, content=chunks(), headers=admin)
            assert_too_large(chunked, f"{name} {method} {path}, chunked")
        assert (await harness.http.get("/health")).status_code == 200  # and it goes on serving


async def test_a_hundred_tracking_lookups_at_once_get_429_past_the_limit(
    nats_server: NatsServer, tmp_path: Path
) -> None:
    async with service(
        "petitions", nats_server, tmp_path, rate_limit_lookup="20/minute"
    ) as harness:
        codes = [f"BT-ABCD-EFGH-JKMN-{n:04d}" for n in range(100)]
        answers = await asyncio.gather(
            *(harness.http.get(f"/petitions/track/{code}") for code in codes)
        )
        statuses = [answer.status_code for answer in answers]
        assert statuses.count(404) == 20  # the configured limit: unknown codes, answered
        assert statuses.count(429) == 80
        refused = next(answer for answer in answers if answer.status_code == 429)
        assert refused.headers["content-type"].startswith(MEDIA_TYPE)
        assert 0 < int(refused.headers["retry-after"]) <= 60
        assert refused.json()["detail_en"].startswith("Too many requests")


async def test_filing_is_limited_per_account_as_well_as_per_client(
    nats_server: NatsServer, tmp_path: Path
) -> None:
    async with petitions_service(nats_server, tmp_path, rate_limit_filing="3/minute") as ward:
        one_account = ward.citizen(sub="cong-dan-1")
        # Three petitions filed from one address; the fourth, from another address but the
        # same account, is refused for the account.
        for _ in range(3):
            assert (await ward.submit(headers=one_account)).status_code == 201
        async with elsewhere(ward) as other_client:
            refused = await other_client.post("/petitions", headers=one_account, json=PETITION)
            assert refused.status_code == 429, refused.text
            # Another account at that address files; the first address is spent for anyone.
            other_account = ward.citizen(sub="cong-dan-2")
            filed = await other_client.post("/petitions", headers=other_account, json=PETITION)
            assert filed.status_code == 201, filed.text
        assert (await ward.submit(headers=ward.citizen(sub="cong-dan-3"))).status_code == 429
        openapi = (await ward.http.get("/openapi.json")).json()
        assert openapi["paths"]["/petitions"]["post"]["x-rate-limit"] == "filing"


async def test_identity_reads_are_limited_and_strangers_spend_nothing(
    nats_server: NatsServer, tmp_path: Path
) -> None:
    async with petitions_service(nats_server, tmp_path, rate_limit_identity="2/minute") as ward:
        petition = await ward.submitted(kind="denunciation")
        path = f"/petitions/{petition['id']}/identity"
        for _ in range(3):  # anonymous: 401, counted against nobody
            assert (await ward.http.get(path)).status_code == 401
        officer = ward.officer()
        statuses = [(await ward.http.get(path, headers=officer)).status_code for _ in range(3)]
        assert 429 not in statuses[:2] and statuses[2] == 429


async def test_as_of_is_limited_and_the_live_view_is_not(
    nats_server: NatsServer, tmp_path: Path
) -> None:
    async with service("gateway", nats_server, tmp_path, rate_limit_costly="2/minute") as city:
        live = [await city.http.get("/api/city/indicators") for _ in range(4)]
        assert [answer.status_code for answer in live] == [200] * 4
        as_of = "/api/city/indicators?as_of=2026-06-30"
        past = [(await city.http.get(as_of)).status_code for _ in range(3)]
        assert past == [200, 200, 429]


async def test_an_as_of_outside_the_calendar_is_refused_not_a_500(
    nats_server: NatsServer, tmp_path: Path
) -> None:
    async with service("gateway", nats_server, tmp_path) as city:
        for far in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:00:00-10:00", "0001-01-01"):
            for path in ("/api/city/indicators", "/api/wards", "/"):
                answer = await city.http.get(path, params={"as_of": far})
                assert answer.status_code in (400, 422), (path, far, answer.status_code)
