"""The city dashboard in a real browser: Debian's chromium, headless, driven by Playwright.

The overview lists the wards; a posting published in Bến Thành changes its count on the open
page without a reload (the page's EventSource on ``/api/stream`` and a refetch of
``/api/wards``); the ward's own page opens from its row; the language switch turns it to
English. Screenshots of each step go to ``test-artifacts/screenshots/`` for people to look at.

The stack runs in this process on a real nats-server: the gateway and Bến Thành's publicity
service, each behind a real uvicorn on a free port (an EventSource needs a real streaming
server; ASGITransport does not stream). That is what the page needs and starts in about a
second, where ``qcdc run`` would start every service of every ward as its own process.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import httpx
import nats
import pytest
from playwright.async_api import Page, expect

from qcdc_gateway.main import build as build_gateway
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.auth import mint_development_token
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.service import serving
from qcdc_shared.testing.waiting import eventually

from .browser import DESKTOP, MOBILE, REPO, SCREENSHOTS, chromium

pytestmark = pytest.mark.e2e

REGISTRY = REPO / "deploy" / "wards.toml"
WARD = "ben-thanh"
# Publish → outbox relay → ward stream → QCDC_CITY → gateway → SSE → refetch: well under a
# second here; the margin is for a loaded CI machine.
LIVE_WITHIN_MS = 15_000
WARD_SECTIONS = (
    "recent-events",
    "open-violations",
    "postings",
    "decisions",
    "plan-progress",
    "ledger-head",
)
POSTING = {
    "category": 1,
    "title": "Kế hoạch phát triển kinh tế - xã hội năm 2027",
    "body": "Toàn văn kế hoạch đã được Hội đồng nhân dân phường thông qua.",
    "channels": ["notice_board", "portal"],
}


@dataclass(frozen=True)
class Stack:
    gateway: str
    publicity: str
    settings: Settings


async def linked(url: str) -> None:
    """Wait until the service at ``url`` reports its NATS link up."""
    async with httpx.AsyncClient(base_url=url) as http:

        async def connected() -> bool:
            return bool((await http.get("/health")).json()["nats"]["connected"])

        await eventually(connected, within=15, what=f"the NATS link of {url}")


@asynccontextmanager
async def city(nats_url: str, tmp_path: Path) -> AsyncIterator[Stack]:
    """The streams of every registered ward, Bến Thành's publicity service and the gateway."""
    registry = load_registry(REGISTRY)
    client = await nats.connect(nats_url)
    try:
        await ensure_city_topology(client.jetstream(), [ward.slug for ward in registry.wards])
    finally:
        await client.close()
    topology = tmp_path / "topology.json"
    settings = Settings(
        ward=WARD,
        nats_url=nats_url,
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
        registry_file=str(REGISTRY),
        topology_file=str(topology),
        var_dir=str(tmp_path / "var"),
    )
    async with serving(build_publicity(settings)) as publicity:
        # As the launcher writes it: the gateway lists (and proxies to) the ward's service.
        topology.write_text(
            json.dumps({"nats_url": nats_url, "wards": {WARD: {"publicity": publicity}}})
        )
        async with serving(build_gateway(settings)) as gateway:
            await linked(publicity)
            await linked(gateway)
            yield Stack(gateway=gateway, publicity=publicity, settings=settings)


async def publish_posting(stack: Stack) -> None:
    """A Bến Thành officer posts and publishes, through the service's HTTP API."""
    token = mint_development_token(stack.settings, role="officer", ward=WARD)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=stack.publicity, headers=headers) as http:
        # The service's own today (its clock, local time), which the harness pinned.
        now = dt.datetime.fromisoformat((await http.get("/health")).json()["clock"]["now"])
        body = {**POSTING, "decided_on": now.date().isoformat()}
        created = await http.post("/postings", json=body)
        assert created.status_code == 201, created.text
        published = await http.post(f"/postings/{created.json()['id']}/publish")
        assert published.status_code == 200, published.text


async def screenshot(page: Page, name: str, saved: list[Path]) -> None:
    path = SCREENSHOTS / name
    await page.screenshot(path=str(path), full_page=True)
    saved.append(path)


def is_stream(url: str) -> bool:
    return urlparse(url).path == "/api/stream"


async def test_the_dashboard_follows_the_city_live_in_a_browser(
    nats_url: str, tmp_path: Path
) -> None:
    began = time.monotonic()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    ward_name = load_registry(REGISTRY).ward(WARD).name  # type: ignore[union-attr]
    errors: list[str] = []
    async with city(nats_url, tmp_path) as stack, chromium() as browser:
        context = await browser.new_context(viewport=DESKTOP, base_url=stack.gateway)
        page = await context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        navigations: list[str] = []
        page.on(
            "framenavigated",
            lambda frame: navigations.append(frame.url) if frame == page.main_frame else None,
        )

        # The overview. Its stream must be open before the event: /api/stream starts at the
        # end of the log as of its response, so anything published later reaches the page.
        async with page.expect_response(lambda r: is_stream(r.url), timeout=LIVE_WITHIN_MS):
            opened = await page.goto("/")
            assert opened is not None and opened.ok, (
                f"GET / answered {opened and opened.status}: the gateway serves no dashboard"
            )
        row = page.locator(f'#wards tr[data-ward="{WARD}"]')
        await row.wait_for()
        await expect(page.locator("#city-figures")).to_be_attached()
        await expect(page.locator('#live-status[aria-live="polite"]')).to_be_attached()
        assert await page.locator('svg.chart[role="img"]').count() > 0, "no chart"
        for indicator in ("postings_current", "postings_published", "petitions_received"):
            await expect(row.locator(f'[data-indicator="{indicator}"]')).to_be_attached()
        cell = row.locator('[data-indicator="postings_current"]')
        before = int((await cell.inner_text()).strip())
        await screenshot(page, "overview.png", saved)

        # A reload would also show the new count: this marker and the navigation log prove
        # the page updated itself in place.
        await page.evaluate("window.__qcdcSameDocument = true")
        navigations.clear()
        await publish_posting(stack)
        await expect(cell).to_have_text(str(before + 1), timeout=LIVE_WITHIN_MS)
        assert await page.evaluate("window.__qcdcSameDocument === true"), "the page reloaded"
        assert navigations == [], f"the page navigated: {navigations}"
        await screenshot(page, "overview-live.png", saved)

        # The ward's page, from its row.
        await row.locator(f'a[href="/wards/{WARD}"]').first.click()
        await page.wait_for_url(f"**/wards/{WARD}")
        await expect(page.locator("h1").first).to_contain_text(ward_name)
        for section in WARD_SECTIONS:
            await expect(page.locator(f"#{section}")).to_be_attached()
        await expect(page.locator("html")).to_have_attribute("lang", "vi")
        switch = page.locator("#lang-switch")
        await expect(switch).to_have_attribute("href", re.compile(r"\?lang=en$"))
        await screenshot(page, "ward.png", saved)

        # In English.
        await switch.click()
        await page.wait_for_url(re.compile(r"[?&]lang=en\b"))
        await expect(page.locator("html")).to_have_attribute("lang", "en")
        await expect(page.locator("#postings")).to_contain_text(re.compile(r"\bPostings\b"))
        await expect(switch).to_have_attribute("href", re.compile(r"\?lang=vi$"))
        await screenshot(page, "ward-en.png", saved)
        await context.close()

        # The overview on a phone's width.
        phone = await browser.new_context(viewport=MOBILE, base_url=stack.gateway)
        small = await phone.new_page()
        small.on("pageerror", lambda error: errors.append(str(error)))
        await small.goto("/")
        await small.locator(f'#wards tr[data-ward="{WARD}"]').wait_for(state="attached")
        # Usable at 360 px: the wide table scrolls inside its own box, never the whole page.
        page_width = await small.evaluate("document.documentElement.scrollWidth")
        assert page_width <= MOBILE["width"], f"the page scrolls sideways: {page_width} px"
        await screenshot(small, "overview-360.png", saved)
        await phone.close()

    assert errors == [], f"JavaScript errors on the dashboard: {errors}"
    print(f"\nbrowser test in {time.monotonic() - began:.1f}s; screenshots:")
    for path in saved:
        print(f"  {path.relative_to(REPO)}")
