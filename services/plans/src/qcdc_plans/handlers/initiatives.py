"""Commands on residents' initiatives (DEC-INIT): record what residents brought, then each
household's consent; ``run_command`` (the route's) audits and commits. No household id goes
into the audit target or an event: the initiative is the target."""

from __future__ import annotations

import datetime as dt

from qcdc_plans.domain import initiative as model
from qcdc_plans.domain.initiative import Consent, Initiative, Support
from qcdc_plans.handlers.common import load
from qcdc_plans.unit_of_work import PlansUnitOfWork
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.unit_of_work import Actor, local_day


async def open_initiative(
    *,
    uow: PlansUnitOfWork,
    rules: RuleBook,
    initiative_id: str,
    topic: int,
    title: str,
    group: str | None = None,
) -> tuple[Initiative, Support]:
    groups = await uow.groups.all()
    initiative = model.open_initiative(
        initiative_id=initiative_id,
        ward=uow.ward,
        topic=topic,
        title=title,
        group=group,
        groups=groups,
        now=uow.clock.now(),
        rules=rules,
    )
    await uow.initiatives.add(initiative)
    households = model.households_of(groups, group)
    return initiative, model.support([], households=households, today=local_day(uow), rules=rules)


async def add_consent(
    *,
    uow: PlansUnitOfWork,
    rules: RuleBook,
    actor: Actor,
    initiative_id: str,
    household: str,
    given_on: dt.date,
) -> tuple[Initiative, Consent, Support]:
    """Record one household's consent and say where the initiative stands today."""
    current = await load(uow.initiatives.get, initiative_id, "đề xuất của Nhân dân", "initiative")
    now, day = uow.clock.now(), local_day(uow)
    changed, consent = model.add_consent(
        current,
        household=household,
        given_on=given_on,
        today=day,
        rules=rules,
        previous=await uow.initiatives.consents(initiative_id, household),
    )
    households = model.households_of(await uow.groups.all(), current.residential_group)
    backing = model.support(
        [*await uow.initiatives.consents(initiative_id), consent],
        households=households,
        today=day,
        rules=rules,
    )
    changed = model.mark_reached(changed, backing, now=now)
    await uow.initiatives.add_consent(initiative_id, consent, actor=actor.sub, at=now)
    await uow.initiatives.save(changed, expected_version=current.version, at=now)
    return changed, consent, backing
