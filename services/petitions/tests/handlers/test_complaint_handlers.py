"""The complaint commands (handlers/complaints.py) on the fakes, through ``run_command``: each
step commits its version, its audit record and its event; a suspended complaint is left alone
by the escalation sweep; the answer is refused while suspended, with the row named."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_petitions.domain.petition import Actor, Petition
from qcdc_petitions.fakes import FakePetitionsUnitOfWork
from qcdc_petitions.handlers import complaints, petitions
from qcdc_petitions.handlers.clocks import OVERDUE_SWEEP
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem
from qcdc_shared.auth import Principal
from qcdc_shared.clock import LOCAL_TZ, FixedClock
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.sealing import Sealer, new_key
from qcdc_shared.sweeps import sweep_each

pytestmark = pytest.mark.unit

RULES = RuleBook(load_rule_table(), WorkingCalendar())
OFFICER = Principal(sub="can-bo-1", role="officer", ward="ben-thanh")
BY = Actor("officer", "can-bo-1")
MONDAY = dt.datetime(2026, 7, 6, 9, 0, tzinfo=LOCAL_TZ)


async def run(uow: FakePetitionsUnitOfWork, verb: str, call: Any) -> Petition:
    petition: Petition = await run_command(
        call, uow=uow, actor=OFFICER, action=f"petition.{verb}", target="petition:p-1"
    )
    return petition


async def accepted_complaint() -> tuple[FakePetitionsUnitOfWork, FixedClock]:
    clock = FixedClock(MONDAY)
    uow = FakePetitionsUnitOfWork(clock=clock)
    filed = petitions.submit_petition(
        uow=uow,
        rules=RULES,
        sealer=Sealer([new_key()]),
        petition_id="p-1",
        by=BY,
        online=False,
        petitioner_alias="p:1",
        kind="complaint",
        title="Khiếu nại",
        body="Nội dung khiếu nại",
        petitioner={"name": "Trần Thị B", "address": "1 Lê Lợi"},
    )
    await run(uow, "submit", filed)
    await run(
        uow, "accept", petitions.accept_petition(uow=uow, rules=RULES, by=BY, petition_id="p-1")
    )
    return uow, clock


async def test_suspend_and_resume_commit_their_events_and_the_sweeper_waits() -> None:
    uow, clock = await accepted_complaint()
    clock.advance(dt.timedelta(days=7))
    await run(
        uow,
        "suspend",
        complaints.suspend_complaint(
            uow=uow, rules=RULES, by=BY, petition_id="p-1", reason="Chờ kết quả giám định"
        ),
    )
    clock.advance(dt.timedelta(days=60))  # far past the due date it had when suspended
    assert await sweep_each(lambda: uow, OVERDUE_SWEEP) == 0
    with pytest.raises(Problem) as refused:
        await run_command(
            petitions.answer_petition(uow=uow, rules=RULES, by=BY, petition_id="p-1", text="x"),
            uow=uow,
            actor=OFFICER,
            action="petition.answer",
            target="petition:p-1",
        )
    assert (refused.value.status, refused.value.rule) == (409, "CMP-RESOLVE.suspension")
    resumed = await run(
        uow, "resume", complaints.resume_complaint(uow=uow, rules=RULES, by=BY, petition_id="p-1")
    )
    assert resumed.status == "accepted"
    assert [e.type.split(".")[-2] for e in uow.events] == [
        "received",
        "accepted",
        "suspended",
        "resumed",
    ]
    assert all("giám định" not in str(e.data) for e in uow.events)
    (clock_after,) = (d for d in uow.events[-1].data["deadlines"] if d["rule"] == "CMP-RESOLVE")
    assert clock_after["due"] == resumed.resolution.deadline.due.isoformat()  # type: ignore[union-attr]
    assert [a.action for a in uow.audit_log][-3:] == [
        "petition.suspend",
        "petition.answer",
        "petition.resume",
    ]


async def test_a_withdrawal_and_a_publication_are_their_own_events() -> None:
    uow, clock = await accepted_complaint()
    await run(
        uow,
        "answer",
        petitions.answer_petition(uow=uow, rules=RULES, by=BY, petition_id="p-1", text="Bác"),
    )
    clock.advance(dt.timedelta(days=2))
    await run(
        uow,
        "publish-decision",
        complaints.publish_complaint_decision(
            uow=uow, rules=RULES, by=BY, petition_id="p-1", form="media"
        ),
    )
    published = uow.events[-1]
    assert published.type == "vn.qcdc.petitions.petition.decision_published.v1"
    assert (published.data["form"], published.data["on_time"]) == ("media", True)
    assert published.data["posted_until"] is None
