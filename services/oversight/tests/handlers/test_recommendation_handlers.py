"""Recommendations (OVS-ANSWER) on the fakes: proposed by the board, issued by the front,
answered by the committee through the pipeline a route uses (``run_command``), and escalated
to the city by the sweep exactly once, whatever the ticks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import TypeVar

import pytest

from qcdc_oversight.domain.recommendation import Recommendation
from qcdc_oversight.fakes import FakeOversightUnitOfWork
from qcdc_oversight.handlers import recommendations
from qcdc_oversight.handlers.recommendations import escalate_overdue
from qcdc_oversight.testing import FRONT, INSPECTOR, OFFICER, RULES
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem
from qcdc_shared.auth import Principal
from qcdc_shared.sweeps import sweep_each

pytestmark = pytest.mark.unit

OVERDUE = "vn.qcdc.oversight.recommendation.overdue.v1"
T = TypeVar("T")


async def command(
    uow: FakeOversightUnitOfWork, call: Awaitable[T], actor: Principal, action: str, key: str
) -> T:
    target = f"recommendation:{key}"
    return await run_command(call, uow=uow, actor=actor, action=action, target=target)


async def proposed(
    uow: FakeOversightUnitOfWork, key: str = "r-1", inspection_id: str | None = None
) -> Recommendation:
    proposing = recommendations.propose(
        uow=uow,
        recommendation_id=key,
        proposed_by=INSPECTOR.sub,
        title="Công khai chứng từ chi quỹ khuyến học",
        body="Đề nghị niêm yết các khoản chi năm 2026.",
        addressed_to="UBND phường",
        inspection_id=inspection_id,
    )
    return await command(uow, proposing, INSPECTOR, "recommendation.propose", key)


async def issued(uow: FakeOversightUnitOfWork, key: str = "r-1") -> Recommendation:
    await proposed(uow, key)
    confirming = recommendations.confirm(
        uow=uow, rules=RULES, recommendation_id=key, confirmed_by=FRONT.sub
    )
    return await command(uow, confirming, FRONT, "recommendation.confirm", key)


async def answered(uow: FakeOversightUnitOfWork, key: str = "r-1") -> Recommendation:
    answering = recommendations.answer(
        uow=uow,
        recommendation_id=key,
        answered_by=OFFICER.sub,
        text="UBND phường tiếp thu",
        accepted="accepted",
    )
    return await command(uow, answering, OFFICER, "recommendation.answer", key)


async def sweep(uow: FakeOversightUnitOfWork) -> int:
    """One tick of the sweeper: each due item in its own unit of work (here, the one fake)."""
    return await sweep_each(lambda: uow, escalate_overdue)


async def test_issued_then_answered_in_time_records_both_events_and_the_audit() -> None:
    uow = FakeOversightUnitOfWork()
    recommendation = await issued(uow)
    deadline = recommendation.answer_deadline
    assert deadline is not None and deadline.rule == "OVS-ANSWER"
    assert deadline.due == dt.date(2026, 12, 11)  # 15 days from Thursday 26 November
    uow.clock.advance(dt.timedelta(days=3))
    done = await answered(uow)

    assert (done.status, done.on_time, done.version) == ("answered", True, 3)
    assert await uow.recommendations.get("r-1") == done
    assert uow.event_types() == [
        "vn.qcdc.oversight.recommendation.issued.v1",
        "vn.qcdc.oversight.recommendation.answered.v1",
    ]
    assert [e.sequence for e in uow.events] == [2, 3]
    assert uow.events[1].data["on_time"] is True
    assert [(a.actor, a.action, a.target) for a in uow.audit_log] == [
        ("ban-ttnd-1", "recommendation.propose", "recommendation:r-1"),
        ("mttq-1", "recommendation.confirm", "recommendation:r-1"),
        ("can-bo-1", "recommendation.answer", "recommendation:r-1"),
    ]


async def test_a_recommendation_must_name_a_real_inspection() -> None:
    uow = FakeOversightUnitOfWork()
    with pytest.raises(Problem) as refused:
        await proposed(uow, inspection_id="nope")
    assert refused.value.status == 422 and "nope" in refused.value.detail_en
    assert uow.recommendations.items == {}
    assert [(a.outcome, a.detail) for a in uow.audit_log] == [("refused", {"rule": None})]


async def test_each_step_in_its_turn_and_an_unknown_recommendation_is_404() -> None:
    uow = FakeOversightUnitOfWork()
    await proposed(uow)
    with pytest.raises(Problem) as early:
        await answered(uow)
    assert early.value.status == 409
    assert (await uow.recommendations.get("r-1")).status == "proposed"  # type: ignore[union-attr]
    unknown = recommendations.confirm(
        uow=uow, rules=RULES, recommendation_id="nope", confirmed_by=FRONT.sub
    )
    with pytest.raises(Problem) as missing:
        await command(uow, unknown, FRONT, "recommendation.confirm", "nope")
    assert missing.value.status == 404 and "nope" in missing.value.detail_en
    assert uow.events == []
    assert [(a.action, a.outcome) for a in uow.audit_log] == [
        ("recommendation.propose", "ok"),
        ("recommendation.answer", "refused"),
        ("recommendation.confirm", "refused"),
    ]


async def test_the_sweep_escalates_an_unanswered_recommendation_once_whatever_the_ticks() -> None:
    uow = FakeOversightUnitOfWork()
    recommendation = await issued(uow)
    assert recommendation.due_at is not None
    uow.clock.at = recommendation.due_at  # the last instant of the due day: not yet overdue
    assert await sweep(uow) == 0 and uow.events[-1].type != OVERDUE

    uow.clock.advance(dt.timedelta(minutes=1))
    assert await sweep(uow) == 1
    for _ in range(3):
        uow.clock.advance(dt.timedelta(days=1))
        assert await sweep(uow) == 0

    assert uow.event_types().count(OVERDUE) == 1
    overdue = uow.events[-1]
    assert overdue.type == OVERDUE and overdue.sequence == 3  # issued was 2
    assert (overdue.data["escalated_to"], overdue.data["rule"]) == ("city", "OVS-ANSWER")
    stored = await uow.recommendations.get("r-1")
    assert stored is not None and stored.status == "issued" and stored.overdue_at is not None
    sweeper = [a for a in uow.audit_log if a.action == "recommendation.overdue"]
    assert [(a.actor, a.role, a.target, a.detail) for a in sweeper] == [
        (
            "system:sweeper",
            "system",
            "recommendation:r-1",
            {"rule": "OVS-ANSWER", "escalated_to": "city"},
        )
    ]

    # A late answer is still taken, says it was late, and nothing is escalated again.
    late = await answered(uow)
    assert late.on_time is False and late.version == 4
    assert await sweep(uow) == 0
    assert [e.type.split(".")[-2] for e in uow.events] == ["issued", "overdue", "answered"]


async def test_one_answered_between_the_sweeps_read_and_its_turn_is_left_alone() -> None:
    uow = FakeOversightUnitOfWork()
    recommendation = await issued(uow)
    assert recommendation.due_at is not None
    uow.clock.at = recommendation.due_at + dt.timedelta(hours=1)
    due = await escalate_overdue.due(uow)
    assert due == ["r-1"]
    await answered(uow)  # meanwhile, late
    assert await escalate_overdue.handle(uow, "r-1") == 0
    await uow.commit()
    assert OVERDUE not in uow.event_types()
    assert not [a for a in uow.audit_log if a.action == "recommendation.overdue"]
