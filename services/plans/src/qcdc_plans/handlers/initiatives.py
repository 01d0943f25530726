"""Commands on residents' initiatives (DEC-INIT): record what residents brought, then each
household's consent; ``command`` audits and commits. No household id goes into the audit
target or an event: the initiative is the target."""

from __future__ import annotations

import datetime as dt
import uuid

from qcdc_plans.adapters.conferences import InitiativeRepository
from qcdc_plans.adapters.register import GroupRepository
from qcdc_plans.domain import initiative as model
from qcdc_plans.domain.errors import NotFound
from qcdc_plans.domain.initiative import Consent, Initiative, Support
from qcdc_shared.auth import Principal
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import UnitOfWork, command, local_day


async def open_initiative(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    topic: int,
    title: str,
    group: str | None = None,
) -> tuple[Initiative, Support]:
    initiative_id = str(uuid.uuid4())

    async def work() -> tuple[Initiative, Support]:
        groups = await GroupRepository(uow.session).all()
        initiative = model.open_initiative(
            initiative_id=initiative_id,
            ward=uow.runtime.ward,
            topic=topic,
            title=title,
            group=group,
            groups=groups,
            now=uow.runtime.clock.now(),
            rules=rules,
        )
        await InitiativeRepository(uow.session).add(initiative)
        households = model.households_of(groups, group)
        return initiative, model.support(
            [], households=households, today=local_day(uow), rules=rules
        )

    return await command(
        uow, actor, action="initiative.open", target=f"initiative:{initiative_id}", work=work
    )


async def add_consent(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    initiative_id: str,
    household: str,
    given_on: dt.date,
) -> tuple[Initiative, Consent, Support]:
    """Record one household's consent and say where the initiative stands today."""

    async def work() -> tuple[Initiative, Consent, Support]:
        repository = InitiativeRepository(uow.session)
        current = await repository.get(initiative_id)
        if current is None:
            raise NotFound("đề xuất của Nhân dân", "initiative", initiative_id)
        now, day = uow.runtime.clock.now(), local_day(uow)
        changed, consent = model.add_consent(
            current,
            household=household,
            given_on=given_on,
            today=day,
            rules=rules,
            previous=await repository.consents(initiative_id, household),
        )
        households = model.households_of(
            await GroupRepository(uow.session).all(), current.residential_group
        )
        backing = model.support(
            [*await repository.consents(initiative_id), consent],
            households=households,
            today=day,
            rules=rules,
        )
        changed = model.mark_reached(changed, backing, now=now)
        await repository.add_consent(initiative_id, consent, actor=actor.sub, at=now)
        await repository.save(changed, expected_version=current.version, at=now)
        return changed, consent, backing

    return await command(
        uow, actor, action="initiative.consent", target=f"initiative:{initiative_id}", work=work
    )
