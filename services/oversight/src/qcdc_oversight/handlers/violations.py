"""Commands on detected violations: the ward acknowledges; the board or the front resolves."""

from __future__ import annotations

from collections.abc import Callable

from qcdc_oversight.adapters.violation_events import violation_resolved
from qcdc_oversight.adapters.violations import ViolationRepository
from qcdc_oversight.domain import violation as lifecycle
from qcdc_oversight.domain.violation import Violation
from qcdc_shared.auth import Principal
from qcdc_shared.refusals import NotFound
from qcdc_shared.runtime import UnitOfWork, command


async def _change(
    uow: UnitOfWork,
    actor: Principal,
    *,
    violation_id: str,
    action: str,
    change: Callable[[Violation], Violation],
    announce: bool,
) -> Violation:
    async def work() -> Violation:
        repository = ViolationRepository(uow.session)
        current = await repository.get(violation_id)
        if current is None:
            raise NotFound("vi phạm", "violation", violation_id)
        after = change(current)
        await repository.save(after, expected_version=current.version)
        if announce:
            uow.record(
                violation_resolved(uow.runtime.ward, after),
                aggregate_id=after.id,
                sequence=after.version,
            )
        return after

    return await command(
        uow, actor, action=f"violation.{action}", target=f"violation:{violation_id}", work=work
    )


async def acknowledge_violation(
    *, uow: UnitOfWork, actor: Principal, violation_id: str
) -> Violation:
    now = uow.runtime.clock.now()
    return await _change(
        uow,
        actor,
        violation_id=violation_id,
        action="acknowledge",
        change=lambda v: lifecycle.acknowledge(v, by=actor.sub, now=now),
        announce=False,
    )


async def resolve_violation(
    *, uow: UnitOfWork, actor: Principal, violation_id: str, resolution: str
) -> Violation:
    now = uow.runtime.clock.now()
    return await _change(
        uow,
        actor,
        violation_id=violation_id,
        action="resolve",
        change=lambda v: lifecycle.resolve(v, by=actor.sub, resolution=resolution, now=now),
        announce=True,
    )
