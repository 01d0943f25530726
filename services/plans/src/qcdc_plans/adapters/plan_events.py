"""Plans and tasks → the published integration events (contracts/): ids, counts, group
numbers and dates. Texts stay in this service except the short titles the contracts carry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from qcdc_plans.contracts import (
    PlanAdoptedV1,
    PlanAmendedV1,
    TaskAssignedV1,
    TaskCompletedV1,
    TaskGroupV1,
    TaskOverdueV1,
    TaskProgressedV1,
)
from qcdc_plans.domain.plan import Plan, Task, live_tasks


def _edition(plan: Plan, tasks: Sequence[Task], at: dt.datetime) -> dict[str, Any]:
    live = live_tasks(tasks)
    return {
        "plan_id": plan.id,
        "ward": plan.ward,
        "year": plan.year,
        "edition": plan.edition,
        "task_groups": [
            TaskGroupV1(
                number=group.number,
                title=group.title,
                tasks=sum(1 for task in live if task.task_group == group.number),
            )
            for group in plan.task_groups
        ],
        "tasks_total": len(live),
        "adopted_at": at,
        "version": plan.version,
    }


def plan_adopted(plan: Plan, tasks: Sequence[Task], *, at: dt.datetime) -> PlanAdoptedV1:
    return PlanAdoptedV1(**_edition(plan, tasks, at))


def plan_amended(
    plan: Plan, tasks: Sequence[Task], *, at: dt.datetime, reason: str
) -> PlanAmendedV1:
    return PlanAmendedV1(**_edition(plan, tasks, at), reason=reason)


def _task(plan: Plan, task: Task) -> dict[str, Any]:
    return {
        "task_id": task.id,
        "plan_id": plan.id,
        "ward": plan.ward,
        "year": plan.year,
        "task_group": task.task_group,
        "owner": task.owner,
        "due_on": task.due_on,
        "percent": task.percent,
        "version": task.version,
    }


def task_assigned(plan: Plan, task: Task) -> TaskAssignedV1:
    return TaskAssignedV1(**_task(plan, task), title=task.title, start_on=task.start_on)


def task_progressed(plan: Plan, task: Task, *, at: dt.datetime) -> TaskProgressedV1:
    return TaskProgressedV1(**_task(plan, task), reported_at=at, overdue=at > task.due_at)


def task_completed(plan: Plan, task: Task) -> TaskCompletedV1:
    assert task.completed_at is not None and task.on_time is not None
    return TaskCompletedV1(
        **_task(plan, task), completed_at=task.completed_at, on_time=task.on_time
    )


def task_overdue(plan: Plan, task: Task) -> TaskOverdueV1:
    return TaskOverdueV1(**_task(plan, task), due_at=task.due_at)
