"""The inspection board's pages against the real publicity and oversight services (uvicorn, a
real nats-server and PostgreSQL; issue 19's inspector journey): an officer publishes a
category-2 posting and withdraws it three days later, oversight detects the PUB-MIN30
violation through the ward's stream, and the inspector signed in to the portal sees it with the
withdrawal that proves it in words, then proposes a recommendation from it with their own
session, which the Front confirms, starting its OVS-ANSWER clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import nats
import pytest

from qcdc_oversight.main import build as build_oversight
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.db import drop_database
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import serving
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

from .portal_harness import WARD, bearer, csrf_of, portal_browser, sign_in, text_of

pytestmark = pytest.mark.integration

BASE = f"/p/{WARD}/giam-sat"
TITLE = "Dự toán ngân sách phường năm 2027"


async def sign_in_as(browser: httpx.AsyncClient, role: str, name: str) -> None:
    """Another person at the same browser: the previous session's cookies go first."""
    browser.cookies.clear()
    await sign_in(browser, role=role, name=name, ward=WARD, next_page=BASE)


async def test_the_board_sees_an_early_withdrawal_and_recommends_from_it(
    nats_server: NatsServer, database_url: str, tmp_path: Path
) -> None:
    databases = {name: sibling_database_url(database_url, name) for name in ("pub", "ovs")}
    publicity_settings = Settings(
        ward=WARD, nats_url=nats_server.url, database_url=databases["pub"]
    )
    oversight_settings = Settings(
        ward=WARD, nats_url=nats_server.url, database_url=databases["ovs"]
    )
    officer = bearer(publicity_settings, "officer", ward=WARD, sub="can-bo-1")
    publicity_app = build_publicity(publicity_settings)
    client = await nats.connect(nats_server.url)
    try:
        # The ward's stream and the city's, which sources it: what the launcher makes.
        await ensure_city_topology(client.jetstream(), [WARD])
        async with (
            serving(publicity_app) as publicity,
            serving(build_oversight(oversight_settings)) as oversight,
            httpx.AsyncClient(timeout=15) as ward_http,
        ):
            three_days_ago = publicity_app.state.runtime.clock.now() - dt.timedelta(days=3)
            draft = await ward_http.post(
                f"{publicity}/postings",
                headers=officer,
                json={
                    "category": 2,
                    "title": TITLE,
                    "body": "Toàn văn dự toán.",
                    "channels": ["notice_board"],
                    "decided_on": str(local_date(three_days_ago) - dt.timedelta(days=1)),
                },
            )
            assert draft.status_code == 201, draft.text
            posting = draft.json()["id"]
            published = await ward_http.post(
                f"{publicity}/postings/{posting}/publish",
                headers=officer,
                json={"published_at": three_days_ago.isoformat()},
            )
            assert published.status_code == 200, published.text
            withdrawn = await ward_http.post(
                f"{publicity}/postings/{posting}/withdraw",
                headers=officer,
                json={"reason": "Số liệu cần sửa"},
            )
            assert withdrawn.status_code == 200, withdrawn.text

            async def detected() -> list[dict[str, object]]:
                items = (await ward_http.get(f"{oversight}/violations")).json()["items"]
                return [v for v in items if v["rule"] == "PUB-MIN30"]

            async def any_detected() -> bool:
                return bool(await detected())

            await eventually(any_detected, within=20, what="the PUB-MIN30 violation")
            violation = (await detected())[0]

            services = {"publicity": publicity, "oversight": oversight}
            async with portal_browser(nats_server, database_url, tmp_path, services) as browser:
                page = f"{BASE}/vi-pham/{violation['id']}"
                await sign_in_as(browser, "inspector", "Lê Văn Tâm")

                async def proven() -> bool:
                    # The city's log takes the ward's events from the stream as they come.
                    return "Tin công khai — đã gỡ" in text_of((await browser.get(page)).text)

                await eventually(proven, within=20, what="the withdrawal in the city's log")
                listed = await browser.get(f"{BASE}/vi-pham")
                shown = await browser.get(page)
                proposed = await browser.post(
                    f"{page}/kien-nghi",
                    data={
                        "csrf": await csrf_of(browser, page),
                        "title": "Niêm yết lại dự toán ngân sách",
                        "body": "Đề nghị niêm yết lại đủ thời hạn theo quy định.",
                        "addressed_to": "UBND phường",
                    },
                )
                empty = await browser.post(
                    f"{BASE}/kien-nghi",
                    data={
                        "csrf": await csrf_of(browser, f"{BASE}/kien-nghi"),
                        "title": " ",
                        "body": "x",
                        "addressed_to": "UBND phường",
                    },
                )
                await sign_in_as(browser, "front", "Ngô Thị Hoa")
                recommendation = proposed.headers["location"].split("#r-")[1]
                confirmed = await browser.post(
                    f"{BASE}/kien-nghi/{recommendation}/xac-nhan",
                    data={"csrf": await csrf_of(browser, f"{BASE}/kien-nghi")},
                )
                after = await browser.get(confirmed.headers["location"])
                overview = await browser.get(BASE)
    finally:
        await client.close()
        for url in databases.values():
            await drop_database(url)

    assert listed.status_code == 200 and shown.status_code == 200, shown.text
    for html in (listed.text, shown.text):
        text = text_of(html)
        assert 'href="/rules#PUB-MIN30"' in html
        assert "Tin công khai — đã gỡ" in text
        assert f"Thuộc: Tin công khai {posting}" in text
        assert "Số liệu cần sửa" in text
    assert proposed.status_code == 303, proposed.text
    assert proposed.headers["location"].startswith(f"{BASE}/kien-nghi?da=proposed#r-")
    # The service refuses a blank title: the page says why, in Vietnamese.
    assert empty.status_code == 422 and 'class="form-error" role="alert"' in empty.text
    assert confirmed.status_code == 303, confirmed.text
    text = text_of(after.text)
    assert 'role="status">Đã xác nhận và ban hành kiến nghị' in after.text
    assert "Niêm yết lại dự toán ngân sách" in text
    assert 'href="/rules#OVS-ANSWER"' in after.text and "còn " in text
    assert overview.status_code == 200 and "Niêm yết lại dự toán ngân sách" in overview.text
