"""Commands on recommendations (OVS-ANSWER) and the sweep that escalates the unanswered.

The sweep (:data:`escalate_overdue`, a :class:`~qcdc_shared.sweeps.ItemSweep`) finds the
overdue in one read and escalates each in a unit of work of its own: the escalation is saved
with the version it was read at, and the event and the audit record commit with it, so
repeated ticks, a restart or two sweepers at once publish ``recommendation.overdue`` exactly
once (the loser's version check fails and it rolls back unsent).
"""

from __future__ import annotations

import datetime as dt

from qcdc_oversight.adapters import bus
from qcdc_oversight.domain import recommendation as rules_of
from qcdc_oversight.domain.recommendation import ANSWER, Acceptance, Recommendation
from qcdc_oversight.handlers.common import announce, existing
from qcdc_oversight.unit_of_work import OversightUnitOfWork
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import Refused
from qcdc_shared.sweeps import ItemSweep
from qcdc_shared.unit_of_work import SWEEPER


async def _load(uow: OversightUnitOfWork, recommendation_id: str) -> Recommendation:
    return await existing(uow.recommendations, recommendation_id, "kiến nghị", "recommendation")


async def propose(
    *,
    uow: OversightUnitOfWork,
    recommendation_id: str,
    proposed_by: str,
    title: str,
    body: str,
    addressed_to: str,
    inspection_id: str | None = None,
) -> Recommendation:
    if inspection_id and await uow.inspections.get(inspection_id) is None:
        raise Refused(
            f"Không có cuộc kiểm tra {inspection_id} để gắn kiến nghị.",
            f"No inspection {inspection_id} to attach the recommendation to.",
        )
    proposed = rules_of.propose(
        recommendation_id=recommendation_id,
        title=title,
        body=body,
        addressed_to=addressed_to,
        proposed_by=proposed_by,
        inspection_id=inspection_id,
    )
    await uow.recommendations.add(proposed, at=uow.clock.now())
    return proposed


async def confirm(
    *, uow: OversightUnitOfWork, rules: RuleBook, recommendation_id: str, confirmed_by: str
) -> Recommendation:
    current = await _load(uow, recommendation_id)
    now = uow.clock.now()
    issued = rules_of.confirm(current, by=confirmed_by, now=now, rules=rules)
    await uow.recommendations.save(issued, expected_version=current.version, at=now)
    announce(uow, bus.recommendation_issued(uow.ward, issued), issued)
    return issued


async def receive(
    *,
    uow: OversightUnitOfWork,
    rules: RuleBook,
    recommendation_id: str,
    received_at: dt.datetime | None,
) -> Recommendation:
    """OVS-ANSWER counts from the addressee's receipt: recorded now, or at ``received_at``."""
    current = await _load(uow, recommendation_id)
    now = uow.clock.now()
    received = rules_of.receive(current, received_at=received_at or now, now=now, rules=rules)
    await uow.recommendations.save(received, expected_version=current.version, at=now)
    # The deadline the issue announced no longer holds: subscribers take the recomputed one.
    announce(uow, bus.recommendation_received(uow.ward, received), received)
    return received


async def answer(
    *,
    uow: OversightUnitOfWork,
    recommendation_id: str,
    answered_by: str,
    text: str,
    accepted: Acceptance,
) -> Recommendation:
    current = await _load(uow, recommendation_id)
    now = uow.clock.now()
    answered = rules_of.answer(current, text=text, accepted=accepted, by=answered_by, now=now)
    await uow.recommendations.save(answered, expected_version=current.version, at=now)
    announce(uow, bus.recommendation_answered(uow.ward, answered), answered)
    return answered


async def overdue_recommendations(uow: OversightUnitOfWork) -> list[str]:
    """The recommendations unanswered past their due day at the clock's ``now`` and not yet
    escalated (the deadline, with its rule row, was fixed when each was issued)."""
    return await uow.recommendations.overdue_candidates(uow.clock.now())


async def escalate_recommendation(uow: OversightUnitOfWork, recommendation_id: str) -> int:
    """Escalate one overdue recommendation to the city; 0 when it no longer needs it (it was
    answered, or escalated, since the sweep read it)."""
    current = await uow.recommendations.get(recommendation_id)
    now = uow.clock.now()
    if current is None or not rules_of.needs_escalation(current, now):
        return 0
    escalated = rules_of.escalate(current, now=now)
    await uow.recommendations.save(escalated, expected_version=current.version, at=now)
    announce(uow, bus.recommendation_overdue(uow.ward, escalated), escalated)
    await uow.audit(
        SWEEPER,
        action="recommendation.overdue",
        target=f"recommendation:{escalated.id}",
        detail={"rule": ANSWER, "escalated_to": "city"},
    )
    return 1


escalate_overdue: ItemSweep[OversightUnitOfWork] = ItemSweep(
    name="recommendation.overdue", due=overdue_recommendations, handle=escalate_recommendation
)
