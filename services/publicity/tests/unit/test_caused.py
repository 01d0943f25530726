"""What caused postings say: quarters for PUB-QTR, decision results (DEC-RECORD), answers
(FB-FWD)."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_publicity.domain.categories import Category
from qcdc_publicity.domain.caused import (
    decision_result,
    previous_quarter,
    public_answer,
    quarter_bounds,
    quarter_of,
    quarterly_list,
)
from qcdc_publicity.domain.posting import Posting, Source, draft_posting, publish
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table

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
    assert posting.decided_on == dt.date(2026, 12, 31)  # PUB-QTR.due counts from the close
    assert posting.body.index("Kế hoạch") < posting.body.index("Danh sách hộ nghèo")


RULES = RuleBook(load_rule_table(), WorkingCalendar())
VN = dt.timezone(dt.timedelta(hours=7))


def posted_list(year: int, quarter: int, at: dt.datetime) -> Posting:
    """The quarterly list as the sweeper publishes it at ``at``."""
    caused = quarterly_list(year, quarter, [(1, "Kế hoạch", dt.date(year, 3 * quarter, 2))])
    draft = draft_posting(
        posting_id="q",
        ward="ben-thanh",
        category=caused.category,
        title=caused.title,
        body=caused.body,
        decided_on=caused.decided_on,
        channels=("notice_board",),
        now=at,
        rules=RULES,
        source=Source("quarterly_list", f"{year}-Q{quarter}"),
    )
    return publish(draft, published_at=at, now=at, rules=RULES)


@pytest.mark.parametrize(
    "at",
    [
        dt.datetime(2027, 1, 1, 0, 0, 1, tzinfo=VN),  # the first second of the next quarter
        dt.datetime(2027, 1, 4, 9, 0, tzinfo=VN),  # the first working day (1 Jan is a holiday)
        dt.datetime(2027, 1, 7, 23, 59, tzinfo=VN),  # the last minute of its 5 working days
    ],
)
def test_the_quarterly_list_is_due_by_pub_qtr_from_the_quarters_end_never_by_pub_due(
    at: dt.datetime,
) -> None:
    posting = posted_list(2026, 4, at)
    rules = [d.rule for d in posting.deadlines]
    assert rules[0] == "PUB-QTR.due" and "PUB-DUE" not in rules
    due = posting.deadlines[0]
    # 31 Dec not counted; 1 Jan (New Year) and the weekend skipped: 4, 5, 6, 7 Jan … 8 Jan.
    assert due.due == dt.date(2027, 1, 8)
    assert posting.violations == ()


def test_a_quarterly_list_posted_after_its_five_working_days_is_late_under_pub_qtr() -> None:
    late = posted_list(2026, 4, dt.datetime(2027, 1, 11, 9, 0, tzinfo=VN))
    assert late.violations == ("PUB-QTR",)


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
    posting = decision_result(DECISION, RULES)
    assert posting.category == Category.OTHER  # topic 3 is not about residents' money
    assert "không được công nhận" in posting.body and "thiếu chữ ký" in posting.body
    assert "toàn phường" in posting.body and posting.decided_on == dt.date(2026, 11, 26)
    assert decision_result({**DECISION, "topic": 2}, RULES).category == Category.CONTRIBUTIONS


def test_which_topics_are_about_money_is_read_from_dec_pass_money() -> None:
    money = RULES.rule("DEC-PASS.money", dt.date(2026, 11, 20))
    rows = tuple(
        row.model_copy(update={"applies_to": (*money.applies_to, 3)})
        if row.id == "DEC-PASS.money"
        else row
        for row in RULES.table.rules
    )
    wider = RuleBook(RULES.table.model_copy(update={"rules": rows}), RULES.calendar)
    assert decision_result(DECISION, wider).category == Category.CONTRIBUTIONS
    for topic in money.applies_to:
        assert (
            decision_result({**DECISION, "topic": topic}, RULES).category == Category.CONTRIBUTIONS
        )


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "complaint", "public_interest": True},
        {"kind": "feedback", "public_interest": False},
    ],
)
def test_only_public_feedback_answers_are_posted(data: dict[str, object]) -> None:
    assert public_answer(data) is None


def test_an_answer_given_early_in_the_morning_is_posted_under_its_local_day() -> None:
    # 06:30 on 5 January in Hồ Chí Minh City is still 4 January in UTC.
    posting = public_answer(
        {
            "kind": "feedback",
            "public_interest": True,
            "public_title": "Đèn đường",
            "public_answer": "Đã sửa.",
            "answered_at": "2027-01-04T23:30:00+00:00",
        }
    )
    assert posting is not None and posting.decided_on == dt.date(2027, 1, 5)
