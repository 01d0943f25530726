"""Commands on residents' decisions: open (freezing the register's count), vote, tally, close,
recognise; ``run_command`` (the route's) audits and commits. Household ids reach the votes
table only; the audit log names the decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from qcdc_plans.adapters import bus
from qcdc_plans.domain import decision as rules_of
from qcdc_plans.domain.decision import Choice, Decision, Outcome, Tally
from qcdc_plans.domain.groups import register_of
from qcdc_plans.domain.initiative import Initiative, lead_to_decision
from qcdc_plans.domain.opening import Form
from qcdc_plans.handlers.common import load
from qcdc_plans.unit_of_work import PlansUnitOfWork
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.unit_of_work import Actor


async def _load(uow: PlansUnitOfWork, decision_id: str) -> Decision:
    return await load(uow.decisions.get, decision_id, "biểu quyết", "decision")


async def open_decision(
    *,
    uow: PlansUnitOfWork,
    rules: RuleBook,
    actor: Actor,
    decision_id: str,
    topic: int,
    title: str,
    group: str | None,
    form: Form,
    notice_at: dt.datetime,
    vote_at: dt.datetime,
    households_total: int | None = None,
    ballot_reason: str | None = None,
    draft_posted_on: dt.date | None = None,
    draft_posting: str | None = None,
    initiative: str | None = None,
) -> Decision:
    register = register_of(await uow.groups.all(), group)
    led: tuple[Initiative, Initiative] | None = None
    if initiative is not None:
        current = await load(uow.initiatives.get, initiative, "đề xuất của Nhân dân", "initiative")
        led = current, lead_to_decision(current, decision_id=decision_id, topic=topic, group=group)
    decision = rules_of.open_decision(
        decision_id=decision_id,
        ward=uow.ward,
        topic=topic,
        title=title,
        register=register,
        form=form,
        notice_at=notice_at,
        vote_at=vote_at,
        opened_by=actor.sub,
        rules=rules,
        households_total=households_total,
        ballot_reason=ballot_reason,
        draft_posted_on=draft_posted_on,
        draft_posting=draft_posting,
    )
    decision = replace(decision, initiative_id=initiative)
    now = uow.clock.now()
    if led is not None:
        before, after = led
        await uow.initiatives.save(after, expected_version=before.version, at=now)
    await uow.decisions.add(decision, at=now)
    uow.record(bus.decision_opened(decision), aggregate_id=decision.id, sequence=decision.version)
    return decision


async def record_vote(
    *, uow: PlansUnitOfWork, actor: Actor, decision_id: str, household: str, choice: Choice
) -> tuple[Decision, Tally]:
    """One household's vote; returns the decision and the counts so far (never who chose
    what)."""
    decision = await _load(uow, decision_id)
    now = uow.clock.now()
    so_far = await uow.decisions.votes(decision_id)
    rules_of.check_vote(
        decision,
        household_voted=await uow.decisions.has_voted(decision_id, household),
        votes_so_far=so_far.present,
        now=now,
    )
    # The unique (decision, household) index refuses a racing second vote at commit.
    await uow.decisions.add_vote(
        decision_id, household=household, choice=choice, by=actor.sub, at=now
    )
    return decision, await uow.decisions.votes(decision_id)


async def _change(
    uow: PlansUnitOfWork,
    decision_id: str,
    change: Callable[[Decision, dt.datetime, Tally], Decision],
    event: Callable[[Decision], IntegrationEvent] | None = None,
) -> Decision:
    current = await _load(uow, decision_id)
    now = uow.clock.now()
    after = change(current, now, await uow.decisions.votes(decision_id))
    await uow.decisions.save(after, expected_version=current.version, at=now)
    if event is not None:
        uow.record(event(after), aggregate_id=after.id, sequence=after.version)
    return after


async def record_tally(
    *, uow: PlansUnitOfWork, rules: RuleBook, decision_id: str, tally: Tally
) -> Decision:
    return await _change(
        uow,
        decision_id,
        lambda d, now, votes: rules_of.record_tally(
            d, tally, votes_so_far=votes.present, now=now, rules=rules
        ),
    )


async def close_decision(
    *,
    uow: PlansUnitOfWork,
    rules: RuleBook,
    decision_id: str,
    minutes: str | None,
    record_received_at: dt.datetime | None = None,
) -> Decision:
    return await _change(
        uow,
        decision_id,
        lambda d, now, votes: rules_of.close(
            d,
            votes=votes,
            now=now,
            rules=rules,
            minutes=minutes,
            record_received_at=record_received_at,
        ),
        bus.decision_closed,
    )


async def recognise_decision(
    *,
    uow: PlansUnitOfWork,
    actor: Actor,
    decision_id: str,
    outcome: Outcome,
    reason: str | None,
) -> Decision:
    return await _change(
        uow,
        decision_id,
        lambda d, now, votes: rules_of.recognise(
            d, outcome=outcome, reason=reason, by=actor.sub, by_role=actor.role, now=now
        ),
        bus.decision_recognised,
    )
