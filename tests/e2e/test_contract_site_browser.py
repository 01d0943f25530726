"""The contract site in a real browser (issue 20, item 5): from the gateway's ``/contracts/`` to
the AsyncAPI rendering, which works under the gateway's policy with every request to another
host refused — its viewer starts (no script error, no policy violation) and opens its sections —
and the index and changelog pass axe.

A real gateway on a real nats-server behind uvicorn; Chromium (Debian's, as the other browser
tests) aborts any request whose origin is not the gateway's and the test fails if one was tried.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.async_api import ConsoleMessage, Error, Route, expect

from qcdc_gateway.main import build as build_gateway
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import serving
from qcdc_shared.tooling.asyncapi import CONTRACT_VERSION

from .browser import DESKTOP, REPO, assert_accessible, chromium

pytestmark = pytest.mark.e2e


async def test_the_contract_site_works_offline(nats_url: str, tmp_path: Path) -> None:
    settings = Settings(
        nats_url=nats_url,
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
        registry_file=str(REPO / "deploy" / "wards.toml"),
        var_dir=str(tmp_path / "var"),
    )
    async with serving(build_gateway(settings)) as url, chromium() as browser:
        own = urlparse(url).netloc
        elsewhere: list[str] = []
        errors: list[str] = []

        async def only_own(route: Route) -> None:
            address = urlparse(route.request.url)
            if address.scheme in ("http", "https") and address.netloc != own:
                elsewhere.append(route.request.url)
                await route.abort()
            else:
                await route.continue_()

        def console(message: ConsoleMessage) -> None:
            if message.type == "error":
                errors.append(message.text[:300])

        def page_error(error: Error) -> None:
            errors.append(str(error)[:300])

        page = await browser.new_page(viewport=DESKTOP)
        await page.route("**/*", only_own)
        page.on("console", console)
        page.on("pageerror", page_error)

        await page.goto(f"{url}/contracts/?lang=en")
        await expect(page.get_by_role("heading", level=1)).to_have_text("Contracts")
        await assert_accessible(page, "contracts-index")
        await page.get_by_role("link", name="Changelog of the contracts").click()
        await expect(page.get_by_role("heading", level=2).first).to_contain_text(CONTRACT_VERSION)
        await assert_accessible(page, "contracts-changelog")

        await page.goto(f"{url}/contracts/?lang=en")
        await page.get_by_role("link", name="The AsyncAPI document (HTML)").click()
        await expect(page).to_have_title(re.compile("QCDC ward events"))
        # The viewer took over the pre-rendered page, and its buttons work.
        await page.wait_for_function("typeof AsyncApiStandalone === 'object'")
        before = len(await page.inner_text("body"))
        # React replaces the pre-rendered page some time after the script is there: a click
        # before that lands on the static copy, so click again until a section opens.
        for _ in range(20):
            with contextlib.suppress(Error):  # the static copy's button, replaced mid-click
                await page.get_by_role("button", name="Expand All").first.click(timeout=2000)
            await page.wait_for_timeout(500)
            if len(await page.inner_text("body")) > before:
                break
        assert len(await page.inner_text("body")) > before, "Expand All opened nothing"

        assert errors == [], "a script failed or the policy refused something"
        assert elsewhere == []
