"""Conferences and dialogues: DEC-NOTICE at its edges (weekends, New Year), one outcome per
conference, and OVS-YEAR over a year of conferences."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_plans.adapters.bus import conference_held
from qcdc_plans.domain import conference as model
from qcdc_plans.domain.conference import Conference, Kind
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.refusals import Refused

pytestmark = pytest.mark.unit

RULES = RuleBook(load_rule_table(), WorkingCalendar())
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=VN_TZ)
GROUPS = [
    ResidentialGroup("TDP-01", "Tổ 1", 100, 0, dt.date(2026, 1, 1)),
    ResidentialGroup("TDP-02", "Tổ 2", 80, 0, dt.date(2026, 1, 1)),
]


def scheduled(
    held_on: dt.date,
    notice_on: dt.date,
    *,
    kind: Kind = "dialogue",
    group: str | None = None,
    conference_id: str = "c-1",
    same_group_year: tuple[Conference, ...] = (),
) -> Conference:
    return model.schedule(
        conference_id=conference_id,
        ward="ben-thanh",
        kind=kind,
        title="Đối thoại về chỉnh trang đô thị",
        group=group,
        notice_on=notice_on,
        held_on=held_on,
        now=NOW,
        rules=RULES,
        registered=[g.code for g in GROUPS],
        same_group_year=same_group_year,
    )


def held(conference: Conference, *, on: dt.datetime | None = None) -> Conference:
    at = on or dt.datetime.combine(conference.held_on, dt.time(20), tzinfo=VN_TZ)
    return model.record_held(conference, minutes="Biên bản", attendees=120, now=at)


@pytest.mark.parametrize(
    ("held_on", "latest"),
    [
        (dt.date(2026, 12, 9), dt.date(2026, 12, 7)),  # Wednesday: two days back, a Monday
        (dt.date(2026, 12, 14), dt.date(2026, 12, 11)),  # Monday: Saturday moves back to Friday
        (dt.date(2027, 1, 4), dt.date(2026, 12, 31)),  # past a weekend and New Year's Day
    ],
)
def test_dec_notice_is_refused_one_day_after_the_latest_day(
    held_on: dt.date, latest: dt.date
) -> None:
    on_time = scheduled(held_on, latest)
    assert on_time.notice.due == latest and on_time.notice_rule == "DEC-NOTICE"
    with pytest.raises(Refused) as refused:
        scheduled(held_on, latest + dt.timedelta(days=1))
    assert refused.value.rule == "DEC-NOTICE" and not refused.value.conflict
    assert latest.isoformat() in refused.value.detail_en
    assert f"{latest:%d/%m/%Y}" in refused.value.detail_vi


def test_the_year_end_conference_needs_its_longer_notice_and_a_registered_group() -> None:
    held_on = dt.date(2026, 12, 20)  # a Sunday; five days back is Tuesday the 15th
    conference = scheduled(held_on, dt.date(2026, 12, 15), kind="group_year_end", group="TDP-01")
    assert conference.notice_rule == "DEC-NOTICE.year-end"
    assert conference.notice.due == dt.date(2026, 12, 15)
    with pytest.raises(Refused) as late:
        scheduled(held_on, dt.date(2026, 12, 16), kind="group_year_end", group="TDP-01")
    assert late.value.rule == "DEC-NOTICE.year-end"
    # The same notice is in time for an ordinary conference on that day.
    assert scheduled(held_on, dt.date(2026, 12, 16)).notice.due == dt.date(2026, 12, 18)

    with pytest.raises(Refused) as no_group:
        scheduled(held_on, dt.date(2026, 12, 1), kind="group_year_end")
    assert no_group.value.rule == "OVS-YEAR.conference"
    with pytest.raises(Refused):
        scheduled(held_on, dt.date(2026, 12, 1), kind="group_year_end", group="TDP-99")
    with pytest.raises(Refused) as twice:
        scheduled(
            held_on,
            dt.date(2026, 12, 1),
            kind="group_year_end",
            group="TDP-01",
            same_group_year=(conference,),
        )
    assert twice.value.conflict
    cancelled = model.cancel(conference, reason="Mưa bão", now=NOW)
    again = scheduled(
        held_on,
        dt.date(2026, 12, 1),
        kind="group_year_end",
        group="TDP-01",
        same_group_year=(cancelled,),
    )
    assert again.status == "scheduled"


def test_a_conference_is_held_once_and_not_before_its_day() -> None:
    conference = scheduled(dt.date(2026, 12, 9), dt.date(2026, 12, 1))
    eve = dt.datetime(2026, 12, 8, 23, 59, tzinfo=VN_TZ)
    with pytest.raises(Refused) as early:
        model.record_held(conference, minutes="x", attendees=1, now=eve)
    assert early.value.conflict
    # 17:30 UTC on the 8th is already 00:30 on the 9th in Viet Nam.
    first_minutes = dt.datetime(2026, 12, 8, 17, 30, tzinfo=dt.UTC)
    done = held(conference, on=first_minutes)
    assert (done.status, done.attendees, done.version) == ("held", 120, 2)
    with pytest.raises(Refused) as twice:
        held(done)
    assert twice.value.conflict
    with pytest.raises(Refused) as cancel_held:
        model.cancel(done, reason="x", now=NOW)
    assert cancel_held.value.conflict
    with pytest.raises(Refused):
        model.record_held(conference, minutes="  ", attendees=1, now=first_minutes)


def test_the_held_event_carries_counts_and_dates_only() -> None:
    done = held(scheduled(dt.date(2026, 12, 9), dt.date(2026, 12, 1)))
    event = conference_held(done)
    assert (event.year, event.held_on, event.notice_rule, event.version) == (
        2026,
        dt.date(2026, 12, 9),
        "DEC-NOTICE",
        2,
    )
    assert "minutes" not in event.model_dump()
    with pytest.raises(ValueError):
        conference_held(scheduled(dt.date(2026, 12, 9), dt.date(2026, 12, 1)))


def test_obligations_count_held_dialogues_and_each_groups_year_end_conference() -> None:
    dialogue = held(scheduled(dt.date(2026, 6, 10), dt.date(2026, 6, 1), conference_id="d-1"))
    planned = scheduled(dt.date(2026, 12, 9), dt.date(2026, 12, 1), conference_id="d-2")
    last_year = held(scheduled(dt.date(2025, 12, 9), dt.date(2025, 12, 1), conference_id="d-0"))
    year_end = held(
        scheduled(
            dt.date(2026, 12, 20),
            dt.date(2026, 12, 10),
            kind="group_year_end",
            group="TDP-01",
            conference_id="y-1",
        )
    )
    view = model.obligations(
        [dialogue, planned, last_year, year_end],
        groups=GROUPS,
        year=2026,
        today=dt.date(2026, 12, 1),
        rules=RULES,
    )
    assert (view.dialogue.rule, view.dialogue.required) == ("OVS-YEAR", 1)
    assert (view.dialogues_held, view.dialogues_scheduled, view.dialogues_met) == (1, 1, True)
    assert view.year_end.rule == "OVS-YEAR.conference"
    assert [(g.group, g.held, g.met) for g in view.groups] == [
        ("TDP-01", 1, True),
        ("TDP-02", 0, False),
    ]
    assert view.groups_missing == ("TDP-02",) and not view.met and not view.ended

    empty = model.obligations([], groups=GROUPS, year=2025, today=dt.date(2026, 1, 1), rules=RULES)
    assert empty.ended and not empty.dialogues_met
    with pytest.raises(Refused) as before_the_law:
        model.obligations([], groups=GROUPS, year=2022, today=NOW.date(), rules=RULES)
    assert before_the_law.value.rule == "OVS-YEAR"
