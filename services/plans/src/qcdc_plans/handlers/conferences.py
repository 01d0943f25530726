"""Commands on conferences and dialogues (DEC-NOTICE, OVS-YEAR): load, ask the domain, save,
record the event; ``run_command`` (the route's) audits and commits."""

from __future__ import annotations

import datetime as dt

from qcdc_plans.adapters import bus
from qcdc_plans.domain import conference as model
from qcdc_plans.domain.conference import Conference, Kind
from qcdc_plans.handlers.common import load
from qcdc_plans.unit_of_work import PlansUnitOfWork
from qcdc_shared.law.rulebook import RuleBook


async def schedule_conference(
    *,
    uow: PlansUnitOfWork,
    rules: RuleBook,
    conference_id: str,
    kind: Kind,
    title: str,
    notice_on: dt.date,
    held_on: dt.date,
    group: str | None = None,
) -> Conference:
    registered = [g.code for g in await uow.groups.all()]
    same_group_year = (
        await uow.conferences.year_end_of(group, held_on.year)
        if kind == "group_year_end" and group is not None
        else []
    )
    conference = model.schedule(
        conference_id=conference_id,
        ward=uow.ward,
        kind=kind,
        title=title,
        group=group,
        notice_on=notice_on,
        held_on=held_on,
        now=uow.clock.now(),
        rules=rules,
        registered=registered,
        same_group_year=same_group_year,
    )
    await uow.conferences.add(conference)
    return conference


async def record_held(
    *, uow: PlansUnitOfWork, conference_id: str, minutes: str, attendees: int
) -> Conference:
    current = await load(uow.conferences.get, conference_id, "hội nghị", "conference")
    now = uow.clock.now()
    held = model.record_held(current, minutes=minutes, attendees=attendees, now=now)
    await uow.conferences.save(held, expected_version=current.version, at=now)
    uow.record(bus.conference_held(held), aggregate_id=held.id, sequence=held.version)
    return held


async def cancel_conference(*, uow: PlansUnitOfWork, conference_id: str, reason: str) -> Conference:
    current = await load(uow.conferences.get, conference_id, "hội nghị", "conference")
    now = uow.clock.now()
    cancelled = model.cancel(current, reason=reason, now=now)
    await uow.conferences.save(cancelled, expected_version=current.version, at=now)
    return cancelled
