"""Conferences' handlers on the fakes, through the pipeline a route uses (``run_command``):
no database, no broker, a fixed clock (Thursday 26 November 2026)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable

import pytest

from qcdc_plans.domain.conference import Conference, Kind
from qcdc_plans.fakes import RULES, FakePlansUnitOfWork, refused, run
from qcdc_plans.handlers import conferences

pytestmark = [pytest.mark.unit, pytest.mark.usefixtures("tdp_05")]

TODAY = dt.date(2026, 11, 26)
YEAR_END = dt.date(2026, 12, 20)


def scheduling(
    uow: FakePlansUnitOfWork,
    conference_id: str,
    *,
    kind: Kind = "dialogue",
    held_on: dt.date = TODAY,
    notice_on: dt.date | None = None,
    group: str | None = None,
) -> Awaitable[Conference]:
    rule = "DEC-NOTICE.year-end" if kind == "group_year_end" else "DEC-NOTICE"
    return conferences.schedule_conference(
        uow=uow,
        rules=RULES,
        conference_id=conference_id,
        kind=kind,
        title="Đối thoại về chỉnh trang đô thị",
        notice_on=notice_on or RULES.deadline(rule, held_on).due,
        held_on=held_on,
        group=group,
    )


async def test_a_dialogue_held_is_published_for_ovs_year_without_its_minutes(
    uow: FakePlansUnitOfWork,
) -> None:
    scheduled = await run(uow, scheduling(uow, "c-1"), "conference.schedule", "conference:c-1")
    assert (scheduled.status, scheduled.notice_rule) == ("scheduled", "DEC-NOTICE")
    assert uow.events == []  # scheduling publishes nothing
    held = conferences.record_held(uow=uow, conference_id="c-1", minutes="Biên bản…", attendees=87)
    conference = await run(uow, held, "conference.held", "conference:c-1")

    assert (conference.status, conference.version) == ("held", 2)
    assert uow.event_types() == ["vn.qcdc.plans.conference.held.v1"]
    (event,) = uow.events
    assert (event.subject, event.sequence, event.data["attendees"]) == ("c-1", 2, 87)
    assert "minutes" not in event.data
    assert [(a.action, a.target, a.outcome) for a in uow.audit_log] == [
        ("conference.schedule", "conference:c-1", "ok"),
        ("conference.held", "conference:c-1", "ok"),
    ]


async def test_notice_later_than_dec_notice_is_refused_and_nothing_is_scheduled(
    uow: FakePlansUnitOfWork,
) -> None:
    late = scheduling(uow, "c-1", notice_on=TODAY)
    problem = await refused(uow, late, "conference.schedule", "conference:c-1")
    assert (problem.status, problem.rule) == (422, "DEC-NOTICE")
    assert uow.conferences.items == {}
    assert uow.audit_log[-1].detail == {"rule": "DEC-NOTICE"}


async def test_a_group_has_one_year_end_conference_a_year_unless_it_is_cancelled(
    uow: FakePlansUnitOfWork,
) -> None:
    def year_end(conference_id: str) -> Awaitable[Conference]:
        return scheduling(
            uow, conference_id, kind="group_year_end", held_on=YEAR_END, group="TDP-05"
        )

    await run(uow, year_end("c-1"), "conference.schedule", "conference:c-1")
    problem = await refused(uow, year_end("c-2"), "conference.schedule", "conference:c-2")
    assert (problem.status, problem.rule) == (409, "OVS-YEAR.conference")

    cancel = conferences.cancel_conference(uow=uow, conference_id="c-1", reason="Mưa bão")
    cancelled = await run(uow, cancel, "conference.cancel", "conference:c-1")
    assert (cancelled.status, cancelled.cancel_reason) == ("cancelled", "Mưa bão")
    await run(uow, year_end("c-3"), "conference.schedule", "conference:c-3")
    assert set(uow.conferences.items) == {"c-1", "c-3"} and uow.events == []


async def test_an_unknown_conference_is_a_404_audited_as_refused(uow: FakePlansUnitOfWork) -> None:
    held = conferences.record_held(uow=uow, conference_id="c-9", minutes="…", attendees=1)
    problem = await refused(uow, held, "conference.held", "conference:c-9")
    assert problem.status == 404
    assert [(a.action, a.outcome) for a in uow.audit_log] == [("conference.held", "refused")]
