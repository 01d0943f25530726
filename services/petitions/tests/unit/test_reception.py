"""Citizen reception: the schedule posted ahead (REC-WEEK.schedule) across Tết 2027 and a
weekend, the reply clock (REC-REPLY) across Tết, and the weeks and months short of sessions
(REC-WEEK, REC-WEEK.party-secretary) with amounts from the rule table.

Tết 2027 in the holidays package: weekdays off Thu 4, Fri 5, Mon 8, Tue 9, Wed 10 February.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from qcdc_petitions.builders import RULES, at
from qcdc_petitions.domain.reception import (
    Entry,
    Gap,
    Reception,
    ReceptionRefused,
    add_entry,
    mark_overdue,
    missing_sessions,
    reception_window,
    record_held,
    reply,
    schedule,
)
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule, RuleTable, load_rule_table

pytestmark = pytest.mark.unit

D = dt.date


def session(
    session_on: dt.date,
    *,
    host: str = "chair",
    posted_on: dt.date | None = None,
    now: dt.datetime | None = None,
    same_day: tuple[Reception, ...] = (),
) -> Reception:
    return schedule(
        reception_id=f"r-{host}-{session_on}",
        ward="ben-thanh",
        host=host,  # type: ignore[arg-type]
        session_on=session_on,
        posted_on=posted_on or session_on - dt.timedelta(days=14),
        now=now or at(session_on - dt.timedelta(days=1)),
        rules=RULES,
        same_day=same_day,
    )


def visit(reception: Reception, received_at: dt.datetime, now: dt.datetime | None = None) -> Entry:
    return add_entry(
        reception,
        entry_id="e-1",
        subject="Hỏi về cấp giấy chứng nhận quyền sử dụng đất",
        received_at=received_at,
        now=now or received_at,
        rules=RULES,
    )[1]


# ---- REC-WEEK.schedule ---------------------------------------------------------------------


def test_schedule_deadline_counts_back_across_tet() -> None:
    # Fri 12 Feb 2027: Thu 11, Wed 3, Tue 2, Mon 1 Feb, Fri 29 Jan — Tết and weekends skipped.
    on_time = session(D(2027, 2, 12), posted_on=D(2027, 1, 29))
    assert on_time.schedule.rule == "REC-WEEK.schedule"
    assert on_time.schedule.due == D(2027, 1, 29)
    assert on_time.schedule.amount == RULES.rule("REC-WEEK.schedule", D(2027, 2, 12)).amount
    assert on_time.on_time
    assert "2027-02-05" in on_time.schedule.explanation_en  # Tết named among the days skipped


def test_a_late_schedule_is_accepted_and_flagged() -> None:
    # Posted Mon 1 Feb for Fri 12 Feb: only 4 working days ahead once Tết is left out.
    late = session(D(2027, 2, 12), posted_on=D(2027, 2, 1))
    assert late.status == "scheduled"
    assert not late.on_time
    assert late.schedule.due == D(2027, 1, 29)


def test_schedule_deadline_across_a_weekend() -> None:
    # Mon 18 Jan 2027: Fri 15, Thu 14, Wed 13, Tue 12, Mon 11 Jan.
    monday = session(D(2027, 1, 18), posted_on=D(2027, 1, 10))  # a Sunday, before the deadline
    assert monday.schedule.due == D(2027, 1, 11)
    assert monday.on_time
    assert not session(D(2027, 1, 18), posted_on=D(2027, 1, 12)).on_time
    # Wed 20 Jan 2027: the weekend of 16–17 Jan is not counted.
    assert session(D(2027, 1, 20), posted_on=D(2027, 1, 13)).on_time
    assert not session(D(2027, 1, 20), posted_on=D(2027, 1, 14)).on_time


def test_schedule_refuses_a_posting_in_the_future_or_after_the_session() -> None:
    with pytest.raises(ReceptionRefused):
        session(D(2027, 3, 1), posted_on=D(2027, 2, 20), now=at(D(2027, 2, 19)))
    with pytest.raises(ReceptionRefused) as refused:
        session(D(2027, 3, 1), posted_on=D(2027, 3, 2), now=at(D(2027, 3, 5)))
    assert refused.value.rule == "REC-WEEK.schedule"


def test_the_chair_receives_once_a_day_other_leaders_may_share_a_day() -> None:
    first = session(D(2027, 3, 3))
    with pytest.raises(ReceptionRefused) as refused:
        session(D(2027, 3, 3), same_day=(first,))
    assert refused.value.conflict
    vice = session(D(2027, 3, 3), host="other_leader")
    assert session(D(2027, 3, 3), host="other_leader", same_day=(vice,)).host == "other_leader"
    cancelled = replace(first, status="not_held")
    assert session(D(2027, 3, 3), same_day=(cancelled,)).status == "scheduled"


# ---- held or not ---------------------------------------------------------------------------


def test_held_is_recorded_once_and_not_before_the_day() -> None:
    planned = session(D(2027, 3, 3))
    with pytest.raises(ReceptionRefused):
        record_held(planned, held=True, entries=0, now=at(D(2027, 3, 2)))
    held = record_held(planned, held=True, entries=0, now=at(D(2027, 3, 3), 17))
    assert (held.status, held.version) == ("held", 2)
    with pytest.raises(ReceptionRefused) as again:
        record_held(held, held=False, entries=0, now=at(D(2027, 3, 3), 18))
    assert again.value.conflict


def test_a_session_with_visits_cannot_be_recorded_as_not_held() -> None:
    planned = session(D(2027, 3, 3))
    with pytest.raises(ReceptionRefused) as refused:
        record_held(planned, held=False, entries=2, now=at(D(2027, 3, 3), 17))
    assert refused.value.conflict
    cancelled = record_held(
        planned, held=False, entries=0, now=at(D(2027, 3, 3), 17), reason=" Đi công tác "
    )
    assert (cancelled.status, cancelled.not_held_reason) == ("not_held", "Đi công tác")
    assert not cancelled.counts


# ---- visits and REC-REPLY ------------------------------------------------------------------


def test_reply_clock_runs_ten_working_days_across_tet() -> None:
    # Visit Wed 3 Feb 2027: 11, 12, 15–19, 22, 23, 24 Feb — Tết (4–10 Feb) not counted.
    entry = visit(session(D(2027, 2, 3)), at(D(2027, 2, 3)))
    assert entry.reply_deadline.rule == "REC-REPLY"
    assert entry.reply_deadline.due == D(2027, 2, 24)
    assert entry.reply_deadline.due_at == dt.datetime(2027, 2, 24, 23, 59, 59, 999999, VN_TZ)
    assert RULES.calendar.working_days_between(D(2027, 2, 3), D(2027, 2, 24)) == (
        RULES.rule("REC-REPLY", D(2027, 2, 3)).amount
    )


def test_reply_clock_from_a_friday_skips_the_weekend() -> None:
    entry = visit(session(D(2027, 3, 5)), at(D(2027, 3, 5)))  # Fri 5 Mar 2027
    assert entry.reply_deadline.due == D(2027, 3, 19)


def test_a_visit_belongs_to_its_session_day_and_is_never_in_the_future() -> None:
    planned = session(D(2027, 3, 3))
    with pytest.raises(ReceptionRefused):
        visit(planned, at(D(2027, 3, 4)), now=at(D(2027, 3, 5)))  # another day
    with pytest.raises(ReceptionRefused):
        visit(planned, at(D(2027, 3, 3), 15), now=at(D(2027, 3, 3), 10))  # not yet
    cancelled = record_held(planned, held=False, entries=0, now=at(D(2027, 3, 3), 17))
    with pytest.raises(ReceptionRefused) as refused:
        visit(cancelled, at(D(2027, 3, 3), 16), now=at(D(2027, 3, 3), 18))
    assert refused.value.conflict


def test_a_visit_logged_after_held_gives_the_session_a_new_version() -> None:
    planned = session(D(2027, 3, 3))
    same, _ = add_entry(
        planned,
        entry_id="e",
        subject="S",
        received_at=at(D(2027, 3, 3)),
        now=at(D(2027, 3, 3)),
        rules=RULES,
    )
    assert same.version == planned.version  # not held yet: nothing to publish
    held = record_held(planned, held=True, entries=1, now=at(D(2027, 3, 3), 17))
    later, entry = add_entry(
        held,
        entry_id="e2",
        subject="S",
        received_at=at(D(2027, 3, 3), 10),
        now=at(D(2027, 3, 4)),
        rules=RULES,
        visitor_sealed="gAAAA-sealed",
    )
    assert later.version == held.version + 1
    assert entry.has_visitor


def test_reply_on_time_late_and_only_once() -> None:
    entry = visit(session(D(2027, 2, 3)), at(D(2027, 2, 3)))
    on_time = reply(
        entry,
        text="Đã hướng dẫn",
        replied_at=at(D(2027, 2, 24), 16),
        replied_by="o",
        now=at(D(2027, 2, 25)),
    )
    assert on_time.reply is not None and on_time.reply.on_time
    late = reply(
        entry, text="Trả lời", replied_at=at(D(2027, 2, 25)), replied_by="o", now=at(D(2027, 2, 25))
    )
    assert late.reply is not None and not late.reply.on_time
    with pytest.raises(ReceptionRefused) as twice:
        reply(
            on_time,
            text="Lần 2",
            replied_at=at(D(2027, 2, 25)),
            replied_by="o",
            now=at(D(2027, 2, 25)),
        )
    assert twice.value.conflict
    with pytest.raises(ReceptionRefused):
        reply(entry, text="T", replied_at=at(D(2027, 2, 2)), replied_by="o", now=at(D(2027, 2, 25)))
    with pytest.raises(ReceptionRefused):
        reply(
            entry, text="T", replied_at=at(D(2027, 2, 26)), replied_by="o", now=at(D(2027, 2, 25))
        )


def test_overdue_is_marked_once_after_the_due_day_ends() -> None:
    entry = visit(session(D(2027, 2, 3)), at(D(2027, 2, 3)))
    assert mark_overdue(entry, now=at(D(2027, 2, 24), 23)) is None  # the due day still runs
    after = dt.datetime(2027, 2, 25, 0, 0, 1, tzinfo=VN_TZ)
    marked = mark_overdue(entry, now=after)
    assert marked is not None and marked.overdue_since == after
    assert mark_overdue(marked, now=after + dt.timedelta(days=1)) is None  # idempotent
    answered = reply(entry, text="T", replied_at=at(D(2027, 2, 20)), replied_by="o", now=after)
    assert mark_overdue(answered, now=after) is None


# ---- REC-WEEK: missing sessions --------------------------------------------------------------


def weekly_rows() -> tuple[Rule, ...]:
    """The table without Law 136/2025's monthly REC-WEEK row: the weekly mechanics below are
    shown on 2027 dates, where the table itself counts the chair's days by month."""
    rows = load_rule_table().rules
    return tuple(r for r in rows if not (r.id == "REC-WEEK" and r.period == "month"))


WEEKLY = RuleBook(RuleTable(version="weekly", rules=weekly_rows()), WorkingCalendar())


def february(*sessions: Reception) -> list[Gap]:
    return missing_sessions(
        sessions, start=D(2027, 2, 1), end=D(2027, 2, 28), today=D(2027, 3, 10), rules=WEEKLY
    )


def test_weeks_without_the_chair_and_months_short_of_the_party_secretary() -> None:
    cancelled = replace(session(D(2027, 2, 23)), status="not_held")
    gaps = february(
        session(D(2027, 2, 1)),  # W05
        session(D(2027, 2, 18)),  # W07; W06 (Tết week) has none
        cancelled,  # W08: a session not held does not count
        session(D(2027, 2, 2), host="other_leader"),  # other leaders never count
        session(D(2027, 2, 3), host="party_secretary"),  # 1 of 2 in February
    )
    assert [(g.rule, g.period, g.counted, g.required) for g in gaps] == [
        ("REC-WEEK", "2027-W06", 0, 1),
        ("REC-WEEK", "2027-W08", 0, 1),
        ("REC-WEEK.party-secretary", "2027-02", 1, 2),
    ]
    assert gaps[0].start == D(2027, 2, 8) and gaps[0].end == D(2027, 2, 14)
    assert all(g.ended for g in gaps)
    assert {g.table_version for g in gaps} == {WEEKLY.table.version}


def test_two_sessions_the_same_day_count_as_one_day() -> None:
    secretary = [session(D(2027, 2, 3), host="party_secretary")] * 2
    chair = [session(D(2027, 2, d)) for d in (1, 11, 15, 22)]
    gaps = february(*chair, *secretary)
    assert [(g.rule, g.counted) for g in gaps] == [("REC-WEEK.party-secretary", 1)]


def test_amounts_come_from_the_rule_table_row_in_force() -> None:
    # A stricter row from March 2027: the party secretary receives 3 days a month.
    base = load_rule_table()
    stricter = Rule(
        id="REC-WEEK.party-secretary",
        amount=3,
        unit="count",
        comparison="at_least",
        period="month",
        basis="test",
        effective_from=D(2027, 3, 1),
    )
    rules = RuleBook(RuleTable(version="test", rules=(*base.rules, stricter)), WorkingCalendar())
    secretary = [session(D(2027, m, d), host="party_secretary") for m in (2, 3) for d in (3, 17)]
    gaps = missing_sessions(
        secretary, start=D(2027, 2, 1), end=D(2027, 3, 31), today=D(2027, 4, 1), rules=rules
    )
    months = [(g.period, g.counted, g.required) for g in gaps if g.host == "party_secretary"]
    assert months == [("2027-03", 2, 3)]  # February keeps the row of 2


def test_a_week_without_working_days_is_never_a_gap() -> None:
    week = [D(2027, 3, 1) + dt.timedelta(days=i) for i in range(5)]
    rules = RuleBook(
        RuleTable(version="weekly", rules=weekly_rows()), WorkingCalendar(extra_days_off=week)
    )
    gaps = missing_sessions(
        [], start=D(2027, 3, 1), end=D(2027, 3, 7), today=D(2027, 3, 20), rules=rules
    )
    assert [g.rule for g in gaps] == ["REC-WEEK.party-secretary"]


def test_whole_periods_and_open_ones() -> None:
    # The range starts on a Wednesday: the Monday session still covers its week.
    gaps = missing_sessions(
        [session(D(2027, 3, 1))],
        start=D(2027, 3, 3),
        end=D(2027, 3, 16),
        today=D(2027, 3, 10),
        rules=WEEKLY,
    )
    weeks = [(g.period, g.ended) for g in gaps if g.rule == "REC-WEEK"]
    assert weeks == [("2027-W10", False), ("2027-W11", False)]  # 8–14 and 15–21 Mar, open
    assert reception_window(D(2027, 3, 3), D(2027, 3, 16)) == (D(2027, 3, 1), D(2027, 3, 31))
    assert reception_window(D(2027, 2, 10), D(2027, 2, 28)) == (D(2027, 2, 1), D(2027, 2, 28))
    assert reception_window(D(2027, 3, 31), D(2027, 3, 31)) == (D(2027, 3, 1), D(2027, 4, 4))
    with pytest.raises(ValueError):
        missing_sessions(
            [], start=D(2027, 3, 2), end=D(2027, 3, 1), today=D(2027, 3, 1), rules=RULES
        )
