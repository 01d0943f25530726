"""Consultation rules (CON-MIN20): at least 20 calendar days from opening, the end rolled past
weekends and Tết; comments only while open; a close that answers what residents said."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_publicity.domain.consultation import (
    Consultation,
    ConsultationRefused,
    ResponseItem,
    add_comment,
    close,
    open_consultation,
    result_posting,
)
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table

pytestmark = pytest.mark.unit

VN = dt.timezone(dt.timedelta(hours=7))
RULES = RuleBook(load_rule_table(), WorkingCalendar())
NOW_LATE = dt.datetime(2027, 2, 1, 8, 0, tzinfo=VN)  # a comment while open
ITEM = ResponseItem("Mở rộng vỉa hè đường Lê Lợi", "Phù hợp quy hoạch, kinh phí đã bố trí")


def opened(at: dt.datetime) -> Consultation:
    return open_consultation(
        consultation_id="c-1",
        ward="ben-thanh",
        title="Dự thảo quy ước tổ dân phố 5",
        draft="Điều 1. …",
        now=at,
        rules=RULES,
    )


def commented(consultation: Consultation, at: dt.datetime, n: int = 1) -> Consultation:
    for i in range(n):
        consultation, _ = add_comment(
            consultation, comment_id=f"k-{i}", text="Ý kiến", display_name=None, now=at
        )
    return consultation


def test_the_rule_counts_calendar_days() -> None:
    row = RULES.rule("CON-MIN20", dt.date(2027, 1, 20))
    assert (row.amount, row.unit) == (20, "calendar_days")


def test_an_end_on_a_working_day_stays_put() -> None:
    # Friday 27 Nov 2026 + 20 days = Thursday 17 Dec 2026, a working day.
    consultation = opened(dt.datetime(2026, 11, 27, 9, 0, tzinfo=VN))
    assert consultation.minimum_end.due == dt.date(2026, 12, 17)


def test_an_end_on_a_sunday_rolls_to_monday() -> None:
    # Monday 30 Nov 2026 + 20 days = Sunday 20 Dec 2026 → Monday 21 Dec 2026.
    consultation = opened(dt.datetime(2026, 11, 30, 10, 0, tzinfo=VN))
    end = consultation.minimum_end
    assert (end.rule, end.due) == ("CON-MIN20", dt.date(2026, 12, 21))
    assert end.due_at == dt.datetime(2026, 12, 21, 23, 59, 59, 999999, tzinfo=VN)


def test_an_end_inside_tet_rolls_past_the_holiday_and_the_weekend() -> None:
    # Wednesday 20 Jan 2027 + 20 calendar days (the opening day not counted) = Tuesday 9 Feb
    # 2027, inside Tết (weekdays off 4, 5, 8, 9, 10 Feb; 6–7 Feb a weekend): the next working
    # day is Thursday 11 Feb 2027.
    consultation = opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN))
    end = consultation.minimum_end
    assert end.due == dt.date(2027, 2, 11)
    assert end.table_version and "CON-MIN20" in end.explanation_en
    assert "Tết" in end.explanation  # CAL-WHY: the explanation names the holiday


def test_the_opening_instant_counts_in_vietnam_time() -> None:
    # 19:00 UTC on 19 Jan is 02:00 on 20 Jan in Ho Chi Minh City: same end as above.
    consultation = opened(dt.datetime(2027, 1, 19, 19, 0, tzinfo=dt.UTC))
    assert consultation.minimum_end.due == dt.date(2027, 2, 11)


@pytest.mark.parametrize(
    "at",
    [
        dt.datetime(2027, 2, 10, 9, 0, tzinfo=VN),  # the day before the end
        dt.datetime(2027, 2, 11, 23, 59, tzinfo=VN),  # the last evening of the period
    ],
)
def test_closing_before_the_end_is_refused_with_con_min20(at: dt.datetime) -> None:
    consultation = commented(opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN)), at)
    with pytest.raises(ConsultationRefused) as refused:
        close(consultation, accepted=(ITEM,), rejected=(), now=at)
    assert refused.value.rule == "CON-MIN20" and not refused.value.conflict
    assert "11/02/2027" in refused.value.detail_vi


def test_closing_after_the_end_is_accepted() -> None:
    consultation = commented(opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN)), NOW_LATE, 2)
    later = dt.datetime(2027, 2, 12, 0, 0, tzinfo=VN)
    rejected = ResponseItem("Cấm xe máy", "Trái quy định của thành phố")
    closed = close(consultation, accepted=(ITEM,), rejected=(rejected,), now=later)
    assert closed.status == "closed" and closed.closed_at == later
    assert closed.version == consultation.version + 1
    assert (closed.accepted, closed.rejected) == ((ITEM,), (rejected,))
    assert closed.comments_received == 2


def test_a_closed_consultation_refuses_comments_and_a_second_close() -> None:
    closed = close(
        opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN)),
        accepted=(),
        rejected=(),
        now=dt.datetime(2027, 3, 1, 9, 0, tzinfo=VN),
    )
    with pytest.raises(ConsultationRefused) as refused:
        add_comment(closed, comment_id="k", text="Muộn", display_name=None, now=closed.opened_at)
    assert refused.value.conflict
    with pytest.raises(ConsultationRefused) as again:
        close(closed, accepted=(), rejected=(), now=dt.datetime(2027, 3, 2, tzinfo=VN))
    assert again.value.conflict


def test_comments_are_still_taken_after_the_minimum_end() -> None:
    consultation = opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN))
    later = dt.datetime(2027, 2, 20, 9, 0, tzinfo=VN)
    after, comment = add_comment(
        consultation, comment_id="k", text="  Đồng ý  ", display_name=None, now=later
    )
    assert after.comments_received == 1 and after.version == consultation.version
    assert (comment.text, comment.display_name, comment.received_at) == ("Đồng ý", None, later)


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_a_comment_needs_text_of_bounded_length(text: str) -> None:
    consultation = opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN))
    with pytest.raises(ConsultationRefused):
        add_comment(consultation, comment_id="k", text=text, display_name=None, now=NOW_LATE)


def test_each_answered_point_needs_a_point_and_a_reason() -> None:
    consultation = commented(opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN)), NOW_LATE)
    with pytest.raises(ConsultationRefused) as refused:
        close(
            consultation,
            accepted=(ITEM,),
            rejected=(ResponseItem("Cấm xe máy", "  "),),
            now=dt.datetime(2027, 3, 1, tzinfo=VN),
        )
    assert refused.value.rule == "CON-MIN20"


def test_comments_received_must_be_answered() -> None:
    consultation = commented(opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN)), NOW_LATE, 3)
    with pytest.raises(ConsultationRefused) as refused:
        close(consultation, accepted=(), rejected=(), now=dt.datetime(2027, 3, 1, tzinfo=VN))
    assert refused.value.rule == "CON-MIN20" and "3" in refused.value.detail_en


def test_a_consultation_nobody_commented_on_closes_empty_and_says_so() -> None:
    closed = close(
        opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN)),
        accepted=(),
        rejected=(),
        now=dt.datetime(2027, 3, 1, 9, 0, tzinfo=VN),
    )
    title, body = result_posting(closed)
    assert title.endswith("Dự thảo quy ước tổ dân phố 5")
    assert "Không nhận được ý kiến nào" in body and "20/01/2027 – 01/03/2027" in body


def test_the_result_posting_lists_each_point_with_its_reason() -> None:
    consultation = commented(opened(dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN)), NOW_LATE, 2)
    rejected = ResponseItem("Cấm xe máy", "Trái quy định của thành phố")
    closed = close(
        consultation, accepted=(ITEM,), rejected=(rejected,), now=dt.datetime(2027, 3, 1, tzinfo=VN)
    )
    _, body = result_posting(closed)
    assert "Số ý kiến nhận được: 2." in body
    for item in (ITEM, rejected):
        assert item.point in body and f"Lý do: {item.reason}" in body
    assert body.index("tiếp thu:") < body.index(ITEM.point) < body.index("không tiếp thu:")
