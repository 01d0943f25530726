"""Filing through the ward portal against the real petitions service (uvicorn, a real
nats-server and PostgreSQL; issue 19's first journey): a resident signs in, files a complaint
on the form, lands on a receipt with its tracking code and the CMP-ACCEPT due date the service
computed, finds it on the tracking page, and reads the ward's answer there once an officer has
accepted and answered it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

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

FORMS = f"/p/{WARD}/gui-phan-anh"
ANSWER = "Phường đã hủy quyết định xử phạt và hoàn lại tiền phạt."


async def test_a_complaint_filed_on_the_portal_has_its_code_due_date_and_answer(
    nats_server: NatsServer, database_url: str, tmp_path: Path
) -> None:
    database = sibling_database_url(database_url, "pet")
    petitions_settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database)
    officer = bearer(petitions_settings, "officer", ward=WARD)
    try:
        async with (
            serving(build_petitions(petitions_settings)) as petitions,
            httpx.AsyncClient(timeout=15) as ward_http,
        ):
            async with portal_browser(
                nats_server, database_url, tmp_path, {"petitions": petitions}
            ) as browser:
                await sign_in(browser, role="citizen", name="Phạm Văn Dũng")
                filed = await browser.post(
                    FORMS,
                    data={
                        "csrf": await csrf_of(browser, FORMS),
                        "kind": "complaint",
                        "title": "Khiếu nại quyết định xử phạt",
                        "body": "Tôi bị phạt vì để xe trước nhà mình, nơi không có biển cấm.",
                        "name": "Phạm Văn Dũng",
                        "address": "34 Lý Tự Trọng",
                        "act_date": "",
                        "group": "",
                        "phone": "",
                    },
                )
                assert filed.status_code == 303, filed.text
                location = filed.headers["location"]
                code = parse_qs(urlsplit(location).query)["ma"][0]
                receipt = await browser.get(location)

                service = await ward_http.get(f"{petitions}/petitions/track/{code}")
                assert service.status_code == 200, service.text
                petition_id = service.json()["id"]
                accept = next(d for d in service.json()["deadlines"] if d["rule"] == "CMP-ACCEPT")

                tracked = await browser.get(f"/p/{WARD}/tra-cuu", params={"ma": code})
                for step, body in (("accept", None), ("answer", {"text": ANSWER})):
                    done = await ward_http.post(
                        f"{petitions}/petitions/{petition_id}/{step}", headers=officer, json=body
                    )
                    assert done.status_code == 200, done.text
                answered = await browser.get(f"/p/{WARD}/tra-cuu", params={"ma": code})
    finally:
        await drop_database(database)

    assert location == f"{FORMS}/da-nhan?ma={code}"  # the code, and nothing typed, in the URL
    assert receipt.status_code == 200, receipt.text
    assert receipt.headers["cache-control"] == "no-store"
    assert f'<strong id="receipt-code">{code}</strong>' in receipt.text
    due = accept["due"]
    assert f"{due[8:]}/{due[5:7]}/{due[:4]}" in receipt.text
    assert re.search(rf'id="receipt-due"><time datetime="{due}', receipt.text)
    assert 'href="/rules#CMP-ACCEPT"' in receipt.text
    assert f'href="/p/{WARD}/tra-cuu?ma={code}"' in receipt.text
    main = receipt.text[receipt.text.index("<main") :]
    assert "34 Lý Tự Trọng" not in main and "Phạm Văn Dũng" not in main

    assert tracked.status_code == 200, tracked.text
    before = text_of(tracked.text)
    assert f"Đơn {code}" in before and "Phường đã nhận đơn" in before
    assert "Phường chưa trả lời." in before

    after = text_of(answered.text)
    assert "Phường đã trả lời" in after  # the status, in words
    assert ANSWER in after
    assert "thụ lý" in after and "trả lời" in after  # the steps so far
    assert 'href="/rules#CMP-RESOLVE"' in answered.text
