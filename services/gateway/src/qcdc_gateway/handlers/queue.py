"""Commands on the city's queue: acknowledge, assign, note, resolve. Each is audited in the
gateway's database and announced as a city event (``qcdc.city.gateway.escalation.*``) whose
sequence is the item's version, in the same transaction (the outbox relays it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from qcdc_gateway.adapters.queue import EscalationRepository
from qcdc_gateway.contracts import (
    EscalationAcknowledgedV1,
    EscalationAssignedV1,
    EscalationNotedV1,
    EscalationResolvedV1,
)
from qcdc_gateway.domain import queue
from qcdc_gateway.domain.queue import Action, Escalation
from qcdc_shared.auth import Principal
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.refusals import NotFound
from qcdc_shared.runtime import UnitOfWork, command

Change = Callable[[Escalation, dt.datetime], Escalation]


def event_for(action: Action, item: Escalation, *, at: dt.datetime) -> IntegrationEvent:
    """The item's public state after ``action``: never a note's or a resolution's text."""
    state: dict[str, Any] = {
        "escalation_id": item.id,
        "ward": item.ward,
        "kind": item.kind,
        "subject": item.source_id,
        "rule": item.rule,
        "status": item.status,
        "assignee": item.assignee,
        "version": item.version,
        "at": at,
    }
    if action == "acknowledge":
        return EscalationAcknowledgedV1(**state)
    if action == "assign":
        return EscalationAssignedV1(**state)
    if action == "note":
        return EscalationNotedV1(**state, notes=item.notes)
    return EscalationResolvedV1(**state)


async def _act(
    *,
    uow: UnitOfWork,
    actor: Principal,
    escalation_id: str,
    action: Action,
    change: Change,
    note: str | None = None,
) -> Escalation:
    async def work() -> Escalation:
        repository = EscalationRepository(uow.session)
        item = await repository.get(escalation_id)
        if item is None:
            raise NotFound("mục chuyển lên thành phố", "escalation", escalation_id)
        at = uow.runtime.clock.now()
        after = change(item, at)
        await repository.save(after, expected_version=item.version, at=at)
        if note is not None:
            await repository.add_note(after.id, author=actor.sub, text=note, at=at)
        uow.record(event_for(action, after, at=at), aggregate_id=after.id, sequence=after.version)
        return after

    return await command(
        uow, actor, action=f"escalation.{action}", target=f"escalation:{escalation_id}", work=work
    )


async def acknowledge(*, uow: UnitOfWork, actor: Principal, escalation_id: str) -> Escalation:
    return await _act(
        uow=uow,
        actor=actor,
        escalation_id=escalation_id,
        action="acknowledge",
        change=lambda item, at: queue.acknowledge(item, at=at),
    )


async def assign(
    *, uow: UnitOfWork, actor: Principal, escalation_id: str, assignee: str
) -> Escalation:
    return await _act(
        uow=uow,
        actor=actor,
        escalation_id=escalation_id,
        action="assign",
        change=lambda item, at: queue.assign(item, assignee=assignee, at=at),
    )


async def add_note(
    *, uow: UnitOfWork, actor: Principal, escalation_id: str, text: str
) -> Escalation:
    return await _act(
        uow=uow,
        actor=actor,
        escalation_id=escalation_id,
        action="note",
        change=lambda item, at: queue.add_note(item),
        note=text,
    )


async def resolve(
    *, uow: UnitOfWork, actor: Principal, escalation_id: str, resolution: str
) -> Escalation:
    return await _act(
        uow=uow,
        actor=actor,
        escalation_id=escalation_id,
        action="resolve",
        change=lambda item, at: queue.resolve(item, resolution=resolution, at=at),
    )
