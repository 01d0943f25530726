"""Commands on residents' decisions: open (freezing the register's count), vote, tally, close,
recognise. Household ids reach the votes table only; the audit log names the decision."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace

from qcdc_plans.adapters import bus
from qcdc_plans.adapters.conferences import InitiativeRepository
from qcdc_plans.adapters.decisions import DecisionRepository
from qcdc_plans.adapters.register import GroupRepository
from qcdc_plans.domain import decision as rules_of
from qcdc_plans.domain.decision import Choice, Decision, Form, Outcome, Tally
from qcdc_plans.domain.errors import NotFound
from qcdc_plans.domain.groups import register_of
from qcdc_plans.domain.initiative import lead_to_decision
from qcdc_shared.auth import Principal
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import UnitOfWork, command


async def _load(uow: UnitOfWork, decision_id: str) -> Decision:
    decision = await DecisionRepository(uow.session).get(decision_id)
    if decision is None:
        raise NotFound("biểu quyết", "decision", decision_id)
    return decision


async def open_decision(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
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
    decision_id = str(uuid.uuid4())

    async def work() -> Decision:
        register = register_of(await GroupRepository(uow.session).all(), group)
        if initiative is not None:
            await _lead_from(uow, initiative, decision_id=decision_id, topic=topic, group=group)
        decision = rules_of.open_decision(
            decision_id=decision_id,
            ward=uow.runtime.ward,
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
        await DecisionRepository(uow.session).add(decision, at=uow.runtime.clock.now())
        uow.record(bus.decision_opened(decision), aggregate_id=decision.id, sequence=1)
        return decision

    return await command(
        uow, actor, action="decision.open", target=f"decision:{decision_id}", work=work
    )


async def _lead_from(
    uow: UnitOfWork, initiative_id: str, *, decision_id: str, topic: int, group: str | None
) -> None:
    repository = InitiativeRepository(uow.session)
    current = await repository.get(initiative_id)
    if current is None:
        raise NotFound("đề xuất của Nhân dân", "initiative", initiative_id)
    led = lead_to_decision(current, decision_id=decision_id, topic=topic, group=group)
    await repository.save(led, expected_version=current.version, at=uow.runtime.clock.now())


async def record_vote(
    *, uow: UnitOfWork, actor: Principal, decision_id: str, household: str, choice: Choice
) -> Tally:
    """One household's vote; returns the counts so far (never who chose what)."""

    async def work() -> Tally:
        repository = DecisionRepository(uow.session)
        decision = await _load(uow, decision_id)
        now = uow.runtime.clock.now()
        so_far = await repository.votes(decision_id)
        rules_of.check_vote(
            decision,
            household_voted=await repository.has_voted(decision_id, household),
            votes_so_far=so_far.present,
            now=now,
        )
        # The unique (decision, household) index refuses a racing second vote at commit.
        await repository.add_vote(
            decision_id, household=household, choice=choice, by=actor.sub, at=now
        )
        return await repository.votes(decision_id)

    return await command(
        uow, actor, action="decision.vote", target=f"decision:{decision_id}", work=work
    )


async def _change(
    uow: UnitOfWork,
    actor: Principal,
    *,
    decision_id: str,
    action: str,
    change: Callable[[Decision, dt.datetime, Tally], Decision],
    event: Callable[[Decision], IntegrationEvent] | None = None,
) -> Decision:
    async def work() -> Decision:
        repository = DecisionRepository(uow.session)
        current = await _load(uow, decision_id)
        now = uow.runtime.clock.now()
        after = change(current, now, await repository.votes(decision_id))
        await repository.save(after, expected_version=current.version, at=now)
        if event is not None:
            uow.record(event(after), aggregate_id=after.id, sequence=after.version)
        return after

    return await command(
        uow, actor, action=f"decision.{action}", target=f"decision:{decision_id}", work=work
    )


async def record_tally(
    *, uow: UnitOfWork, actor: Principal, decision_id: str, tally: Tally
) -> Decision:
    return await _change(
        uow,
        actor,
        decision_id=decision_id,
        action="tally",
        change=lambda d, now, votes: rules_of.record_tally(
            d, tally, votes_so_far=votes.present, now=now
        ),
    )


async def close_decision(
    *, uow: UnitOfWork, rules: RuleBook, actor: Principal, decision_id: str, minutes: str | None
) -> Decision:
    return await _change(
        uow,
        actor,
        decision_id=decision_id,
        action="close",
        change=lambda d, now, votes: rules_of.close(
            d, votes=votes, now=now, rules=rules, minutes=minutes
        ),
        event=bus.decision_closed,
    )


async def recognise_decision(
    *,
    uow: UnitOfWork,
    actor: Principal,
    decision_id: str,
    outcome: Outcome,
    reason: str | None,
) -> Decision:
    return await _change(
        uow,
        actor,
        decision_id=decision_id,
        action="recognise",
        change=lambda d, now, votes: rules_of.recognise(
            d, outcome=outcome, reason=reason, by=actor.sub, by_role=actor.role, now=now
        ),
        event=bus.decision_recognised,
    )
