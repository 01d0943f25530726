"""HTTP commands on the annual plan and its tasks: draft, add tasks, adopt, amend by a new
edition, report progress and the year-end report."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import Field

from qcdc_plans.api.common import IdPath, In, run_command
from qcdc_plans.api.plan_views import PlanOut, TaskDetailOut, TaskOut, show_plan, show_task
from qcdc_plans.domain.plan import (
    TaskChange,
    TaskSpec,
)
from qcdc_plans.domain.task_groups import GroupEdit
from qcdc_plans.handlers import plans as handlers
from qcdc_shared.auth import (
    CurrentPrincipal,
    requires,
)
from qcdc_shared.service import UnitOfWorkDep

router = APIRouter(tags=["plans"])

Title = Annotated[str, Field(min_length=1, max_length=500)]
Text = Annotated[str, Field(min_length=1, max_length=10_000)]
GroupNumber = Annotated[int, Field(ge=1, le=8, description="Nhóm nhiệm vụ 1-8 (phần II).")]
Link = Annotated[str, Field(max_length=2000, pattern=r"^https?://[^\s/?#]+\S*$")]
MAX_TASKS_PER_AMENDMENT = 200


# --- bodies -----------------------------------------------------------------------------


class GroupIn(In):
    number: GroupNumber
    title: Title
    description: Text | None = None


class PlanChangeIn(In):
    title: Title | None = None
    purposes: list[Text] | None = Field(default=None, min_length=1, max_length=20)
    task_groups: list[GroupIn] = Field(default_factory=list, max_length=8)

    def fields(self) -> dict[str, Any]:
        groups = [GroupEdit(g.number, g.title, g.description) for g in self.task_groups]
        return {**self.model_dump(exclude={"task_groups"}), "groups": groups}


class PlanIn(PlanChangeIn):
    year: int = Field(ge=2000, le=2100, description="Năm của kế hoạch.")


class TaskIn(In):
    task_group: GroupNumber
    title: Title
    owner: str = Field(min_length=1, max_length=64, description="Mã thành viên Ban Chỉ đạo.")
    start_on: dt.date
    due_on: dt.date
    deliverable: Text = Field(description="Sản phẩm, kết quả cần đạt.")

    def spec(self) -> TaskSpec:
        return TaskSpec(**self.model_dump())


class TaskChangeIn(In):
    title: Title | None = None
    owner: str | None = Field(default=None, min_length=1, max_length=64)
    start_on: dt.date | None = None
    due_on: dt.date | None = None
    deliverable: Text | None = None


class TaskAmendIn(TaskChangeIn):
    id: str = Field(min_length=1, max_length=64)
    cancelled: bool = False


class AmendmentIn(In):
    reason: Text = Field(description="Lý do sửa đổi, bổ sung.")
    add_tasks: list[TaskIn] = Field(default_factory=list, max_length=MAX_TASKS_PER_AMENDMENT)
    change_tasks: list[TaskAmendIn] = Field(
        default_factory=list, max_length=MAX_TASKS_PER_AMENDMENT
    )
    task_groups: list[GroupIn] = Field(default_factory=list, max_length=8)

    def fields(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "add": [t.spec() for t in self.add_tasks],
            "changes": [TaskChange(**t.model_dump()) for t in self.change_tasks],
            "groups": [GroupEdit(g.number, g.title, g.description) for g in self.task_groups],
        }


class ProgressIn(In):
    percent: int = Field(ge=0, le=100)
    note: Text
    evidence: list[Link] = Field(default_factory=list, max_length=20)


class GroupResultIn(In):
    task_group: GroupNumber
    text: Text


class ReportIn(In):
    summary: Text
    results: list[GroupResultIn] = Field(default_factory=list, max_length=8)


# --- responses --------------------------------------------------------------------------


# --- commands ---------------------------------------------------------------------------


@router.post(
    "/plans",
    status_code=201,
    response_model=PlanOut,
    **requires("officer"),
    summary="Lập dự thảo kế hoạch năm — draft the year's plan (8 task groups pre-filled)",
)
async def create_plan(body: PlanIn, uow: UnitOfWorkDep, actor: CurrentPrincipal) -> Any:
    plan = await run_command(handlers.create_plan(uow=uow, actor=actor, **body.fields()))
    return await show_plan(uow, plan.id)


@router.patch(
    "/plans/{plan_id}",
    response_model=PlanOut,
    **requires("officer"),
    summary="Sửa dự thảo kế hoạch — edit a draft (an adopted plan is amended instead)",
)
async def edit_plan(
    plan_id: IdPath, body: PlanChangeIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> Any:
    await run_command(handlers.edit_plan(uow=uow, actor=actor, plan_id=plan_id, **body.fields()))
    return await show_plan(uow, plan_id)


@router.post(
    "/plans/{plan_id}/tasks",
    status_code=201,
    response_model=TaskOut,
    **requires("officer"),
    summary="Giao nhiệm vụ trong dự thảo — add a task to a draft plan",
)
async def add_task(
    plan_id: IdPath, body: TaskIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> Any:
    task = await run_command(
        handlers.add_task(uow=uow, actor=actor, plan_id=plan_id, spec=body.spec())
    )
    return await show_task(uow.runtime, task.id, staff=True)


@router.patch(
    "/tasks/{task_id}",
    response_model=TaskOut,
    **requires("officer"),
    summary="Sửa nhiệm vụ của dự thảo — edit a task while its plan is a draft",
)
async def edit_task(
    task_id: IdPath, body: TaskChangeIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> Any:
    change = TaskChange(id=task_id, **body.model_dump())
    await run_command(
        handlers.change_draft_task(uow=uow, actor=actor, task_id=task_id, change=change)
    )
    return await show_task(uow.runtime, task_id, staff=True)


@router.post(
    "/plans/{plan_id}/adopt",
    response_model=PlanOut,
    **requires("officer"),
    summary="Ban hành kế hoạch — adopt (the committee's sitting head or a deputy)",
)
async def adopt_plan(plan_id: IdPath, uow: UnitOfWorkDep, actor: CurrentPrincipal) -> Any:
    await run_command(handlers.adopt_plan(uow=uow, actor=actor, plan_id=plan_id))
    return await show_plan(uow, plan_id)


@router.post(
    "/plans/{plan_id}/amendments",
    status_code=201,
    response_model=PlanOut,
    **requires("officer"),
    summary="Sửa đổi, bổ sung kế hoạch đã ban hành — amend: a new edition (head or deputy)",
)
async def amend_plan(
    plan_id: IdPath, body: AmendmentIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> Any:
    await run_command(handlers.amend_plan(uow=uow, actor=actor, plan_id=plan_id, **body.fields()))
    return await show_plan(uow, plan_id)


@router.post(
    "/plans/{plan_id}/report",
    response_model=PlanOut,
    **requires("officer"),
    summary="Báo cáo kết quả thực hiện kế hoạch — the year-end report (head or deputy)",
)
async def report_plan(
    plan_id: IdPath, body: ReportIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> Any:
    results = [(r.task_group, r.text) for r in body.results]
    await run_command(
        handlers.report_plan(
            uow=uow, actor=actor, plan_id=plan_id, summary=body.summary, results=results
        )
    )
    return await show_plan(uow, plan_id)


@router.post(
    "/tasks/{task_id}/progress",
    status_code=201,
    response_model=TaskDetailOut,
    **requires("officer"),
    summary="Báo cáo tiến độ nhiệm vụ — report a task's progress (100% completes it)",
)
async def report_progress(
    task_id: IdPath, body: ProgressIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> Any:
    await run_command(
        handlers.report_progress(uow=uow, actor=actor, task_id=task_id, **body.model_dump())
    )
    return await show_task(uow.runtime, task_id, staff=True)


# --- reads ------------------------------------------------------------------------------
