"""Indicators over hand-made facts: periods on business dates, open and overdue judged at the
time asked, rates with their samples, rankings that refuse small samples."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_gateway.domain.facts import Fact
from qcdc_gateway.domain.indicators import (
    DEFINITIONS,
    MINIMUM_SAMPLE,
    NAMES,
    Period,
    indicators,
    rank,
)
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

CALENDAR = WorkingCalendar.from_settings(Settings())
NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)


def fact(kind: str, subject: str, **fields: Any) -> Fact:
    return Fact("ben-thanh", kind, subject, dict(fields))


def test_every_definition_is_computed_and_documented() -> None:
    values = indicators([], now=NOW, period=Period(), calendar=CALENDAR)
    assert list(values) == list(NAMES)
    assert all(d.vi and d.en for d in DEFINITIONS)


def test_petitions_open_overdue_answered_and_the_median_in_working_days() -> None:
    past_due = {"rule": "CMP-RESOLVE", "due_at": "2026-11-20T23:59:59+07:00", "met": None}
    facts = [
        fact(
            "petition",
            "a",
            status="accepted",
            petition_kind="complaint",
            received_on="2026-11-02",
            deadlines=[past_due],
        ),
        fact(
            "petition",
            "b",
            status="closed",
            petition_kind="feedback",
            received_on="2026-11-02",
            answered_at="2026-11-06T10:00:00+07:00",
            answered_on_time=True,
            deadlines=[],
        ),
        fact(
            "petition",
            "c",
            status="answered",
            petition_kind="feedback",
            received_on="2026-10-30",
            answered_at="2026-11-13T10:00:00+07:00",
            answered_on_time=False,
            deadlines=[],
        ),
    ]
    november = indicators(facts, now=NOW, period=Period(2026, 11), calendar=CALENDAR)
    assert november["petitions_received"] == 2  # c was received in October
    assert november["petitions_received_by_kind"] == {"complaint": 1, "feedback": 1}
    assert (november["petitions_open"], november["petitions_overdue"]) == (1, 1)
    assert (november["petitions_answered"], november["petitions_answered_on_time"]) == (2, 1)
    assert november["petitions_answered_on_time_pct"] == 50.0
    # 02/11 (Mon) to 06/11 (Fri): 4 working days; 30/10 (Fri) to 13/11 (Fri): 10.
    assert november["petitions_answer_working_days_median"] == 7
    before_due = indicators(
        facts, now=dt.datetime(2026, 11, 15, tzinfo=dt.UTC), period=Period(), calendar=CALENDAR
    )
    assert before_due["petitions_overdue"] == 0


def test_postings_tasks_decisions_and_violations() -> None:
    facts = [
        fact(
            "posting",
            "p1",
            status="published",
            published_at="2026-11-03T09:00:00+07:00",
            pub_due_met=True,
        ),
        fact(
            "posting",
            "p2",
            status="withdrawn",
            published_at="2026-11-03T09:00:00+07:00",
            pub_due_met=False,
            withdrawn_at="2026-11-06T09:00:00+07:00",
            withdrawn_early=True,
        ),
        fact(
            "task", "t1", due_on="2026-11-10", percent=100, completed_at="2026-11-09T09:00:00+07:00"
        ),
        fact("task", "t2", due_on="2026-11-10", percent=40, overdue_at="2026-11-10T23:59:59+07:00"),
        fact("decision", "d1", decided_on="2026-11-16", passed=True, recognition="recognised"),
        fact(
            "violation",
            "v1",
            rule="PUB-MIN30",
            status="open",
            detected_at="2026-11-06T09:00:00+07:00",
        ),
        fact(
            "violation",
            "v2",
            rule="CMP-RESOLVE",
            status="resolved",
            detected_at="2026-11-07T09:00:00+07:00",
        ),
    ]
    values = indicators(facts, now=NOW, period=Period(2026), calendar=CALENDAR)
    assert (values["postings_published"], values["postings_on_time_pct"]) == (2, 50.0)
    assert (values["postings_withdrawn_early"], values["postings_current"]) == (1, 1)
    assert (values["tasks_total"], values["tasks_completed"], values["tasks_overdue"]) == (2, 1, 1)
    assert (values["tasks_completed_pct"], values["tasks_progress_pct"]) == (50.0, 70.0)
    assert (
        values["decisions_held"],
        values["decisions_passed"],
        values["decisions_recognised"],
    ) == (1, 1, 1)
    assert values["violations_open_by_rule"] == {"PUB-MIN30": 1}
    assert values["violations_detected"] == 2
    assert (
        indicators(facts, now=NOW, period=Period(2025), calendar=CALENDAR)["postings_published"]
        == 0
    )


def test_a_ward_under_the_minimum_sample_is_listed_but_not_ranked() -> None:
    definition = next(d for d in DEFINITIONS if d.name == "petitions_answered_on_time_pct")
    by_ward = {
        "a": {"petitions_answered_on_time_pct": 100.0, "petitions_answered": 3},
        "b": {"petitions_answered_on_time_pct": 80.0, "petitions_answered": MINIMUM_SAMPLE},
        "c": {"petitions_answered_on_time_pct": 90.0, "petitions_answered": 40},
    }
    ranked = rank(by_ward, definition)
    assert [(r.ward, r.rank) for r in ranked] == [("c", 1), ("b", 2), ("a", None)]
    assert ranked[2].note and str(MINIMUM_SAMPLE) in ranked[2].note


def test_docs_define_every_indicator() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[4] / "docs" / "indicators.md").read_text()
    assert all(f"`{name}`" in docs for name in NAMES)


def test_a_suspended_complaint_is_open_but_never_overdue() -> None:
    # CMP-RESOLVE.suspension: its clock stands still, whatever the due date it carried.
    past_due = {"rule": "CMP-RESOLVE", "due_at": "2026-11-20T23:59:59+07:00", "met": None}
    facts = [
        fact(
            "petition",
            subject,
            status=status,
            petition_kind="complaint",
            received_on="2026-11-02",
            deadlines=[past_due],
        )
        for subject, status in (("a", "suspended"), ("b", "accepted"))
    ]
    november = indicators(facts, now=NOW, period=Period(2026, 11), calendar=CALENDAR)
    assert (november["petitions_open"], november["petitions_overdue"]) == (2, 1)
