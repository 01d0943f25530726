"""Commands on detected violations: the ward acknowledges; the board or the front resolves.
``run_command`` (the route's) audits and commits."""

from __future__ import annotations

from qcdc_oversight.adapters import bus
from qcdc_oversight.domain import violation as lifecycle
from qcdc_oversight.domain.violation import Violation
from qcdc_oversight.handlers.common import announce, existing
from qcdc_oversight.unit_of_work import OversightUnitOfWork


async def _load(uow: OversightUnitOfWork, violation_id: str) -> Violation:
    return await existing(uow.violations, violation_id, "vi phạm", "violation")


async def acknowledge_violation(
    *, uow: OversightUnitOfWork, violation_id: str, by: str
) -> Violation:
    current = await _load(uow, violation_id)
    after = lifecycle.acknowledge(current, by=by, now=uow.clock.now())
    await uow.violations.save(after, expected_version=current.version)
    return after


async def resolve_violation(
    *, uow: OversightUnitOfWork, violation_id: str, by: str, resolution: str
) -> Violation:
    current = await _load(uow, violation_id)
    after = lifecycle.resolve(current, by=by, resolution=resolution, now=uow.clock.now())
    await uow.violations.save(after, expected_version=current.version)
    announce(uow, bus.violation_resolved(uow.ward, after), after)
    return after
