"""The inspection board's and the Front's pages (issue 19 item 4) over a fake ward reader: only
an inspector or Front member of that ward gets in, every read and action carries their own
session token, a violation shows the events that prove it in Vietnamese, a recommendation's
answer clock stands where the rule table and the shared clock put it, each role sees its own
forms, a form without its CSRF token sends nothing, and a refusal is shown with what was typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_gateway.portal.inspector_recommendations import clock
from qcdc_gateway.portal.kinds import figure
from qcdc_gateway.portal.wards import Reply

from .portal_fakes import NOW, WARD, Call, FakeWard, build_portal, listing, text_of, token_of
from .portal_session import csrf_of, sign_in

pytestmark = pytest.mark.unit

BASE = f"/p/{WARD}/giam-sat"
PAGES = (
    BASE,
    f"{BASE}/vi-pham",
    f"{BASE}/vi-pham/v-1",
    f"{BASE}/kien-nghi",
    f"{BASE}/kiem-tra",
    f"{BASE}/kiem-tra/i-1",
    f"{BASE}/nhat-ky-danh-tinh",
)
WITHDRAWN = "e-withdrawn"
VIOLATION = {
    "id": "v-1",
    "rule": "PUB-MIN30",
    "subject": {"kind": "posting", "id": "p-7"},
    "evidence": [WITHDRAWN, "e-unknown"],
    "status": "open",
    "occurred_at": "2026-12-04T03:00:00+00:00",
    "detected_at": "2026-12-04T03:00:01+00:00",
    "acknowledged_at": None,
    "resolved_at": None,
    "resolution": None,
}
EVENTS = {
    WITHDRAWN: {
        "id": WITHDRAWN,
        "type": "vn.qcdc.publicity.posting.withdrawn.v1",
        "subject": "p-7",
        "time": dt.datetime(2026, 12, 4, 3, 0, tzinfo=dt.UTC),
        "data": {"title": "Dự toán ngân sách phường năm 2027", "reason": "Số liệu cần sửa"},
    }
}


def deadline(due: str) -> dict[str, Any]:
    return {
        "rule": "OVS-ANSWER",
        "due": due,
        "due_at": f"{due}T23:59:59.999999+07:00",
        "explanation": "Trả lời kiến nghị theo OVS-ANSWER.",
        "explanation_en": "Answer under OVS-ANSWER.",
    }


def recommendation(rid: str, status: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": rid,
        "title": f"Kiến nghị {rid}",
        "body": "Đề nghị UBND phường niêm yết lại dự toán.",
        "addressed_to": "UBND phường",
        "inspection_id": None,
        "status": status,
        "issued_at": None if status == "proposed" else "2026-11-25T02:00:00+00:00",
        "received_at": None,
        "answer_deadline": None,
        "answer": None,
        "accepted": None,
        "answered_at": None,
        "on_time": None,
        "overdue": False,
        "escalated_at": None,
        **extra,
    }


RECOMMENDATIONS = [
    recommendation("r-proposed", "proposed"),
    recommendation("r-running", "issued", answer_deadline=deadline("2026-12-10")),
    recommendation("r-late", "issued", answer_deadline=deadline("2026-12-01"), overdue=True),
    recommendation(
        "r-answered",
        "answered",
        answer_deadline=deadline("2026-12-09"),
        answer="Phường đã niêm yết lại.",
        accepted="accepted",
        answered_at="2026-12-05T03:00:00+00:00",
        on_time=True,
    ),
]
INSPECTION = {
    "id": "i-1",
    "title": "Kiểm tra việc niêm yết dự toán",
    "scope": "Bảng tin phường, quý IV",
    "start_on": "2026-12-01",
    "filed_on": "2026-11-20",
    "plan_deadline": {**deadline("2026-11-24"), "rule": "OVS-PLAN"},
    "status": "open",
    "status_vi": "đang kiểm tra",
    "opened_at": "2026-12-01T02:00:00+00:00",
    "closed_at": None,
    "report": None,
    "findings": [
        {
            "id": "f-1",
            "inspection_id": "i-1",
            "title": "Tin dự toán bị gỡ sớm",
            "detail": "Gỡ sau ba ngày.",
            "evidence": [{"kind": "posting", "id": "p-7"}],
            "recorded_at": "2026-12-04T04:00:00+00:00",
        }
    ],
}
ACCESS_LOG = [
    {
        "id": 3,
        "at": "2026-12-05T02:00:00+00:00",
        "petition_id": "pet-9",
        "reader": "can-bo-2",
        "role": "officer",
        "reader_ward": WARD,
        "outcome": "refused",
    }
]


def open_only(item: dict[str, Any]) -> Callable[[Call], Reply]:
    """A list that holds ``item`` when read unfiltered or for the open ones."""
    return lambda call: Reply(
        200, listing([item] if call.params.get("status") in (None, "open") else [])
    )


def recommendations_with(call: Call) -> Reply:
    status = call.params.get("status")
    return Reply(200, listing([r for r in RECOMMENDATIONS if status in (None, r["status"])]))


@pytest.fixture
def ward() -> FakeWard:
    """The oversight and petitions services the board and the Front read."""
    routes: dict[tuple[str, str], Any] = {
        ("oversight", "/violations"): open_only(VIOLATION),
        ("oversight", "/violations/v-1"): VIOLATION,
        ("oversight", "/recommendations"): recommendations_with,
        ("oversight", "/inspections"): open_only(INSPECTION),
        ("oversight", "/inspections/i-1"): INSPECTION,
        ("petitions", "/identity-access-log"): listing(ACCESS_LOG),
    }
    return FakeWard(routes=routes, only=WARD)


@pytest.fixture
def app(tmp_path: Path, ward: FakeWard) -> Any:
    built = build_portal(tmp_path, ward)

    async def city_log(ward: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return {i: EVENTS[i] for i in ids if i in EVENTS}

    built.state.portal_events = city_log
    return built


@pytest.mark.parametrize("role", ["inspector", "front"])
@pytest.mark.parametrize("path", PAGES)
async def test_every_page_is_vietnamese_and_reads_with_the_persons_token(
    portal: httpx.AsyncClient, app: Any, ward: FakeWard, path: str, role: str
) -> None:
    await sign_in(portal, role=role, ward=WARD, name="Trần Thị Bình")
    answer = await portal.get(path)
    assert answer.status_code == 200, answer.text
    assert '<html lang="vi">' in answer.text
    assert len(answer.content) < 100_000
    assert "<script" not in answer.text
    assert not re.search(r'(src|href)="(https?:)?//', answer.text)
    for other in (BASE, f"{BASE}/vi-pham", f"{BASE}/kien-nghi", f"{BASE}/kiem-tra"):
        assert f'href="{other}"' in answer.text
    token = token_of(app, portal)
    assert ward.reads and all(read.token == token for read in ward.reads)


@pytest.mark.parametrize(
    ("role", "their_ward"),
    [("officer", WARD), ("citizen", None), ("inspector", "sai-gon"), ("front", "tan-dinh")],
)
async def test_only_the_wards_board_and_front_get_in(
    portal: httpx.AsyncClient, ward: FakeWard, role: str, their_ward: str | None
) -> None:
    await sign_in(portal, role=role, ward=their_ward)
    for path in PAGES:
        answer = await portal.get(path)
        assert answer.status_code == 403, path
        assert "Ban Thanh tra nhân dân và Ủy ban Mặt trận Tổ quốc" in answer.text
    token = await csrf_of(portal, f"/p/{WARD}/")
    refused = await portal.post(f"{BASE}/kien-nghi", data={"csrf": token, "title": "x"})
    assert refused.status_code == 403
    assert ward.reads == [] and ward.sent == []


async def test_nobody_signed_in_is_sent_to_sign_in(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    for path in PAGES:
        answer = await portal.get(path)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/dang-nhap?next={path}"
    # A form is checked for its CSRF token before anything else (the access matrix's 403).
    refused = await portal.post(f"{BASE}/kien-nghi", data={"title": "x"})
    assert refused.status_code == 403
    token = await csrf_of(portal, "/dang-nhap")
    later = await portal.post(f"{BASE}/kien-nghi", data={"csrf": token, "title": "x"})
    # Back to the area's home after signing in: a form's address is no page to GET.
    assert later.status_code == 303 and later.headers["location"] == f"/dang-nhap?next={BASE}"
    assert ward.reads == [] and ward.sent == []


async def test_a_violation_shows_the_events_that_prove_it_in_vietnamese(
    portal: httpx.AsyncClient,
) -> None:
    await sign_in(portal, role="inspector", ward=WARD)
    for path in (f"{BASE}/vi-pham", f"{BASE}/vi-pham/v-1"):
        answer = await portal.get(path)
        text = text_of(answer.text)
        assert 'href="/rules#PUB-MIN30"' in answer.text
        assert "Tin công khai — đã gỡ" in text  # the event type in words
        assert "04/12/2026 10:00" in text  # when, in the ward's time
        assert "Thuộc: Tin công khai p-7" in text  # the aggregate it happened to
        assert "Số liệu cần sửa" in text
        assert "Sự kiện e-unknown chưa có trong nhật ký sự kiện của thành phố." in text
        assert "chưa khắc phục" in text


async def test_the_answer_clocks_follow_the_rule_table_and_the_shared_clock(
    portal: httpx.AsyncClient, app: Any
) -> None:
    await sign_in(portal, role="front", ward=WARD)
    text = text_of((await portal.get(f"{BASE}/kien-nghi")).text)
    row = app.state.rules.rule("OVS-ANSWER", NOW.date())
    assert f"trong {figure(row.amount, row.unit, 'vi')} kể từ ngày nhận" in text
    assert "còn 3 ngày" in text  # due 10/12, today 07/12 by the shared clock
    assert "quá hạn, chưa trả lời" in text
    assert "đã trả lời đúng hạn" in text
    assert "chưa tính: chờ Mặt trận xác nhận" in text
    assert "10/12/2026" in text and "chưa ghi ngày nhận" in text
    home = text_of((await portal.get(BASE)).text)
    # Awaiting an answer: the overdue one first, then the one still running.
    assert home.index("Kiến nghị r-late") < home.index("Kiến nghị r-running")


async def test_each_role_sees_its_own_forms(portal: httpx.AsyncClient) -> None:
    await sign_in(portal, role="front", ward=WARD)
    front = (await portal.get(f"{BASE}/kien-nghi")).text
    assert f'action="{BASE}/kien-nghi/r-proposed/xac-nhan"' in front
    assert f'action="{BASE}/kien-nghi/r-running/da-nhan"' in front
    assert f'action="{BASE}/kien-nghi"' not in front  # the board proposes, not the Front
    assert (
        'action="' + BASE + '/vi-pham/v-1/kien-nghi"'
        not in (await portal.get(f"{BASE}/vi-pham/v-1")).text
    )
    assert "/phat-hien" not in (await portal.get(f"{BASE}/kiem-tra/i-1")).text

    await portal.post("/dang-xuat", data={"csrf": await csrf_of(portal, BASE)})
    await sign_in(portal, role="inspector", ward=WARD)
    board = (await portal.get(f"{BASE}/kien-nghi")).text
    assert f'action="{BASE}/kien-nghi"' in board and "/xac-nhan" not in board
    inspection = (await portal.get(f"{BASE}/kiem-tra/i-1")).text
    assert f'action="{BASE}/kiem-tra/i-1/phat-hien"' in inspection
    assert f'action="{BASE}/kiem-tra/i-1/ket-thuc"' in inspection


async def test_a_recommendation_from_a_violation_is_proposed_and_the_page_says_so(
    portal: httpx.AsyncClient, app: Any, ward: FakeWard
) -> None:
    await sign_in(portal, role="inspector", ward=WARD)
    form_page = (await portal.get(f"{BASE}/vi-pham/v-1")).text
    assert "Kiến nghị khắc phục vi phạm quy tắc PUB-MIN30" in form_page  # prefilled
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', form_page)
    assert token
    answer = await portal.post(
        f"{BASE}/vi-pham/v-1/kien-nghi",
        data={
            "csrf": token.group(1),
            "title": "Niêm yết lại dự toán",
            "body": "Đề nghị niêm yết lại đủ thời hạn.",
            "addressed_to": "UBND phường",
        },
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{BASE}/kien-nghi?da=proposed#r-new-1"
    sent = ward.sent[-1]
    assert (sent.service, sent.method, sent.path) == ("oversight", "POST", "/recommendations")
    assert sent.json == {
        "title": "Niêm yết lại dự toán",
        "body": "Đề nghị niêm yết lại đủ thời hạn.",
        "addressed_to": "UBND phường",
    }
    assert sent.token == token_of(app, portal)
    shown = await portal.get(answer.headers["location"])
    assert '<p class="flash ok" role="status">Đã gửi đề xuất kiến nghị.' in shown.text
    for other in ("draft", "<b>x</b>"):  # another area's key, free text: no confirmation
        unknown = await portal.get(f"{BASE}/kien-nghi", params={"da": other})
        assert unknown.status_code == 200 and 'class="flash ok"' not in unknown.text


async def test_a_form_without_its_csrf_token_sends_nothing(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    await sign_in(portal, role="front", ward=WARD)
    for path in (
        f"{BASE}/kien-nghi",
        f"{BASE}/kien-nghi/r-proposed/xac-nhan",
        f"{BASE}/kien-nghi/r-running/da-nhan",
        f"{BASE}/vi-pham/v-1/kien-nghi",
        f"{BASE}/kiem-tra",
        f"{BASE}/kiem-tra/i-1/ket-thuc",
    ):
        answer = await portal.post(path, data={"csrf": "0" * 64, "title": "x"})
        assert answer.status_code == 403, path
        assert "Biểu mẫu đã hết hiệu lực" in answer.text
    assert ward.sent == []


async def test_a_refusal_is_shown_in_vietnamese_with_what_was_typed(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    await sign_in(portal, role="inspector", ward=WARD)
    ward.answer = Reply(
        422,
        {
            "detail": "Kế hoạch kiểm tra phải được gửi sớm hơn (OVS-PLAN).",
            "detail_en": "The plan is filed too late (OVS-PLAN).",
        },
    )
    token = await csrf_of(portal, f"{BASE}/kiem-tra")
    answer = await portal.post(
        f"{BASE}/kiem-tra",
        data={
            "csrf": token,
            "title": "Kiểm tra quỹ",
            "scope": "Quỹ phường",
            "start_on": "2026-12-08",
        },
    )
    assert answer.status_code == 422
    assert 'role="alert"' in answer.text
    assert "Kế hoạch kiểm tra phải được gửi sớm hơn (OVS-PLAN)." in answer.text
    assert 'value="Kiểm tra quỹ"' in answer.text and 'value="2026-12-08"' in answer.text
    assert ward.sent[-1].json == {
        "title": "Kiểm tra quỹ",
        "scope": "Quỹ phường",
        "start_on": "2026-12-08",
    }


async def test_the_front_confirms_and_records_the_receipt_in_the_wards_time(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    await sign_in(portal, role="front", ward=WARD)
    ward.answer = Reply(200, {"id": "r-proposed"})
    token = await csrf_of(portal, f"{BASE}/kien-nghi")
    confirmed = await portal.post(f"{BASE}/kien-nghi/r-proposed/xac-nhan", data={"csrf": token})
    assert confirmed.headers["location"] == f"{BASE}/kien-nghi?da=confirmed#r-r-proposed"
    received = await portal.post(
        f"{BASE}/kien-nghi/r-running/da-nhan",
        data={"csrf": token, "received_at": "2026-11-26T08:30"},
    )
    assert received.status_code == 303
    assert [(s.path, s.json) for s in ward.sent] == [
        ("/recommendations/r-proposed/confirm", None),
        ("/recommendations/r-running/received", {"received_at": "2026-11-26T08:30:00+07:00"}),
    ]
    malformed = await portal.post(
        f"{BASE}/kien-nghi/r-running/da-nhan", data={"csrf": token, "received_at": "hôm qua"}
    )
    assert malformed.status_code == 422
    assert "Thời điểm nhận không đúng dạng ngày giờ." in malformed.text
    assert len(ward.sent) == 2


async def test_a_finding_carries_its_evidence(portal: httpx.AsyncClient, ward: FakeWard) -> None:
    await sign_in(portal, role="inspector", ward=WARD)
    token = await csrf_of(portal, f"{BASE}/kiem-tra/i-1")
    answer = await portal.post(
        f"{BASE}/kiem-tra/i-1/phat-hien",
        data={
            "csrf": token,
            "title": "Gỡ sớm",
            "detail": "Tin bị gỡ sau ba ngày.",
            "evidence_kind": "event",
            "evidence_id": WITHDRAWN,
        },
    )
    assert answer.headers["location"] == f"{BASE}/kiem-tra/i-1?da=finding"
    assert (ward.sent[-1].path, ward.sent[-1].json) == (
        "/inspections/i-1/findings",
        {
            "title": "Gỡ sớm",
            "detail": "Tin bị gỡ sau ba ngày.",
            "evidence": [{"kind": "event", "id": WITHDRAWN}],
        },
    )
    shown = text_of((await portal.get(answer.headers["location"])).text)
    assert "Đã ghi nhận phát hiện." in shown
    assert "tin công khai p-7" in shown  # the recorded finding's evidence


async def test_the_identity_access_log_shows_who_and_when_never_the_identity(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    await sign_in(portal, role="front", ward=WARD)
    answer = await portal.get(f"{BASE}/nhat-ky-danh-tinh")
    text = text_of(answer.text)
    assert (ward.reads[-1].service, ward.reads[-1].path) == ("petitions", "/identity-access-log")
    assert "can-bo-2" in text and "Cán bộ phường" in text and "bị từ chối" in text
    assert "05/12/2026 09:00" in text and "pet-9" in text
    assert '/identity"' not in answer.text and all("/identity" != r.path for r in ward.reads)


async def test_a_ward_service_down_is_a_page(portal: httpx.AsyncClient, ward: FakeWard) -> None:
    await sign_in(portal, role="inspector", ward=WARD)
    ward.down = "oversight"
    answer = await portal.get(f"{BASE}/vi-pham")
    assert answer.status_code == 503
    assert "oversight" in answer.text


@pytest.mark.parametrize(
    ("role", "page", "action", "fields"),
    [
        ("inspector", f"{BASE}/vi-pham/v-1", "/vi-pham/v-1/kien-nghi", {"title": "Gỡ sớm"}),
        ("inspector", f"{BASE}/kien-nghi", "/kien-nghi", {"title": "Gỡ sớm"}),
        ("front", f"{BASE}/kien-nghi", "/kien-nghi/r-proposed/xac-nhan", {}),
        ("inspector", f"{BASE}/kiem-tra/i-1", "/kiem-tra/i-1/bat-dau", {}),
        ("inspector", f"{BASE}/kiem-tra/i-1", "/kiem-tra/i-1/phat-hien", {"title": "Gỡ sớm"}),
        ("inspector", f"{BASE}/kiem-tra/i-1", "/kiem-tra/i-1/ket-thuc", {"report": "Gỡ sớm"}),
    ],
)
async def test_every_form_shows_the_services_refusal_on_its_page(
    portal: httpx.AsyncClient,
    ward: FakeWard,
    role: str,
    page: str,
    action: str,
    fields: dict[str, str],
) -> None:
    await sign_in(portal, role=role, ward=WARD)
    ward.answer = Reply(409, {"detail": "Không thể làm việc này lúc này.", "detail_en": "Not now."})
    token = await csrf_of(portal, page)
    answer = await portal.post(f"{BASE}{action}", data={"csrf": token, **fields})
    assert answer.status_code == 422, answer.text
    assert re.search(
        r'class="form-error" role="alert"[^>]*>Không thể làm việc này lúc này.', answer.text
    )
    assert "Gỡ sớm" in answer.text or not fields  # what was typed is kept
    english = await portal.post(f"{BASE}{action}?lang=en", data={"csrf": token, **fields})
    assert "Not now." in english.text and '<html lang="en">' in english.text


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_reads_in_english_on_request(portal: httpx.AsyncClient, path: str) -> None:
    await sign_in(portal, role="front", ward=WARD)
    answer = await portal.get(path, params={"lang": "en"})
    assert answer.status_code == 200 and '<html lang="en">' in answer.text


async def test_a_role_the_service_refuses_reads_why_on_the_page(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    await sign_in(portal, role="front", ward=WARD)
    ward.answer = Reply(403, {"detail": "Vai trò front không được thực hiện thao tác này."})
    token = await csrf_of(portal, f"{BASE}/kiem-tra")
    for action in ("/kien-nghi", "/kiem-tra", "/vi-pham/v-1/kien-nghi"):
        answer = await portal.post(f"{BASE}{action}", data={"csrf": token, "title": "x"})
        assert answer.status_code == 403, action
        assert 'role="alert"' in answer.text and "không được thực hiện" in answer.text


# --- the reviewer's findings: a clock past due, answers the portal did not expect ------------


def test_a_deadline_past_its_day_is_overdue_before_the_service_says_so() -> None:
    """Due six days ago, the service's sweep not yet run (``overdue`` false): overdue, not
    "due today"; due today is due today; a deadline it cannot read is not running."""
    on = NOW.date()
    past = recommendation("r-past", "issued", answer_deadline=deadline("2026-12-01"))
    assert clock(past, on)["state"] == "overdue"
    today = recommendation("r-today", "issued", answer_deadline=deadline(on.isoformat()))
    assert clock(today, on) == {"state": "today", "days": 0, "due": on}
    garbled = recommendation("r-x", "issued", answer_deadline={"due": "mai"})
    assert clock(garbled, on)["state"] == "waiting"
    assert clock({"answer_deadline": {}}, on)["state"] == "waiting"


async def test_a_recommendation_six_days_past_due_shows_overdue(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    past = recommendation("r-past", "issued", answer_deadline=deadline("2026-12-01"))
    ward.routes["oversight", "/recommendations"] = listing([past])
    await sign_in(portal, role="front", ward=WARD)
    text = text_of((await portal.get(f"{BASE}/kien-nghi")).text)
    assert "quá hạn, chưa trả lời" in text and "đến hạn hôm nay" not in text


@pytest.mark.parametrize("body", [None, {}, {"id": ""}, {"id": None}, []])
@pytest.mark.parametrize(
    ("page", "action", "fields"),
    [
        ("/kien-nghi", "/kien-nghi", {"title": "T", "body": "B", "addressed_to": "UBND"}),
        ("/kiem-tra", "/kiem-tra", {"title": "T", "scope": "S", "start_on": "2026-12-20"}),
        ("/vi-pham/v-1", "/vi-pham/v-1/kien-nghi", {"title": "T", "body": "B"}),
    ],
)
async def test_a_taken_action_whose_answer_names_no_id_is_a_502_page_never_a_500(
    portal: httpx.AsyncClient,
    ward: FakeWard,
    body: Any,
    page: str,
    action: str,
    fields: dict[str, str],
) -> None:
    ward.answer = Reply(201, body)
    await sign_in(portal, role="inspector", ward=WARD)
    token = await csrf_of(portal, f"{BASE}{page}")
    answer = await portal.post(f"{BASE}{action}", data={"csrf": token, **fields})
    assert answer.status_code == 502, answer.text[:300]
    assert "có thể đã được ghi nhận" in answer.text  # it may have been taken: look first
    assert len(ward.sent) == 1


@pytest.mark.parametrize("role", ["inspector", "front"])
@pytest.mark.parametrize("body", [None, {}, {"items": None}, {"items": [None, "x"]}, []])
async def test_a_list_the_service_answers_without_items_is_an_empty_page(
    portal: httpx.AsyncClient, ward: FakeWard, body: Any, role: str
) -> None:
    for path in ("/violations", "/recommendations", "/inspections"):
        ward.routes["oversight", path] = body
    ward.routes["petitions", "/identity-access-log"] = body
    await sign_in(portal, role=role, ward=WARD)
    for path in (BASE, f"{BASE}/vi-pham", f"{BASE}/kien-nghi", f"{BASE}/kiem-tra"):
        answer = await portal.get(path)
        assert answer.status_code == 200, (path, answer.text[:300])
    assert (await portal.get(f"{BASE}/nhat-ky-danh-tinh")).status_code == 200


async def test_optional_fields_the_service_leaves_out_do_not_break_the_pages(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    """Templates are StrictUndefined: an omitted optional field must still render."""
    optional = ("inspection_id", "issued_at", "received_at", "answer_deadline", "answer")
    bare = {k: v for k, v in RECOMMENDATIONS[1].items() if k not in optional}
    ward.routes["oversight", "/recommendations"] = listing([bare])
    lean = {k: INSPECTION[k] for k in ("id", "title", "status", "start_on")}
    ward.routes["oversight", "/inspections"] = listing([lean])
    ward.routes["oversight", "/inspections/i-1"] = lean
    await sign_in(portal, role="front", ward=WARD)
    for path in (BASE, f"{BASE}/kien-nghi", f"{BASE}/kiem-tra", f"{BASE}/kiem-tra/i-1"):
        answer = await portal.get(path)
        assert answer.status_code == 200, (path, answer.text[:300])


async def test_a_detail_the_service_answers_without_json_is_a_502_page(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    ward.routes["oversight", "/inspections/i-1"] = Reply(200, None)
    ward.routes["oversight", "/violations/v-1"] = Reply(200, None)
    await sign_in(portal, role="inspector", ward=WARD)
    for path in (f"{BASE}/kiem-tra/i-1", f"{BASE}/vi-pham/v-1"):
        assert (await portal.get(path)).status_code == 502
