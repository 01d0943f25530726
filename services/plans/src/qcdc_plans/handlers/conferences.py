"""Commands on conferences and dialogues (DEC-NOTICE, OVS-YEAR): load, ask the domain, save,
record the event; ``command`` audits and commits."""

from __future__ import annotations

import datetime as dt
import uuid

from qcdc_plans.adapters.conference_events import conference_held
from qcdc_plans.adapters.conferences import ConferenceRepository
from qcdc_plans.adapters.register import GroupRepository
from qcdc_plans.domain import conference as model
from qcdc_plans.domain.conference import Conference, Kind
from qcdc_plans.domain.errors import NotFound
from qcdc_shared.auth import Principal
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import UnitOfWork, command


async def _load(repository: ConferenceRepository, conference_id: str) -> Conference:
    conference = await repository.get(conference_id)
    if conference is None:
        raise NotFound("hội nghị", "conference", conference_id)
    return conference


async def schedule_conference(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    kind: Kind,
    title: str,
    notice_on: dt.date,
    held_on: dt.date,
    group: str | None = None,
) -> Conference:
    conference_id = str(uuid.uuid4())

    async def work() -> Conference:
        repository = ConferenceRepository(uow.session)
        registered = [g.code for g in await GroupRepository(uow.session).all()]
        same_group_year = (
            await repository.year_end_of(group, held_on.year)
            if kind == "group_year_end" and group is not None
            else []
        )
        conference = model.schedule(
            conference_id=conference_id,
            ward=uow.runtime.ward,
            kind=kind,
            title=title,
            group=group,
            notice_on=notice_on,
            held_on=held_on,
            now=uow.runtime.clock.now(),
            rules=rules,
            registered=registered,
            same_group_year=same_group_year,
        )
        await repository.add(conference)
        return conference

    return await command(
        uow, actor, action="conference.schedule", target=f"conference:{conference_id}", work=work
    )


async def record_held(
    *, uow: UnitOfWork, actor: Principal, conference_id: str, minutes: str, attendees: int
) -> Conference:
    async def work() -> Conference:
        repository = ConferenceRepository(uow.session)
        current = await _load(repository, conference_id)
        now = uow.runtime.clock.now()
        held = model.record_held(current, minutes=minutes, attendees=attendees, now=now)
        await repository.save(held, expected_version=current.version, at=now)
        uow.record(conference_held(held), aggregate_id=held.id, sequence=held.version)
        return held

    return await command(
        uow, actor, action="conference.held", target=f"conference:{conference_id}", work=work
    )


async def cancel_conference(
    *, uow: UnitOfWork, actor: Principal, conference_id: str, reason: str
) -> Conference:
    async def work() -> Conference:
        repository = ConferenceRepository(uow.session)
        current = await _load(repository, conference_id)
        now = uow.runtime.clock.now()
        cancelled = model.cancel(current, reason=reason, now=now)
        await repository.save(cancelled, expected_version=current.version, at=now)
        return cancelled

    return await command(
        uow, actor, action="conference.cancel", target=f"conference:{conference_id}", work=work
    )
