"""The annual plan's handlers and the overdue sweep on the fakes, through the pipeline a route
uses (``run_command``) and the one the sweeper uses (``sweep_each``): no database, no broker,
a fixed clock that the tests move."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable

import pytest

from qcdc_plans.domain.committee import Member
from qcdc_plans.domain.plan import Plan, TaskChange, TaskSpec
from qcdc_plans.fakes import OFFICER, FakePlansUnitOfWork, refused, run
from qcdc_plans.handlers import plans
from qcdc_plans.handlers.plans import OVERDUE_TASKS
from qcdc_shared.auth import Principal
from qcdc_shared.clock import LOCAL_TZ
from qcdc_shared.law.deadlines import end_of_day
from qcdc_shared.sweeps import sweep_each

pytestmark = pytest.mark.unit

HEAD = Principal(sub="chu-tich-ubnd", role="officer", ward="ben-thanh")  # acts as the head
D = dt.date
DUE = D(2026, 12, 15)


def spec(owner: str = "m-1", due_on: dt.date = DUE, group: int = 1) -> TaskSpec:
    return TaskSpec(group, "Hội nghị quán triệt Nghị định 59", owner, D(2026, 11, 1), due_on, "…")


def committee(uow: FakePlansUnitOfWork) -> None:
    joined = D(2026, 1, 1)
    uow.committee.items["m-head"] = Member(
        "m-head", "Nguyễn Văn Trưởng", "head", "UBND phường", joined, account=HEAD.sub
    )
    uow.committee.items["m-1"] = Member("m-1", "Trần Thị Thành Viên", "member", "MTTQ", joined)


async def drafted(uow: FakePlansUnitOfWork, *due: dt.date) -> Plan:
    """This year's draft with one task per due day (ids t-1, t-2, …)."""
    committee(uow)
    created = plans.create_plan(uow=uow, plan_id="p-1", year=2026)
    plan = await run(uow, created, "plan.create", "plan:p-1")
    for n, due_on in enumerate(due, start=1):
        added = plans.add_task(uow=uow, plan_id="p-1", task_id=f"t-{n}", spec=spec(due_on=due_on))
        await run(uow, added, "task.add", f"task:t-{n}")
    return plan


async def adopted(uow: FakePlansUnitOfWork, *due: dt.date) -> Plan:
    await drafted(uow, *due)
    adopt = plans.adopt_plan(uow=uow, actor=HEAD, plan_id="p-1")
    return await run(uow, adopt, "plan.adopt", "plan:p-1", actor=HEAD)


async def test_the_head_adopts_edition_one_and_every_task_is_assigned(
    uow: FakePlansUnitOfWork,
) -> None:
    plan = await adopted(uow, DUE, DUE + dt.timedelta(days=7))

    assert (plan.status, plan.edition, plan.adopted_by) == ("adopted", 1, "m-head")
    assert uow.event_types() == [
        "vn.qcdc.plans.plan.adopted.v1",
        "vn.qcdc.plans.task.assigned.v1",
        "vn.qcdc.plans.task.assigned.v1",
    ]
    adoption = uow.events[0]
    assert (adoption.subject, adoption.sequence, adoption.data["tasks_total"]) == ("p-1", 4, 2)
    assert [(e.subject, e.sequence) for e in uow.events[1:]] == [("t-1", 2), ("t-2", 2)]
    (edition,) = uow.plans.editions
    assert (edition.edition, edition.by, edition.reason) == (1, "m-head", None)
    assert [t["id"] for t in edition.document["tasks"]] == ["t-1", "t-2"]
    assert [(a.action, a.target, a.actor) for a in uow.audit_log][-1] == (
        "plan.adopt",
        "plan:p-1",
        "chu-tich-ubnd",
    )


async def test_only_the_sitting_head_or_a_deputy_adopts_and_a_refusal_changes_nothing(
    uow: FakePlansUnitOfWork,
) -> None:
    await drafted(uow, DUE)
    by_officer = plans.adopt_plan(uow=uow, actor=OFFICER, plan_id="p-1")
    problem = await refused(uow, by_officer, "plan.adopt", "plan:p-1")

    assert problem.status == 403 and "Trưởng ban" in problem.detail
    assert (await uow.plans.get("p-1")).status == "draft"  # type: ignore[union-attr]
    assert uow.events == [] and uow.plans.editions == []
    assert (uow.audit_log[-1].action, uow.audit_log[-1].outcome) == ("plan.adopt", "refused")
    assert uow.audit_log[-1].detail == {"rule": None}


async def test_one_plan_per_ward_and_year(uow: FakePlansUnitOfWork) -> None:
    await drafted(uow)
    again = plans.create_plan(uow=uow, plan_id="p-2", year=2026)
    problem = await refused(uow, again, "plan.create", "plan:p-2")
    assert problem.status == 409 and set(uow.plans.items) == {"p-1"}


async def test_an_unknown_plan_or_task_is_a_404_audited_as_refused(
    uow: FakePlansUnitOfWork,
) -> None:
    committee(uow)
    adopt = plans.adopt_plan(uow=uow, actor=HEAD, plan_id="p-9")
    assert (await refused(uow, adopt, "plan.adopt", "plan:p-9")).status == 404
    progress = plans.report_progress(uow=uow, actor=OFFICER, task_id="t-9", percent=10, note="…")
    assert (await refused(uow, progress, "task.progress", "task:t-9")).status == 404
    assert [(a.target, a.outcome) for a in uow.audit_log] == [
        ("plan:p-9", "refused"),
        ("task:t-9", "refused"),
    ]


async def test_an_amendment_is_a_new_edition_that_assigns_its_new_and_reassigned_tasks(
    uow: FakePlansUnitOfWork,
) -> None:
    await adopted(uow, DUE)
    amend = plans.amend_plan(
        uow=uow,
        actor=HEAD,
        plan_id="p-1",
        reason="Bổ sung nhiệm vụ đối thoại",
        add=[("t-new", spec(owner="m-head", group=2))],
        changes=[TaskChange(id="t-1", owner="m-head")],
    )
    plan = await run(uow, amend, "plan.amend", "plan:p-1", actor=HEAD)

    assert plan.edition == 2 and [e.edition for e in uow.plans.editions] == [1, 2]
    assert uow.plans.editions[-1].reason == "Bổ sung nhiệm vụ đối thoại"
    assert uow.event_types()[2:] == [
        "vn.qcdc.plans.plan.amended.v1",
        "vn.qcdc.plans.task.assigned.v1",
        "vn.qcdc.plans.task.assigned.v1",
    ]
    assert [e.subject for e in uow.events[3:]] == ["t-new", "t-1"]
    assert (await uow.tasks.get("t-new")).owner == "m-head"  # type: ignore[union-attr]


async def test_progress_never_goes_down_and_one_hundred_percent_completes_the_task(
    uow: FakePlansUnitOfWork,
) -> None:
    await adopted(uow, DUE)
    half = plans.report_progress(uow=uow, actor=OFFICER, task_id="t-1", percent=50, note="Nửa")
    await run(uow, half, "task.progress", "task:t-1")
    down = plans.report_progress(uow=uow, actor=OFFICER, task_id="t-1", percent=40, note="…")
    assert (await refused(uow, down, "task.progress", "task:t-1")).status == 422
    done = plans.report_progress(
        uow=uow,
        actor=OFFICER,
        task_id="t-1",
        percent=100,
        note="Xong",
        evidence=["https://ben-thanh.example/bien-ban.pdf"],
    )
    task = await run(uow, done, "task.progress", "task:t-1")

    assert (task.status, task.on_time, task.version) == ("completed", True, 5)
    assert uow.event_types()[2:] == [
        "vn.qcdc.plans.task.progressed.v1",
        "vn.qcdc.plans.task.progressed.v1",
        "vn.qcdc.plans.task.completed.v1",
    ]
    assert [(r.percent, r.reporter) for r in uow.tasks.progress] == [
        (50, "can-bo-1"),
        (100, "can-bo-1"),
    ]


async def test_a_late_task_is_announced_overdue_once_whatever_the_sweeps(
    uow: FakePlansUnitOfWork,
) -> None:
    await adopted(uow, DUE, DUE, DUE + dt.timedelta(days=30))
    done = plans.report_progress(uow=uow, actor=OFFICER, task_id="t-2", percent=100, note="Xong")
    await run(uow, done, "task.progress", "task:t-2")

    def sweep() -> Awaitable[int]:
        return sweep_each(lambda: uow, OVERDUE_TASKS)

    uow.clock.at = end_of_day(DUE)  # 24:00 is the last instant of the due day
    assert await sweep() == 0
    uow.clock.at = dt.datetime(2026, 12, 16, 0, 0, 1, tzinfo=LOCAL_TZ)
    assert await sweep() == 1
    assert await sweep() == 0  # once only: the task is claimed

    overdue = [e for e in uow.events if e.type == "vn.qcdc.plans.task.overdue.v1"]
    assert [(e.subject, e.sequence, e.data["due_on"]) for e in overdue] == [
        ("t-1", 3, "2026-12-15")
    ]
    assert (await uow.tasks.get("t-1")).overdue_at == uow.clock.at  # type: ignore[union-attr]
    swept = [a for a in uow.audit_log if a.action == "task.overdue"]
    assert [(a.actor, a.role, a.target, a.detail) for a in swept] == [
        ("system:sweeper", "system", "task:t-1", {"rule": "OVS-DETECT"})
    ]


async def test_the_tasks_of_a_draft_are_never_overdue(uow: FakePlansUnitOfWork) -> None:
    await drafted(uow, DUE)
    uow.clock.at = dt.datetime(2027, 1, 5, 9, 0, tzinfo=LOCAL_TZ)
    assert await sweep_each(lambda: uow, OVERDUE_TASKS) == 0
    assert uow.events == []
