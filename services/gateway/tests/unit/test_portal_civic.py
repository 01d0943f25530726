"""The resident's civic pages (issue 19 item 2) over a fake ward reader whose answers have the
ward services' own shapes (their response models validate them): consultations with their
closing day and a comment form that forwards the resident's session, residents' decisions with
their count against every registered household and the rule rows that measured them, the plan
by task group with progress against the shared clock, and the notice board's "verify" button,
whose checks (verify.js, and its Python twin) recompute a real ledger proof of the publicity
domain and fail on any change."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_gateway.portal import ledger_proof
from qcdc_gateway.portal.wards import Reply
from qcdc_plans.api.decisions import DecisionOut
from qcdc_plans.api.plan_views import PlanOut, PlanSummaryOut
from qcdc_plans.api.register import GroupsOut, MembersOut
from qcdc_plans.domain.task_groups import DEFAULT_TASK_GROUPS
from qcdc_publicity.api.consultations import ConsultationOut
from qcdc_publicity.api.ledger import HeadOut, LaterEntryOut, ProofOut
from qcdc_publicity.domain.consultation import Comment, ResponseItem, open_consultation
from qcdc_publicity.domain.ledger import GENESIS, canonical, entry_hash
from qcdc_publicity.domain.posting import draft_posting, publish, version_document
from qcdc_shared.law.rulebook import RuleBook

from .portal_fakes import NOW, ROOT, WARD, Call, FakeWard, build_portal, listing, text_of
from .portal_session import csrf_of, sign_in

pytestmark = pytest.mark.unit

VERIFY_JS = ROOT / "services/gateway/src/qcdc_gateway/web/static/verify.js"
OPEN_ID = "c-open"
CLOSED_ID = "c-closed"


# --- what the ward services answer, built by their own domain and response models ----------


def consultations(rules: RuleBook) -> dict[str, dict[str, Any]]:
    opened = open_consultation(
        consultation_id=OPEN_ID,
        ward=WARD,
        title="Dự thảo quy ước tổ dân phố số 5",
        draft="Điều 1. Giữ gìn vệ sinh chung.\n\nĐiều 2. Không đốt rác trong hẻm.",
        now=NOW - dt.timedelta(days=3),
        rules=rules,
    )
    comments = [
        Comment("k1", OPEN_ID, "Nên thêm giờ thu gom rác.", None, NOW - dt.timedelta(days=2)),
        Comment("k2", OPEN_ID, "Đồng ý với dự thảo.", "Trần Thị Bình", NOW - dt.timedelta(days=1)),
    ]
    closed = replace(
        open_consultation(
            consultation_id=CLOSED_ID,
            ward=WARD,
            title="Dự thảo phương án chỉnh trang hẻm 12",
            draft="Phương án chỉnh trang.",
            now=NOW - dt.timedelta(days=60),
            rules=rules,
        ),
        status="closed",
        closed_at=NOW - dt.timedelta(days=20),
    )
    closed = replace(
        closed,
        accepted=(ResponseItem("Lát lại mặt hẻm", "Phù hợp kinh phí"),),
        rejected=(ResponseItem("Mở rộng hẻm", "Phải thu hồi đất"),),
    )
    return {
        OPEN_ID: ConsultationOut.of(replace(opened, comments_received=2), comments).model_dump(
            mode="json"
        ),
        CLOSED_ID: ConsultationOut.of(closed, []).model_dump(mode="json"),
    }


def deadline(rule: str, due: str) -> dict[str, Any]:
    return {
        "rule": rule,
        "due": due,
        "due_at": f"{due}T23:59:59.999999+07:00",
        "explanation": f"Theo {rule}.",
        "explanation_en": f"Under {rule}.",
    }


DECISION = DecisionOut.model_validate(
    {
        "id": "d-1",
        "topic": 1,
        "title": "Đóng góp làm mái che nhà văn hóa tổ 5",
        "group": "TDP-05",
        "households_total": 120,
        "form": "meeting",
        "form_vi": "họp",
        "notice_at": "2026-11-20T08:00:00+07:00",
        "vote_at": "2026-11-25T19:00:00+07:00",
        "status": "recognised",
        "rules": ["DEC-TOPIC", "DEC-PASS", "DEC-FORM.meeting", "DEC-NOTICE"],
        "ballot_reason": None,
        "draft_posted_on": None,
        "initiative": None,
        "passed": True,
        "yes": 85,
        "rule": "DEC-PASS.money",
        "result": {
            "counted": "meeting_tally",
            "yes": 85,
            "no": 10,
            "abstain": 5,
            "present": 100,
            "threshold": 80,
            "share": "2/3",
            "comparison": "at_least",
            "decided_on": "2026-11-25",
            "closed_at": "2026-11-26T08:00:00+07:00",
            "record_due": deadline("DEC-RECORD", "2026-12-03"),
            "record_received_at": "2026-11-26T08:00:00+07:00",
            "recognition_due": deadline("DEC-RECORD.recognition", "2026-12-03"),
        },
        "minutes": None,
        "recognition": {
            "outcome": "recognised",
            "reason": None,
            "at": "2026-11-28T10:00:00+07:00",
            "on_time": True,
        },
        "version": 4,
    }
).model_dump(mode="json")
GROUPS = GroupsOut.model_validate(
    {
        "items": [
            {
                "code": "TDP-05",
                "name": "Tổ dân phố 5",
                "households": 120,
                "online_optin": 0,
                "effective_on": "2026-01-01",
                "version": 1,
            }
        ],
        "total": 1,
        "households": 120,
    }
).model_dump(mode="json")
MEMBERS = MembersOut.model_validate(
    {
        "items": [
            {
                "id": "m-1",
                "name": "Nguyễn Văn Chủ",
                "position": "head",
                "position_vi": "Trưởng ban",
                "organisation": "UBND phường",
                "title": "Chủ tịch UBND phường",
                "account": None,
                "joined_on": "2026-01-01",
                "left_on": None,
                "left_reason": None,
                "version": 1,
            },
            {
                "id": "m-2",
                "name": "Lê Thị Mặt",
                "position": "member",
                "position_vi": "Thành viên",
                "organisation": "Ủy ban MTTQ phường",
                "title": None,
                "account": None,
                "joined_on": "2026-01-01",
                "left_on": None,
                "left_reason": None,
                "version": 1,
            },
        ],
        "total": 2,
    }
).model_dump(mode="json")


def task(number: int, group: int, owner: str, due_on: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"t-{number}",
        "plan_id": "plan-2026",
        "task_group": group,
        "title": f"Nhiệm vụ {number}",
        "owner": owner,
        "owner_name": "Nguyễn Văn Chủ" if owner == "m-1" else "Lê Thị Mặt",
        "start_on": "2026-01-15",
        "due_on": due_on,
        "due_at": f"{due_on}T23:59:59.999999+07:00",
        "deliverable": "Báo cáo",
        "status": "open",
        "percent": 40,
        # The service's own clock may lag the portal's: the page decides by the shared clock.
        "overdue": False,
        "completed_at": None,
        "on_time": None,
        "overdue_at": None,
        "latest_progress": None,
        "version": 1,
        **extra,
    }


SEED_GROUPS = [
    "Tuyên truyền, phổ biến chủ trương, pháp luật về thực hiện QCDC ở cơ sở",
    "Gắn thực hiện QCDC với nhiệm vụ chính trị; hội nghị chuyên đề",
    "Gắn thực hiện QCDC với cải cách hành chính; niêm yết công khai thủ tục hành chính",
    "Gương mẫu của người đứng đầu; tiếp dân, đối thoại, giải quyết phản ánh, kiến nghị",
    "Công khai, thông tin để nhân dân biết và góp ý về quy hoạch, kế hoạch, dự án",
    "Kiểm tra, giám sát thực hiện QCDC gắn với phòng, chống quan liêu, tham nhũng, lãng phí",
    "Kiện toàn, nâng cao chất lượng hoạt động của Ban Chỉ đạo thực hiện QCDC",
    "Tạo điều kiện để Mặt trận và các đoàn thể giám sát, phản biện xã hội",
]
TASKS = [
    task(1, 1, "m-1", "2026-06-30", status="completed", percent=100),
    task(2, 1, "m-2", "2026-12-06"),  # ended yesterday by the shared clock: overdue
    task(3, 4, "m-1", "2026-12-07"),  # due today: still in progress until 24:00
    task(4, 4, "m-2", "2026-12-31", percent=10),
]
SUMMARY = {
    "id": "plan-2026",
    "year": 2026,
    "title": "Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2026",
    "status": "adopted",
    "edition": 1,
    "adopted_at": "2026-01-10T08:00:00+07:00",
    "reported_at": None,
    "tasks_total": 4,
    "tasks_completed": 1,
    "tasks_overdue": 0,
    "version": 3,
}
PLANS = {
    "items": [
        PlanSummaryOut.model_validate(SUMMARY).model_dump(mode="json"),
        PlanSummaryOut.model_validate(
            {**SUMMARY, "id": "plan-2025", "year": 2025, "title": "Kế hoạch năm 2025"}
        ).model_dump(mode="json"),
    ],
    "total": 2,
    "next_cursor": None,
}
PLAN = PlanOut.model_validate(
    {
        **SUMMARY,
        "ward": WARD,
        "purposes": ["Tiếp tục quán triệt sâu sắc các quan điểm của Đảng."],
        "task_groups": [
            {
                "number": n,
                "title": title,
                "description": f"Nội dung nhóm {n}.",
                "tasks": [t for t in TASKS if t["task_group"] == n],
            }
            for n, title in enumerate(SEED_GROUPS, start=1)
        ],
        "adopted_by": "m-1",
        "report": None,
        "editions": [],
    }
).model_dump(mode="json")


def proof_of_real_postings(rules: RuleBook) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    """A proof as the publicity service serves it, from its domain: posting A recorded as
    entry 1, posting B as entry 2 (the head)."""
    documents = []
    for posting_id, title in (
        ("p-a", "Kế hoạch sử dụng đất năm 2027 — “bản chính thức”"),
        ("p-b", "Dự toán ngân sách 2027"),
    ):
        drafted = draft_posting(
            posting_id=posting_id,
            ward=WARD,
            category=1,
            title=title,
            body="Toàn văn, có dấu: Điều 1…",
            decided_on=NOW.date() - dt.timedelta(days=2),
            channels=("notice_board", "portal"),
            now=NOW - dt.timedelta(days=1),
            rules=rules,
        )
        published = publish(drafted, published_at=NOW - dt.timedelta(hours=2), now=NOW, rules=rules)
        documents.append(version_document(published))
    first = entry_hash(GENESIS, documents[0])
    second = entry_hash(first, documents[1])
    head = HeadOut(ward=WARD, sequence=2, hash=second)
    proof = ProofOut(
        ward=WARD,
        posting_id="p-a",
        version=documents[0]["version"],
        status="published",
        sequence=1,
        recorded_at=NOW - dt.timedelta(hours=2),
        document=documents[0],
        canonical=canonical(documents[0]).decode(),
        previous_hash=GENESIS,
        hash=first,
        later=[
            LaterEntryOut(
                sequence=2,
                previous_hash=first,
                hash=second,
                posting_id="p-b",
                version=documents[1]["version"],
                canonical=canonical(documents[1]).decode(),
            )
        ],
        head=head,
    )
    return proof.model_dump(mode="json"), head.model_dump(mode="json"), "p-a", documents[0]["title"]


# --- the fake ward ------------------------------------------------------------------------------


def comment_taken(call: Call) -> Reply:
    return Reply(
        201, {"id": "k3", "text": call.json["text"], "anonymous": not call.json["show_name"]}
    )


@pytest.fixture
def app(tmp_path: Path) -> Any:
    return build_portal(tmp_path)


@pytest.fixture
def proof(app: Any) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    return proof_of_real_postings(app.state.rules)


@pytest.fixture
def ward(app: Any, proof: tuple[dict[str, Any], dict[str, Any], str, str]) -> FakeWard:
    rules: RuleBook = app.state.rules
    shown = consultations(rules)
    the_proof, head, posting_id, title = proof
    listed = list(shown.values())
    fake = FakeWard(
        answer=comment_taken,
        missing=Reply(404, {"status": 404, "detail": "Không có.", "detail_en": "None."}),
        routes={
            ("publicity", "/consultations"): lambda call: Reply(
                200, listing([c for c in listed if c["status"] == call.params["status"]])
            ),
            ("publicity", f"/consultations/{OPEN_ID}"): shown[OPEN_ID],
            ("publicity", f"/consultations/{CLOSED_ID}"): shown[CLOSED_ID],
            ("publicity", f"/postings/{posting_id}/proof"): the_proof,
            ("publicity", "/ledger/head"): head,
            ("plans", "/decisions"): {"items": [DECISION], "total": 1, "next_cursor": None},
            ("plans", "/decisions/d-1"): DECISION,
            ("plans", "/groups"): GROUPS,
            ("plans", "/plans"): PLANS,
            ("plans", "/plans/plan-2026"): PLAN,
            ("plans", "/committee/members"): MEMBERS,
        },
        postings=[
            {
                "id": posting_id,
                "ward": WARD,
                "category": 1,
                "title": title,
                "status": "published",
                "published_at": "2026-12-07T07:00:00+07:00",
                "deadlines": [],
            }
        ],
    )
    app.state.portal_reader = fake
    return fake


@pytest.fixture
async def portal(portal: httpx.AsyncClient, ward: FakeWard) -> httpx.AsyncClient:
    """conftest's browser, once the fake ward is in place (it reads the app's rule table)."""
    return portal


PAGES = (
    f"/p/{WARD}/gop-y",
    f"/p/{WARD}/gop-y/{OPEN_ID}",
    f"/p/{WARD}/gop-y/{CLOSED_ID}",
    f"/p/{WARD}/quyet-dinh",
    f"/p/{WARD}/quyet-dinh/d-1",
    f"/p/{WARD}/ke-hoach",
)


@pytest.mark.parametrize("path", PAGES)
async def test_every_civic_page_is_vietnamese_html_reachable_from_the_nav(
    portal: httpx.AsyncClient, path: str
) -> None:
    answer = await portal.get(path)
    assert answer.status_code == 200, answer.text
    assert '<html lang="vi">' in answer.text
    assert len(answer.content) < 100_000
    for page in ("gop-y", "quyet-dinh", "ke-hoach", "bang-tin", ""):
        assert f'href="/p/{WARD}/{page}"' in answer.text
    assert not re.search(r'(src|href)="(https?:)?//', answer.text)
    assert "<script" not in answer.text  # these pages need none
    english = await portal.get(path, params={"lang": "en"})
    assert english.status_code == 200 and '<html lang="en">' in english.text


async def test_the_nav_marks_the_current_civic_page(portal: httpx.AsyncClient) -> None:
    html = (await portal.get(f"/p/{WARD}/gop-y")).text
    assert f'<a href="/p/{WARD}/gop-y" aria-current="page">' in html
    detail = (await portal.get(f"/p/{WARD}/gop-y/{OPEN_ID}")).text
    assert f'<a href="/p/{WARD}/gop-y" aria-current="true">' in detail
    home = (await portal.get(f"/p/{WARD}/")).text
    for page in ("gop-y", "quyet-dinh", "ke-hoach"):
        assert home.count(f'href="/p/{WARD}/{page}"') >= 2  # the nav and the home's own list


async def test_consultations_list_the_open_ones_with_their_closing_day_and_the_closed(
    portal: httpx.AsyncClient, ward: FakeWard, app: Any
) -> None:
    answer = await portal.get(f"/p/{WARD}/gop-y")
    text = text_of(answer.text)
    opened = text.index("Đang lấy ý kiến")
    closed = text.index("Đã kết thúc")
    assert opened < text.index("Dự thảo quy ước tổ dân phố số 5") < closed
    assert closed < text.index("Dự thảo phương án chỉnh trang hẻm 12")
    due = ward.routes["publicity", f"/consultations/{OPEN_ID}"]["minimum_end"]["due"]
    assert f"{due[8:]}/{due[5:7]}/{due[:4]}" in text
    assert 'href="/rules#CON-MIN20"' in answer.text
    assert [r.params for r in ward.reads if r.path == "/consultations"] == [
        {"status": "open", "limit": 50},
        {"status": "closed", "limit": 20},
    ]


async def test_a_consultation_shows_its_draft_comments_and_asks_to_sign_in(
    portal: httpx.AsyncClient,
) -> None:
    answer = await portal.get(f"/p/{WARD}/gop-y/{OPEN_ID}")
    html, text = answer.text, text_of(answer.text)
    assert "Điều 1. Giữ gìn vệ sinh chung." in text and "Không đốt rác trong hẻm" in text
    # The comments as the service publishes them: a chosen name, or "Ẩn danh"; newest first.
    assert text.index("Trần Thị Bình") < text.index("Ẩn danh") < text.index("Nên thêm giờ")
    assert "<form" not in html.split("<main", 1)[1].split("</main>")[0]
    assert f'href="/dang-nhap?next=/p/{WARD}/gop-y/{OPEN_ID}"' in html
    assert "Để góp ý, bạn cần đăng nhập" in text


async def test_a_closed_consultation_shows_what_was_accepted_and_rejected_and_no_form(
    portal: httpx.AsyncClient,
) -> None:
    answer = await portal.get(f"/p/{WARD}/gop-y/{CLOSED_ID}")
    text = text_of(answer.text)
    assert "Ý kiến được tiếp thu Lát lại mặt hẻm Lý do: Phù hợp kinh phí" in text
    assert "Ý kiến không tiếp thu Mở rộng hẻm Lý do: Phải thu hồi đất" in text
    assert 'name="text"' not in answer.text


async def test_a_signed_in_resident_comments_and_is_sent_back_to_the_consultation(
    portal: httpx.AsyncClient, ward: FakeWard, app: Any
) -> None:
    await sign_in(portal, role="citizen", name="Trần Thị Bình")
    page = f"/p/{WARD}/gop-y/{OPEN_ID}"
    token = await csrf_of(portal, page)
    form = (await portal.get(page)).text
    assert '<label for="text">' in form and '<label for="show_name">' in form
    answer = await portal.post(
        page, data={"csrf": token, "text": "Cần thêm thùng rác.", "show_name": "yes"}
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{page}?gui=ok#y-kien"
    [sent] = ward.sent
    service, method, path, bearer, client = (
        sent.service,
        sent.method,
        sent.path,
        sent.token,
        sent.client,
    )
    assert (service, method, path) == ("publicity", "POST", f"/consultations/{OPEN_ID}/comments")
    assert sent.json == {"text": "Cần thêm thùng rác.", "show_name": True}
    # The resident's own session, so the publicity service decides (and takes their name).
    assert bearer and app.state.verifier.verify(bearer).name == "Trần Thị Bình"
    assert client == "198.51.100.7"
    after = await portal.get(answer.headers["location"])
    assert "Phường đã nhận ý kiến của bạn" in after.text


async def test_a_refused_comment_is_shown_again_with_the_services_message(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    await sign_in(portal, role="citizen")
    page = f"/p/{WARD}/gop-y/{OPEN_ID}"
    token = await csrf_of(portal, page)
    ward.answer = Reply(
        422,
        {
            "detail": "Dữ liệu không hợp lệ.",
            "detail_en": "Invalid data.",
            "errors": [{"location": ["body", "text"], "message": "Ý kiến quá dài."}],
        },
    )
    answer = await portal.post(page, data={"csrf": token, "text": "Rất dài <b>", "show_name": ""})
    assert answer.status_code == 422
    assert re.search(
        r'<p class="form-error" role="alert">Dữ liệu không hợp lệ\. Ý kiến quá dài', answer.text
    )
    assert "Rất dài &lt;b&gt;</textarea>" in answer.text  # what was typed, kept and escaped
    assert ward.sent[0].json == {"text": "Rất dài <b>", "show_name": False}
    ward.answer = Reply(409, {"detail": "Đợt lấy ý kiến đã kết thúc, không nhận thêm ý kiến."})
    closed = await portal.post(page, data={"csrf": token, "text": "Muộn", "show_name": ""})
    assert closed.status_code == 409 and "không nhận thêm ý kiến" in closed.text


async def test_commenting_needs_the_csrf_token_and_a_sign_in(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    page = f"/p/{WARD}/gop-y/{OPEN_ID}"
    token = await csrf_of(portal, "/dang-nhap")
    anonymous = await portal.post(page, data={"csrf": token, "text": "Xin chào"})
    assert anonymous.status_code == 303
    assert anonymous.headers["location"] == f"/dang-nhap?next=/p/{WARD}/gop-y/{OPEN_ID}"
    await sign_in(portal, role="citizen")
    forged = await portal.post(page, data={"csrf": "0" * 64, "text": "Xin chào"})
    assert forged.status_code == 403
    assert ward.sent == []  # nothing reached the ward


async def test_an_officer_is_told_only_residents_comment(portal: httpx.AsyncClient) -> None:
    await sign_in(portal, role="officer", ward=WARD)
    answer = await portal.get(f"/p/{WARD}/gop-y/{OPEN_ID}")
    assert "chỉ người dân gửi ý kiến góp ý" in answer.text and 'name="text"' not in answer.text


async def test_decisions_show_how_they_were_decided_the_count_and_the_rules(
    portal: httpx.AsyncClient, app: Any
) -> None:
    answer = await portal.get(f"/p/{WARD}/quyet-dinh")
    html, text = answer.text, text_of(answer.text)
    assert "Đóng góp làm mái che nhà văn hóa tổ 5" in text
    assert "Công trình, hạ tầng do Nhân dân đóng góp" in text  # topic 1 in words
    assert "Tổ dân phố 5" in text and "Họp cộng đồng dân cư" in text
    assert "Được thông qua" in text
    assert "Đồng ý 85, không đồng ý 10, không ý kiến 5; 100 hộ tham gia." in text
    assert "Cần ít nhất 80 hộ đồng ý trên 120 hộ đăng ký." in text
    assert "Công nhận ngày 28/11/2026" in text
    rules: RuleBook = app.state.rules
    on = dt.date(2026, 11, 25)
    for rule_id in ("DEC-PASS.money", "DEC-RECORD"):
        assert f'href="/rules#{rule_id}"' in html
        assert rules.rule(rule_id, on).summary_vi in text  # read from the table in force
    quorum = rules.rule("DEC-FORM.quorum", on)
    assert (1 in quorum.applies_to) == ('href="/rules#DEC-FORM.quorum"' in html)
    detail = await portal.get(f"/p/{WARD}/quyet-dinh/d-1")
    assert detail.status_code == 200 and "Đóng góp làm mái che" in detail.text


async def test_an_unknown_or_open_decision_is_a_404_page(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    assert (await portal.get(f"/p/{WARD}/quyet-dinh/nope")).status_code == 404
    ward.routes["plans", "/decisions/d-2"] = {**DECISION, "id": "d-2", "status": "open"}
    assert (await portal.get(f"/p/{WARD}/quyet-dinh/d-2")).status_code == 404
    assert (await portal.get(f"/p/{WARD}/quyet-dinh/..%2F..%2Fgroups")).status_code == 404


async def test_the_plan_shows_the_eight_groups_and_each_tasks_progress_by_the_shared_clock(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    answer = await portal.get(f"/p/{WARD}/ke-hoach")
    html, text = answer.text, text_of(answer.text)
    # The groups as the plans service seeds them from the ward's plan (part II), in its words.
    assert SEED_GROUPS == [g.title for g in DEFAULT_TASK_GROUPS]
    for number, title in enumerate(SEED_GROUPS, start=1):
        assert f"{number}. {title}" in text
    state = {
        m.group(1): m.group(2)
        for m in re.finditer(
            r'<strong lang="vi">(Nhiệm vụ \d)</strong> — '
            r'<span class="civic-state">([^<]+)</span>',
            html,
        )
    }
    assert state == {
        "Nhiệm vụ 1": "Đã xong",
        "Nhiệm vụ 2": "Quá hạn",
        "Nhiệm vụ 3": "Đang thực hiện",
        "Nhiệm vụ 4": "Đang thực hiện",
    }
    assert "1 xong, 0 đang làm, 1 quá hạn" in text  # group 1
    assert "0 xong, 2 đang làm, 0 quá hạn" in text  # group 4
    # Owners by title or position and organisation, never by name.
    assert "Chủ tịch UBND phường ( UBND phường )" in text
    assert "Thành viên Ban Chỉ đạo ( Ủy ban MTTQ phường )" in text
    assert "Nguyễn Văn Chủ" not in text and "Lê Thị Mặt" not in text
    assert f'href="/p/{WARD}/ke-hoach?nam=2025"' in html
    assert ("plans", "/committee/members", {"history": "true"}, None) in [
        (r.service, r.path, r.params, r.token) for r in ward.reads
    ]


async def test_no_plan_says_so(portal: httpx.AsyncClient, ward: FakeWard) -> None:
    ward.routes["plans", "/plans"] = {"items": [], "total": 0, "next_cursor": None}
    answer = await portal.get(f"/p/{WARD}/ke-hoach")
    assert answer.status_code == 200 and "Phường chưa ban hành kế hoạch nào." in answer.text


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (f"/p/{WARD}/gop-y", "publicity"),
        (f"/p/{WARD}/gop-y/{OPEN_ID}", "publicity"),
        (f"/p/{WARD}/quyet-dinh", "plans"),
        (f"/p/{WARD}/ke-hoach", "plans"),
    ],
)
async def test_a_ward_service_down_is_a_503_page_and_an_unknown_ward_a_404(
    portal: httpx.AsyncClient, ward: FakeWard, path: str, service: str
) -> None:
    ward.down = service
    answer = await portal.get(path)
    assert answer.status_code == 503 and f"Dịch vụ {service} của phường" in answer.text
    assert (await portal.get(path.replace(WARD, "atlantis"))).status_code == 404


# --- verifying a posting --------------------------------------------------------------------------


async def test_each_posting_has_a_verify_link_to_its_proof_and_the_page_loads_verify_js(
    portal: httpx.AsyncClient, app: Any
) -> None:
    for path in (f"/p/{WARD}/", f"/p/{WARD}/bang-tin"):
        html = (await portal.get(path)).text
        link = f'href="/p/{WARD}/bang-tin/p-a/bang-chung.json" data-verify="p-a"'
        assert link in html and "Kiểm tra tính toàn vẹn" in html
        assert '<script src="/static/verify.js" defer></script>' in html
        assert f'data-head="/p/{WARD}/so-cai/dau-chuoi.json"' in html
        for name in ledger_proof.CHECKS:
            assert f"data-check-{name}=" in html
        assert len(re.findall(r"<script", html)) == 1
    script = await portal.get("/static/verify.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    csp = (await portal.get(f"/p/{WARD}/bang-tin")).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp


async def test_the_proof_and_head_routes_relay_the_wards_json(
    portal: httpx.AsyncClient,
    ward: FakeWard,
    proof: tuple[dict[str, Any], dict[str, Any], str, str],
) -> None:
    the_proof, head, posting_id, _ = proof
    answer = await portal.get(f"/p/{WARD}/bang-tin/{posting_id}/bang-chung.json")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.json() == the_proof and answer.headers["cache-control"] == "no-store"
    assert (await portal.get(f"/p/{WARD}/so-cai/dau-chuoi.json")).json() == head
    await portal.get(f"/p/{WARD}/bang-tin/{posting_id}/bang-chung.json", params={"version": "2"})
    assert ("publicity", f"/postings/{posting_id}/proof", {"version": 2}, None) in [
        (r.service, r.path, r.params, r.token) for r in ward.reads
    ]
    missing = await portal.get(f"/p/{WARD}/bang-tin/nope/bang-chung.json")
    assert missing.status_code == 404 and missing.json()["status"] == 404
    assert (await portal.get("/p/atlantis/so-cai/dau-chuoi.json")).status_code == 404
    ward.down = "publicity"
    down = await portal.get(f"/p/{WARD}/bang-tin/{posting_id}/bang-chung.json")
    assert down.status_code == 503 and down.headers["retry-after"]


def test_the_python_twin_recomputes_a_real_proof_of_the_publicity_domain(
    proof: tuple[dict[str, Any], dict[str, Any], str, str],
) -> None:
    the_proof, head, posting_id, title = proof
    # The twin's JCS is the ledger's (rfc8785) on a real version document.
    assert ledger_proof.jcs(the_proof["document"]) == the_proof["canonical"]
    checks = ledger_proof.check(the_proof, head, posting_id=posting_id, title=title)
    assert [c.name for c in checks] == list(ledger_proof.CHECKS)
    assert all(c.ok for c in checks), checks


def tampered(
    proof: dict[str, Any], head: dict[str, Any]
) -> dict[str, tuple[dict[str, Any], dict[str, Any], str]]:
    """Each way a proof can lie, and the check that must catch it."""
    changed_title = json.loads(json.dumps(proof))
    changed_title["document"]["title"] = "Tiêu đề khác"
    rehashed = json.loads(json.dumps(changed_title))  # the text changed with the document
    rehashed["canonical"] = ledger_proof.jcs(rehashed["document"])
    later = json.loads(json.dumps(proof))
    later["later"][0]["canonical"] = later["later"][0]["canonical"].replace("2027", "2028")
    gap = json.loads(json.dumps(proof))
    gap["later"][0]["sequence"] = 3
    return {
        "canonical": (changed_title, head, "canonical"),
        "entry": (rehashed, head, "entry"),
        "chain": (later, head, "chain"),
        "gap": (gap, head, "chain"),
        "ward_head": (proof, {**head, "hash": "f" * 64}, "ward_head"),
    }


def test_the_python_twin_fails_each_kind_of_tampering(
    proof: tuple[dict[str, Any], dict[str, Any], str, str],
) -> None:
    the_proof, head, posting_id, title = proof
    for case, (bad_proof, bad_head, caught) in tampered(the_proof, head).items():
        checks = {
            c.name: c.ok
            for c in ledger_proof.check(bad_proof, bad_head, posting_id=posting_id, title=None)
        }
        assert checks[caught] is False, case
    other = {
        c.name: c.ok for c in ledger_proof.check(the_proof, head, posting_id="p-b", title=title)
    }
    assert other["posting"] is False
    retitled = {
        c.name: c.ok
        for c in ledger_proof.check(the_proof, head, posting_id=posting_id, title="Khác")
    }
    assert retitled["title"] is False


NODE_RUNNER = """
const verify = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const out = {};
  for (const [name, c] of Object.entries(cases)) {
    const checks = await verify.check(c.proof, c.head, c.expected, globalThis.crypto.subtle);
    out[name] = {
      checks: checks.map((x) => [x.name, x.ok]),
      canonical: verify.canonical(c.proof.document),
    };
  }
  process.stdout.write(JSON.stringify(out));
})();
"""


def test_verify_js_computes_what_the_python_twin_and_the_ledger_compute(
    proof: tuple[dict[str, Any], dict[str, Any], str, str],
) -> None:
    """verify.js's check() under node, on the real proof and on each tampered one: the same
    verdicts, check by check, as the Python twin. CI has node (the Playwright journeys need
    it); a machine without it fails here rather than skipping the browser's algorithm."""
    node = shutil.which("node")
    assert node, "node is needed to test static/verify.js (the browser's check)"
    the_proof, head, posting_id, title = proof
    cases: dict[str, Any] = {
        "real": {
            "proof": the_proof,
            "head": head,
            "expected": {"postingId": posting_id, "title": title},
        }
    }
    for case, (bad_proof, bad_head, _) in tampered(the_proof, head).items():
        cases[case] = {
            "proof": bad_proof,
            "head": bad_head,
            "expected": {"postingId": posting_id, "title": None},
        }
    ran = subprocess.run(
        [node, "-e", NODE_RUNNER, str(VERIFY_JS)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    results = json.loads(ran.stdout)
    assert results["real"]["canonical"] == the_proof["canonical"]  # JCS, as rfc8785 made it
    assert all(ok for _, ok in results["real"]["checks"]), results["real"]
    for case, c in cases.items():
        twin = ledger_proof.check(
            c["proof"], c["head"], posting_id=posting_id, title=c["expected"]["title"]
        )
        assert results[case]["checks"] == [[x.name, x.ok] for x in twin], case


@pytest.mark.parametrize("version", ["²", "abc", "１", "1" * 5000])
async def test_a_version_that_is_not_an_ascii_number_is_a_404_never_a_500(
    portal: httpx.AsyncClient, ward: FakeWard, version: str
) -> None:
    """``"²".isdigit()`` is true and ``int("²")`` raises: the proof route reads ASCII digits."""
    answer = await portal.get(
        f"/p/{WARD}/bang-tin/abc/bang-chung.json", params={"version": version}
    )
    assert answer.status_code == 404 and answer.json()["status"] == 404
    assert not [r for r in ward.reads if r.path == "/postings/abc/proof"]


@pytest.mark.parametrize("year", ["²²²²", "٢٠٢٥", "20255"])
async def test_a_year_that_is_not_an_ascii_number_shows_this_years_plan(
    portal: httpx.AsyncClient, year: str
) -> None:
    answer = await portal.get(f"/p/{WARD}/ke-hoach", params={"nam": year})
    plain = await portal.get(f"/p/{WARD}/ke-hoach")
    assert answer.status_code == 200 and answer.text == plain.text
