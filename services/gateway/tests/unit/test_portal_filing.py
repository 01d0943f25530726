"""Filing a petition from the ward portal (issue 19 item 2) over a fake ward: a signed-in
resident's form is sent to the petitions service with their own session's token and lands on a
receipt with the tracking code and the due date; a form without its CSRF token, from nobody
signed in, or from staff sends nothing; anonymity is offered only where the law allows it; a
refusal keeps what was typed and says why in the page's language."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_gateway.portal.wards import Reply

from .portal_fakes import CLIENT, FakeWard, build_portal, text_of, token_of
from .portal_session import csrf_of, sign_in

pytestmark = pytest.mark.unit

CODE = "BT-7K4M-Q9XD-R2HW-C8NP"
LEAD = "BT-AAAA-BBBB-CCCC-DDDD"
FORMS = "/p/ben-thanh/gui-phan-anh"
RECEIPT = f"/p/ben-thanh/gui-phan-anh/da-nhan?ma={CODE}"


def deadline(rule: str, due: str, explanation: str) -> dict[str, Any]:
    return {
        "rule": rule,
        "due": due,
        "due_at": f"{due}T23:59:59.999999+07:00",
        "explanation": explanation,
        "explanation_en": f"{rule} (en)",
        "table_version": "2026.1",
        "met": None,
        "extensions": [],
    }


def tracked(code: str, kind: str, deadlines: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "p-1",
        "tracking_code": code,
        "kind": kind,
        "status": "received",
        "received_on": "2026-12-07",
        "deadlines": deadlines,
        "flags": [],
        "escalated": [],
        "answer": None,
        "history": [],
    }


FILED = {
    CODE: tracked(
        CODE,
        "complaint",
        [deadline("CMP-ACCEPT", "2026-12-21", "Thụ lý khiếu nại theo CMP-ACCEPT.")],
    ),
    LEAD: tracked(LEAD, "lead", []),
}


@pytest.fixture
def ward() -> FakeWard:
    """The petitions service a resident files with; filing reads nothing as the resident."""
    return FakeWard(answer=Reply(201, {"tracking_code": CODE}), tracked=FILED)


@pytest.fixture
def app(tmp_path: Path, ward: FakeWard) -> Any:
    return build_portal(tmp_path, ward)


@pytest.fixture
async def resident(portal: httpx.AsyncClient) -> httpx.AsyncClient:
    await sign_in(portal, role="citizen", name="Trần Thị Bình")
    return portal


def forms_of(html: str) -> dict[str, str]:
    """Each filing form's HTML by its kind."""
    found = re.findall(
        r'<form [^>]*action="/p/ben-thanh/gui-phan-anh#([a-z_]+)"[^>]*>(.*?)</form>', html, re.S
    )
    return dict(found)


COMPLAINT = {
    "kind": "complaint",
    "title": "Quyết định xử phạt không đúng",
    "body": "Tôi bị xử phạt vì lấn chiếm vỉa hè nhưng nhà tôi không có vỉa hè.",
    "act_date": "2026-12-01",
    "group": "to-5",
    "name": "Trần Thị Bình",
    "address": "5 Lê Thánh Tôn",
    "phone": "",
}


async def file(http: httpx.AsyncClient, fields: dict[str, str], **query: str) -> httpx.Response:
    token = await csrf_of(http, FORMS)
    return await http.post(FORMS, params=query, data={"csrf": token, **fields})


async def test_signed_out_the_forms_carry_their_token_and_point_to_the_sign_in(
    portal: httpx.AsyncClient,
) -> None:
    page = await portal.get(FORMS)
    assert page.status_code == 200
    forms = forms_of(page.text)
    assert list(forms) == ["feedback", "complaint", "denunciation", "information_request"]
    for form in forms.values():
        assert re.search(r'<input type="hidden" name="csrf" value="[0-9a-f]{64}">', form)
        assert re.search(r"<button[^>]*disabled", form)
        for name in re.findall(r'<input id="([^"]+)"', form):
            assert f'for="{name}"' in form, name
    assert 'href="/dang-nhap?next=/p/ben-thanh/gui-phan-anh"' in page.text
    assert "cần đăng nhập với vai trò người dân" in text_of(page.text)
    # Anonymity only where the law allows it: never a complaint, never an information request.
    anonymous = [kind for kind, form in forms.items() if 'name="anonymous"' in form]
    assert anonymous == ["feedback", "denunciation"]
    assert 'href="/rules#DEN-INTAKE"' in forms["denunciation"]


async def test_signed_in_a_resident_can_send_and_is_told_who_sends(
    resident: httpx.AsyncClient,
) -> None:
    page = await resident.get(FORMS)
    assert "Bạn đang đăng nhập với tên Trần Thị Bình" in text_of(page.text)
    for form in forms_of(page.text).values():
        assert "disabled" not in form
        assert '<button type="submit">Gửi đơn</button>' in form


async def test_a_complaint_is_sent_with_the_sessions_token_and_lands_on_its_receipt(
    resident: httpx.AsyncClient, ward: FakeWard, app: Any
) -> None:
    answer = await file(resident, COMPLAINT)
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == RECEIPT
    assert len(ward.sent) == 1 and ward.reads == []
    sent = ward.sent[0]
    assert sent.token == token_of(app, resident)
    assert (sent.ward, sent.service, sent.method, sent.path) == (
        "ben-thanh",
        "petitions",
        "POST",
        "/petitions",
    )
    assert sent.client == CLIENT  # the ward's filing limit counts the resident
    assert sent.json == {
        "kind": "complaint",
        "title": COMPLAINT["title"],
        "body": COMPLAINT["body"],
        "anonymous": False,
        "act_date": "2026-12-01",
        "group": "to-5",
        "petitioner": {"name": "Trần Thị Bình", "address": "5 Lê Thánh Tôn"},
    }

    receipt = await resident.get(answer.headers["location"])
    assert receipt.status_code == 200
    assert receipt.headers["cache-control"] == "no-store"
    text = text_of(receipt.text)
    assert "Phường đã nhận đơn của bạn" in text
    assert f'<strong id="receipt-code">{CODE}</strong>' in receipt.text
    assert re.search(r'id="receipt-due"><time datetime="2026-12-21[^"]*">21/12/2026<', receipt.text)
    assert 'href="/rules#CMP-ACCEPT"' in receipt.text
    assert f'href="/p/ben-thanh/tra-cuu?ma={CODE}"' in receipt.text
    # Only what the code's holder sees: nothing typed comes back, nothing in the URL (the
    # header's "signed in as" is the session's, not the petition's).
    main = receipt.text[receipt.text.index("<main") :]
    for typed in ("Trần Thị Bình", "5 Lê Thánh Tôn", "vỉa hè", "Quyết định xử phạt"):
        assert typed not in main, typed
        assert typed not in answer.headers["location"]
    assert [code for _, code, _ in ward.looked_up] == [CODE]


async def test_the_receipt_reads_in_english(resident: httpx.AsyncClient) -> None:
    receipt = await resident.get(f"{RECEIPT}&lang=en")
    assert "The ward has received your petition" in receipt.text
    assert "2026-12-21" in text_of(receipt.text) and "Your tracking code" in receipt.text


@pytest.mark.parametrize("token", [None, "0" * 64])
async def test_a_form_without_its_csrf_token_sends_nothing(
    resident: httpx.AsyncClient, ward: FakeWard, token: str | None
) -> None:
    fields = {**COMPLAINT, **({"csrf": token} if token else {})}
    answer = await resident.post(FORMS, data=fields)
    assert answer.status_code == 403
    assert answer.headers["content-type"].startswith("text/html")
    assert "Biểu mẫu đã hết hiệu lực" in answer.text
    assert ward.sent == []


async def test_nobody_signed_in_sends_nothing_and_keeps_what_was_typed(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    answer = await file(portal, COMPLAINT)
    assert answer.status_code == 403
    assert ward.sent == []
    complaint = forms_of(answer.text)["complaint"]
    assert 'class="form-error" role="alert"' in complaint
    assert "phiên đăng nhập đã hết" in complaint
    assert f'value="{COMPLAINT["title"]}"' in complaint and COMPLAINT["body"] in complaint
    assert COMPLAINT["title"] not in forms_of(answer.text)["feedback"]


async def test_staff_are_not_residents_on_this_form(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    await sign_in(portal, role="officer", ward="ben-thanh", name="Cán bộ A")
    page = await portal.get(FORMS)
    assert "Các mẫu này dành cho người dân" in text_of(page.text)
    answer = await file(portal, COMPLAINT)
    assert answer.status_code == 403 and ward.sent == []
    assert "bạn đang đăng nhập với vai trò Cán bộ phường" in answer.text


async def test_an_anonymous_denunciation_sends_no_identity_and_its_receipt_says_lead(
    resident: httpx.AsyncClient, ward: FakeWard, app: Any
) -> None:
    ward.answer = Reply(201, {"tracking_code": LEAD})
    fields = {
        "kind": "denunciation",
        "title": "Nhận tiền khi cấp phép",
        "body": "Một cán bộ nhận tiền khi cấp phép xây dựng.",
        "name": "Trần Thị Bình",  # typed, then "anonymous" ticked: never sent
        "address": "5 Lê Thánh Tôn",
        "anonymous": "true",
    }
    answer = await file(resident, fields)
    assert answer.status_code == 303
    assert ward.sent[0].json == {
        "kind": "denunciation",
        "title": fields["title"],
        "body": fields["body"],
        "anonymous": True,
    }
    # Still the resident's session: the service keys an anonymous report to itself.
    assert ward.sent[0].token == token_of(app, resident)
    receipt = await resident.get(answer.headers["location"])
    text = text_of(receipt.text)
    assert "Tin báo nặc danh" in text and "không có thời hạn giải quyết" in text
    assert 'href="/rules#DEN-INTAKE"' in receipt.text and 'id="receipt-due"' not in receipt.text


@pytest.mark.parametrize("kind", ["complaint", "information_request"])
async def test_anonymity_is_refused_where_the_law_names_the_petitioner(
    resident: httpx.AsyncClient, ward: FakeWard, kind: str
) -> None:
    fields = {**COMPLAINT, "kind": kind, "name": "", "address": "", "anonymous": "true"}
    answer = await file(resident, fields)
    assert answer.status_code == 422
    assert ward.sent == []
    assert "không gửi nặc danh được" in forms_of(answer.text)[kind]


async def test_a_refusal_is_the_services_message_in_the_pages_language_with_what_was_typed(
    resident: httpx.AsyncClient, ward: FakeWard
) -> None:
    ward.answer = Reply(
        422,
        {
            "detail": "Dữ liệu gửi lên không hợp lệ.",
            "detail_en": "The request is not valid.",
            "errors": [
                {
                    "location": ["body", "petitioner", "address"],
                    "message": "Cần ít nhất 1 ký tự.",
                    "message_en": "At least 1 character.",
                }
            ],
        },
    )
    answer = await file(resident, {**COMPLAINT, "address": ""})
    assert answer.status_code == 422
    complaint = forms_of(answer.text)["complaint"]
    error = re.search(r'<p class="form-error" role="alert"[^>]*>(.*?)</p>', complaint, re.S)
    assert error is not None
    assert (
        error.group(1) == "Dữ liệu gửi lên không hợp lệ. Cần ít nhất 1 ký tự. (petitioner.address)"
    )
    assert 'value="2026-12-01"' in complaint and 'value="Trần Thị Bình"' in complaint
    english = await file(resident, {**COMPLAINT, "address": ""}, lang="en")
    assert "The request is not valid. At least 1 character." in english.text


async def test_the_wards_filing_limit_is_a_429_page_keeping_the_form(
    resident: httpx.AsyncClient, ward: FakeWard
) -> None:
    ward.answer = Reply(429, {"detail": "Bạn đã gửi quá nhiều yêu cầu."})
    answer = await file(resident, COMPLAINT)
    assert answer.status_code == 429
    assert "Bạn đã gửi quá nhiều yêu cầu." in forms_of(answer.text)["complaint"]


async def test_an_unknown_kind_sends_nothing(resident: httpx.AsyncClient, ward: FakeWard) -> None:
    answer = await file(resident, {**COMPLAINT, "kind": "lead"})
    assert answer.status_code == 422 and ward.sent == []
    assert "Không rõ loại đơn" in answer.text


async def test_the_petitions_service_down_is_a_503_page(
    resident: httpx.AsyncClient, ward: FakeWard
) -> None:
    ward.down = "petitions"
    answer = await file(resident, COMPLAINT)
    assert answer.status_code == 503 and answer.headers["retry-after"]
    assert "Dịch vụ petitions của phường hiện không trả lời" in answer.text


@pytest.mark.parametrize("path", [FORMS, RECEIPT])
async def test_an_unknown_ward_is_a_404_page_and_sends_nothing(
    resident: httpx.AsyncClient, ward: FakeWard, path: str
) -> None:
    token = await csrf_of(resident, FORMS)
    elsewhere = path.replace("ben-thanh", "atlantis")
    posted = await resident.post(elsewhere, data={"csrf": token, **COMPLAINT})
    read = await resident.get(elsewhere)
    for answer in (posted, read) if path == FORMS else (read,):
        assert answer.status_code == 404 and "Không có phường atlantis." in answer.text
    assert ward.sent == [] and ward.looked_up == []


async def test_a_receipt_needs_a_code_and_says_when_it_cannot_read_the_dates(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    bare = await portal.get(f"{FORMS}/da-nhan")
    assert bare.status_code == 303 and bare.headers["location"] == FORMS
    malformed = await portal.get(f"{FORMS}/da-nhan", params={"ma": "<b>"})
    assert malformed.status_code == 404 and "<b>" not in malformed.text
    unknown = await portal.get(f"{FORMS}/da-nhan", params={"ma": "BT-2345-6789-ABCD-EFGH"})
    assert unknown.status_code == 404
    ward.down = "petitions"
    later = await portal.get(RECEIPT)
    assert later.status_code == 503
    assert f'<strong id="receipt-code">{CODE}</strong>' in later.text  # the code still reaches them
    assert "chưa đọc được thời hạn" in later.text
    ward.down, ward.limited = None, True
    limited = await portal.get(RECEIPT)
    assert limited.status_code == 429 and limited.headers["retry-after"] == "60"
    assert CODE in limited.text


@pytest.mark.parametrize("body", [None, {}, {"tracking_code": ""}, {"tracking_code": None}, []])
async def test_a_filing_taken_without_a_readable_code_says_so_honestly_never_a_500(
    resident: httpx.AsyncClient, ward: FakeWard, body: Any
) -> None:
    """The service took it (2xx) but its answer names no code: a 502 page that says the
    petition was sent and to track it later, not a receipt for a code the portal lacks."""
    ward.answer = Reply(201, body)
    answer = await file(resident, COMPLAINT)
    assert answer.status_code == 502, answer.text[:300]
    assert "Đơn đã được gửi, nhưng cổng không đọc được câu trả lời của phường" in answer.text
    assert len(ward.sent) == 1 and ward.looked_up == []
