"""Swagger UI and ReDoc render a service's operations with every request to another host
refused (issue 20, item 5: "/docs of every service renders with the network cut").

A real publicity service on a real nats-server behind uvicorn; Chromium (Debian's, as the other
browser tests) aborts any request whose origin is not the service's own and the test fails if
one was tried.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.async_api import Route, expect

from qcdc_publicity.main import build as build_publicity
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import serving

from .browser import DESKTOP, REPO, chromium

pytestmark = pytest.mark.e2e

WARD = "ben-thanh"


async def test_the_docs_render_offline(nats_url: str, tmp_path: Path) -> None:
    settings = Settings(
        ward=WARD,
        nats_url=nats_url,
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
        registry_file=str(REPO / "deploy" / "wards.toml"),
        var_dir=str(tmp_path / "var"),
    )
    async with serving(build_publicity(settings)) as url, chromium() as browser:
        own = urlparse(url).netloc
        elsewhere: list[str] = []

        async def only_own(route: Route) -> None:
            address = urlparse(route.request.url)
            if address.scheme in ("http", "https") and address.netloc != own:
                elsewhere.append(route.request.url)
                await route.abort()
            else:
                await route.continue_()

        page = await browser.new_page(viewport=DESKTOP)
        await page.route("**/*", only_own)
        await page.goto(f"{url}/docs")
        # Swagger UI lists each operation under its hand-chosen id's route.
        await expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
        assert await page.locator(".opblock").count() >= 5
        await page.goto(f"{url}/redoc")
        await expect(page.locator("[data-section-id^='operation/']").first).to_be_attached(
            timeout=15_000
        )
        # ReDoc's footer logo is the one image its bundle asks of its maker's site; it hides
        # itself when refused. Nothing else may leave the service.
        assert [address for address in elsewhere if "cdn.redoc.ly" not in address] == []
