"""Response shapes of the annual plan and its tasks, and the reads that build them: drafts
are shown to ward staff only; who reported progress, to ward staff only."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from fastapi import Request
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_plans.adapters.plans import PlanRepository, TaskRepository
from qcdc_plans.adapters.register import CommitteeRepository
from qcdc_plans.domain.plan import Plan, PlanStatus, ProgressReport, Task, TaskStatus
from qcdc_shared.api.commands import missing
from qcdc_shared.auth import Principal, is_ward_staff
from qcdc_shared.refusals import NotFound
from qcdc_shared.runtime import Runtime


def is_staff(principal: Principal | None, request: Request) -> bool:
    return is_ward_staff(principal, request)


class ProgressOut(BaseModel):
    at: dt.datetime
    percent: int
    note: str
    evidence: list[str]
    reporter: str | None = Field(description="Shown to ward staff only.")

    @classmethod
    def of(cls, report: ProgressReport, *, staff: bool) -> ProgressOut:
        return cls(**{**asdict(report), "reporter": report.reporter if staff else None})


class TaskOut(BaseModel):
    id: str
    plan_id: str
    task_group: int
    title: str
    owner: str
    owner_name: str | None
    start_on: dt.date
    due_on: dt.date
    due_at: dt.datetime = Field(description="24:00 of the due day, Asia/Ho_Chi_Minh.")
    deliverable: str
    status: TaskStatus
    percent: int
    overdue: bool = Field(description="The due day has ended and the task is not done.")
    completed_at: dt.datetime | None
    on_time: bool | None
    overdue_at: dt.datetime | None = Field(description="When task.overdue was announced.")
    latest_progress: ProgressOut | None = None
    version: int

    @classmethod
    def of(
        cls,
        task: Task,
        *,
        now: dt.datetime,
        owner_name: str | None,
        latest: ProgressReport | None = None,
        staff: bool = False,
    ) -> TaskOut:
        return cls(
            **asdict(task),
            owner_name=owner_name,
            due_at=task.due_at,
            overdue=task.overdue(now),
            on_time=task.on_time,
            latest_progress=None if latest is None else ProgressOut.of(latest, staff=staff),
        )


class TaskDetailOut(TaskOut):
    progress: list[ProgressOut]


class GroupOut(BaseModel):
    number: int
    title: str
    description: str
    tasks: list[TaskOut]


class EditionRefOut(BaseModel):
    edition: int
    adopted_at: dt.datetime
    adopted_by: str = Field(description="Id of the adopting member.")
    reason: str | None


class GroupResultOut(BaseModel):
    task_group: int
    text: str


class ReportOut(BaseModel):
    summary: str
    results: list[GroupResultOut]


class PlanSummaryOut(BaseModel):
    id: str
    year: int
    title: str
    status: PlanStatus
    edition: int
    adopted_at: dt.datetime | None
    reported_at: dt.datetime | None
    tasks_total: int = Field(description="Tasks not cancelled.")
    tasks_completed: int
    tasks_overdue: int
    version: int


class PlanOut(PlanSummaryOut):
    ward: str
    purposes: list[str]
    task_groups: list[GroupOut]
    adopted_by: str | None
    report: ReportOut | None
    editions: list[EditionRefOut]


class EditionOut(BaseModel):
    """An edition's text exactly as it was adopted."""

    plan_id: str
    edition: int
    year: int
    title: str
    adopted_at: dt.datetime
    adopted_by: dict[str, str] = Field(description="member, name, position.")
    reason: str | None
    purposes: list[str]
    task_groups: list[dict[str, Any]] = Field(description="number, title, description.")
    tasks: list[dict[str, Any]] = Field(
        description="id, task_group, title, owner, start_on, due_on, deliverable, cancelled."
    )


async def plan_out(session: AsyncSession, plan: Plan, *, now: dt.datetime, staff: bool) -> PlanOut:
    tasks_repository = TaskRepository(session)
    tasks = await tasks_repository.of_plan(plan.id)
    latest = await tasks_repository.latest_progress([t.id for t in tasks])
    names = {m.id: m.name for m in await CommitteeRepository(session).all()}
    editions = await PlanRepository(session).editions(plan.id)
    shown = [
        TaskOut.of(t, now=now, owner_name=names.get(t.owner), latest=latest.get(t.id), staff=staff)
        for t in tasks
    ]
    data = asdict(plan)
    data["task_groups"] = [
        GroupOut(**g, tasks=[t for t in shown if t.task_group == g["number"]])
        for g in data["task_groups"]
    ]
    if plan.report is not None:
        data["report"] = ReportOut(
            summary=plan.report.summary,
            results=[GroupResultOut(task_group=n, text=t) for n, t in plan.report.results],
        )
    return PlanOut(
        **data,
        editions=[EditionRefOut.model_validate(e) for e in editions],
        tasks_total=sum(1 for t in shown if t.status != "cancelled"),
        tasks_completed=sum(1 for t in shown if t.status == "completed"),
        tasks_overdue=sum(1 for t in shown if t.overdue),
    )


async def visible_plan(session: AsyncSession, plan_id: str, *, staff: bool) -> Plan:
    plan = await PlanRepository(session).get(plan_id)
    if plan is None or (plan.status == "draft" and not staff):
        raise missing(NotFound("kế hoạch", "plan", plan_id))
    return plan


async def show_plan(runtime: Runtime, plan_id: str) -> PlanOut:
    """A plan as ward staff see it, read after the command that changed it committed."""
    async with runtime.sessionmaker() as session:
        plan = await visible_plan(session, plan_id, staff=True)
        return await plan_out(session, plan, now=runtime.clock.now(), staff=True)


async def show_task(runtime: Runtime, task_id: str, *, staff: bool) -> TaskDetailOut:
    async with runtime.sessionmaker() as session:
        tasks = TaskRepository(session)
        task = await tasks.get(task_id)
        plan = None if task is None else await PlanRepository(session).get(task.plan_id)
        if task is None or plan is None or (plan.status == "draft" and not staff):
            raise missing(NotFound("nhiệm vụ", "task", task_id))
        owner = await CommitteeRepository(session).get(task.owner)
        history = await tasks.progress(task_id)
    out = TaskOut.of(
        task,
        now=runtime.clock.now(),
        owner_name=owner.name if owner else None,
        latest=history[-1] if history else None,
        staff=staff,
    )
    return TaskDetailOut(**dict(out), progress=[ProgressOut.of(p, staff=staff) for p in history])
