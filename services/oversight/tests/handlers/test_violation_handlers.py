"""The lifecycle of a detected violation on the fakes, through the pipeline a route uses
(``run_command``): the ward acknowledges it, the board or the front resolves it
(``violation.resolved``), each once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import TypeVar

import pytest

from qcdc_oversight.domain.violation import Violation, violation_id
from qcdc_oversight.fakes import FakeOversightUnitOfWork
from qcdc_oversight.handlers import violations
from qcdc_oversight.testing import INSPECTOR, OFFICER
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem
from qcdc_shared.auth import Principal
from qcdc_shared.clock import LOCAL_TZ

pytestmark = pytest.mark.unit

KEY = violation_id("ben-thanh", "PUB-MIN30", "posting", "post-1")
T = TypeVar("T")


def detected(uow: FakeOversightUnitOfWork) -> Violation:
    violation = Violation(
        id=KEY,
        rule="PUB-MIN30",
        subject_kind="posting",
        subject_id="post-1",
        evidence=("00000000-0000-4000-8000-000000000003",),
        status="open",
        occurred_at=dt.datetime(2026, 11, 6, 9, 0, tzinfo=LOCAL_TZ),
        detected_at=dt.datetime(2026, 11, 6, 9, 1, tzinfo=LOCAL_TZ),
        version=1,
    )
    uow.violations.items[KEY] = violation
    return violation


async def command(
    uow: FakeOversightUnitOfWork, call: Awaitable[T], actor: Principal, action: str, key: str = KEY
) -> T:
    target = f"violation:{key}"
    return await run_command(
        call, uow=uow, actor=actor, action=f"violation.{action}", target=target
    )


def acknowledging(uow: FakeOversightUnitOfWork, key: str = KEY) -> Awaitable[Violation]:
    return violations.acknowledge_violation(uow=uow, violation_id=key, by=OFFICER.sub)


def resolving(uow: FakeOversightUnitOfWork) -> Awaitable[Violation]:
    return violations.resolve_violation(
        uow=uow, violation_id=KEY, by=INSPECTOR.sub, resolution="Đã niêm yết lại đủ 30 ngày."
    )


async def test_acknowledged_then_resolved_announces_the_resolution_only() -> None:
    uow = FakeOversightUnitOfWork()
    found = detected(uow)
    acknowledged = await command(uow, acknowledging(uow), OFFICER, "acknowledge")
    resolved = await command(uow, resolving(uow), INSPECTOR, "resolve")

    assert (acknowledged.status, acknowledged.acknowledged_by) == ("acknowledged", "can-bo-1")
    assert (resolved.status, resolved.resolved_by, resolved.version) == (
        "resolved",
        "ban-ttnd-1",
        3,
    )
    assert resolved.evidence == found.evidence
    assert await uow.violations.get(KEY) == resolved
    assert uow.event_types() == ["vn.qcdc.oversight.violation.resolved.v1"]
    event = uow.events[0]
    assert (event.subject, event.sequence) == (KEY, 3)
    assert event.data["resolution"] == "Đã niêm yết lại đủ 30 ngày."
    assert [(a.actor, a.action, a.target, a.outcome) for a in uow.audit_log] == [
        ("can-bo-1", "violation.acknowledge", f"violation:{KEY}", "ok"),
        ("ban-ttnd-1", "violation.resolve", f"violation:{KEY}", "ok"),
    ]


async def test_each_step_once_a_second_is_refused_and_changes_nothing() -> None:
    uow = FakeOversightUnitOfWork()
    detected(uow)
    await command(uow, acknowledging(uow), OFFICER, "acknowledge")
    with pytest.raises(Problem) as twice:
        await command(uow, acknowledging(uow), OFFICER, "acknowledge")
    assert twice.value.status == 409
    resolved = await command(uow, resolving(uow), INSPECTOR, "resolve")
    with pytest.raises(Problem) as again:
        await command(uow, resolving(uow), INSPECTOR, "resolve")
    assert again.value.status == 409
    assert await uow.violations.get(KEY) == resolved
    assert uow.event_types() == ["vn.qcdc.oversight.violation.resolved.v1"]
    assert [(a.action, a.outcome) for a in uow.audit_log] == [
        ("violation.acknowledge", "ok"),
        ("violation.acknowledge", "refused"),
        ("violation.resolve", "ok"),
        ("violation.resolve", "refused"),
    ]


async def test_an_unknown_violation_is_a_404_problem() -> None:
    uow = FakeOversightUnitOfWork()
    with pytest.raises(Problem) as missing:
        await command(uow, acknowledging(uow, "nope"), OFFICER, "acknowledge", "nope")
    assert missing.value.status == 404 and "nope" in missing.value.detail_en
    assert [(a.target, a.outcome) for a in uow.audit_log] == [("violation:nope", "refused")]
