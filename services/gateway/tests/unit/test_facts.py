"""The city's facts: one per ward aggregate, merged field by field by sequence, so the same
events in any order, once or twice, give the same facts."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from qcdc_gateway.domain.facts import Change, changes, fold

pytestmark = pytest.mark.unit

T0 = dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC)
DEADLINES = [{"rule": "CMP-RESOLVE", "due_at": "2026-12-02T23:59:59+07:00", "met": None}]


def petition_event(name: str, sequence: int, **data: object) -> list[Change]:
    base: dict[str, object] = {
        "kind": "complaint",
        "status": "received",
        "received_on": "2026-11-02",
        "deadlines": DEADLINES,
    }
    return changes(
        ward="ben-thanh",
        type=f"vn.qcdc.petitions.petition.{name}.v1",
        subject="p-1",
        sequence=sequence,
        time=T0 + dt.timedelta(days=sequence),
        data=base | data,
    )


HISTORY = [
    *petition_event("received", 1),
    *petition_event("accepted", 2, status="accepted"),
    *petition_event("answered", 3, answered_at="2026-11-20T09:00:00+07:00", on_time=True),
    *petition_event("closed", 4, status="closed"),
]


def test_every_order_and_every_redelivery_gives_the_same_fact() -> None:
    expected = fold(HISTORY)
    (fact,) = expected.values()
    assert fact.fields["status"] == "closed" and fact.fields["answered_on_time"] is True
    assert fact.first_seen == T0 + dt.timedelta(days=1)
    for order in itertools.permutations(HISTORY):
        assert fold(order) == expected
    doubled = HISTORY * 2
    random.Random(7).shuffle(doubled)
    assert fold(doubled) == expected


def test_an_escalation_is_its_own_fact_for_the_city_queue() -> None:
    escalated = petition_event(
        "escalated", 3, kind="denunciation", rule="DEN-RESOLVE", by="sweeper"
    )
    kinds = {(c.kind, c.subject) for c in escalated}
    assert kinds == {("petition", "p-1"), ("escalation", "petition/p-1/DEN-RESOLVE")}


def test_an_unknown_type_or_version_makes_no_fact() -> None:
    other = dict(ward="w", subject="s", sequence=1, time=T0, data={})
    assert changes(type="vn.qcdc.petitions.petition.received.v2", **other) == []  # type: ignore[arg-type]
    assert changes(type="vn.qcdc.plans.group.registered.v1", **other) == []  # type: ignore[arg-type]


def test_the_petitions_state_is_read_from_its_events_never_inferred() -> None:
    refused = fold(
        [
            *petition_event("received", 1),
            *petition_event("refused", 2, status="refused"),
            # Published beside it until 2027-06-30: the same state, the same sequence.
            *petition_event("accepted", 2, status="refused", accepted=False),
        ]
    )
    (fact,) = refused.values()
    assert fact.fields["status"] == "refused"
    forwarded = fold(
        [*petition_event("received", 1), *petition_event("forwarded", 2, status="forwarded")]
    )
    assert next(iter(forwarded.values())).fields["status"] == "forwarded"
    # An answer carries the status the petition has after it, and its clocks with their outcome.
    met = [{"rule": "CMP-RESOLVE", "due_at": "2026-12-02T23:59:59+07:00", "met": True}]
    answered = fold(
        [
            *petition_event("received", 1),
            *petition_event("answered", 2, status="answered", deadlines=met, on_time=True),
        ]
    )
    fields = next(iter(answered.values())).fields
    assert fields["status"] == "answered" and fields["deadlines"][0]["met"] is True


def test_a_suspended_complaint_is_read_and_resumes_with_its_moved_clock() -> None:
    moved = [{"rule": "CMP-RESOLVE", "due_at": "2026-12-09T23:59:59+07:00", "met": None}]
    steps = [
        *petition_event("received", 1),
        *petition_event("accepted", 2, status="accepted"),
        *petition_event("suspended", 3, status="suspended"),
    ]
    (paused,) = fold(steps).values()
    assert paused.fields["status"] == "suspended"
    (resumed,) = fold(
        [*steps, *petition_event("resumed", 4, status="accepted", deadlines=moved)]
    ).values()
    assert resumed.fields["status"] == "accepted" and resumed.fields["deadlines"] == moved
    (gone,) = fold(
        [*steps, *petition_event("withdrawn", 4, status="withdrawn", whole=True)]
    ).values()
    assert gone.fields["status"] == "withdrawn"


def test_a_denouncer_notified_carries_the_settled_notice() -> None:
    late = [{"rule": "DEN-INTAKE.notice", "due_at": "2026-12-10T23:59:59+07:00", "met": False}]
    steps = [
        *petition_event("received", 1, kind="denunciation"),
        *petition_event("accepted", 2, kind="denunciation", status="accepted"),
        *petition_event(
            "denouncer_notified",
            3,
            kind="denunciation",
            status="accepted",
            deadlines=late,
            on_time=False,
        ),
    ]
    (notified,) = fold(steps).values()
    assert notified.fields["deadlines"] == late and notified.fields["status"] == "accepted"


def recommendation_event(name: str, sequence: int, **data: object) -> list[Change]:
    base: dict[str, object] = {
        "recommendation_id": "rcm-1",
        "title": "Công khai chứng từ chi quỹ khuyến học",
        "addressed_to": "UBND phường",
        "issued_at": "2026-11-02T09:00:00+07:00",
        "rule": "OVS-ANSWER",
    }
    return changes(
        ward="ben-thanh",
        type=f"vn.qcdc.oversight.recommendation.{name}.v1",
        subject="rcm-1",
        sequence=sequence,
        time=T0 + dt.timedelta(days=sequence),
        data=base | data,
    )


def test_a_recommendations_due_date_follows_its_recorded_receipt() -> None:
    from_issue, from_receipt = "2026-11-17T23:59:59+07:00", "2026-11-20T23:59:59+07:00"
    history = [
        *recommendation_event("issued", 2, due_at=from_issue),
        *recommendation_event(
            "received", 3, due_at=from_receipt, received_at="2026-11-05T10:00:00+07:00"
        ),
    ]
    for order in (history, history[::-1]):
        (fact,) = fold(order).values()
        assert fact.fields["due_at"] == from_receipt
        assert fact.fields["received_at"] == "2026-11-05T10:00:00+07:00"
    # Overdue later carries the same recomputed deadline, and so does its escalation.
    overdue = recommendation_event("overdue", 4, due_at=from_receipt, escalated_to="city")
    assert {c.kind: c.fields["due_at"] for c in overdue} == {
        "recommendation": from_receipt,
        "escalation": from_receipt,
    }
    folded = fold([*overdue, *history])
    recommendation = folded[("ben-thanh", "recommendation", "rcm-1")]
    assert recommendation.fields["due_at"] == from_receipt and recommendation.fields["overdue"]
