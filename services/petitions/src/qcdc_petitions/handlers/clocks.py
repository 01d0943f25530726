"""The sweeper: what the shared clock has made overdue becomes ``petition.overdue`` and
``petition.escalated`` (PET-ESC), once per petition and rule.

An :class:`~qcdc_shared.sweeps.ItemSweep`: one read finds the due petitions, then each is
escalated in a unit of work of its own (committed by ``sweep_each``) together with its
escalations row and its audit record. The unique (petition, rule) escalations row and the
petition's version make any second attempt (a repeated tick, a restart, a second process)
fail and roll back without publishing anything; one petition that fails never stops the
others.
"""

from __future__ import annotations

from collections.abc import Sequence

from qcdc_petitions.adapters import bus
from qcdc_petitions.domain.petition import escalate_overdue
from qcdc_petitions.domain.settling import newly_overdue
from qcdc_petitions.unit_of_work import PetitionsUnitOfWork
from qcdc_shared.sweeps import ItemSweep
from qcdc_shared.unit_of_work import SWEEPER


async def due_petitions(uow: PetitionsUnitOfWork) -> Sequence[str]:
    """Petitions with an open, unescalated deadline passed at the clock's ``now``."""
    return await uow.petitions.due_for_escalation(uow.clock.now())


async def escalate_passed_deadlines(uow: PetitionsUnitOfWork, petition_id: str) -> int:
    """Escalate each passed deadline of one petition; returns how many. Does not commit."""
    petition = await uow.petitions.get(petition_id)
    if petition is None:
        return 0
    now = uow.clock.now()
    # A suspended complaint has no running clock (CMP-RESOLVE.suspension).
    passed = newly_overdue(petition.running, now=now, escalated=petition.escalated)
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
        await uow.petitions.add_escalation(petition.id, rule=rule, by="sweeper", at=now)
        await uow.audit(
            SWEEPER,
            action="petition.escalate",
            target=f"petition:{petition.id}",
            detail={"rule": rule},
        )
        current = escalated
    if current is not petition:
        await uow.petitions.save(current, expected_version=petition.version)
    return len(passed)


OVERDUE_SWEEP: ItemSweep[PetitionsUnitOfWork] = ItemSweep(
    name="petitions.overdue", due=due_petitions, handle=escalate_passed_deadlines
)
