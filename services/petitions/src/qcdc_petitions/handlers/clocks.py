"""The sweeper: what the shared clock has made overdue becomes ``petition.overdue`` and
``petition.escalated`` (PET-ESC), once per petition and rule.

Each petition is escalated in its own transaction together with its escalations row, whose
unique (petition, rule) pair makes any second attempt (a repeated tick, a restart, a second
process) roll back without publishing anything. One petition that fails never stops the
others.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from qcdc_petitions.adapters import bus
from qcdc_petitions.adapters.db import PetitionRepository, petitions
from qcdc_petitions.domain.petition import RuleBook, escalate_overdue, newly_overdue
from qcdc_shared.audit import record_audit
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.runtime import UnitOfWork

log = logging.getLogger(__name__)


async def sweep_overdue(uow: UnitOfWork, rules: RuleBook) -> int:
    """Escalate every deadline passed at the shared clock's ``now``; returns how many."""
    now = uow.runtime.clock.now()
    due = (
        await uow.session.scalars(
            select(petitions.c.id)
            .where(petitions.c.next_escalation_at < now)
            .order_by(petitions.c.next_escalation_at)
        )
    ).all()
    await uow.session.rollback()  # only a read: each petition gets its own transaction
    count = 0
    for petition_id in due:
        try:
            async with uow.runtime.uow() as one:
                count += await _escalate(one, petition_id)
        except (ConcurrentChange, IntegrityError):
            # Someone else changed or escalated it first: nothing was published; next tick.
            log.info("petition %s changed during the sweep; retried next tick", petition_id)
    return count


async def _escalate(uow: UnitOfWork, petition_id: str) -> int:
    repository = PetitionRepository(uow.session)
    petition = await repository.get(petition_id)
    if petition is None:
        return 0
    now = uow.runtime.clock.now()
    passed = newly_overdue(petition.deadlines, now=now, escalated=petition.escalated)
    current = petition
    for rule, due_at in passed:
        overdue, escalated = escalate_overdue(current, rule=rule, now=now)
        uow.record(
            bus.overdue(overdue, rule=rule, due_at=due_at),
            aggregate_id=petition.id,
            sequence=overdue.version,
        )
        uow.record(
            bus.escalated(escalated, rule=rule, by="sweeper"),
            aggregate_id=petition.id,
            sequence=escalated.version,
        )
        await repository.add_escalation(petition.id, rule=rule, by="sweeper", at=now)
        await record_audit(
            uow.session,
            actor="system:sweeper",
            role="system",
            ward=uow.runtime.ward,
            action="petition.escalate",
            target=f"petition:{petition.id}",
            detail={"rule": rule},
            at=now,
        )
        current = escalated
    if current is not petition:
        await repository.save(current, expected_version=petition.version)
    await uow.commit()
    return len(passed)
