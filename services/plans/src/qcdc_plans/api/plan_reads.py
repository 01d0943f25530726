"""Reads of the annual plan and its tasks.

Adopted and reported plans, their editions, tasks and progress are public (the people know:
"dân biết"); drafts are shown to ward staff only, and a member of the public gets 404 for
one. Which officer account reported progress is shown to ward staff only.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from qcdc_plans.adapters.plans import (
    PlanRepository,
    plans_query,
    tasks_query,
    to_task,
)
from qcdc_plans.adapters.tables import plan_tasks, plans
from qcdc_plans.api.common import IdPath, missing
from qcdc_plans.api.plan_views import (
    EditionOut,
    PlanOut,
    PlanSummaryOut,
    TaskDetailOut,
    TaskOut,
    is_staff,
    plan_out,
    show_task,
    visible_plan,
)
from qcdc_plans.domain.errors import NotFound
from qcdc_plans.domain.plan import (
    PlanStatus,
    TaskStatus,
)
from qcdc_shared.api import Page, PageQuery, paginate
from qcdc_shared.auth import (
    OptionalPrincipal,
    public,
)
from qcdc_shared.deadlines import local_date
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["plans"])


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
    query = plans_query(today, drafts=is_staff(principal, request))
    if year is not None:
        query = query.where(plans.c.year == year)
    if status is not None:
        query = query.where(plans.c.status == status)
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
    query = tasks_query(
        local_date(now),
        drafts=staff,
        plan=plan,
        owner=owner,
        task_group=task_group,
        overdue=overdue,
        status=status,
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
