"""What the portal's integration tests share: the city's gateway built over the real ward
services a test started (their URLs in a topology file), a browser on it that keeps cookies,
signing in through the /dang-nhap form with its CSRF token, and a page's text without its tags."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from qcdc_gateway.main import build
from qcdc_shared.auth import mint_development_token
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import following, shared_offset
from qcdc_shared.tooling.nats_server import NatsServer

REGISTRY = Path(__file__).resolve().parents[4] / "deploy" / "wards.toml"
WARD = "ben-thanh"
CSRF_INPUT = re.compile(r'name="csrf" value="([0-9a-f]+)"')


def bearer(settings: Settings, role: str, **claims: Any) -> dict[str, str]:
    """The Authorization header of a development token, for calling a ward service directly."""
    token = mint_development_token(settings, role=role, **claims)
    return {"Authorization": f"Bearer {token}"}


@asynccontextmanager
async def portal_browser(
    nats_server: NatsServer, database_url: str, tmp_path: Path, services: dict[str, str]
) -> AsyncIterator[httpx.AsyncClient]:
    """A browser on the city's gateway (running its lifespan) that reads :data:`WARD`'s
    ``services`` (name → URL of the service a test is serving)."""
    topology = tmp_path / "topology.json"
    topology.write_text(json.dumps({"wards": {WARD: services}}))
    city = Settings(
        nats_url=nats_server.url,
        database_url=database_url,
        registry_file=str(REGISTRY),
        topology_file=str(topology),
    )
    app = build(city)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://gateway"
        ) as browser,
    ):
        # Its pages are dated by the shared clock, which it takes from the broker once linked.
        await following(app.state.runtime, await shared_offset(nats_server.url))
        yield browser


async def csrf_of(browser: httpx.AsyncClient, path: str) -> str:
    """The CSRF token of the forms on a page (the client keeps its cookie)."""
    found = CSRF_INPUT.search((await browser.get(path)).text)
    assert found, path
    return found.group(1)


async def sign_in(
    browser: httpx.AsyncClient, *, role: str, name: str, ward: str = "", next_page: str = ""
) -> None:
    """As a person does: the sign-in form with its CSRF token (the client keeps the cookies)."""
    form = {"csrf": await csrf_of(browser, "/dang-nhap"), "role": role, "name": name}
    answer = await browser.post("/dang-nhap", data={**form, "ward": ward, "next": next_page})
    assert answer.status_code == 303, answer.text[:500]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
