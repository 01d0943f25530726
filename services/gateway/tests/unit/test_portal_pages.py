"""The ward portal's citizen read pages (issue 19) over a fake ward reader: the ward's home
and notice board list its current postings with their legal period, a tracking code shows
that petition's status, the filing page has one form per kind with the clocks of the rule
table in force that day, and an unknown ward or a ward service down is a page, not a 500."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_gateway.portal.kinds import KIND_RULES
from qcdc_shared.clock import FixedClock
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule

from .portal_fakes import NOW, FakeWard, build_portal, text_of

pytestmark = pytest.mark.unit

CODE = "BT-7K4M-Q9XD-R2HW-C8NP"


def posting(number: int, category: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"p-{number}",
        "ward": "ben-thanh",
        "category": category,
        "title": f"Tin số {number}",
        "status": "published",
        "published_at": "2026-12-01T08:00:00+07:00",
        "deadlines": [],
        **extra,
    }


POSTINGS = [
    posting(
        1,
        1,
        title="Kế hoạch sử dụng đất năm 2027",
        deadlines=[
            {"rule": "PUB-DUE", "due": "2026-12-03"},
            {"rule": "PUB-MIN30", "due": "2026-12-31"},
        ],
    ),
    posting(2, 13, title="Thủ tục đăng ký tạm trú"),
    posting(3, 1, title="Báo cáo kinh tế - xã hội quý IV", deadlines=[]),
]
TRACKED = {
    "id": "x",
    "tracking_code": CODE,
    "kind": "complaint",
    "status": "accepted",
    "received_on": "2026-12-01",
    "deadlines": [
        {
            "rule": "CMP-RESOLVE",
            "due": "2026-12-31",
            "due_at": "2026-12-31T23:59:59.999999+07:00",
            "explanation": "Giải quyết khiếu nại theo CMP-RESOLVE, tính từ ngày thụ lý.",
            "explanation_en": "Resolve the complaint under CMP-RESOLVE, from acceptance.",
            "met": None,
            "extensions": [],
        }
    ],
    "flags": [],
    "escalated": [],
    "answer": {
        "text": "Phường đã sửa lại quyết định.",
        "answered_at": "2026-12-05T10:00:00+07:00",
        "public_interest": False,
        "public_title": None,
        "on_time": True,
    },
    "history": [
        {
            "version": 1,
            "at": "2026-12-01T08:00:00+07:00",
            "action": "received",
            "status": "received",
            "actor_role": "citizen",
            "actor": None,
            "detail": {},
        },
        {
            "version": 2,
            "at": "2026-12-02T08:00:00+07:00",
            "action": "accepted",
            "status": "accepted",
            "actor_role": "officer",
            "actor": None,
            "detail": {"rule": "CMP-RESOLVE"},
        },
    ],
}


SESSIONS = [
    {
        "host": "chair",
        "session_on": "2026-12-10",
        "location": "Trụ sở UBND phường, phòng tiếp dân",
        "form": "in_person",
        "status": "scheduled",
        "not_held_reason": None,
    },
    {
        "host": "party_secretary",
        "session_on": "2026-12-15",
        "location": None,
        "form": "online",
        "status": "scheduled",
        "not_held_reason": None,
    },
]


@pytest.fixture
def ward() -> FakeWard:
    return FakeWard(postings=list(POSTINGS), sessions=list(SESSIONS), tracked={CODE: TRACKED})


@pytest.fixture
def app(tmp_path: Path, ward: FakeWard) -> Any:
    return build_portal(tmp_path, ward)


PAGES = (
    "/p/ben-thanh/",
    "/p/ben-thanh/bang-tin",
    "/p/ben-thanh/tra-cuu",
    "/p/ben-thanh/lich-tiep-cong-dan",
    "/p/ben-thanh/gui-phan-anh",
)


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_is_vietnamese_html_linking_every_other(
    portal: httpx.AsyncClient, path: str
) -> None:
    answer = await portal.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    assert '<html lang="vi">' in answer.text
    assert len(answer.content) < 100_000
    for other in PAGES:
        assert f'href="{other}"' in answer.text, other
    # Nothing from elsewhere: only the gateway's own stylesheet and, where postings are shown,
    # its own verify.js (the "verify" button; the page works without it).
    assert not re.search(r'(src|href)="(https?:)?//', answer.text)
    assert re.findall(r"<script[^>]*>", answer.text) in (
        [],
        ['<script src="/static/verify.js" defer>'],
    )
    assert "Phường Bến Thành" in answer.text


async def test_home_lists_the_current_postings_with_their_period_and_rule(
    portal: httpx.AsyncClient,
) -> None:
    answer = await portal.get("/p/ben-thanh/")
    text = text_of(answer.text)
    for title in ("Kế hoạch sử dụng đất năm 2027", "Thủ tục đăng ký tạm trú"):
        assert title in text
    assert "Kế hoạch và kết quả phát triển kinh tế - xã hội" in text  # category 1 in words
    assert "Công khai từ 01/12/2026" in text
    assert "ít nhất đến hết ngày 31/12/2026 ( PUB-MIN30 )" in text
    assert 'href="/rules#PUB-MIN30"' in answer.text
    # Administrative procedures are posted permanently (PUB-PERM in the table).
    assert "niêm yết thường xuyên ( PUB-PERM )" in text
    assert "3 tin đang công khai" in text


async def test_the_notice_board_groups_postings_by_category(portal: httpx.AsyncClient) -> None:
    answer = await portal.get("/p/ben-thanh/bang-tin")
    assert answer.status_code == 200
    html = answer.text
    first, procedures = html.index('id="category-1"'), html.index('id="category-13"')
    assert first < html.index("Kế hoạch sử dụng đất") < html.index("Báo cáo kinh tế") < procedures
    assert procedures < html.index("Thủ tục đăng ký tạm trú")
    assert "không có thời hạn tối thiểu" in text_of(html)  # no PUB-MIN30 deadline carried


async def test_no_posting_says_so(portal: httpx.AsyncClient, ward: FakeWard) -> None:
    ward.postings = []
    for path in PAGES[:2]:
        assert "Hiện không có tin nào đang công khai." in (await portal.get(path)).text


async def test_a_tracking_code_shows_its_petitions_status_deadlines_steps_and_answer(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    answer = await portal.get("/p/ben-thanh/tra-cuu", params={"ma": " bt-7k4m-q9xd-r2hw-c8np "})
    assert answer.status_code == 200, answer.text
    text = text_of(answer.text)
    assert "Phường đã thụ lý để giải quyết" in text
    assert "Khiếu nại" in text
    assert "31/12/2026" in text and 'href="/rules#CMP-RESOLVE"' in answer.text
    assert "Giải quyết khiếu nại theo" in text
    assert "nhận đơn" in text and "thụ lý" in text
    assert "Phường đã sửa lại quyết định." in text
    # The code as stored, and the resident's address for the ward's lookup limit.
    assert ward.looked_up == [("ben-thanh", CODE, "198.51.100.7")]


async def test_an_unknown_code_is_a_404_page_and_a_malformed_one_a_422(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    unknown = await portal.get("/p/ben-thanh/tra-cuu", params={"ma": "BT-2345-6789-ABCD-EFGH"})
    assert unknown.status_code == 404
    assert "Không có đơn nào với mã theo dõi BT-2345-6789-ABCD-EFGH" in unknown.text
    malformed = await portal.get("/p/ben-thanh/tra-cuu", params={"ma": "<script>"})
    assert malformed.status_code == 422
    assert "Mã theo dõi không đúng dạng" in malformed.text
    assert "<script>" not in malformed.text
    english = await portal.get("/p/ben-thanh/tra-cuu", params={"ma": "x", "lang": "en"})
    assert english.status_code == 422 and "That is not a tracking code" in english.text
    assert len(ward.looked_up) == 1  # a malformed code never reaches the ward


async def test_the_wards_lookup_limit_is_a_429_page(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    ward.limited = True
    answer = await portal.get("/p/ben-thanh/tra-cuu", params={"ma": CODE})
    assert answer.status_code == 429 and answer.headers["retry-after"] == "60"
    assert "tra cứu quá nhiều lần" in answer.text


async def test_filing_has_a_form_per_kind_with_the_clocks_of_the_table_in_force(
    portal: httpx.AsyncClient, app: Any
) -> None:
    answer = await portal.get("/p/ben-thanh/gui-phan-anh")
    assert answer.status_code == 200
    html = answer.text
    forms = re.findall(r'<form [^>]*method="post"[^>]*>(.*?)</form>', html, re.S)
    kinds = [re.search(r'name="kind" value="([a-z_]+)"', form).group(1) for form in forms]  # type: ignore[union-attr]
    assert kinds == ["feedback", "complaint", "denunciation", "information_request"]
    for form in forms:
        assert re.search(r"<button[^>]*disabled", form)  # sending needs a signed-in resident
        for name in re.findall(r'<input id="([^"]+)"', form):
            assert f'for="{name}"' in form, name  # every field has its label
    rules: RuleBook = app.state.rules
    text = text_of(html)
    for kind, rule_ids in KIND_RULES.items():
        section = text_of(html[html.index(f'<section id="{kind}"') :])
        for rule_id in rule_ids:
            row = rules.rule(rule_id, NOW.date())
            assert f'href="/rules#{rule_id}"' in html
            assert f"{rule_id} : {row.amount} " in section, (kind, rule_id)
            assert row.summary_vi in section
    assert "ngày làm việc" in text and "đăng nhập" in text


async def test_filing_reads_the_row_in_force_on_the_day(
    portal: httpx.AsyncClient, app: Any
) -> None:
    """A changed law is a new row: the page shows it from its first day, not before."""
    rules: RuleBook = app.state.rules
    old = rules.rule("CMP-ACCEPT", NOW.date())
    assert old.amount is not None
    changed = old.model_copy(
        update={"amount": old.amount + 2, "effective_from": NOW.date() + dt.timedelta(days=1)}
    )
    table = rules.table.model_copy(
        update={"rules": (*rules.table.rules, Rule(**changed.model_dump()))}
    )
    app.state.rules = RuleBook(table, rules.calendar)
    before = text_of((await portal.get("/p/ben-thanh/gui-phan-anh")).text)
    app.state.portal_clock = FixedClock(NOW + dt.timedelta(days=1))
    after = text_of((await portal.get("/p/ben-thanh/gui-phan-anh")).text)
    assert f"CMP-ACCEPT : {old.amount} " in before
    assert f"CMP-ACCEPT : {old.amount + 2} " in after


async def test_the_reception_schedule_lists_the_posted_sessions_from_today(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    answer = await portal.get("/p/ben-thanh/lich-tiep-cong-dan")
    assert answer.status_code == 200
    text = text_of(answer.text)
    assert ward.schedule_from == [NOW.date()]
    assert "10/12/2026 Chủ tịch UBND phường Trụ sở UBND phường, phòng tiếp dân" in text
    assert "trực tiếp tại trụ sở" in text and "trực tuyến" in text
    assert "15/12/2026 Bí thư Đảng ủy phường — trực tuyến" in text
    assert 'href="/rules#REC-WEEK"' in answer.text
    ward.sessions = []
    empty = await portal.get("/p/ben-thanh/lich-tiep-cong-dan", params={"lang": "en"})
    assert "No reception session is posted from today on." in empty.text


async def test_english_on_request(portal: httpx.AsyncClient) -> None:
    answer = await portal.get("/p/ben-thanh/", params={"lang": "en"})
    assert answer.status_code == 200
    assert '<html lang="en">' in answer.text
    text = text_of(answer.text)
    assert "Postings on display" in text and "Socio-economic plan and results" in text
    assert "at least to the end of 2026-12-31" in text
    assert answer.cookies.get("lang") == "en"
    forms = await portal.get("/p/ben-thanh/gui-phan-anh", params={"lang": "en"})
    assert "Information request" in forms.text and "working days" in forms.text


@pytest.mark.parametrize("path", [*PAGES, f"/p/ben-thanh/tra-cuu?ma={CODE}"])
async def test_an_unknown_ward_is_a_404_page(
    portal: httpx.AsyncClient, ward: FakeWard, path: str
) -> None:
    answer = await portal.get(path.replace("ben-thanh", "atlantis"))
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "Không có phường atlantis." in answer.text
    english = await portal.get(path.replace("ben-thanh", "atlantis"), params={"lang": "en"})
    assert english.status_code == 404 and "No ward atlantis." in english.text
    assert ward.looked_up == [] and ward.schedule_from == []  # nothing asked of any ward


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/p/ben-thanh/", "publicity"),
        ("/p/ben-thanh/bang-tin", "publicity"),
        (f"/p/ben-thanh/tra-cuu?ma={CODE}", "petitions"),
        ("/p/ben-thanh/lich-tiep-cong-dan", "petitions"),
    ],
)
async def test_a_ward_service_down_is_a_503_page_naming_it(
    portal: httpx.AsyncClient, ward: FakeWard, path: str, service: str
) -> None:
    ward.down = service
    answer = await portal.get(path)
    assert answer.status_code == 503
    assert answer.headers["content-type"].startswith("text/html")
    assert answer.headers["retry-after"]
    assert f"Dịch vụ {service} của phường hiện không trả lời" in answer.text
    assert 'href="/p/ben-thanh/"' in answer.text
