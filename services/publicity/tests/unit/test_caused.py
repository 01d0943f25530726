"""What caused postings say: quarters for PUB-QTR, decision results (DEC-RECORD), answers
(FB-FWD)."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_publicity.domain.caused import (
    decision_result,
    previous_quarter,
    public_answer,
    quarter_bounds,
    quarter_of,
    quarterly_list,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("day", "previous"),
    [
        (dt.date(2027, 1, 1), (2026, 4)),
        (dt.date(2026, 11, 27), (2026, 3)),
        (dt.date(2026, 4, 1), (2026, 1)),
        (dt.date(2026, 3, 31), (2025, 4)),
    ],
)
def test_the_previous_quarter_crosses_the_new_year(day: dt.date, previous: tuple[int, int]) -> None:
    assert previous_quarter(day) == previous


def test_quarter_bounds_are_half_open() -> None:
    assert quarter_bounds(2026, 4) == (dt.date(2026, 10, 1), dt.date(2027, 1, 1))
    assert quarter_bounds(2027, 1) == (dt.date(2027, 1, 1), dt.date(2027, 4, 1))
    assert quarter_of(dt.date(2026, 12, 31)) == (2026, 4)


def test_the_quarterly_list_names_every_disclosure_in_order() -> None:
    posting = quarterly_list(
        2026,
        4,
        [(1, "Kế hoạch", dt.date(2026, 10, 5)), (7, "Danh sách hộ nghèo", dt.date(2026, 11, 2))],
    )
    assert posting.title == "Danh mục thông tin đã công khai quý 4/2026"
    assert posting.decided_on == dt.date(2026, 10, 1)
    assert posting.body.index("Kế hoạch") < posting.body.index("Danh sách hộ nghèo")


DECISION = {
    "title": "Quỹ khuyến học",
    "residential_group": None,
    "form": "meeting",
    "households_total": 200,
    "households_for": 150,
    "households_against": 30,
    "passed": True,
    "recognition": "refused",
    "refusal_reason": "Biên bản thiếu chữ ký",
    "topic": 3,
    "decided_on": "2026-11-20",
    "recognised_on": "2026-11-26",
}


def test_a_refused_decision_is_published_with_its_reason() -> None:
    posting = decision_result(DECISION)
    assert posting.category == 14  # topic 3 is not about funds
    assert "không được công nhận" in posting.body and "thiếu chữ ký" in posting.body
    assert "toàn phường" in posting.body and posting.decided_on == dt.date(2026, 11, 26)
    assert decision_result({**DECISION, "topic": 2}).category == 5


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "complaint", "public_interest": True},
        {"kind": "feedback", "public_interest": False},
    ],
)
def test_only_public_feedback_answers_are_posted(data: dict[str, object]) -> None:
    assert public_answer(data) is None
