"""Online reception sessions (REC-WEEK.online, Law 136/2025 Art. 1(1), new Art. 3a of the
Citizen Reception Law): refused before the row takes effect, carried in the session, and not
one of the chair's periodic days, because REC-WEEK's row counts sessions at the reception
location (its ``session_forms``), which is data, not code."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_petitions.adapters.bus import reception_held, reception_scheduled
from qcdc_petitions.builders import RULES, at
from qcdc_petitions.domain.reception import (
    Reception,
    ReceptionRefused,
    missing_sessions,
    record_held,
    schedule,
)
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table

pytestmark = pytest.mark.unit

D = dt.date


def session(session_on: dt.date, form: str = "in_person", rules: RuleBook = RULES) -> Reception:
    return schedule(
        reception_id=f"r-{session_on}-{form}",
        ward="ben-thanh",
        host="chair",
        session_on=session_on,
        posted_on=session_on - dt.timedelta(days=14),
        now=at(session_on - dt.timedelta(days=1)),
        rules=rules,
        form=form,  # type: ignore[arg-type]
    )


def december_gaps(sessions: list[Reception]) -> list[str]:
    gaps = missing_sessions(
        sessions, start=D(2026, 12, 1), end=D(2026, 12, 31), today=D(2027, 1, 5), rules=RULES
    )
    return [f"{g.rule} {g.period} {g.counted}/{g.required}" for g in gaps if g.host == "chair"]


def test_an_online_session_before_the_row_takes_effect_is_refused_citing_it() -> None:
    first = RULES.table.rows("REC-WEEK.online")[0].effective_from
    with pytest.raises(ReceptionRefused) as refused:
        session(first - dt.timedelta(days=1), "online")
    assert refused.value.rule == "REC-WEEK.online"
    assert first.isoformat() in refused.value.detail_en
    assert f"{first:%d/%m/%Y}" in refused.value.detail_vi
    assert session(first, "online").form == "online"
    # In person needs no row: the same day before, a session in person is scheduled.
    assert session(first - dt.timedelta(days=1)).form == "in_person"


def test_a_december_2026_schedule_with_two_days_in_person_is_complete() -> None:
    row = RULES.rule("REC-WEEK", D(2026, 12, 1))
    assert (row.period, row.session_forms) == ("month", ("in_person",))
    assert december_gaps([session(D(2026, 12, 3)), session(D(2026, 12, 17))]) == []


def test_one_day_in_person_and_one_online_is_reported_missing_citing_the_row() -> None:
    row = RULES.rule("REC-WEEK", D(2026, 12, 1))
    gaps = december_gaps([session(D(2026, 12, 3)), session(D(2026, 12, 17), "online")])
    assert gaps == [f"REC-WEEK 2026-12 1/{row.amount}"]


def test_whether_online_counts_is_the_rows_data() -> None:
    """The same schedule is complete under a row that counts every form: nothing in the code
    decides that an online session is not one of the chair's days."""
    row = RULES.rule("REC-WEEK", D(2026, 12, 1))
    table = load_rule_table()
    loose = table.model_copy(
        update={
            "rules": tuple(
                r.model_copy(update={"session_forms": ()}) if r == row else r for r in table.rules
            )
        }
    )
    rules = RuleBook(loose, RULES.calendar)
    sessions = [session(D(2026, 12, 3)), session(D(2026, 12, 17), "online")]
    gaps = missing_sessions(
        sessions, start=D(2026, 12, 1), end=D(2026, 12, 31), today=D(2027, 1, 5), rules=rules
    )
    assert [g for g in gaps if g.host == "chair"] == []


def test_the_form_rides_in_the_reception_events() -> None:
    online = session(D(2026, 12, 17), "online")
    assert reception_scheduled(online).form == "online"
    held = record_held(online, held=True, entries=0, now=at(D(2026, 12, 17), 17))
    assert reception_held(held, entries=0).form == "online"
    assert reception_scheduled(session(D(2026, 12, 3))).form == "in_person"
