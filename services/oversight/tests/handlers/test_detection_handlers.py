"""The detector's handler on the fakes, fed the fixture events (each checked against its
contract in contracts/): one breach is one violation, announced once, whatever the arrival
order and however often an event is delivered again. No database, no broker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qcdc_oversight.domain.violation import violation_id
from qcdc_oversight.fakes import FakeOversightUnitOfWork
from qcdc_oversight.handlers.detection import detect_violations
from qcdc_oversight.testing import RULES
from qcdc_shared.envelope import Envelope
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.json"))
DETECTED = "vn.qcdc.oversight.violation.detected.v1"

# What the fixtures break, one violation each (rule, subject kind, subject id).
BREACHES = [
    ("CMP-RESOLVE", "petition", "pet-1"),
    ("CMP-RESOLVE", "petition", "pet-2"),
    ("DEC-FORM", "decision", "dec-3"),
    ("DEC-PASS.money", "decision", "dec-1"),
    ("OVS-ANSWER", "recommendation", "rcm-1"),
    ("OVS-DETECT.task", "task", "task-1"),
    ("PUB-DUE", "posting", "post-2"),
    ("PUB-LOUD.group-heads", "posting", "post-g2"),
    ("PUB-LOUD.group-heads", "posting", "post-g3"),
    ("PUB-MIN30", "posting", "post-1"),
    ("PUB-QTR.due", "posting", "post-q4"),
    ("REC-WEEK.schedule", "reception", "rec-1"),
]


def fixture(name: str) -> Envelope:
    raw = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return validate_envelope(raw)  # what the contract allows, as the consumer receives it


ENVELOPES = {name: fixture(name) for name in NAMES}


async def deliver(uow: FakeOversightUnitOfWork, *names: str) -> None:
    """Each event as the consumer hands it over: in its own inbox transaction."""
    for name in names:
        await detect_violations(uow=uow, rules=RULES, envelope=ENVELOPES[name])
        await uow.stage()


def violations(uow: FakeOversightUnitOfWork) -> list[tuple[str, str, str]]:
    return sorted((v.rule, v.subject_kind, v.subject_id) for v in uow.violations.items.values())


def announced(uow: FakeOversightUnitOfWork) -> list[tuple[str, str, str]]:
    return sorted(
        (e.data["rule"], e.data["subject"]["kind"], e.data["subject"]["id"])
        for e in uow.events
        if e.type == DETECTED
    )


async def test_a_posting_withdrawn_after_three_days_is_one_pub_min30_violation() -> None:
    uow = FakeOversightUnitOfWork()
    await deliver(uow, "posting_withdrawn_after_3_days")

    assert violations(uow) == [("PUB-MIN30", "posting", "post-1")]
    (violation,) = uow.violations.items.values()
    assert violation.id == violation_id("ben-thanh", "PUB-MIN30", "posting", "post-1")
    assert violation.status == "open" and violation.version == 1
    assert violation.evidence == (ENVELOPES["posting_withdrawn_after_3_days"].id,)
    assert violation.detected_at == uow.clock.now()
    assert uow.event_types() == [DETECTED]
    event = uow.events[0]
    assert event.subject == violation.id and event.sequence == 1
    assert event.data["evidence"] == list(violation.evidence)
    # Its publication was on time: a check met, no violation.
    assert uow.violations.checks[("PUB-DUE", "posting", "post-1")].met is True


async def test_a_redelivered_event_changes_nothing() -> None:
    uow = FakeOversightUnitOfWork()
    await deliver(uow, "posting_withdrawn_after_3_days")
    checks, stored = dict(uow.violations.checks), dict(uow.violations.items)

    await deliver(uow, "posting_withdrawn_after_3_days", "posting_withdrawn_after_3_days")

    assert uow.violations.checks == checks and uow.violations.items == stored
    assert uow.event_types() == [DETECTED]


@pytest.mark.parametrize(
    "order",
    [NAMES, NAMES[::-1], [*NAMES, *NAMES[::-1]], sorted(NAMES, key=lambda n: n[::-1]) * 2],
    ids=["forward", "reversed", "twice-both-ways", "shuffled-twice"],
)
async def test_every_breach_is_one_violation_announced_once_in_any_order(order: list[str]) -> None:
    uow = FakeOversightUnitOfWork()
    await deliver(uow, *order)

    assert violations(uow) == BREACHES
    assert announced(uow) == BREACHES
    standing = {key: check.met for key, check in uow.violations.checks.items()}
    assert standing[("PUB-DUE", "posting", "post-1")] is True
    assert standing[("CMP-ACCEPT", "petition", "pet-1")] is True
    assert standing[("OVS-ANSWER", "recommendation", "rcm-2")] is True
    assert not any(standing[breach] for breach in BREACHES)


async def test_a_further_event_proving_a_known_violation_joins_its_evidence_once() -> None:
    uow = FakeOversightUnitOfWork()
    await deliver(uow, "petition_overdue", "petition_closed_late", "petition_closed_late")

    (violation,) = [v for v in uow.violations.items.values() if v.rule == "CMP-RESOLVE"]
    assert violation.evidence == (
        ENVELOPES["petition_overdue"].id,
        ENVELOPES["petition_closed_late"].id,
    )
    assert violation.version == 1  # evidence is no new version
    assert announced(uow) == [("CMP-RESOLVE", "petition", "pet-1")]
    check = uow.violations.checks[("CMP-RESOLVE", "petition", "pet-1")]
    assert check.evidence == violation.evidence and check.met is False


def expired_in_time(posting_id: str) -> Envelope:
    """``posting_expired``, told of another posting (a fact proving PUB-MIN30 was kept)."""
    expired = ENVELOPES["posting_expired"]
    data = {**expired.data, "posting_id": posting_id}
    return expired.model_copy(
        update={"id": "00000000-0000-4000-8000-0000000000ff", "subject": posting_id, "data": data}
    )


@pytest.mark.parametrize("broken_first", [False, True])
async def test_kept_then_broken_or_the_reverse_is_one_violation_that_stays_broken(
    broken_first: bool,
) -> None:
    uow = FakeOversightUnitOfWork()
    kept = expired_in_time("post-1")
    withdrawn = ENVELOPES["posting_withdrawn_after_3_days"]
    for envelope in (withdrawn, kept) if broken_first else (kept, withdrawn):
        await detect_violations(uow=uow, rules=RULES, envelope=envelope)
        await uow.stage()

    check = uow.violations.checks[("PUB-MIN30", "posting", "post-1")]
    assert check.met is False
    assert check.occurred_at == withdrawn.time  # when it broke, not when it was first seen
    assert set(check.evidence) == {kept.id, withdrawn.id}
    (violation,) = [v for v in uow.violations.items.values() if v.rule == "PUB-MIN30"]
    assert violation.evidence == (withdrawn.id,)  # only what proves the breach
    assert announced(uow) == [("PUB-MIN30", "posting", "post-1")]


async def test_an_event_no_rule_reads_leaves_nothing() -> None:
    uow = FakeOversightUnitOfWork()
    base = ENVELOPES["task_overdue"]
    group = base.model_copy(update={"type": "vn.qcdc.plans.group.registered.v1", "data": {}})
    assert await detect_violations(uow=uow, rules=RULES, envelope=group) == []
    assert uow.violations.checks == {} and uow.violations.items == {} and uow.events == []
