"""The ward portal against real ward services (uvicorn), a real nats-server and PostgreSQL:
a posting an officer publishes is on the ward's home page, and a petition a citizen files is
found on the tracking page by its code, with its status (issue 19, second "Done when" line);
a reception session an officer posts is on the schedule page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import httpx
import pytest

from qcdc_petitions.main import build as build_petitions
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.db import drop_database
from qcdc_shared.settings import Settings
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import serving
from qcdc_shared.tooling.nats_server import NatsServer

from .portal_harness import WARD, bearer, portal_browser, text_of

pytestmark = pytest.mark.integration


async def test_the_portal_shows_a_published_posting_and_a_petition_by_its_code(
    nats_server: NatsServer, database_url: str, tmp_path: Path
) -> None:
    databases = {name: sibling_database_url(database_url, name) for name in ("pub", "pet")}
    publicity_settings = Settings(
        ward=WARD, nats_url=nats_server.url, database_url=databases["pub"]
    )
    petitions_settings = Settings(
        ward=WARD, nats_url=nats_server.url, database_url=databases["pet"]
    )
    officer = bearer(publicity_settings, "officer", ward=WARD)
    citizen = bearer(petitions_settings, "citizen", sub="cong-dan-1")
    try:
        async with (
            serving(build_publicity(publicity_settings)) as publicity,
            serving(build_petitions(petitions_settings)) as petitions,
            httpx.AsyncClient(timeout=15) as ward_http,
        ):
            created = await ward_http.post(
                f"{publicity}/postings",
                headers=officer,
                json={
                    "category": 1,
                    "title": "Kế hoạch phát triển kinh tế - xã hội năm 2027",
                    "body": "Toàn văn kế hoạch.",
                    "channels": ["notice_board", "portal"],
                    "decided_on": "2026-11-02",
                },
            )
            assert created.status_code == 201, created.text
            posting_id = created.json()["id"]
            published = await ward_http.post(
                f"{publicity}/postings/{posting_id}/publish", headers=officer
            )
            assert published.status_code == 200, published.text
            minimum = next(d for d in published.json()["deadlines"] if d["rule"] == "PUB-MIN30")
            filed = await ward_http.post(
                f"{petitions}/petitions",
                headers=citizen,
                json={
                    "kind": "feedback",
                    "title": "Đèn đường hẻm 12 không sáng",
                    "body": "Đèn đường trong hẻm 12 đã tắt một tuần.",
                    "petitioner": {"name": "Lê Thị Cúc", "address": "12 Lê Lợi"},
                },
            )
            assert filed.status_code == 201, filed.text
            code = filed.json()["tracking_code"]
            # A session some weeks after the services' today, posted now.
            today = dt.date.fromisoformat(filed.json()["received_at"][:10])
            session_on = today + dt.timedelta(weeks=3)
            officer_of_petitions = bearer(petitions_settings, "officer", ward=WARD)
            posted = await ward_http.post(
                f"{petitions}/receptions",
                headers=officer_of_petitions,
                json={"host": "chair", "session_on": str(session_on), "location": "Phòng tiếp dân"},
            )
            assert posted.status_code == 201, posted.text

            services = {"publicity": publicity, "petitions": petitions}
            async with portal_browser(nats_server, database_url, tmp_path, services) as gateway:
                home = await gateway.get(f"/p/{WARD}/")
                board = await gateway.get(f"/p/{WARD}/bang-tin")
                tracked = await gateway.get(
                    f"/p/{WARD}/tra-cuu", params={"ma": code.lower().replace("-", " - ")}
                )
                unknown = await gateway.get(
                    f"/p/{WARD}/tra-cuu", params={"ma": "BT-2345-6789-ABCD-EFGH"}
                )
                forms = await gateway.get(f"/p/{WARD}/gui-phan-anh")
                schedule = await gateway.get(f"/p/{WARD}/lich-tiep-cong-dan")
    finally:
        for url in databases.values():
            await drop_database(url)

    for page in (home, board, tracked, forms, schedule):
        assert page.status_code == 200, page.text
        assert page.headers["content-type"].startswith("text/html")
        assert '<html lang="vi">' in page.text
    for page in (home, board):
        assert "Kế hoạch phát triển kinh tế - xã hội năm 2027" in page.text
        assert 'href="/rules#PUB-MIN30"' in page.text
        day, month, year = minimum["due"][8:], minimum["due"][5:7], minimum["due"][:4]
        assert f"{day}/{month}/{year}" in page.text
    text = text_of(tracked.text)
    assert f"Đơn {code}" in text
    assert "Phường đã nhận đơn" in text  # the status, in words
    assert 'href="/rules#FB-FWD"' in tracked.text
    # Only what the code's holder sees: never the petitioner.
    assert "Lê Thị Cúc" not in tracked.text and "12 Lê Lợi" not in tracked.text
    assert unknown.status_code == 404
    assert len(re.findall(r'name="kind" value="', forms.text)) == 4
    assert f"{session_on:%d/%m/%Y}" in schedule.text and "Phòng tiếp dân" in schedule.text
