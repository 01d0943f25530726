"""Each detection rule over event fixtures. Every fixture is first checked against the
committed contract in contracts/, so a rule is tested on what producers really publish."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from qcdc_oversight.domain.detection import Fact, merge, observe
from qcdc_oversight.testing import RULES
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fact(name: str) -> Fact:
    raw = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    envelope = validate_envelope(raw)  # the fixture is what the contract allows
    return Fact(envelope.id, envelope.type, envelope.time, envelope.data)


def seen(name: str) -> set[tuple[str, str, str, bool]]:
    return {(o.rule, o.subject_kind, o.subject_id, o.met) for o in observe(fact(name), RULES)}


def test_every_fixture_matches_its_contract() -> None:
    names = sorted(p.stem for p in FIXTURES.glob("*.json"))
    assert len(names) >= 15
    for name in names:
        fact(name)


def test_pub_due_a_posting_published_after_its_due_day() -> None:
    assert ("PUB-DUE", "posting", "post-2", False) in seen("posting_published_late")
    assert ("PUB-DUE", "posting", "post-1", True) in seen("posting_published_on_time")


def test_the_quarterly_list_is_judged_by_pub_qtr_never_by_pub_due() -> None:
    # Posted the first working day of the next quarter: on time by its own rule, and PUB-DUE
    # (5 working days from the quarter's first day) is never applied to it.
    assert seen("quarterly_list_published_on_time") == {("PUB-QTR.due", "posting", "post-q4", True)}
    assert seen("quarterly_list_published_late") == {("PUB-QTR.due", "posting", "post-q4", False)}


def test_pub_min30_a_posting_withdrawn_early_and_one_that_ran_its_period() -> None:
    withdrawn = observe(fact("posting_withdrawn_after_3_days"), RULES)
    early = [o for o in withdrawn if o.rule == "PUB-MIN30"]
    assert [(o.subject_id, o.met) for o in early] == [("post-1", False)]
    assert early[0].occurred_at.isoformat().startswith("2026-11-06")
    assert ("PUB-MIN30", "posting", "post-3", True) in seen("posting_expired")
    assert not [
        o for o in observe(fact("posting_published_on_time"), RULES) if o.rule == "PUB-MIN30"
    ]


def test_pub_loud_group_heads_sent_in_time_late_or_never() -> None:
    assert ("PUB-LOUD.group-heads", "posting", "post-g1", True) in seen(
        "posting_sent_to_group_heads_at_publication"
    )
    late = [
        o
        for o in observe(fact("posting_sent_to_group_heads_late"), RULES)
        if o.rule == "PUB-LOUD.group-heads"
    ]
    assert [(o.subject_id, o.met) for o in late] == [("post-g2", False)]
    assert late[0].occurred_at.isoformat().startswith("2026-11-09")  # when it was sent
    never = [
        o
        for o in observe(fact("posting_never_sent_to_group_heads"), RULES)
        if o.rule == "PUB-LOUD.group-heads"
    ]
    assert [(o.subject_id, o.met) for o in never] == [("post-g3", False)]
    assert never[0].occurred_at.isoformat().startswith("2026-11-06")  # the period's end
    # A posting outside PUB-LOUD, or an event from before the sending was recorded: nothing.
    assert not [
        o
        for name in ("posting_published_on_time", "posting_expired")
        for o in observe(fact(name), RULES)
        if o.rule == "PUB-LOUD.group-heads"
    ]


def test_petition_clocks_met_missed_and_overdue() -> None:
    assert seen("petition_accepted_on_time") == {("CMP-ACCEPT", "petition", "pet-1", True)}
    assert ("CMP-RESOLVE", "petition", "pet-1", False) in seen("petition_overdue")
    assert ("CMP-RESOLVE", "petition", "pet-1", False) in seen("petition_closed_late")


def test_an_answer_carries_its_clocks_and_a_missed_one_is_seen() -> None:
    assert seen("petition_answered_late") == {
        ("CMP-ACCEPT", "petition", "pet-2", True),
        ("CMP-RESOLVE", "petition", "pet-2", False),
    }


def test_rec_week_schedule_posted_too_late() -> None:
    assert seen("reception_scheduled_late") == {("REC-WEEK.schedule", "reception", "rec-1", False)}


def test_task_overdue_and_completed_on_time() -> None:
    assert seen("task_overdue") == {("OVS-DETECT.task", "task", "task-1", False)}
    assert seen("task_completed_on_time") == {("OVS-DETECT.task", "task", "task-2", True)}


def test_dec_pass_recounts_over_all_households() -> None:
    # 60 yes of 100 households is under 2/3, whatever the producer said.
    assert seen("decision_closed_passed_under_threshold") == {
        ("DEC-PASS.money", "decision", "dec-1", False)
    }
    assert seen("decision_closed_correctly") == {("DEC-PASS.money", "decision", "dec-2", True)}


def test_dec_form_online_only_for_topic_6() -> None:
    assert seen("decision_opened_online_for_a_convention") == {
        ("DEC-FORM", "decision", "dec-3", False)
    }


def test_ovs_answer_overdue_and_answered_in_time() -> None:
    assert seen("recommendation_overdue") == {("OVS-ANSWER", "recommendation", "rcm-1", False)}
    assert seen("recommendation_answered_on_time") == {
        ("OVS-ANSWER", "recommendation", "rcm-2", True)
    }


def test_an_event_no_rule_reads_proves_nothing() -> None:
    base = fact("task_overdue")
    assert observe(Fact(base.id, "vn.qcdc.plans.group.registered.v1", base.time, {}), RULES) == []


@pytest.mark.parametrize(
    ("before", "now", "standing"),
    [(None, True, True), (None, False, False), (True, False, False), (False, True, False)],
)
def test_a_broken_obligation_stays_broken_in_any_order(
    before: bool | None, now: bool, standing: bool
) -> None:
    assert merge(before, now) is standing


def test_an_online_vote_before_dec_form_is_in_force_breaks_it() -> None:
    base = fact("decision_opened_online_for_a_convention")
    first_day = RULES.table.rows("DEC-FORM")[0].effective_from
    early = {
        **base.data,
        "topic": 6,
        "vote_at": f"{first_day - dt.timedelta(days=1)}T19:00:00+07:00",
    }
    found = observe(Fact(base.id, base.type, base.time, early), RULES)
    assert [(o.rule, o.met) for o in found] == [("DEC-FORM", False)]
