"""The sweeper: a task of an adopted plan whose due day has ended (24:00 local time,
CAL-COUNT) without completion becomes ``task.overdue``, once per task (OVS-DETECT).

Each task is claimed in its own transaction by a conditional update that only one
transaction can win (``overdue_at IS NULL``); the event is recorded in that transaction,
so a repeated tick, a restart or a second sweeper running at the same time publish nothing
more. One task that fails never stops the others.
"""

from __future__ import annotations

import datetime as dt
import logging

from qcdc_plans.adapters import plan_events
from qcdc_plans.adapters.plans import PlanRepository, TaskRepository
from qcdc_shared.audit import record_audit
from qcdc_shared.deadlines import local_date
from qcdc_shared.runtime import UnitOfWork

log = logging.getLogger(__name__)


async def sweep_overdue_tasks(uow: UnitOfWork) -> int:
    """Record task.overdue for every task whose due day ended before the clock's ``now``;
    returns how many this sweep recorded."""
    now = uow.runtime.clock.now()
    due = await TaskRepository(uow.session).overdue_candidates(local_date(now))
    await uow.session.rollback()  # only a read: each task gets its own transaction
    count = 0
    for task_id in due:
        try:
            async with uow.runtime.uow() as one:
                count += await _mark_overdue(one, task_id, now)
        except Exception:
            log.exception("task %s could not be marked overdue; retried next tick", task_id)
    return count


async def _mark_overdue(uow: UnitOfWork, task_id: str, now: dt.datetime) -> int:
    tasks = TaskRepository(uow.session)
    if not await tasks.mark_overdue(task_id, at=now, today=local_date(now)):
        return 0  # another sweep claimed it, or it was completed or cancelled meanwhile
    task = await tasks.get(task_id)
    plan = None if task is None else await PlanRepository(uow.session).get(task.plan_id)
    if task is None or plan is None:
        return 0
    uow.record(plan_events.task_overdue(plan, task), aggregate_id=task.id, sequence=task.version)
    await record_audit(
        uow.session,
        actor="system:sweeper",
        role="system",
        ward=uow.runtime.ward,
        action="task.overdue",
        target=f"task:{task.id}",
        detail={"rule": "OVS-DETECT"},
        at=now,
    )
    await uow.commit()
    return 1
