"""Commands on the city's queue: acknowledge, assign, note, resolve, by a city monitor, all
through :func:`act` (the API's routes and the dashboard's forms alike). Each saves the city's
handling of the item and records a city event (``qcdc.city.gateway.escalation.*``) whose
sequence is the item's version; the route runs it through ``run_command``, which audits it and
commits both together (the outbox relays it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qcdc_gateway.contracts import (
    EscalationAcknowledgedV1,
    EscalationAssignedV2,
    EscalationNotedV1,
    EscalationResolvedV1,
)
from qcdc_gateway.domain import queue
from qcdc_gateway.domain.queue import Action, Escalation
from qcdc_gateway.unit_of_work import GatewayUnitOfWork
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.refusals import NotFound
from qcdc_shared.unit_of_work import Actor


def event_for(action: Action, item: Escalation, *, at: dt.datetime) -> IntegrationEvent:
    """The item's public state after ``action``: never a note's or a resolution's text, nor
    the account handling it (decision 0013)."""
    state: dict[str, Any] = {
        "escalation_id": item.id,
        "ward": item.ward,
        "kind": item.kind,
        "subject": item.source_id,
        "rule": item.rule,
        "status": item.status,
        "version": item.version,
        "at": at,
    }
    if action == "acknowledge":
        return EscalationAcknowledgedV1(**state)
    if action == "assign":
        return EscalationAssignedV2(**state)
    if action == "note":
        return EscalationNotedV1(**state, notes=item.notes)
    return EscalationResolvedV1(**state)


def _changed(item: Escalation, action: Action, value: str, at: dt.datetime) -> Escalation:
    if action == "acknowledge":
        return queue.acknowledge(item, at=at)
    if action == "assign":
        return queue.assign(item, assignee=value, at=at)
    if action == "note":
        return queue.add_note(item)
    return queue.resolve(item, resolution=value, at=at)


async def act(
    *, uow: GatewayUnitOfWork, actor: Actor, escalation_id: str, action: Action, value: str = ""
) -> Escalation:
    """``action`` on the item by ``actor``; ``value`` is what the action takes: the assignee,
    the note's text or the resolution (nothing to acknowledge). A note's text is kept in the
    city's database, never in the event."""
    queue.may_act(actor.role, action)
    item = await uow.escalations.get(escalation_id)
    if item is None:
        raise NotFound("mục chuyển lên thành phố", "escalation", escalation_id)
    at = uow.clock.now()
    after = _changed(item, action, value, at)
    await uow.escalations.save(after, expected_version=item.version, at=at)
    if action == "note":
        await uow.escalations.add_note(after.id, author=actor.sub, text=value, at=at)
    uow.record(event_for(action, after, at=at), aggregate_id=after.id, sequence=after.version)
    return after
