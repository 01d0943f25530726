"""The city's queue: which action each status allows, what a refusal says, stable ids, and
events that carry the item's state but never the text of a note or a resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_gateway.contracts import EVENTS, EscalationAssignedV2, EscalationNotedV1
from qcdc_gateway.domain import queue
from qcdc_gateway.domain.queue import ALLOWED, Escalation, QueueRefused, escalation_id
from qcdc_gateway.handlers.queue import event_for
from qcdc_shared.refusals import Refused

pytestmark = pytest.mark.unit

AT = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
LATER = AT + dt.timedelta(hours=3)
SUBJECT = "petition/p-1/DEN-INTAKE"


def item(**changes: object) -> Escalation:
    fields: dict[str, object] = {
        "id": escalation_id("ben-thanh", SUBJECT),
        "ward": "ben-thanh",
        "subject": SUBJECT,
        "kind": "petition",
        "source_id": "p-1",
        "rule": "DEN-INTAKE",
        "since": AT,
        "petition_kind": "denunciation",
    }
    return Escalation(**(fields | changes))  # type: ignore[arg-type]


def test_the_id_is_stable_per_ward_and_fact() -> None:
    assert escalation_id("ben-thanh", SUBJECT) == escalation_id("ben-thanh", SUBJECT)
    assert escalation_id("ben-thanh", SUBJECT) != escalation_id("sai-gon", SUBJECT)
    assert escalation_id("ben-thanh", SUBJECT) != escalation_id(
        "ben-thanh", "petition/p-1/DEN-RESOLVE"
    )


def test_an_item_the_city_never_touched_is_open_at_version_zero() -> None:
    fresh = item()
    assert (fresh.status, fresh.version, fresh.notes) == ("open", 0, 0)


def test_acknowledge_then_resolve() -> None:
    acknowledged = queue.acknowledge(item(), at=AT)
    assert (acknowledged.status, acknowledged.version, acknowledged.acknowledged_at) == (
        "acknowledged",
        1,
        AT,
    )
    resolved = queue.resolve(acknowledged, resolution="Phường đã trả lời.", at=LATER)
    assert (resolved.status, resolved.version) == ("resolved", 2)
    assert (resolved.resolved_at, resolved.resolution) == (LATER, "Phường đã trả lời.")
    assert resolved.acknowledged_at == AT


def test_assigning_takes_the_item_on_and_may_hand_it_to_another() -> None:
    assigned = queue.assign(item(), assignee="city-handler-1", at=AT)
    assert (assigned.status, assigned.assignee, assigned.acknowledged_at) == (
        "assigned",
        "city-handler-1",
        AT,
    )
    handed_on = queue.assign(assigned, assignee="city-handler-2", at=LATER)
    assert (handed_on.assignee, handed_on.version, handed_on.acknowledged_at) == (
        "city-handler-2",
        2,
        AT,
    )
    with pytest.raises(QueueRefused, match="already assigned"):
        queue.assign(handed_on, assignee="city-handler-2", at=LATER)


def test_a_note_counts_and_changes_no_status_even_after_resolution() -> None:
    noted = queue.add_note(item())
    assert (noted.status, noted.notes, noted.version) == ("open", 1, 1)
    resolved = queue.resolve(queue.acknowledge(noted, at=AT), resolution="Xong.", at=LATER)
    assert queue.add_note(resolved).status == "resolved"


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("acknowledged", "acknowledge"),
        ("assigned", "acknowledge"),
        ("resolved", "acknowledge"),
        ("resolved", "assign"),
        ("open", "resolve"),  # nobody took it on yet
        ("resolved", "resolve"),
    ],
)
def test_what_the_status_refuses_is_a_conflict(status: str, action: str) -> None:
    current = item(status=status, version=3, assignee="h" if status == "assigned" else None)
    act = {
        "acknowledge": lambda: queue.acknowledge(current, at=LATER),
        "assign": lambda: queue.assign(current, assignee="other", at=LATER),
        "resolve": lambda: queue.resolve(current, resolution="x", at=LATER),
    }[action]
    with pytest.raises(Refused) as refused:
        act()
    assert refused.value.conflict  # HTTP 409
    assert status in refused.value.detail_en
    assert refused.value.detail_vi.startswith("Không thể")


def test_every_status_is_reachable_and_resolved_is_final_but_for_notes() -> None:
    reachable = {s for statuses in ALLOWED.values() for s in statuses}
    assert reachable == {"open", "acknowledged", "assigned", "resolved"}
    assert [a for a, statuses in ALLOWED.items() if "resolved" in statuses] == ["note"]


def test_events_carry_the_state_after_the_change_and_never_the_text() -> None:
    assigned = queue.assign(item(), assignee="city-handler-1", at=AT)
    event = event_for("assign", assigned, at=AT)
    assert isinstance(event, EscalationAssignedV2)
    assert event.model_dump(mode="json") == {
        "escalation_id": assigned.id,
        "ward": "ben-thanh",
        "kind": "petition",
        "subject": "p-1",
        "rule": "DEN-INTAKE",
        "status": "assigned",
        "version": 1,
        "at": "2026-12-01T02:00:00Z",
    }
    noted = event_for("note", queue.add_note(assigned), at=LATER)
    assert isinstance(noted, EscalationNotedV1) and noted.notes == 1
    # Decision 0013: who handles it, the queue alone knows; no event names the account.
    assert "city-handler-1" not in noted.model_dump_json()
    resolved = queue.resolve(assigned, resolution="Người tố cáo Nguyễn Văn A đã được báo.", at=AT)
    assert "Nguyễn" not in event_for("resolve", resolved, at=AT).model_dump_json()


def test_no_event_has_a_field_for_free_text() -> None:
    for model in EVENTS:
        assert model.service == "gateway" and model.aggregate == "escalation"
        assert not {"text", "note", "resolution"} & set(model.model_fields)
