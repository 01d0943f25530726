"""The city queue's commands on the fakes, through the pipeline the API and the dashboard's
forms use (``run_command``): no database, no broker, a fixed clock. A ward's escalation is
folded into the facts first, as the consumer does, and the queue reads its item from there."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable
from dataclasses import replace

import pytest

from qcdc_gateway.api.escalations import run_queue_command
from qcdc_gateway.domain.queue import Action, Escalation, escalation_id
from qcdc_gateway.fakes import FakeGatewayUnitOfWork, InMemoryEscalations
from qcdc_gateway.handlers.projection import project
from qcdc_shared.api.problems import Problem
from qcdc_shared.auth import Principal
from qcdc_shared.clock import LOCAL_TZ, FixedClock
from qcdc_shared.envelope import Envelope, dataschema_for

pytestmark = pytest.mark.unit

WARD = "ben-thanh"
MONITOR = Principal(sub="city-monitor-1", role="city_monitor")
ESCALATED_AT = dt.datetime(2026, 11, 20, 8, 0, tzinfo=LOCAL_TZ)
NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=LOCAL_TZ)
ITEM = escalation_id(WARD, "petition/pet-den-1/DEN-INTAKE")


def escalated() -> Envelope:
    """What the ward's petitions sweeper publishes for a denunciation never taken in."""
    return Envelope(
        id=str(uuid.uuid4()),
        source=f"/wards/{WARD}/petitions",
        type="vn.qcdc.petitions.petition.escalated.v1",
        subject="pet-den-1",
        time=ESCALATED_AT,
        dataschema=dataschema_for("petitions.petition.escalated", 1),
        data={
            "petition_id": "pet-den-1",
            "kind": "denunciation",
            "status": "received",
            "rule": "DEN-INTAKE",
            "due_at": "2026-11-19T23:59:59+07:00",
        },
        ward=WARD,
        sequence=2,
    )


async def queued() -> FakeGatewayUnitOfWork:
    uow = FakeGatewayUnitOfWork(clock=FixedClock(NOW))
    assert await project(uow=uow, envelope=escalated(), at=ESCALATED_AT)
    return uow


def run(
    uow: FakeGatewayUnitOfWork,
    action: Action,
    value: str = "",
    actor: Principal = MONITOR,
    item: str = ITEM,
) -> Awaitable[Escalation]:
    return run_queue_command(uow, actor, action, item, value)


async def test_a_monitor_acknowledges_assigns_notes_and_resolves_each_audited_and_announced() -> (
    None
):
    uow = await queued()
    opened = await uow.escalations.get(ITEM)
    assert opened is not None
    assert (opened.status, opened.version, opened.kind, opened.rule) == (
        "open",
        0,
        "petition",
        "DEN-INTAKE",
    )

    acknowledged = await run(uow, "acknowledge")
    uow.clock.advance(dt.timedelta(hours=1))
    assigned = await run(uow, "assign", "city-handler-7")
    noted = await run(uow, "note", "Đã gọi UBND phường.")
    resolved = await run(uow, "resolve", "Đã tiếp nhận.")

    assert (acknowledged.status, acknowledged.acknowledged_at) == ("acknowledged", NOW)
    assert (assigned.status, assigned.assignee, assigned.version) == (
        "assigned",
        "city-handler-7",
        2,
    )
    assert (noted.status, noted.notes, noted.version) == ("assigned", 1, 3)
    assert (resolved.status, resolved.resolution, resolved.version) == (
        "resolved",
        "Đã tiếp nhận.",
        4,
    )
    assert uow.escalations.states[ITEM] == resolved
    assert [(n.author, n.text) for n in uow.escalations.notes[ITEM]] == [
        ("city-monitor-1", "Đã gọi UBND phường.")
    ]
    assert uow.event_types() == [
        "vn.qcdc.gateway.escalation.acknowledged.v1",
        "vn.qcdc.gateway.escalation.assigned.v2",
        "vn.qcdc.gateway.escalation.noted.v1",
        "vn.qcdc.gateway.escalation.resolved.v1",
    ]
    # Decision 0013: the queue knows who handles the item; its public events name no account.
    assert all(e.data.get("assignee") is None for e in uow.events)
    assert [(e.ward, e.subject, e.sequence) for e in uow.events] == [
        ("city", ITEM, 1),
        ("city", ITEM, 2),
        ("city", ITEM, 3),
        ("city", ITEM, 4),
    ]
    assert uow.events[-1].data | {"at": None} == {
        "escalation_id": ITEM,
        "ward": WARD,
        "kind": "petition",
        "subject": "pet-den-1",
        "rule": "DEN-INTAKE",
        "status": "resolved",
        "assignee": None,
        "version": 4,
        "at": None,
    }
    # A note's and a resolution's texts stay in the city's database, never in an event.
    assert not any("UBND" in str(e.data) or "tiếp nhận" in str(e.data) for e in uow.events)
    assert [(a.action, a.target, a.outcome, a.actor) for a in uow.audit_log] == [
        ("escalation.acknowledge", f"escalation:{ITEM}", "ok", "city-monitor-1"),
        ("escalation.assign", f"escalation:{ITEM}", "ok", "city-monitor-1"),
        ("escalation.note", f"escalation:{ITEM}", "ok", "city-monitor-1"),
        ("escalation.resolve", f"escalation:{ITEM}", "ok", "city-monitor-1"),
    ]


async def test_a_refused_command_changes_nothing_and_is_audited_as_refused() -> None:
    uow = await queued()
    with pytest.raises(Problem) as refused:
        await run(uow, "resolve", "x")  # nobody in the city has taken it on yet

    assert refused.value.status == 409
    assert refused.value.detail_en == f"Cannot resolve escalation {ITEM}: it is open."
    assert ITEM not in uow.escalations.states
    assert (await uow.escalations.get(ITEM)).status == "open"  # type: ignore[union-attr]
    assert uow.events == []
    assert [(a.action, a.outcome, a.detail) for a in uow.audit_log] == [
        ("escalation.resolve", "refused", {"rule": None})
    ]


async def test_only_a_city_monitor_works_the_queue() -> None:
    uow = await queued()
    officer = Principal(sub="can-bo-1", role="officer", ward=WARD)
    with pytest.raises(Problem) as forbidden:
        await run(uow, "acknowledge", actor=officer)

    assert forbidden.value.status == 403
    assert ITEM not in uow.escalations.states and uow.events == []
    assert [(a.action, a.outcome, a.actor) for a in uow.audit_log] == [
        ("escalation.acknowledge", "refused", "can-bo-1")
    ]
    admin = Principal(sub="admin-1", role="admin")
    assert (await run(uow, "acknowledge", actor=admin)).status == "acknowledged"


async def test_an_unknown_item_is_a_404_problem() -> None:
    uow = await queued()
    missing = str(uuid.uuid4())
    with pytest.raises(Problem) as not_found:
        await run(uow, "note", "?", item=missing)

    assert not_found.value.status == 404 and missing in not_found.value.detail_en
    assert uow.escalations.notes == {} and uow.events == []
    assert [(a.target, a.outcome) for a in uow.audit_log] == [(f"escalation:{missing}", "refused")]


class Racing(InMemoryEscalations):
    """Another monitor acknowledges the item between a handler's read and its save."""

    async def get(self, item_id: str) -> Escalation | None:
        item = await super().get(item_id)
        if item is not None and item.version == 0:
            self.states[item_id] = replace(item, status="acknowledged", version=1)
        return item


async def test_a_change_that_lands_first_makes_the_other_a_409_and_nothing_of_it_stays() -> None:
    uow = await queued()
    uow.escalations = Racing(uow.facts)
    with pytest.raises(Problem) as conflict:
        await run(uow, "assign", "city-handler-7")

    assert conflict.value.status == 409
    assert uow.escalations.states[ITEM].assignee is None
    assert uow.events == []
    assert [(a.action, a.outcome) for a in uow.audit_log] == [("escalation.assign", "refused")]
