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
        decision, Tally(yes, present - yes, 0, present), votes_so_far=0, now=VOTE_AT, rules=RULES
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
        record_tally(decision, Tally(50, 10, 0, 55), votes_so_far=0, now=VOTE_AT, rules=RULES)
    with pytest.raises(Refused) as too_many:
        record_tally(decision, Tally(50, 10, 0, 101), votes_so_far=0, now=VOTE_AT, rules=RULES)
    assert too_many.value.rule == "DEC-PASS"
    with pytest.raises(Refused):  # not before the vote day
        record_tally(
            decision,
            Tally(1, 0, 0, 1),
            votes_so_far=0,
            now=VOTE_AT - dt.timedelta(days=1),
            rules=RULES,
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


def with_row(rule_id: str, **changes: Any) -> RuleBook:
    """The real rule book with one row changed: the table, not the code, decides."""
    rows = tuple(
        row.model_copy(update=changes) if row.id == rule_id else row for row in RULES.table.rules
    )
    return RuleBook(RULES.table.model_copy(update={"rules": rows}), RULES.calendar)


def test_a_meeting_below_its_quorum_is_refused_and_names_the_ballot() -> None:
    decision = opened(topic=3)  # a convention, 100 households: more than 1/2 means 51 present
    with pytest.raises(Refused) as refused:
        record_tally(decision, Tally(45, 5, 0, 50), votes_so_far=0, now=VOTE_AT, rules=RULES)
    assert refused.value.rule == "DEC-FORM.quorum" and not refused.value.conflict
    assert "phát phiếu" in refused.value.detail_vi and "51" in refused.value.detail_vi
    assert "/decisions/d-1/votes" in refused.value.detail_en
    counted = record_tally(decision, Tally(45, 5, 1, 51), votes_so_far=0, now=VOTE_AT, rules=RULES)
    assert counted.tally == Tally(45, 5, 1, 51)


def test_paper_ballots_have_no_quorum() -> None:
    ballot = opened(form="ballot", ballot_reason="Không đủ hộ dự họp")
    counted = record_tally(ballot, Tally(10, 0, 0, 10), votes_so_far=0, now=VOTE_AT, rules=RULES)
    assert counted.tally is not None and counted.tally.present == 10


def test_the_quorum_covers_the_topics_its_row_names() -> None:
    # Read for conventions only: a meeting on topic 1 has no quorum until the row names it.
    low = Tally(10, 0, 0, 10)
    assert record_tally(opened(), low, votes_so_far=0, now=VOTE_AT, rules=RULES).tally == low
    wider = with_row("DEC-FORM.quorum", applies_to=(1, 3))
    with pytest.raises(Refused) as refused:
        record_tally(opened(), low, votes_so_far=0, now=VOTE_AT, rules=wider)
    assert refused.value.rule == "DEC-FORM.quorum"


def test_no_quorum_binds_a_meeting_before_its_row_is_in_force() -> None:
    first_day = RULES.rule("DEC-FORM.quorum", dt.date(2026, 1, 1)).effective_from
    day_before = dt.datetime.combine(first_day - dt.timedelta(days=1), dt.time(19), VN_TZ)
    posted = first_day - dt.timedelta(days=40)  # the convention's draft, posted in time
    early = opened(
        topic=3,
        vote_at=day_before,
        notice_at=day_before - dt.timedelta(days=7),
        draft_posted_on=posted,
    )
    low = Tally(10, 0, 0, 10)
    assert record_tally(early, low, votes_so_far=0, now=day_before, rules=RULES).tally == low
    on_the_day = day_before + dt.timedelta(days=1)
    held = opened(
        topic=3,
        vote_at=on_the_day,
        notice_at=on_the_day - dt.timedelta(days=7),
        draft_posted_on=posted,
    )
    with pytest.raises(Refused):
        record_tally(held, low, votes_so_far=0, now=on_the_day, rules=RULES)


def test_the_convention_topic_is_read_from_dec_conv30() -> None:
    # Topic 6 needs no posted draft under the real table; it would if DEC-CONV30 named it.
    assert opened(topic=6, draft_posted_on=None).draft_posted_on is None
    wider = with_row("DEC-CONV30", applies_to=(3, 6))
    with pytest.raises(Refused) as refused:
        opened(topic=6, draft_posted_on=None, rules=wider)
    assert refused.value.rule == "DEC-CONV30"
    assert opened(topic=6, rules=wider).draft_posted_on == dt.date(2026, 10, 1)


def test_recognition_counts_from_the_records_receipt() -> None:
    tallied = record_tally(opened(), Tally(70, 10, 0, 80), votes_so_far=0, now=VOTE_AT, rules=RULES)
    received = dt.datetime(2026, 11, 19, 10, tzinfo=VN_TZ)  # Thursday, three days later
    now = dt.datetime(2026, 11, 20, 9, tzinfo=VN_TZ)
    result = close(tallied, votes=None, now=now, rules=RULES, record_received_at=received)
    assert result.result is not None and result.result.record_received_at == received
    due = result.result.recognition_due
    # Five working days from Thursday the 19th, Tuesday the 24th (Cultural Day) off.
    assert (due.rule, due.due) == ("DEC-RECORD.recognition", dt.date(2026, 11, 27))
    assert "record_received" in due.explanation_en
    assert result.result.record_due.due == dt.date(2026, 11, 30)  # DEC-RECORD: from the close
    for wrong in (now + dt.timedelta(hours=1), VOTE_AT - dt.timedelta(days=1)):
        with pytest.raises(Refused) as refused:
            close(tallied, votes=None, now=now, rules=RULES, record_received_at=wrong)
        assert refused.value.rule == "DEC-RECORD.recognition"


def test_without_a_recorded_receipt_the_close_is_the_receipt() -> None:
    result = closed(opened(), 70, 80).result
    assert result is not None and result.record_received_at == result.closed_at


def test_decree_based_rows_start_with_their_decrees() -> None:
    # Decree 59/2023 took effect 2023-08-15, Decree 61/2023 2023-08-16, not the Law's 07-01.
    starts = {
        rule_id: RULES.table.rows(rule_id)[0].effective_from
        for rule_id in (
            "DEC-FORM",
            "DEC-FORM.quorum",
            "DEC-RECORD",
            "DEC-NOTICE.year-end",
            "DEC-CONV30",
        )
    }
    assert starts == {
        "DEC-FORM": dt.date(2023, 8, 15),
        "DEC-FORM.quorum": dt.date(2023, 8, 16),
        "DEC-RECORD": dt.date(2023, 8, 15),
        "DEC-NOTICE.year-end": dt.date(2023, 8, 15),
        "DEC-CONV30": dt.date(2023, 8, 16),
    }
    # An online vote the day before Decree 59 is refused, naming the rule (never a 500).
    before = dt.datetime(2023, 8, 14, 19, tzinfo=VN_TZ)
    with pytest.raises(Refused) as refused:
        opened(
            Register("TDP-01", 100, 100),
            topic=6,
            form="online",
            vote_at=before,
            notice_at=before - dt.timedelta(days=7),
        )
    assert refused.value.rule == "DEC-FORM"
    # A convention voted before Decree 61 had no posting period to meet.
    early = opened(
        topic=3, vote_at=before, notice_at=before - dt.timedelta(days=7), draft_posted_on=None
    )
    assert "DEC-CONV30" not in early.rules_checked
