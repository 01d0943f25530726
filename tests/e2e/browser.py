"""What every browser test shares: Debian's chromium started headless by Playwright, axe-core
run on a page, screenshots, and the portal's quality bar (360 px without sideways scrolling,
pages under 100 kB before images: the HTML with its style sheets and scripts).

axe-core comes from npm: ``make test`` runs ``npm ci`` in ``tests/e2e/axe`` (pinned in its
``package.json`` and ``package-lock.json``), and :func:`axe_check` evaluates its ``axe.min.js``
from there, so no script reaches the page from the internet. Each check writes its violations
to ``test-artifacts/axe/<name>.json`` and its counts by impact to
``test-artifacts/axe/summary.json`` (page name → counts), kept as test artifacts beside the
screenshots in ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, Page, Response, ViewportSize, async_playwright
from playwright.async_api import Error as PlaywrightError

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_REPORTS = ARTIFACTS / "axe"
AXE_SUMMARY = AXE_REPORTS / "summary.json"
AXE_SCRIPT = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# Debian's package, not Playwright's downloaded build: CI installs it with apt (.ci/run).
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# As the issue asks. --no-sandbox: CI runs as root in a container, where Chromium's sandbox
# cannot start; the others keep a test run from reaching the network or updating itself.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = ViewportSize(width=1280, height=900)
MOBILE = ViewportSize(width=360, height=740)
# A resident's browser in Vietnam: Vietnamese first (Accept-Language, navigator.language) and
# the local time zone.
LOCALE, TIMEZONE = "vi-VN", "Asia/Ho_Chi_Minh"
# axe-core's impacts, mildest first; the portal allows none of the last two.
IMPACTS = ("minor", "moderate", "serious", "critical")
FORBIDDEN_IMPACTS = ("serious", "critical")
# Issue 19, item 6: each page under 100 kB before images.
PAGE_BUDGET_BYTES = 100_000


def chromium_path() -> str:
    """Debian's chromium, or QCDC_CHROMIUM. Missing, the test skips, and the shared pytest
    plugin turns that skip into a failure in CI (CI=true), where it must run."""
    path = os.environ.get("QCDC_CHROMIUM", DEFAULT_CHROMIUM)
    if not Path(path).is_file():
        pytest.skip(
            f"Chromium not found at {path}: install Debian's chromium "
            "(`apt-get install chromium`, see README) or set QCDC_CHROMIUM"
        )
    return path


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """Chromium headless with the issue's flags; one that cannot start fails the test too."""
    path = chromium_path()
    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(
                executable_path=path, headless=True, args=CHROMIUM_ARGS
            )
        except PlaywrightError as error:
            pytest.fail(f"Chromium at {path} did not start: {error}", pytrace=False)
        try:
            yield browser
        finally:
            await browser.close()


async def screenshot(page: Page, name: str) -> Path:
    """The whole page as ``test-artifacts/screenshots/portal-<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"portal-{name}.png"
    await page.screenshot(path=str(path), full_page=True)
    return path


def axe_script() -> Path:
    """axe-core as ``make test`` installed it; missing, the test fails with what to run."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(
            f"axe-core is not installed at {AXE_SCRIPT.relative_to(REPO)}: run `make axe` "
            "(`npm ci --prefix tests/e2e/axe`; `make test` runs it too)",
            pytrace=False,
        )
    return AXE_SCRIPT


@functools.cache
def _axe_source() -> str:
    return axe_script().read_text(encoding="utf-8")


async def axe_check(page: Page, name: str) -> dict[str, int]:
    """Run axe-core on ``page`` as it is now; write its violations to
    ``test-artifacts/axe/<name>.json``, merge the counts into ``summary.json`` and return the
    number of violating nodes by impact (every impact present, zeros included).

    The caller asserts: ``assert no_serious(counts), ...`` (see :func:`serious_of`)."""
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as a <script> tag: the portal's
        # Content-Security-Policy (script-src 'self') rightly refuses an inline script, and the
        # test must not loosen it (bypass_csp) to run.
        await page.evaluate(_axe_source() + "\n;undefined")
    result: dict[str, Any] = await page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    violations = [
        {
            "id": violation["id"],
            "impact": violation.get("impact"),
            "help": violation.get("help"),
            "helpUrl": violation.get("helpUrl"),
            "nodes": [
                {"target": node.get("target"), "html": node.get("html", "")[:300]}
                for node in violation.get("nodes", [])
            ],
        }
        for violation in result.get("violations", [])
    ]
    counts = {impact: 0 for impact in IMPACTS}
    for violation in violations:
        impact = violation["impact"] or "minor"
        counts[impact] = counts.get(impact, 0) + len(violation["nodes"])
    AXE_REPORTS.mkdir(parents=True, exist_ok=True)
    report = {"page": name, "url": page.url, "counts": counts, "violations": violations}
    (AXE_REPORTS / f"{name}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    _merge_summary(name, page.url, counts)
    return counts


def serious_of(name: str) -> list[str]:
    """The serious and critical violations recorded for page ``name``, one line each: what an
    assertion message shows."""
    report = json.loads((AXE_REPORTS / f"{name}.json").read_text())
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']]}"
        for v in report["violations"]
        if v["impact"] in FORBIDDEN_IMPACTS
    ]


async def assert_accessible(page: Page, name: str) -> dict[str, int]:
    """:func:`axe_check`, then fail on any serious or critical violation."""
    counts = await axe_check(page, name)
    problems = serious_of(name)
    assert not problems, f"axe-core on {name} ({page.url}):\n" + "\n".join(problems)
    return counts


_summary_started = False


def _merge_summary(name: str, url: str, counts: dict[str, int]) -> None:
    """Add the page to this run's summary; an earlier run's summary is replaced, not mixed in."""
    global _summary_started
    summary: dict[str, Any] = {}
    if not _summary_started:
        _summary_started = True
        AXE_SUMMARY.unlink(missing_ok=True)
    if AXE_SUMMARY.is_file():
        try:
            summary = json.loads(AXE_SUMMARY.read_text())
        except ValueError:
            summary = {}
    summary[name] = {"url": url, **counts}
    AXE_SUMMARY.write_text(json.dumps(dict(sorted(summary.items())), ensure_ascii=False, indent=2))


async def page_width(page: Page) -> int:
    """How wide the document is; at most the viewport's width when nothing scrolls sideways."""
    width: int = await page.evaluate("document.documentElement.scrollWidth")
    return width


async def assert_no_sideways_scroll(page: Page, width: int = MOBILE["width"]) -> None:
    actual = await page_width(page)
    assert actual <= width, f"{page.url} scrolls sideways at {width} px: {actual} px wide"


# What a page loads besides its HTML (images aside, as the budget says).
ASSETS_OF_PAGE = """() => [...document.querySelectorAll(
    'link[rel~="stylesheet"][href], link[rel="modulepreload"][href], script[src]'
)].map(e => e.href || e.src)"""
_asset_sizes: dict[str, int] = {}  # URL → bytes: each style sheet and script fetched once


async def page_weight(page: Page, response: Response) -> dict[str, int]:
    """Bytes by URL of what the page is before images: its HTML (``response``) and every style
    sheet and script it loads. Each asset is fetched anew (once per URL), since the
    browser's cache may have served it without a response to count."""
    sizes = {response.url: len(await response.body())}
    urls: list[str] = await page.evaluate(ASSETS_OF_PAGE)
    for url in dict.fromkeys(urls):
        if url not in _asset_sizes:
            reply = await page.context.request.get(url)
            assert reply.ok, f"{page.url} loads {url}, which answered {reply.status}"
            _asset_sizes[url] = len(await reply.body())
        sizes[url] = _asset_sizes[url]
    return sizes


async def assert_light(page: Page, response: Response | None) -> int:
    """The page before images, its HTML and the style sheets and scripts it loads, is under
    the issue's budget (item 6); returns its size."""
    assert response is not None, "no response"
    sizes = await page_weight(page, response)
    size = sum(sizes.values())
    assert size < PAGE_BUDGET_BYTES, f"{response.url} weighs {size} bytes: {sizes}"
    return size
