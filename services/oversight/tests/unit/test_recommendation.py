"""Recommendations against the real rule table: OVS-ANSWER counted from the issue until a
receipt is recorded, then from the receipt; an answer
on the due day is on time, a late one is taken but late, escalation happens once."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_oversight.domain.recommendation import (
    Recommendation,
    answer,
    confirm,
    escalate,
    needs_escalation,
    propose,
    receive,
)
from qcdc_oversight.testing import RULES
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.refusals import Refused

pytestmark = pytest.mark.unit

ISSUED_AT = dt.datetime(2026, 11, 2, 10, 0, tzinfo=VN_TZ)  # a Monday morning


def issued() -> Recommendation:
    proposed = propose(
        recommendation_id="r-1",
        title="Công khai chứng từ quỹ khuyến học",
        body="Đề nghị UBND phường niêm yết các khoản chi",
        addressed_to="UBND phường",
        proposed_by="ban-ttnd-1",
    )
    assert proposed.status == "proposed" and proposed.due_at is None
    return confirm(proposed, by="mttq-1", now=ISSUED_AT, rules=RULES)


def test_confirming_issues_it_with_the_ovs_answer_deadline() -> None:
    recommendation = issued()
    deadline = recommendation.answer_deadline
    assert deadline is not None and deadline == RULES.deadline("OVS-ANSWER", ISSUED_AT)
    assert recommendation.status == "issued" and recommendation.version == 2
    assert recommendation.due_at == deadline.due_at
    with pytest.raises(Refused) as twice:
        confirm(recommendation, by="mttq-1", now=ISSUED_AT, rules=RULES)
    assert twice.value.conflict


def test_an_answer_before_the_end_of_the_due_day_is_on_time() -> None:
    recommendation = issued()
    assert recommendation.due_at is not None
    last_minute = recommendation.due_at - dt.timedelta(minutes=1)
    answered = answer(
        recommendation, text="Đã niêm yết", accepted="accepted", by="c", now=last_minute
    )
    assert answered.on_time is True and not answered.overdue(last_minute)
    assert answered.status == "answered" and answered.version == 3
    with pytest.raises(Refused):
        answer(answered, text="again", accepted="rejected", by="c", now=last_minute)


def test_unanswered_past_the_due_day_is_escalated_once_and_a_late_answer_is_still_taken() -> None:
    recommendation = issued()
    assert recommendation.due_at is not None
    due_day_end = recommendation.due_at
    assert not needs_escalation(recommendation, due_day_end)
    after = due_day_end + dt.timedelta(seconds=1)
    assert needs_escalation(recommendation, after)

    escalated = escalate(recommendation, now=after)
    assert escalated.overdue_at == after and escalated.version == 3
    assert not needs_escalation(escalated, after)
    with pytest.raises(Refused) as twice:
        escalate(escalated, now=after)
    assert twice.value.rule == "OVS-ANSWER"

    late = answer(escalated, text="Trả lời muộn", accepted="partly", by="c", now=after)
    assert late.on_time is False and late.overdue(after) and late.version == 4


def test_the_answer_counts_from_the_recorded_receipt() -> None:
    recommendation = issued()
    received_at = dt.datetime(2026, 11, 9, 15, tzinfo=VN_TZ)  # a week after the issue
    received = receive(recommendation, received_at=received_at, now=received_at, rules=RULES)
    deadline = received.answer_deadline
    assert deadline == RULES.deadline("OVS-ANSWER", received_at)
    assert received.received_at == received_at and received.version == 3
    assert received.due_at is not None and recommendation.due_at is not None
    # From the issue: Tue 17 Nov. From the receipt on Mon 9 Nov: Tue 24 Nov, Cultural Day
    # (a day off), so Wed 25 Nov.
    assert recommendation.due_at.date() == dt.date(2026, 11, 17)
    assert received.due_at.date() == dt.date(2026, 11, 25)
    assert "recommendation_received" in deadline.explanation_en  # type: ignore[union-attr]
    with pytest.raises(Refused) as twice:
        receive(received, received_at=received_at, now=received_at, rules=RULES)
    assert twice.value.conflict and twice.value.rule == "OVS-ANSWER"


def test_a_receipt_lies_between_the_issue_and_now_and_not_after_escalation() -> None:
    recommendation = issued()
    for wrong in (ISSUED_AT - dt.timedelta(hours=1), ISSUED_AT + dt.timedelta(days=2)):
        with pytest.raises(Refused) as refused:
            receive(
                recommendation,
                received_at=wrong,
                now=ISSUED_AT + dt.timedelta(days=1),
                rules=RULES,
            )
        assert refused.value.rule == "OVS-ANSWER"
    assert recommendation.due_at is not None
    after = recommendation.due_at + dt.timedelta(seconds=1)
    escalated = escalate(recommendation, now=after)
    with pytest.raises(Refused):
        receive(escalated, received_at=ISSUED_AT, now=after, rules=RULES)


def test_a_proposal_is_never_answered_nor_escalated() -> None:
    proposed = propose(
        recommendation_id="r-2", title="t", body="b", addressed_to="UBND phường", proposed_by="a"
    )
    far = ISSUED_AT + dt.timedelta(days=365)
    assert not needs_escalation(proposed, far) and not proposed.overdue(far)
    with pytest.raises(Refused):
        answer(proposed, text="x", accepted="accepted", by="c", now=far)
