"""Citizen reception's handlers on the fakes, through ``run_command`` as the routes run them:
no database, no broker, a fixed clock (REC-WEEK, REC-REPLY, the REC-REPLY sweep)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import Any, TypeVar

import pytest

from qcdc_petitions.domain.reception import Entry, Reception
from qcdc_petitions.fakes import FakePetitionsUnitOfWork
from qcdc_petitions.handlers import receptions
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem
from qcdc_shared.auth import Principal
from qcdc_shared.clock import LOCAL_TZ, FixedClock
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.sealing import Sealer, new_key

pytestmark = pytest.mark.unit

T = TypeVar("T")

RULES = RuleBook(load_rule_table(), WorkingCalendar())
SEALER = Sealer([new_key()])
OFFICER = Principal(sub="can-bo-1", role="officer", ward="ben-thanh")
THURSDAY = dt.datetime(2026, 11, 26, 9, 0, tzinfo=LOCAL_TZ)
TODAY = THURSDAY.date()
VISITOR = {"name": "Trần Thị Bích Ngọc", "phone": "0903123456", "id_number": "079190001234"}
SCHEDULED = "vn.qcdc.petitions.reception.scheduled.v1"
HELD = "vn.qcdc.petitions.reception.held.v1"


def fake(at: dt.datetime = THURSDAY) -> FakePetitionsUnitOfWork:
    return FakePetitionsUnitOfWork(clock=FixedClock(at))


async def as_officer(
    uow: FakePetitionsUnitOfWork, call: Awaitable[T], action: str, target: str
) -> T:
    """As a route runs a command: in its unit of work, audited as the officer."""
    return await run_command(call, uow=uow, actor=OFFICER, action=action, target=target)


async def schedule(
    uow: FakePetitionsUnitOfWork,
    reception_id: str = "r-1",
    *,
    host: str = "chair",
    session_on: dt.date = TODAY,
    posted_on: dt.date | None = TODAY - dt.timedelta(days=30),
) -> Reception:
    call = receptions.schedule_reception(
        uow=uow,
        rules=RULES,
        reception_id=reception_id,
        created_by=OFFICER.sub,
        host=host,  # type: ignore[arg-type]
        session_on=session_on,
        posted_on=posted_on,
    )
    return await as_officer(uow, call, "reception.schedule", f"reception:{reception_id}")


async def held(uow: FakePetitionsUnitOfWork, reception_id: str = "r-1", **kw: Any) -> Reception:
    was_held = kw.pop("held", True)
    call = receptions.record_held(uow=uow, reception_id=reception_id, held=was_held, **kw)
    action = "reception.held" if was_held else "reception.not_held"
    reception, _ = await as_officer(uow, call, action, f"reception:{reception_id}")
    return reception


async def visit(
    uow: FakePetitionsUnitOfWork, entry_id: str = "e-1", reception_id: str = "r-1", **kw: Any
) -> Entry:
    call = receptions.add_entry(
        uow=uow,
        rules=RULES,
        sealer=SEALER,
        reception_id=reception_id,
        entry_id=entry_id,
        created_by=OFFICER.sub,
        subject=kw.pop("subject", "Đề nghị sửa đường hẻm 45"),
        **kw,
    )
    target = f"reception:{reception_id}/entry:{entry_id}"
    return await as_officer(uow, call, "reception.entry.add", target)


async def reply(
    uow: FakePetitionsUnitOfWork, entry_id: str = "e-1", reception_id: str = "r-1"
) -> Entry:
    call = receptions.reply_entry(
        uow=uow,
        reception_id=reception_id,
        entry_id=entry_id,
        replied_by=OFFICER.sub,
        text="UBND phường đã đưa vào kế hoạch sửa chữa quý I.",
    )
    target = f"reception:{reception_id}/entry:{entry_id}"
    return await as_officer(uow, call, "reception.entry.reply", target)


async def test_schedule_visit_held_and_a_late_visit_commit_their_events_and_audits() -> None:
    uow = fake()
    created = await schedule(uow)
    assert created.on_time and created.schedule.rule == "REC-WEEK.schedule"
    entry = await visit(uow, visitor=VISITOR)
    assert entry.reply_deadline.rule == "REC-REPLY" and entry.has_visitor
    await held(uow)
    await visit(uow, "e-2", subject="Hỏi thủ tục chứng thực", petition_id="p-123")

    assert [(e.type, e.sequence) for e in uow.events] == [(SCHEDULED, 1), (HELD, 2), (HELD, 3)]
    assert [e.data["entries"] for e in uow.events[1:]] == [1, 2]
    assert [(a.action, a.target) for a in uow.audit_log] == [
        ("reception.schedule", "reception:r-1"),
        ("reception.entry.add", "reception:r-1/entry:e-1"),
        ("reception.held", "reception:r-1"),
        ("reception.entry.add", "reception:r-1/entry:e-2"),
    ]
    sealed = uow.receptions.entries["e-1"].visitor_sealed
    assert sealed is not None and SEALER.unseal(sealed) == VISITOR
    for value in VISITOR.values():  # sealed at rest, nowhere else
        assert value not in repr(uow.events) + repr(uow.audit_log)


async def test_a_refused_schedule_changes_nothing_and_is_audited_as_refused() -> None:
    uow = fake()
    await schedule(uow)
    with pytest.raises(Problem) as twice:
        await schedule(uow, "r-2")  # the chair twice on the same day
    assert twice.value.status == 409
    with pytest.raises(Problem) as after:
        await schedule(uow, "r-3", session_on=TODAY, posted_on=TODAY + dt.timedelta(days=1))
    assert after.value.status == 422
    assert list(uow.receptions.items) == ["r-1"] and uow.event_types() == [SCHEDULED]
    assert [(a.outcome, a.detail) for a in uow.audit_log[1:]] == [
        ("refused", {"rule": None}),
        ("refused", {"rule": None}),
    ]


async def test_a_session_recorded_once_and_a_visit_replied_once() -> None:
    uow = fake()
    await schedule(uow)
    await visit(uow)
    await held(uow)
    with pytest.raises(Problem) as again:
        await held(uow, held=False, reason="Họp đột xuất")
    assert again.value.status == 409
    answered = await reply(uow)
    assert answered.reply is not None and answered.reply.on_time
    with pytest.raises(Problem) as twice:
        await reply(uow)
    assert twice.value.status == 409
    assert uow.receptions.entries["e-1"].reply == answered.reply
    assert [a.outcome for a in uow.audit_log].count("refused") == 2
    assert uow.event_types() == [SCHEDULED, HELD]


async def test_unknown_sessions_and_visits_are_404s() -> None:
    uow = fake()
    with pytest.raises(Problem) as session:
        await visit(uow, reception_id="nope")
    assert session.value.status == 404
    assert session.value.detail_en == "No reception session nope."
    await schedule(uow)
    with pytest.raises(Problem) as entry:
        await reply(uow, entry_id="e-x")
    assert entry.value.status == 404 and "e-x" in entry.value.detail_en
    assert [a.outcome for a in uow.audit_log] == ["refused", "ok", "refused"]


async def test_the_sweep_marks_an_unanswered_visit_overdue_once() -> None:
    forty_days_ago = THURSDAY - dt.timedelta(days=40)
    uow = fake(forty_days_ago)
    await schedule(uow, session_on=forty_days_ago.date(), posted_on=None)
    await visit(uow)
    assert await receptions.sweep_receptions(uow) == 0  # not due yet

    uow.clock.at = THURSDAY
    commits = uow.commits
    assert await receptions.sweep_receptions(uow) == 1
    assert await receptions.sweep_receptions(uow) == 0  # once
    assert uow.receptions.entries["e-1"].overdue_since == THURSDAY
    assert uow.commits == commits + 2  # a plain sweep commits its own work
    late = await reply(uow)
    assert late.reply is not None and late.reply.on_time is False
    assert await receptions.sweep_receptions(uow) == 0
