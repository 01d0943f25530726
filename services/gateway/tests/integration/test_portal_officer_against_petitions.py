"""The ward officer's pages against the real petitions service (uvicorn, a real nats-server and
PostgreSQL; issue 19's second journey): a complaint filed through the petitions API is in the
officer's queue with its CMP-ACCEPT clock, is accepted and answered through the portal's forms
with the officer's own session, a refused step shows the service's Vietnamese reason, and the
tracking page then shows the answer to the code's holder."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from qcdc_petitions.main import build as build_petitions
from qcdc_shared.db import drop_database
from qcdc_shared.settings import Settings
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import serving
from qcdc_shared.tooling.nats_server import NatsServer

from .portal_harness import WARD, bearer, csrf_of, portal_browser, sign_in, text_of

pytestmark = pytest.mark.integration

HOME = f"/p/{WARD}/can-bo"
TITLE = "Khiếu nại quyết định xử phạt hành chính"
ANSWER = "Phường đã xem xét lại và hủy quyết định xử phạt."


async def test_an_officer_accepts_and_answers_a_complaint_on_the_portal(
    nats_server: NatsServer, database_url: str, tmp_path: Path
) -> None:
    database = sibling_database_url(database_url, "pof")
    petitions_settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database)
    citizen = bearer(petitions_settings, "citizen", sub="cong-dan-7")
    try:
        async with (
            serving(build_petitions(petitions_settings)) as petitions,
            httpx.AsyncClient(timeout=15) as ward_http,
        ):
            filed = await ward_http.post(
                f"{petitions}/petitions",
                headers=citizen,
                json={
                    "kind": "complaint",
                    "title": TITLE,
                    "body": "Tôi không đồng ý với quyết định xử phạt ngày 01/12.",
                    "petitioner": {"name": "Phạm Văn Dũng", "address": "45 Hàm Nghi"},
                },
            )
            assert filed.status_code == 201, filed.text
            petition_id, code = filed.json()["id"], filed.json()["tracking_code"]

            async with portal_browser(
                nats_server, database_url, tmp_path, {"petitions": petitions}
            ) as browser:
                await sign_in(
                    browser, role="officer", name="Trần Thị Bình", ward=WARD, next_page=HOME
                )
                queue = await browser.get(HOME)
                page = f"{HOME}/don/{petition_id}"
                token = await csrf_of(browser, page)
                early = await browser.post(f"{page}/answer", data={"csrf": token, "text": "x"})
                accepted = await browser.post(f"{page}/accept", data={"csrf": token})
                after_accept = await browser.get(accepted.headers["location"])
                empty = await browser.post(f"{page}/answer", data={"csrf": token, "text": " "})
                answered = await browser.post(
                    f"{page}/answer", data={"csrf": token, "text": ANSWER}
                )
                after_answer = await browser.get(page)
                tracked = await browser.get(f"/p/{WARD}/tra-cuu", params={"ma": code})
    finally:
        await drop_database(database)

    assert queue.status_code == 200, queue.text
    assert TITLE in queue.text and f'href="{page}"' in queue.text
    assert 'href="/rules#CMP-ACCEPT"' in queue.text
    assert "Phạm Văn Dũng" not in queue.text  # never the petitioner
    # Answering before accepting: the service's own reason, in Vietnamese.
    assert early.status_code == 422, early.text
    assert "Cần thụ lý trước khi giải quyết" in early.text
    assert accepted.status_code == 303
    assert accepted.headers["location"] == f"{page}?da=accept"
    assert 'role="status">Đã thụ lý đơn.' in after_accept.text
    assert "Phường đã thụ lý để giải quyết" in text_of(after_accept.text)
    assert 'href="/rules#CMP-RESOLVE"' in after_accept.text
    assert empty.status_code == 422 and 'class="form-error" role="alert"' in empty.text
    assert answered.status_code == 303, answered.text
    assert "Phường đã trả lời" in text_of(after_answer.text)
    assert "Phạm Văn Dũng" not in after_answer.text and "45 Hàm Nghi" not in after_answer.text
    assert tracked.status_code == 200, tracked.text
    assert ANSWER in tracked.text
