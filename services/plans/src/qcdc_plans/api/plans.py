"""HTTP on the annual plan and its tasks: draft, add tasks, adopt, amend by a new edition,
report progress and the year-end report; and the reads.

Adopted and reported plans, their editions, tasks and progress are public (the people know:
"dân biết"); drafts are shown to ward staff only, and a member of the public gets 404 for
one. Which officer account reported progress is shown to ward staff only.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import Field

from qcdc_plans.adapters.plans import PlanRepository, plans_query, tasks_query, to_task
from qcdc_plans.adapters.sql import where_given
from qcdc_plans.adapters.tables import plan_tasks, plans
from qcdc_plans.api import examples as example
from qcdc_plans.api.common import IdPath, In, PlansUoW, command
from qcdc_plans.api.plan_views import (
    EditionOut,
    PlanOut,
    PlanSummaryOut,
    TaskDetailOut,
    TaskOut,
    is_staff,
    plan_out,
    show_plan,
    show_task,
    visible_plan,
)
from qcdc_plans.domain.plan import PlanStatus, TaskChange, TaskSpec, TaskStatus
from qcdc_plans.domain.task_groups import GroupEdit
from qcdc_plans.handlers import plans as handlers
from qcdc_shared.api import Day, Page, PageQuery, paginate
from qcdc_shared.api.commands import missing
from qcdc_shared.auth import CurrentPrincipal, OptionalPrincipal, public, requires
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.refusals import NotFound
from qcdc_shared.service import RuntimeDep

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
    model_config = example.of(example.PLAN_CHANGE)
    title: Title | None = None
    purposes: list[Text] | None = Field(default=None, min_length=1, max_length=20)
    task_groups: list[GroupIn] = Field(default_factory=list, max_length=8)

    def fields(self) -> dict[str, Any]:
        groups = [GroupEdit(g.number, g.title, g.description) for g in self.task_groups]
        return {**self.model_dump(exclude={"task_groups"}), "groups": groups}


class PlanIn(PlanChangeIn):
    model_config = example.of(example.PLAN)
    year: int = Field(ge=2000, le=2100, description="Năm của kế hoạch.")


class TaskIn(In):
    model_config = example.of(example.TASK)
    task_group: GroupNumber
    title: Title
    owner: str = Field(min_length=1, max_length=64, description="Mã thành viên Ban Chỉ đạo.")
    start_on: Day
    due_on: Day
    deliverable: Text = Field(description="Sản phẩm, kết quả cần đạt.")

    def spec(self) -> TaskSpec:
        return TaskSpec(**self.model_dump())


class TaskChangeIn(In):
    model_config = example.of(example.TASK_CHANGE)
    title: Title | None = None
    owner: str | None = Field(default=None, min_length=1, max_length=64)
    start_on: Day | None = None
    due_on: Day | None = None
    deliverable: Text | None = None


class TaskAmendIn(TaskChangeIn):
    model_config = example.of(example.TASK_AMENDMENT)
    id: str = Field(min_length=1, max_length=64)
    cancelled: bool = False


class AmendmentIn(In):
    model_config = example.of(example.AMENDMENT)
    reason: Text = Field(description="Lý do sửa đổi, bổ sung.")
    add_tasks: list[TaskIn] = Field(default_factory=list, max_length=MAX_TASKS_PER_AMENDMENT)
    change_tasks: list[TaskAmendIn] = Field(
        default_factory=list, max_length=MAX_TASKS_PER_AMENDMENT
    )
    task_groups: list[GroupIn] = Field(default_factory=list, max_length=8)

    def fields(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            # A new task's id is given here, as for any aggregate the route creates.
            "add": [(str(uuid.uuid4()), t.spec()) for t in self.add_tasks],
            "changes": [TaskChange(**t.model_dump()) for t in self.change_tasks],
            "groups": [GroupEdit(g.number, g.title, g.description) for g in self.task_groups],
        }


class ProgressIn(In):
    model_config = example.of(example.PROGRESS)
    percent: int = Field(ge=0, le=100)
    note: Text
    evidence: list[Link] = Field(default_factory=list, max_length=20)


class GroupResultIn(In):
    task_group: GroupNumber
    text: Text


class ReportIn(In):
    model_config = example.of(example.REPORT)
    summary: Text
    results: list[GroupResultIn] = Field(default_factory=list, max_length=8)


# --- commands ---------------------------------------------------------------------------


@router.post(
    "/plans",
    status_code=201,
    response_model=PlanOut,
    **requires("officer"),
    summary="Lập dự thảo kế hoạch năm — draft the year's plan (8 task groups pre-filled)",
)
async def create_plan(
    body: PlanIn, uow: PlansUoW, runtime: RuntimeDep, actor: CurrentPrincipal
) -> Any:
    plan_id = str(uuid.uuid4())
    created = handlers.create_plan(uow=uow, plan_id=plan_id, **body.fields())
    await command(created, uow, actor, "plan.create", f"plan:{plan_id}")
    return await show_plan(runtime, plan_id)


@router.patch(
    "/plans/{plan_id}",
    response_model=PlanOut,
    **requires("officer"),
    summary="Sửa dự thảo kế hoạch — edit a draft (an adopted plan is amended instead)",
)
async def edit_plan(
    plan_id: IdPath, body: PlanChangeIn, uow: PlansUoW, runtime: RuntimeDep, actor: CurrentPrincipal
) -> Any:
    edited = handlers.edit_plan(uow=uow, plan_id=plan_id, **body.fields())
    await command(edited, uow, actor, "plan.edit", f"plan:{plan_id}")
    return await show_plan(runtime, plan_id)


@router.post(
    "/plans/{plan_id}/tasks",
    status_code=201,
    response_model=TaskOut,
    **requires("officer"),
    summary="Giao nhiệm vụ trong dự thảo — add a task to a draft plan",
)
async def add_task(
    plan_id: IdPath, body: TaskIn, uow: PlansUoW, runtime: RuntimeDep, actor: CurrentPrincipal
) -> Any:
    task_id = str(uuid.uuid4())
    added = handlers.add_task(uow=uow, plan_id=plan_id, task_id=task_id, spec=body.spec())
    await command(added, uow, actor, "task.add", f"task:{task_id}")
    return await show_task(runtime, task_id, staff=True)


@router.patch(
    "/tasks/{task_id}",
    response_model=TaskOut,
    **requires("officer"),
    summary="Sửa nhiệm vụ của dự thảo — edit a task while its plan is a draft",
)
async def edit_task(
    task_id: IdPath, body: TaskChangeIn, uow: PlansUoW, runtime: RuntimeDep, actor: CurrentPrincipal
) -> Any:
    change = TaskChange(id=task_id, **body.model_dump())
    edited = handlers.change_draft_task(uow=uow, task_id=task_id, change=change)
    await command(edited, uow, actor, "task.edit", f"task:{task_id}")
    return await show_task(runtime, task_id, staff=True)


@router.post(
    "/plans/{plan_id}/adopt",
    response_model=PlanOut,
    **requires("officer"),
    summary="Ban hành kế hoạch — adopt (the committee's sitting head or a deputy)",
)
async def adopt_plan(
    plan_id: IdPath, uow: PlansUoW, runtime: RuntimeDep, actor: CurrentPrincipal
) -> Any:
    adopted = handlers.adopt_plan(uow=uow, actor=actor, plan_id=plan_id)
    await command(adopted, uow, actor, "plan.adopt", f"plan:{plan_id}")
    return await show_plan(runtime, plan_id)


@router.post(
    "/plans/{plan_id}/amendments",
    status_code=201,
    response_model=PlanOut,
    **requires("officer"),
    summary="Sửa đổi, bổ sung kế hoạch đã ban hành — amend: a new edition (head or deputy)",
)
async def amend_plan(
    plan_id: IdPath, body: AmendmentIn, uow: PlansUoW, runtime: RuntimeDep, actor: CurrentPrincipal
) -> Any:
    amended = handlers.amend_plan(uow=uow, actor=actor, plan_id=plan_id, **body.fields())
    await command(amended, uow, actor, "plan.amend", f"plan:{plan_id}")
    return await show_plan(runtime, plan_id)


@router.post(
    "/plans/{plan_id}/report",
    response_model=PlanOut,
    **requires("officer"),
    summary="Báo cáo kết quả thực hiện kế hoạch — the year-end report (head or deputy)",
)
async def report_plan(
    plan_id: IdPath, body: ReportIn, uow: PlansUoW, runtime: RuntimeDep, actor: CurrentPrincipal
) -> Any:
    results = [(r.task_group, r.text) for r in body.results]
    reported = handlers.report_plan(
        uow=uow, actor=actor, plan_id=plan_id, summary=body.summary, results=results
    )
    await command(reported, uow, actor, "plan.report", f"plan:{plan_id}")
    return await show_plan(runtime, plan_id)


@router.post(
    "/tasks/{task_id}/progress",
    status_code=201,
    response_model=TaskDetailOut,
    **requires("officer"),
    summary="Báo cáo tiến độ nhiệm vụ — report a task's progress (100% completes it)",
)
async def report_progress(
    task_id: IdPath, body: ProgressIn, uow: PlansUoW, runtime: RuntimeDep, actor: CurrentPrincipal
) -> Any:
    reported = handlers.report_progress(uow=uow, actor=actor, task_id=task_id, **body.model_dump())
    await command(reported, uow, actor, "task.progress", f"task:{task_id}")
    return await show_task(runtime, task_id, staff=True)


# --- reads ------------------------------------------------------------------------------


@router.get(
    "/plans",
    response_model=Page[PlanSummaryOut],
    **public(),
    summary="Các kế hoạch năm — the ward's plans, newest year first (drafts: staff only)",
)
async def list_plans(
    runtime: RuntimeDep,
    request: Request,
    principal: OptionalPrincipal,
    page: PageQuery,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    status: Annotated[PlanStatus | None, Query()] = None,
) -> Any:
    today = local_date(runtime.clock.now())
    query = where_given(
        plans_query(today, drafts=is_staff(principal, request)),
        (plans.c.year, year),
        (plans.c.status, status),
    )
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[plans.c.year, plans.c.id],
            params=page,
            descending=True,
            item=lambda row: PlanSummaryOut.model_validate(dict(row._mapping)),
        )


@router.get(
    "/plans/{plan_id}",
    response_model=PlanOut,
    **public(),
    summary="Một kế hoạch: mục đích, 8 nhóm nhiệm vụ, tiến độ — a plan with its tasks",
)
async def get_plan(
    plan_id: IdPath, runtime: RuntimeDep, request: Request, principal: OptionalPrincipal
) -> Any:
    staff = is_staff(principal, request)
    async with runtime.sessionmaker() as session:
        plan = await visible_plan(session, plan_id, staff=staff)
        return await plan_out(session, plan, now=runtime.clock.now(), staff=staff)


@router.get(
    "/plans/{plan_id}/editions/{edition}",
    response_model=EditionOut,
    **public(),
    summary="Văn bản kế hoạch theo lần ban hành — an edition exactly as adopted",
)
async def get_edition(
    plan_id: IdPath, edition: Annotated[int, Path(ge=1, le=10_000)], runtime: RuntimeDep
) -> Any:
    async with runtime.sessionmaker() as session:
        document = await PlanRepository(session).edition(plan_id, edition)
    if document is None:
        raise missing(NotFound("văn bản kế hoạch lần", "edition", str(edition)))
    return EditionOut.model_validate({**document, "plan_id": plan_id})


@router.get(
    "/tasks",
    response_model=Page[TaskOut],
    **public(),
    summary="Nhiệm vụ theo kế hoạch, người phụ trách, nhóm, quá hạn — tasks, by due date",
)
async def list_tasks(
    runtime: RuntimeDep,
    request: Request,
    principal: OptionalPrincipal,
    page: PageQuery,
    plan: Annotated[str | None, Query(max_length=64)] = None,
    owner: Annotated[str | None, Query(max_length=64)] = None,
    task_group: Annotated[int | None, Query(ge=1, le=8)] = None,
    overdue: Annotated[bool | None, Query(description="Đã quá hạn mà chưa xong.")] = None,
    status: Annotated[TaskStatus | None, Query()] = None,
) -> Any:
    now, staff = runtime.clock.now(), is_staff(principal, request)
    query = where_given(
        tasks_query(local_date(now), drafts=staff, overdue=overdue),
        (plan_tasks.c.plan_id, plan),
        (plan_tasks.c.owner, owner),
        (plan_tasks.c.task_group, task_group),
        (plan_tasks.c.status, status),
    )
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[plan_tasks.c.due_on, plan_tasks.c.id],
            params=page,
            item=lambda row: TaskOut.of(
                to_task(row._mapping), now=now, owner_name=row.owner_name, staff=staff
            ),
        )


@router.get(
    "/tasks/{task_id}",
    response_model=TaskDetailOut,
    **public(),
    summary="Một nhiệm vụ và các báo cáo tiến độ — a task with its progress history",
)
async def get_task(
    task_id: IdPath, runtime: RuntimeDep, request: Request, principal: OptionalPrincipal
) -> Any:
    return await show_task(runtime, task_id, staff=is_staff(principal, request))
