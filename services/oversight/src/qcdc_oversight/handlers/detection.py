"""The detector: every event of the ward's stream, through the rules (``domain/detection``),
into checks and violations. It runs inside the consumer's inbox transaction (``consumers``),
so a redelivered event changes nothing; a re-emitted one, or any arrival order, finds the
check it already counted and the violation it already revealed (docs/decisions/0005)."""

from __future__ import annotations

from qcdc_oversight.adapters import bus
from qcdc_oversight.domain import violation as lifecycle
from qcdc_oversight.domain.detection import Fact, judge, observe, reveals
from qcdc_oversight.domain.violation import Violation, violation_id
from qcdc_oversight.handlers.common import announce
from qcdc_oversight.unit_of_work import OversightUnitOfWork
from qcdc_shared.envelope import Envelope
from qcdc_shared.law.rulebook import RuleBook


async def detect_violations(
    *, uow: OversightUnitOfWork, rules: RuleBook, envelope: Envelope
) -> list[Violation]:
    """Count every observation ``envelope`` proves; returns the violations it newly reveals
    (each recorded as ``violation.detected``)."""
    fact = Fact(envelope.id, envelope.type, envelope.time, envelope.data)
    now = uow.clock.now()
    revealed = []
    for found in observe(fact, rules):
        before = await uow.violations.check(found.rule, found.subject_kind, found.subject_id)
        after = judge(before, found, now=now)
        if before is None:
            await uow.violations.add_check(after)
        else:
            await uow.violations.save_check(after)
        if reveals(before, found):
            violation = lifecycle.detected(found, ward=uow.ward, now=now)
            await uow.violations.add(violation)
            announce(uow, bus.violation_detected(uow.ward, violation), violation)  # its version 1
            revealed.append(violation)
            continue
        key = violation_id(uow.ward, found.rule, found.subject_kind, found.subject_id)
        known = None if found.met else await uow.violations.get(key)
        proved = None if known is None else lifecycle.with_evidence(known, found)
        if proved is not None:
            await uow.violations.save_evidence(proved)
    return revealed
