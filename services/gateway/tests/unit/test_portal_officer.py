"""The ward officer's pages (issue 19 item 3) over a fake ward reader: the queues follow the
legal clock (overdue, due today, escalated, then the nearest deadline), every read and action
carries the officer's own session token, only an officer of that ward gets in, a form without
its CSRF token sends nothing, and the service's refusal is shown in Vietnamese."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_gateway.portal.officer import petition_queue
from qcdc_gateway.portal.officer_petitions import allowed_steps
from qcdc_gateway.portal.wards import Reply

from .portal_fakes import NOW, VN, WARD, Call, FakeWard, build_portal, listing, text_of
from .portal_fakes import token_of as kept_token
from .portal_session import csrf_of, sign_in

pytestmark = pytest.mark.unit

HOME = f"/p/{WARD}/can-bo"


def deadline(rule: str, due: str, *, met: bool | None = None) -> dict[str, Any]:
    return {
        "rule": rule,
        "due": due,
        "due_at": f"{due}T23:59:59.999999+07:00",
        "explanation": f"Thời hạn theo {rule}.",
        "explanation_en": f"The period of {rule}.",
        "met": met,
        "extensions": [],
    }


def petition(pid: str, title: str, *, status: str = "accepted", **extra: Any) -> dict[str, Any]:
    return {
        "id": pid,
        "ward": WARD,
        "kind": "complaint",
        "status": status,
        "channel": "online",
        "title": title,
        "body": f"Nội dung {title}",
        "location": None,
        "residential_group": None,
        "act_date": None,
        "received_at": "2026-12-01T08:00:00+07:00",
        "received_on": "2026-12-01",
        "anonymous": False,
        "handler": None,
        "accepted_at": "2026-12-02T08:00:00+07:00",
        "deadlines": [],
        "flags": [],
        "escalated": [],
        "answer": None,
        "version": 2,
        **extra,
    }


PETITIONS = [
    petition("d", "Đơn hạn 10/12", deadlines=[deadline("CMP-RESOLVE", "2026-12-10")]),
    petition("a", "Đơn quá hạn 05/12", deadlines=[deadline("CMP-RESOLVE", "2026-12-05")]),
    petition(
        "g",
        "Đơn tạm đình chỉ",
        status="suspended",
        deadlines=[deadline("CMP-RESOLVE", "2026-12-04")],
    ),
    petition(
        "b",
        "Đơn hạn hôm nay",
        status="assigned",
        deadlines=[
            deadline("CMP-ACCEPT", "2026-11-30", met=True),
            deadline("CMP-RESOLVE", "2026-12-07"),
        ],
    ),
    petition(
        "c",
        "Đơn đã chuyển lên",
        escalated=["PET-ESC"],
        deadlines=[deadline("CMP-RESOLVE", "2026-12-20")],
    ),
    petition(
        "e",
        "Đơn hạn 09/12",
        status="received",
        accepted_at=None,
        deadlines=[deadline("CMP-ACCEPT", "2026-12-09")],
    ),
    petition("f", "Đơn quá hạn 03/12", deadlines=[deadline("CMP-RESOLVE", "2026-12-03")]),
]
HISTORY = [
    {
        "version": 1,
        "at": "2026-12-01T08:00:00+07:00",
        "action": "received",
        "status": "received",
        "actor_role": "citizen",
        "actor": "alias-1",
        "detail": {"rule": "CMP-ACCEPT"},
    },
]
SESSIONS = [{"id": "s-1", "session_on": "2026-12-03", "host": "chair", "status": "held"}]
ENTRIES = [
    {
        "id": "en-1",
        "reception_id": "s-1",
        "subject": "Hỏi về cấp phép sửa nhà",
        "petition_id": None,
        "received_at": "2026-12-03T09:00:00+07:00",
        "has_visitor_identity": True,
        "reply_deadline": deadline("REC-REPLY", "2026-12-13"),
        "reply": None,
        "overdue": False,
        "overdue_since": None,
    },
    {
        "id": "en-2",
        "reception_id": "s-1",
        "subject": "Đã trả lời",
        "petition_id": None,
        "received_at": "2026-12-03T10:00:00+07:00",
        "has_visitor_identity": False,
        "reply_deadline": deadline("REC-REPLY", "2026-12-13"),
        "reply": {
            "text": "x",
            "replied_at": "2026-12-04T10:00:00+07:00",
            "replied_by": "o",
            "on_time": True,
        },
        "overdue": False,
        "overdue_since": None,
    },
]
POSTINGS = {
    "draft": [
        {
            "id": "po-1",
            "category": 2,
            "title": "Dự toán ngân sách 2027",
            "status": "draft",
            "decided_on": "2026-12-04",
            "published_at": None,
            "deadlines": [deadline("PUB-DUE", "2026-12-11")],
            "violations": [],
        }
    ],
    "published": [
        {
            "id": "po-2",
            "category": 1,
            "title": "Kế hoạch năm 2027",
            "status": "published",
            "decided_on": "2026-11-20",
            "published_at": "2026-11-21T08:00:00+07:00",
            "deadlines": [deadline("PUB-MIN30", "2026-12-21")],
            "violations": [],
        }
    ],
}

DECISIONS = [
    {
        "id": "de-1",
        "topic": 1,
        "title": "Làm lại đường hẻm 12",
        "group": "kp-3",
        "households_total": 120,
        "form": "meeting",
        "form_vi": "họp",
        "status": "open",
        "notice_at": "2026-12-01T08:00:00+07:00",
        "vote_at": "2026-12-08T19:00:00+07:00",
        "rules": ["DEC-NOTICE"],
        "passed": None,
        "rule": None,
        "result": None,
    },
]
# A posting's draft as the officer types it (no channel ticked).
DRAFT = {"category": "2", "title": "Quyết toán", "body": "Nội dung", "decided_on": "2026-12-05"}
TASKS = [
    {
        "id": "ta-1",
        "plan_id": "pl-1",
        "task_group": 2,
        "title": "Niêm yết dự toán ngân sách",
        "owner": "m-1",
        "owner_name": "Lê Văn C",
        "start_on": "2026-01-01",
        "due_on": "2026-12-31",
        "due_at": "2027-01-01T00:00:00+07:00",
        "deliverable": "x",
        "status": "open",
        "percent": 40,
        "overdue": False,
        "latest_progress": None,
    },
]


def petitions_with(call: Call) -> Reply:
    """The open petitions of the status asked for."""
    return Reply(200, listing([p for p in PETITIONS if p["status"] == call.params.get("status")]))


def postings_with(call: Call) -> Reply:
    return Reply(200, listing(POSTINGS[call.params["status"]]))


def decisions_with(call: Call) -> Reply:
    return Reply(200, listing(DECISIONS if call.params.get("status") == "open" else []))


@pytest.fixture
def ward() -> FakeWard:
    """The petitions, publicity and plans services an officer works with."""
    routes: dict[tuple[str, str], Any] = {
        ("petitions", "/petitions"): petitions_with,
        ("petitions", "/receptions"): listing(SESSIONS),
        ("petitions", "/receptions/s-1"): {**SESSIONS[0], "entries": ENTRIES},
        ("publicity", "/postings"): postings_with,
        ("plans", "/decisions"): decisions_with,
        ("plans", "/tasks"): listing(TASKS),
    }
    for p in PETITIONS:
        routes["petitions", f"/petitions/{p['id']}"] = {**p, "history": HISTORY}
    missing = Reply(404, {"detail": "Không có đơn này.", "detail_en": "No such petition."})
    return FakeWard(routes=routes, answer=Reply(200, {}), missing=missing)


@pytest.fixture
def app(tmp_path: Path, ward: FakeWard) -> Any:
    return build_portal(tmp_path, ward)


@pytest.fixture
async def officer(portal: httpx.AsyncClient) -> httpx.AsyncClient:
    await sign_in(portal, role="officer", ward=WARD, name="Trần Thị Bình")
    return portal


@pytest.fixture
def token_of(app: Any) -> Callable[[httpx.AsyncClient], str]:
    """The token the portal keeps for the client's session: what it must forward."""
    return lambda http: kept_token(app, http)


async def test_the_queues_follow_the_legal_clock(
    officer: httpx.AsyncClient, ward: FakeWard, token_of: Callable[[httpx.AsyncClient], str]
) -> None:
    answer = await officer.get(HOME)
    assert answer.status_code == 200, answer.text
    html = answer.text
    order = [
        "Đơn quá hạn 03/12",
        "Đơn quá hạn 05/12",
        "Đơn hạn hôm nay",
        "Đơn đã chuyển lên",
        "Đơn hạn 09/12",
        "Đơn hạn 10/12",
        "Đơn tạm đình chỉ",
    ]
    places = [html.index(title) for title in order]
    assert places == sorted(places)
    assert html.index('id="overdue"') < places[0] < html.index('id="due-today"') < places[2]
    assert html.index('id="escalated"') < places[3] < html.index('id="rest"') < places[4]
    text = text_of(html)
    for count in (
        "2 Quá hạn",
        "1 Đến hạn hôm nay",
        "1 Đã chuyển lên thành phố",
        "3 Đang giải quyết",
        "1 Lượt tiếp chờ trả lời",
    ):
        assert count in text
    assert "Hỏi về cấp phép sửa nhà" in text and "Đã trả lời" not in text
    assert 'href="/p/ben-thanh/can-bo/don/f"' in html and 'href="/rules#REC-REPLY"' in html
    assert len(answer.content) < 100_000 and "<script" not in html
    # Every read as the officer: their own session token, the open statuses only.
    assert {call.token for call in ward.reads} == {token_of(officer)}
    asked = {c.params.get("status") for c in ward.reads if c.path == "/petitions"}
    assert asked == {"received", "accepted", "assigned", "suspended"}


def test_the_queue_sorts_by_the_nearest_running_deadline() -> None:
    queue = petition_queue(PETITIONS, NOW)
    assert [p["id"] for p in queue.overdue] == ["f", "a"]
    assert [p["id"] for p in queue.due_today] == ["b"]  # its met CMP-ACCEPT does not count
    assert [p["id"] for p in queue.escalated] == ["c"]
    assert [p["id"] for p in queue.rest] == ["e", "d", "g"]  # suspended: no clock runs
    # At 23:59 the same day "due today" is still due today; a minute after midnight, overdue.
    late = dt.datetime(2026, 12, 8, 0, 1, tzinfo=VN)
    assert [p["id"] for p in petition_queue(PETITIONS, late).overdue] == ["f", "a", "b"]


async def test_nobody_signed_in_is_sent_to_sign_in(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    for path in (HOME, f"{HOME}/don/a", f"{HOME}/bang-tin"):
        answer = await portal.get(path)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/dang-nhap?next={path}"
    assert ward.reads == []


@pytest.mark.parametrize(
    ("role", "other"), [("officer", "tan-dinh"), ("citizen", None), ("inspector", WARD)]
)
async def test_anyone_but_an_officer_of_this_ward_is_refused(
    portal: httpx.AsyncClient, ward: FakeWard, role: str, other: str | None
) -> None:
    await sign_in(portal, role=role, ward=other)
    for path in (HOME, f"{HOME}/don/a", f"{HOME}/bang-tin"):
        answer = await portal.get(path)
        assert answer.status_code == 403
        assert "Trang này dành cho cán bộ của phường này" in answer.text
    assert ward.reads == []
    english = await portal.get(HOME, params={"lang": "en"})
    assert "This page is for the officers of this ward" in english.text


async def test_the_petition_page_shows_clocks_history_and_the_steps_allowed_now(
    officer: httpx.AsyncClient, ward: FakeWard
) -> None:
    answer = await officer.get(f"{HOME}/don/e")
    assert answer.status_code == 200, answer.text
    html, text = answer.text, text_of(answer.text)
    assert "Đơn hạn 09/12" in text and "09/12/2026" in text and 'href="/rules#CMP-ACCEPT"' in html
    assert "nhận đơn" in text  # the history
    for step in ("accept", "refuse", "forward", "assign"):
        assert f'action="/p/ben-thanh/can-bo/don/e/{step}"' in html
    for step in ("answer", "extend", "close"):
        assert f"/don/e/{step}" not in html
    assert html.count('name="csrf"') >= 5
    assert not any("identity" in call.path for call in ward.reads)


def test_the_steps_offered_follow_the_petition_as_it_stands() -> None:
    received = petition("x", "t", status="received", accepted_at=None)
    assert allowed_steps(received) == ["accept", "refuse", "forward", "assign"]
    assert allowed_steps(petition("x", "t")) == ["assign", "extend", "answer"]
    feedback = {**received, "kind": "feedback"}
    assert allowed_steps(feedback) == ["refuse", "forward", "assign", "answer"]
    assert allowed_steps(petition("x", "t", status="answered")) == ["close"]


async def test_accepting_forwards_the_step_and_comes_back_with_a_confirmation(
    officer: httpx.AsyncClient, ward: FakeWard, token_of: Callable[[httpx.AsyncClient], str]
) -> None:
    csrf = await csrf_of(officer, f"{HOME}/don/e")
    answer = await officer.post(f"{HOME}/don/e/accept", data={"csrf": csrf})
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == f"{HOME}/don/e?da=accept"
    assert ward.sent == [
        Call(WARD, "petitions", "POST", "/petitions/e/accept", json={}, token=token_of(officer))
    ]
    back = await officer.get(answer.headers["location"])
    assert '<p class="status-message" role="status">Đã thụ lý đơn.</p>' in back.text
    # Only the area's own confirmations: anything else in ?da= says nothing.
    for other in ("open", "<b>x</b>"):
        unknown = await officer.get(f"{HOME}/don/e", params={"da": other})
        assert unknown.status_code == 200 and "status-message" not in unknown.text


@pytest.mark.parametrize(
    ("step", "form", "body"),
    [
        ("refuse", {"reason": " Không thuộc thẩm quyền "}, {"reason": "Không thuộc thẩm quyền"}),
        (
            "forward",
            {"to": "UBND Quận 1", "reason": "Thẩm quyền"},
            {"to": "UBND Quận 1", "reason": "Thẩm quyền"},
        ),
        ("assign", {"handler": "dev-officer-2"}, {"handler": "dev-officer-2"}),
        (
            "extend",
            {"reason": "Phức tạp", "days": "10", "especially_complex": "yes"},
            {"reason": "Phức tạp", "days": 10, "especially_complex": True},
        ),
        ("answer", {"text": "Đã sửa."}, {"text": "Đã sửa."}),
        ("accept", {"complex_reason": "Nhiều bên"}, {"complex_reason": "Nhiều bên"}),
        ("close", {}, None),
    ],
)
async def test_each_step_sends_the_services_request_body(
    officer: httpx.AsyncClient, ward: FakeWard, step: str, form: dict[str, str], body: Any
) -> None:
    csrf = await csrf_of(officer, f"{HOME}/don/a")
    answer = await officer.post(f"{HOME}/don/a/{step}", data={"csrf": csrf, **form})
    assert answer.status_code == 303
    assert [(s.path, s.json) for s in ward.sent] == [(f"/petitions/a/{step}", body)]


async def test_a_form_without_its_csrf_token_sends_nothing(
    officer: httpx.AsyncClient, ward: FakeWard
) -> None:
    for path in (f"{HOME}/don/a/answer", f"{HOME}/bang-tin", f"{HOME}/bang-tin/po-2/withdraw"):
        answer = await officer.post(path, data={"text": "x", "csrf": "forged"})
        assert answer.status_code == 403
        assert "Biểu mẫu đã hết hiệu lực" in answer.text
    assert ward.sent == []


async def test_a_post_without_a_session_or_token_is_refused_before_anything(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    for path in (
        f"{HOME}/don/a/accept",
        f"{HOME}/bang-tin",
        f"{HOME}/quyet-dinh",
        f"{HOME}/ke-hoach/ta-1/tien-do",
    ):
        answer = await portal.post(path, data={"text": "x"})
        assert answer.status_code == 403, path
    assert ward.sent == [] and ward.reads == []
    # With the form's token but nobody signed in: to the sign-in page, back to the home after.
    csrf = await csrf_of(portal, "/dang-nhap")
    answer = await portal.post(f"{HOME}/don/a/accept", data={"csrf": csrf})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/dang-nhap?next=/p/ben-thanh/can-bo"
    assert ward.sent == []


async def test_the_services_refusal_is_shown_in_vietnamese_with_what_was_typed(
    officer: httpx.AsyncClient, ward: FakeWard
) -> None:
    ward.answer = Reply(
        409,
        {
            "detail": "Cần thụ lý trước khi giải quyết (thời hạn giải quyết tính từ ngày thụ lý).",
            "detail_en": "Accept the petition first: its resolution period starts at acceptance.",
        },
    )
    csrf = await csrf_of(officer, f"{HOME}/don/a")
    answer = await officer.post(f"{HOME}/don/a/answer", data={"csrf": csrf, "text": "Trả lời X"})
    assert answer.status_code == 422
    assert (
        '<p class="form-error" role="alert" id="step-answer-error">Cần thụ lý trước' in answer.text
    )
    assert ">Trả lời X</textarea>" in answer.text


async def test_days_that_are_not_a_number_are_refused_before_sending(
    officer: httpx.AsyncClient, ward: FakeWard
) -> None:
    csrf = await csrf_of(officer, f"{HOME}/don/a")
    answer = await officer.post(
        f"{HOME}/don/a/extend", data={"csrf": csrf, "reason": "r", "days": "mười"}
    )
    assert answer.status_code == 422
    assert "Số ngày gia hạn phải là một số nguyên dương." in answer.text
    assert ward.sent == []


async def test_an_unknown_step_or_petition_is_a_page(
    officer: httpx.AsyncClient, ward: FakeWard
) -> None:
    csrf = await csrf_of(officer, f"{HOME}/don/a")
    assert (await officer.post(f"{HOME}/don/a/identity", data={"csrf": csrf})).status_code == 404
    missing = await officer.get(f"{HOME}/don/zz")
    assert missing.status_code == 404 and "Không có đơn này." in missing.text
    assert ward.sent == []


async def test_the_postings_page_lists_drafts_and_postings_with_their_clocks(
    officer: httpx.AsyncClient, ward: FakeWard, token_of: Callable[[httpx.AsyncClient], str]
) -> None:
    answer = await officer.get(f"{HOME}/bang-tin")
    assert answer.status_code == 200, answer.text
    html, text = answer.text, text_of(answer.text)
    assert "Dự toán ngân sách 2027" in text and 'href="/rules#PUB-DUE"' in html
    assert "Kế hoạch năm 2027" in text and 'href="/rules#PUB-MIN30"' in html
    assert 'action="/p/ben-thanh/can-bo/bang-tin/po-1/publish"' in html
    assert 'action="/p/ben-thanh/can-bo/bang-tin/po-2/withdraw"' in html
    assert "Dự toán, thực hiện và quyết toán ngân sách" in text
    assert all(call.token == token_of(officer) for call in ward.reads)


async def test_drafting_publishing_and_withdrawing_forward_to_publicity(
    officer: httpx.AsyncClient, ward: FakeWard, token_of: Callable[[httpx.AsyncClient], str]
) -> None:
    csrf = await csrf_of(officer, f"{HOME}/bang-tin")
    drafted = await officer.post(
        f"{HOME}/bang-tin",
        data={"csrf": csrf, **DRAFT, "channel_notice_board": "yes", "channel_portal": "yes"},
    )
    assert drafted.status_code == 303 and drafted.headers["location"].endswith("?da=draft")
    published = await officer.post(f"{HOME}/bang-tin/po-1/publish", data={"csrf": csrf})
    assert published.headers["location"] == f"{HOME}/bang-tin?da=publish"
    withdrawn = await officer.post(
        f"{HOME}/bang-tin/po-2/withdraw", data={"csrf": csrf, "reason": "Đăng nhầm"}
    )
    assert withdrawn.status_code == 303
    assert [(s.service, s.path, s.json) for s in ward.sent] == [
        (
            "publicity",
            "/postings",
            {
                "category": 2,
                "title": "Quyết toán",
                "body": "Nội dung",
                "decided_on": "2026-12-05",
                "channels": ["notice_board", "portal"],
            },
        ),
        ("publicity", "/postings/po-1/publish", None),
        ("publicity", "/postings/po-2/withdraw", {"reason": "Đăng nhầm"}),
    ]
    assert all(s.token == token_of(officer) for s in ward.sent)


async def test_a_refused_draft_keeps_what_was_typed(
    officer: httpx.AsyncClient, ward: FakeWard
) -> None:
    ward.answer = Reply(
        422,
        {
            "detail": "Dữ liệu không hợp lệ.",
            "detail_en": "Invalid.",
            "errors": [
                {
                    "location": ["body", "channels"],
                    "message": "Cần ít nhất một mục",
                    "message_en": "At least one",
                }
            ],
        },
    )
    csrf = await csrf_of(officer, f"{HOME}/bang-tin")
    answer = await officer.post(
        f"{HOME}/bang-tin",
        data={"csrf": csrf, **DRAFT},
    )
    assert answer.status_code == 422
    assert "Dữ liệu không hợp lệ. Cần ít nhất một mục (channels)" in answer.text
    assert 'value="Quyết toán"' in answer.text


async def test_decisions_are_opened_tallied_and_closed_through_the_plans_service(
    officer: httpx.AsyncClient, ward: FakeWard
) -> None:
    page = await officer.get(f"{HOME}/quyet-dinh")
    assert page.status_code == 200, page.text
    assert "Làm lại đường hẻm 12" in page.text
    assert 'action="/p/ben-thanh/can-bo/quyet-dinh/de-1/tally"' in page.text
    csrf = await csrf_of(officer, f"{HOME}/quyet-dinh")
    opened = await officer.post(
        f"{HOME}/quyet-dinh",
        data={
            "csrf": csrf,
            "topic": "1",
            "title": "Quỹ khuyến học",
            "form": "meeting",
            "notice_at": "2026-12-08",
            "vote_at": "2026-12-20",
            "group": "",
            "households_total": "",
        },
    )
    assert opened.headers["location"] == f"{HOME}/quyet-dinh?da=open"
    tallied = await officer.post(
        f"{HOME}/quyet-dinh/de-1/tally",
        data={"csrf": csrf, "yes": "70", "no": "20", "abstain": "", "present": "95"},
    )
    assert tallied.status_code == 303
    closed = await officer.post(f"{HOME}/quyet-dinh/de-1/close", data={"csrf": csrf})
    assert closed.status_code == 303
    assert [(s.service, s.path, s.json) for s in ward.sent] == [
        (
            "plans",
            "/decisions",
            {
                "topic": 1,
                "title": "Quỹ khuyến học",
                "form": "meeting",
                "notice_at": "2026-12-08",
                "vote_at": "2026-12-20",
            },
        ),
        ("plans", "/decisions/de-1/tally", {"yes": 70, "no": 20, "abstain": 0, "present": 95}),
        ("plans", "/decisions/de-1/close", {}),
    ]
    bad = await officer.post(
        f"{HOME}/quyet-dinh/de-1/tally",
        data={"csrf": csrf, "yes": "bảy mươi", "no": "0", "present": "1"},
    )
    assert bad.status_code == 422 and "Các ô số phải là số nguyên không âm." in bad.text
    assert len(ward.sent) == 3


async def test_task_progress_is_reported_through_the_plans_service(
    officer: httpx.AsyncClient, ward: FakeWard
) -> None:
    page = await officer.get(f"{HOME}/ke-hoach")
    assert page.status_code == 200, page.text
    assert "Niêm yết dự toán ngân sách" in page.text and "Đã thực hiện 40%" in page.text
    csrf = await csrf_of(officer, f"{HOME}/ke-hoach")
    sent = await officer.post(
        f"{HOME}/ke-hoach/ta-1/tien-do",
        data={"csrf": csrf, "percent": "60", "note": "Đã niêm yết", "evidence": "https://x.vn/a"},
    )
    assert sent.headers["location"] == f"{HOME}/ke-hoach?da=progress"
    assert ward.sent[0].path == "/tasks/ta-1/progress"
    assert ward.sent[0].json == {
        "percent": 60,
        "note": "Đã niêm yết",
        "evidence": ["https://x.vn/a"],
    }
    back = await officer.get(sent.headers["location"])
    assert 'role="status">Đã ghi báo cáo tiến độ.' in back.text


@pytest.mark.parametrize(
    "path", [HOME, f"{HOME}/don/a", f"{HOME}/bang-tin", f"{HOME}/quyet-dinh", f"{HOME}/ke-hoach"]
)
async def test_every_officer_page_is_light_local_and_reachable(
    officer: httpx.AsyncClient, path: str
) -> None:
    answer = await officer.get(path)
    assert answer.status_code == 200, answer.text
    html = answer.text
    assert '<html lang="vi">' in html and len(answer.content) < 100_000
    assert "<script" not in html and not re.search(r'(src|href)="(https?:)?//', html)
    for other in ("", "/bang-tin", "/quyet-dinh", "/ke-hoach"):
        assert f'href="{HOME}{other}"' in html
    # Every input has its label.
    ids = set(re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', html))
    assert ids <= set(re.findall(r'<label for="([^"]+)"', html))
    assert html.count("<h1") == 1
    english = await officer.get(path, params={"lang": "en"})
    assert english.status_code == 200 and '<html lang="en">' in english.text


@pytest.mark.parametrize(
    ("page", "action", "fields", "message"),
    [
        (
            "/bang-tin",
            "/bang-tin",
            {"category": "²", "title": "T", "body": "B", "decided_on": "2026-12-05"},
            None,
        ),
        (
            "/quyet-dinh",
            "/quyet-dinh",
            {"topic": "²", "title": "T", "form": "meeting", "vote_at": "2026-12-20"},
            None,
        ),
        (
            "/quyet-dinh",
            "/quyet-dinh",
            {"topic": "1", "title": "T", "form": "meeting", "households_total": "٣٠٠"},
            None,
        ),
        (
            "/don/a",
            "/don/a/extend",
            {"reason": "r", "days": "²"},
            "Số ngày gia hạn phải là một số nguyên dương.",
        ),
    ],
)
async def test_unicode_digits_in_a_number_field_are_refused_before_sending_never_a_500(
    officer: httpx.AsyncClient,
    ward: FakeWard,
    page: str,
    action: str,
    fields: dict[str, str],
    message: str | None,
) -> None:
    """``"²".isdigit()`` is true and ``int("²")`` raises: the forms read ASCII digits only."""
    csrf = await csrf_of(officer, f"{HOME}{page}")
    answer = await officer.post(f"{HOME}{action}", data={"csrf": csrf, **fields})
    assert answer.status_code == 422, answer.text[:300]
    assert '<p class="form-error" role="alert"' in answer.text
    assert message is None or message in answer.text
    assert ward.sent == []
