"""The portal's civic pages against real publicity and plans services (uvicorn), a real
nats-server and database: a resident signed in to the portal comments on a consultation and the
comment reaches it; a real posting's ledger proof, read through the portal's relay, verifies
with the Python twin of verify.js (and with the README's script); the adopted plan shows its
task by group with its owner's title, never their name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_gateway.portal import ledger_proof
from qcdc_plans.main import build as build_plans
from qcdc_publicity.main import build as build_publicity
from qcdc_publicity.testing import readme_check
from qcdc_shared.db import drop_database
from qcdc_shared.settings import Settings
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import serving
from qcdc_shared.tooling.nats_server import NatsServer

from .portal_harness import WARD, bearer, csrf_of, portal_browser, sign_in

pytestmark = pytest.mark.integration


async def ok(http: httpx.AsyncClient, method: str, url: str, **kwargs: Any) -> Any:
    answer = await http.request(method, url, **kwargs)
    assert answer.is_success, answer.text
    return answer.json()


async def test_a_comment_reaches_the_consultation_and_a_real_proof_verifies(
    nats_server: NatsServer, database_url: str, tmp_path: Path
) -> None:
    databases = {name: sibling_database_url(database_url, name) for name in ("pub", "pln")}
    pub = Settings(ward=WARD, nats_url=nats_server.url, database_url=databases["pub"])
    pln = Settings(ward=WARD, nats_url=nats_server.url, database_url=databases["pln"])
    officer = bearer(pub, "officer", ward=WARD)
    head = bearer(pln, "officer", ward=WARD, sub="chu-tich")
    try:
        async with (
            serving(build_publicity(pub)) as publicity,
            serving(build_plans(pln)) as plans,
            httpx.AsyncClient(timeout=15) as ward_http,
        ):
            consultation = await ok(
                ward_http,
                "POST",
                f"{publicity}/consultations",
                headers=officer,
                json={"title": "Dự thảo quy ước tổ 5", "draft": "Điều 1. Giữ vệ sinh chung."},
            )
            today = dt.date.fromisoformat(consultation["opened_at"][:10])
            posted = []
            for title in ("Kế hoạch sử dụng đất năm 2027", "Dự toán ngân sách “2027”"):
                created = await ok(
                    ward_http,
                    "POST",
                    f"{publicity}/postings",
                    headers=officer,
                    json={
                        "category": 1,
                        "title": title,
                        "body": "Toàn văn.",
                        "channels": ["notice_board", "portal"],
                        "decided_on": str(today),
                    },
                )
                url = f"{publicity}/postings/{created['id']}/publish"
                posted.append(await ok(ward_http, "POST", url, headers=officer))
            await ok(
                ward_http,
                "POST",
                f"{plans}/committee/members",
                headers=head,
                json={
                    "name": "Nguyễn Văn Trưởng",
                    "position": "head",
                    "organisation": "UBND phường",
                    "title": "Chủ tịch UBND phường",
                    "account": "chu-tich",
                },
            )
            member = await ok(
                ward_http,
                "POST",
                f"{plans}/committee/members",
                headers=head,
                json={"name": "Lê Thị Mặt", "position": "member", "organisation": "MTTQ"},
            )
            plan = await ok(
                ward_http, "POST", f"{plans}/plans", headers=head, json={"year": today.year}
            )
            await ok(
                ward_http,
                "POST",
                f"{plans}/plans/{plan['id']}/tasks",
                headers=head,
                json={
                    "task_group": 4,
                    "title": "Tổ chức đối thoại với Nhân dân",
                    "owner": member["id"],
                    "start_on": str(today - dt.timedelta(days=1)),
                    "due_on": str(today + dt.timedelta(days=60)),
                    "deliverable": "Biên bản đối thoại",
                },
            )
            await ok(ward_http, "POST", f"{plans}/plans/{plan['id']}/adopt", headers=head)

            services = {"publicity": publicity, "plans": plans}
            async with portal_browser(nats_server, database_url, tmp_path, services) as gateway:
                await sign_in(gateway, role="citizen", name="Trần Thị Bình")
                page = f"/p/{WARD}/gop-y/{consultation['id']}"
                token = await csrf_of(gateway, page)
                sent = await gateway.post(
                    page, data={"csrf": token, "text": "Nên có giờ thu rác.", "show_name": "yes"}
                )
                after = await gateway.get(sent.headers.get("location", page))
                listing = await gateway.get(f"/p/{WARD}/gop-y")
                proof = await gateway.get(f"/p/{WARD}/bang-tin/{posted[0]['id']}/bang-chung.json")
                ledger_head = await gateway.get(f"/p/{WARD}/so-cai/dau-chuoi.json")
                board = await gateway.get(f"/p/{WARD}/bang-tin")
                plan_page = await gateway.get(f"/p/{WARD}/ke-hoach")
                decisions = await gateway.get(f"/p/{WARD}/quyet-dinh")
            stored = await ok(ward_http, "GET", f"{publicity}/consultations/{consultation['id']}")
    finally:
        for url in databases.values():
            await drop_database(url)

    assert sent.status_code == 303, sent.text
    assert stored["comments_received"] == 1
    [comment] = stored["comments"]
    assert comment["text"] == "Nên có giờ thu rác." and comment["author"] == "Trần Thị Bình"
    assert "Nên có giờ thu rác." in after.text and "Phường đã nhận ý kiến" in after.text
    assert "Dự thảo quy ước tổ 5" in listing.text

    assert proof.status_code == 200 and ledger_head.status_code == 200
    the_proof, head = proof.json(), ledger_head.json()
    assert the_proof["sequence"] == 1 and head["sequence"] == 2  # posting B came after
    checks = ledger_proof.check(
        the_proof, head, posting_id=posted[0]["id"], title="Kế hoạch sử dụng đất năm 2027"
    )
    assert all(c.ok for c in checks), checks
    assert readme_check(the_proof, head) == head["hash"]
    assert f'data-verify="{posted[0]["id"]}"' in board.text

    assert plan_page.status_code == 200, plan_page.text
    assert "Tổ chức đối thoại với Nhân dân" in plan_page.text
    assert "Đang thực hiện" in plan_page.text and "Lê Thị Mặt" not in plan_page.text
    assert decisions.status_code == 200 and "Chưa có biểu quyết nào kết thúc." in decisions.text
