"""The detector: every event of the ward's stream, through the rules, into checks and
violations, inside the consumer's inbox transaction (so a redelivery changes nothing)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.violation_events import violation_detected
from qcdc_oversight.adapters.violations import ViolationRepository
from qcdc_oversight.domain.detection import Fact, observe
from qcdc_shared.envelope import Envelope
from qcdc_shared.inbox import Handler
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import Runtime, UnitOfWork


def detector(runtime: Runtime, rules: RuleBook) -> Handler:
    async def handle(session: AsyncSession, envelope: Envelope) -> None:
        found = observe(Fact(envelope.id, envelope.type, envelope.time, envelope.data), rules)
        if not found:
            return
        uow = UnitOfWork.joining(runtime, session)
        repository = ViolationRepository(session)
        now = runtime.clock.now()
        for observation in found:
            new = await repository.record(runtime.ward, observation, now=now)
            if new is not None:
                uow.record(violation_detected(runtime.ward, new), aggregate_id=new.id, sequence=1)
            else:
                await repository.add_evidence(observation, runtime.ward)
        await uow.stage()

    return handle
