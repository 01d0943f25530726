"""The decision rules with the real rule table: DEC-PASS over all households at its exact
edges, DEC-FORM, DEC-NOTICE across a weekend, DEC-CONV30, DEC-RECORD."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_plans.domain.decision import (
    Decision,
    Tally,
    close,
    open_decision,
    recognise,
    record_tally,
)
from qcdc_plans.domain.groups import Register
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import Refused
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

RULES = RuleBook.from_settings(Settings())
VOTE_AT = dt.datetime(2026, 11, 16, 19, 30, tzinfo=VN_TZ)  # a Monday evening meeting
HUNDRED = Register("TDP-01", 100, 0)


def opened(register: Register = HUNDRED, **fields: Any) -> Decision:
    arguments: dict[str, Any] = {
        "decision_id": "d-1",
        "ward": "ben-thanh",
        "topic": 1,
        "title": "Làm đường hẻm",
        "register": register,
        "form": "meeting",
        "notice_at": VOTE_AT - dt.timedelta(days=7),
        "vote_at": VOTE_AT,
        "opened_by": "can-bo-1",
        "rules": RULES,
        "draft_posted_on": dt.date(2026, 10, 1),
    }
    return open_decision(**(arguments | fields))


def closed(decision: Decision, yes: int, present: int) -> Decision:
    counted = record_tally(
        decision, Tally(yes, present - yes, 0, present), votes_so_far=0, now=VOTE_AT
    )
    return close(counted, votes=None, now=VOTE_AT + dt.timedelta(hours=2), rules=RULES)


@pytest.mark.parametrize(
    ("topic", "households", "needed"),
    [(1, 100, 67), (2, 99, 66), (1, 3, 2), (3, 100, 51), (6, 101, 51), (4, 1, 1)],
)
def test_the_fewest_yes_votes_that_pass_are_exact(topic: int, households: int, needed: int) -> None:
    decision = opened(Register("TDP-01", households, 0), topic=topic)
    assert closed(decision, needed, needed).result.passed  # type: ignore[union-attr]
    if needed > 1:
        assert not closed(decision, needed - 1, households).result.passed  # type: ignore[union-attr]


def test_a_share_rule_gives_the_threshold_without_floats() -> None:
    money = RULES.rule("DEC-PASS.money", VOTE_AT.date())
    assert money.households_needed(300) == 200  # 2/3 x 300 is exactly 200: at least 200
    other = RULES.rule("DEC-PASS.other", VOTE_AT.date())
    assert other.households_needed(300) == 151  # more than 150


def test_a_typed_count_that_differs_from_the_register_is_refused() -> None:
    with pytest.raises(Refused) as refused:
        opened(households_total=80)
    assert refused.value.rule == "DEC-PASS"
    assert opened(households_total=100).households_total == 100


def test_online_votes_need_topic_6_and_more_than_half_opted_in() -> None:
    with pytest.raises(Refused) as wrong_topic:
        opened(Register("TDP-01", 100, 100), topic=3, form="online")
    assert wrong_topic.value.rule == "DEC-FORM"
    with pytest.raises(Refused):
        opened(Register("TDP-01", 100, 50), topic=6, form="online")
    assert opened(Register("TDP-01", 100, 51), topic=6, form="online").form == "online"


def test_notice_two_days_ahead_counts_back_from_the_vote_day() -> None:
    # Vote on Monday the 16th: notice by Saturday the 14th, rolled back to Friday the 13th.
    assert opened(notice_at=dt.datetime(2026, 11, 13, 8, tzinfo=VN_TZ)).id == "d-1"
    with pytest.raises(Refused) as refused:
        opened(notice_at=dt.datetime(2026, 11, 14, 8, tzinfo=VN_TZ))
    assert refused.value.rule == "DEC-NOTICE" and "13/11/2026" in refused.value.detail_vi


def test_a_convention_needs_its_draft_posted_thirty_days_before() -> None:
    assert opened(topic=3, draft_posted_on=dt.date(2026, 10, 16)).topic == 3
    with pytest.raises(Refused) as refused:
        opened(topic=3, draft_posted_on=dt.date(2026, 10, 18))
    assert refused.value.rule == "DEC-CONV30"


def test_a_tally_cannot_exceed_the_households_present_or_registered() -> None:
    decision = opened()
    with pytest.raises(Refused):
        record_tally(decision, Tally(50, 10, 0, 55), votes_so_far=0, now=VOTE_AT)
    with pytest.raises(Refused) as too_many:
        record_tally(decision, Tally(50, 10, 0, 101), votes_so_far=0, now=VOTE_AT)
    assert too_many.value.rule == "DEC-PASS"
    with pytest.raises(Refused):  # not before the vote day
        record_tally(
            decision, Tally(1, 0, 0, 1), votes_so_far=0, now=VOTE_AT - dt.timedelta(days=1)
        )


def test_recognition_is_on_time_within_five_working_days_and_refusal_needs_reasons() -> None:
    result = closed(opened(), 70, 80)
    due = result.result.recognition_due  # type: ignore[union-attr]
    assert due.rule == "DEC-RECORD.recognition" and due.due == dt.date(2026, 11, 23)
    late = recognise(
        result,
        outcome="recognised",
        reason=None,
        by="mttq-1",
        by_role="front",
        now=dt.datetime(2026, 11, 24, 9, tzinfo=VN_TZ),
    )
    assert late.status == "recognised" and late.recognition.on_time is False  # type: ignore[union-attr]
    with pytest.raises(Refused) as refused:
        recognise(result, outcome="refused", reason=None, by="x", by_role="officer", now=VOTE_AT)
    assert refused.value.rule == "DEC-RECORD"
    with pytest.raises(Refused):
        recognise(late, outcome="recognised", reason=None, by="x", by_role="officer", now=VOTE_AT)
