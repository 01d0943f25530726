"""Commands on recommendations (OVS-ANSWER) and the sweeper that escalates the unanswered.

The sweeper claims each overdue recommendation in its own transaction with a conditional
update (``overdue_at IS NULL``) that only one transaction can win; the event is recorded in
that same transaction, so repeated ticks, a restart or two sweepers running at once publish
``recommendation.overdue`` exactly once. One recommendation that fails never stops the rest.
"""

from __future__ import annotations

import logging
import uuid

from qcdc_oversight.adapters import bus
from qcdc_oversight.adapters.inspections import InspectionRepository, RecommendationRepository
from qcdc_oversight.domain import recommendation as rules_of
from qcdc_oversight.domain.recommendation import ANSWER, Acceptance, Recommendation
from qcdc_shared.audit import record_audit
from qcdc_shared.auth import Principal
from qcdc_shared.refusals import NotFound, Refused
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import UnitOfWork, command

log = logging.getLogger(__name__)


async def _load(uow: UnitOfWork, recommendation_id: str) -> Recommendation:
    recommendation = await RecommendationRepository(uow.session).get(recommendation_id)
    if recommendation is None:
        raise NotFound("kiến nghị", "recommendation", recommendation_id)
    return recommendation


async def propose(
    *,
    uow: UnitOfWork,
    actor: Principal,
    title: str,
    body: str,
    addressed_to: str,
    inspection_id: str | None = None,
) -> Recommendation:
    recommendation_id = str(uuid.uuid4())

    async def work() -> Recommendation:
        if inspection_id and await InspectionRepository(uow.session).get(inspection_id) is None:
            raise Refused(
                f"Không có cuộc kiểm tra {inspection_id} để gắn kiến nghị.",
                f"No inspection {inspection_id} to attach the recommendation to.",
            )
        proposed = rules_of.propose(
            recommendation_id=recommendation_id,
            title=title,
            body=body,
            addressed_to=addressed_to,
            proposed_by=actor.sub,
            inspection_id=inspection_id,
        )
        await RecommendationRepository(uow.session).add(proposed, at=uow.runtime.clock.now())
        return proposed

    return await command(
        uow,
        actor,
        action="recommendation.propose",
        target=f"recommendation:{recommendation_id}",
        work=work,
    )


async def confirm(
    *, uow: UnitOfWork, rules: RuleBook, actor: Principal, recommendation_id: str
) -> Recommendation:
    async def work() -> Recommendation:
        current = await _load(uow, recommendation_id)
        now = uow.runtime.clock.now()
        issued = rules_of.confirm(current, by=actor.sub, now=now, rules=rules)
        await RecommendationRepository(uow.session).save(
            issued, expected_version=current.version, at=now
        )
        uow.record(
            bus.recommendation_issued(uow.runtime.ward, issued),
            aggregate_id=issued.id,
            sequence=issued.version,
        )
        return issued

    return await command(
        uow,
        actor,
        action="recommendation.confirm",
        target=f"recommendation:{recommendation_id}",
        work=work,
    )


async def answer(
    *,
    uow: UnitOfWork,
    actor: Principal,
    recommendation_id: str,
    text: str,
    accepted: Acceptance,
) -> Recommendation:
    async def work() -> Recommendation:
        current = await _load(uow, recommendation_id)
        now = uow.runtime.clock.now()
        answered = rules_of.answer(current, text=text, accepted=accepted, by=actor.sub, now=now)
        await RecommendationRepository(uow.session).save(
            answered, expected_version=current.version, at=now
        )
        uow.record(
            bus.recommendation_answered(uow.runtime.ward, answered),
            aggregate_id=answered.id,
            sequence=answered.version,
        )
        return answered

    return await command(
        uow,
        actor,
        action="recommendation.answer",
        target=f"recommendation:{recommendation_id}",
        work=work,
    )


async def sweep_overdue_recommendations(uow: UnitOfWork) -> int:
    """Escalate every recommendation unanswered past its due day at the shared clock's
    ``now``; returns how many this sweep escalated (the deadline, with its rule row, was
    fixed when the recommendation was issued)."""
    now = uow.runtime.clock.now()
    due = await RecommendationRepository(uow.session).overdue_candidates(now)
    await uow.session.rollback()  # only a read: each recommendation gets its own transaction
    count = 0
    for recommendation_id in due:
        try:
            async with uow.runtime.uow() as one:
                count += await _escalate(one, recommendation_id)
        except Exception:
            log.exception("recommendation %s not escalated; retried next tick", recommendation_id)
    return count


async def _escalate(uow: UnitOfWork, recommendation_id: str) -> int:
    repository = RecommendationRepository(uow.session)
    current = await repository.get(recommendation_id)
    now = uow.runtime.clock.now()
    if current is None or not rules_of.needs_escalation(current, now):
        return 0
    escalated = rules_of.escalate(current, now=now)
    if not await repository.mark_overdue(escalated, expected_version=current.version):
        return 0  # another sweep escalated it, or it was answered meanwhile
    uow.record(
        bus.recommendation_overdue(uow.runtime.ward, escalated),
        aggregate_id=escalated.id,
        sequence=escalated.version,
    )
    await record_audit(
        uow.session,
        actor="system:sweeper",
        role="system",
        ward=uow.runtime.ward,
        action="recommendation.overdue",
        target=f"recommendation:{escalated.id}",
        detail={"rule": ANSWER, "escalated_to": "city"},
        at=now,
    )
    await uow.commit()
    return 1
