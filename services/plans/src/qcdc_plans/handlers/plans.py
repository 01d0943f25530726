"""Commands on the annual plan and its tasks: load, ask the domain, save, record events;
``run_command`` (the route's) audits and commits. And the sweep that announces overdue tasks.

Who may act: any ward officer drafts a plan and reports progress; adopting, amending and
reporting on the plan belong to the steering committee's sitting head or a deputy, acting
through their officer account (``committee.adopting_member``).
"""

from __future__ import annotations

from collections.abc import Sequence

from qcdc_plans.adapters import bus
from qcdc_plans.domain import plan as domain
from qcdc_plans.domain.committee import Member, adopting_member
from qcdc_plans.domain.plan import Plan, Task, TaskChange, TaskSpec, edition_document
from qcdc_plans.domain.task_groups import GroupEdit
from qcdc_plans.handlers.common import load
from qcdc_plans.unit_of_work import PlansUnitOfWork
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.refusals import Refused
from qcdc_shared.sweeps import ItemSweep
from qcdc_shared.unit_of_work import SWEEPER, Actor, local_day


async def _plan(uow: PlansUnitOfWork, plan_id: str) -> Plan:
    return await load(uow.plans.get, plan_id, "kế hoạch", "plan")


async def _task(uow: PlansUnitOfWork, task_id: str) -> Task:
    return await load(uow.tasks.get, task_id, "nhiệm vụ", "task")


async def _committee_act(uow: PlansUnitOfWork, actor: Actor) -> tuple[Member, list[Member]]:
    members = await uow.committee.all()
    return adopting_member(members, actor.sub, local_day(uow)), members


async def create_plan(
    *,
    uow: PlansUnitOfWork,
    plan_id: str,
    year: int,
    title: str | None = None,
    purposes: Sequence[str] | None = None,
    groups: Sequence[GroupEdit] = (),
) -> Plan:
    if await uow.plans.by_year(uow.ward, year) is not None:
        raise Refused(
            f"Phường đã có kế hoạch năm {year}; hãy sửa kế hoạch đó.",
            f"The ward already has a plan for {year}; change that one.",
            conflict=True,
        )
    plan = domain.draft_plan(
        plan_id=plan_id, ward=uow.ward, year=year, title=title, purposes=purposes, groups=groups
    )
    await uow.plans.add(plan, at=uow.clock.now())
    return plan


async def edit_plan(
    *,
    uow: PlansUnitOfWork,
    plan_id: str,
    title: str | None = None,
    purposes: Sequence[str] | None = None,
    groups: Sequence[GroupEdit] = (),
) -> Plan:
    current = await _plan(uow, plan_id)
    edited = domain.edit_draft(current, title=title, purposes=purposes, groups=groups)
    await uow.plans.save(edited, expected_version=current.version, at=uow.clock.now())
    return edited


async def add_task(*, uow: PlansUnitOfWork, plan_id: str, task_id: str, spec: TaskSpec) -> Task:
    current = await _plan(uow, plan_id)
    members = await uow.committee.all()
    plan, task = domain.add_task(
        current, spec, task_id=task_id, members=members, today=local_day(uow)
    )
    now = uow.clock.now()
    await uow.plans.save(plan, expected_version=current.version, at=now)
    await uow.tasks.add(task, at=now)
    return task


async def change_draft_task(*, uow: PlansUnitOfWork, task_id: str, change: TaskChange) -> Task:
    task = await _task(uow, task_id)
    current = await _plan(uow, task.plan_id)
    members = await uow.committee.all()
    plan, changed = domain.change_draft_task(
        current, task, change, members=members, today=local_day(uow)
    )
    now = uow.clock.now()
    await uow.plans.save(plan, expected_version=current.version, at=now)
    await uow.tasks.save(changed, expected_version=task.version, at=now)
    return changed


async def adopt_plan(*, uow: PlansUnitOfWork, actor: Actor, plan_id: str) -> Plan:
    current = await _plan(uow, plan_id)
    member, _ = await _committee_act(uow, actor)
    before = await uow.tasks.of_plan(plan_id)
    now = uow.clock.now()
    plan, assigned = domain.adopt(current, before, member=member, at=now)
    await uow.plans.save(plan, expected_version=current.version, at=now)
    for old, task in zip(before, assigned, strict=True):
        await uow.tasks.save(task, expected_version=old.version, at=now)
    document = edition_document(plan, assigned, member=member, at=now, reason=None)
    await uow.plans.add_edition(plan, at=now, by=member.id, reason=None, document=document)
    uow.record(
        bus.plan_adopted(plan, assigned, at=now), aggregate_id=plan.id, sequence=plan.version
    )
    for task in assigned:
        uow.record(bus.task_assigned(plan, task), aggregate_id=task.id, sequence=task.version)
    return plan


async def amend_plan(
    *,
    uow: PlansUnitOfWork,
    actor: Actor,
    plan_id: str,
    reason: str,
    add: Sequence[tuple[str, TaskSpec]] = (),
    changes: Sequence[TaskChange] = (),
    groups: Sequence[GroupEdit] = (),
) -> Plan:
    """A new edition; ``add`` pairs each new task with the id the route gave it."""
    current = await _plan(uow, plan_id)
    member, members = await _committee_act(uow, actor)
    before = {task.id: task for task in await uow.tasks.of_plan(plan_id)}
    amendment = domain.amend(
        current,
        list(before.values()),
        add=add,
        changes=changes,
        groups=groups,
        members=members,
        today=local_day(uow),
    )
    plan, now = amendment.plan, uow.clock.now()
    await uow.plans.save(plan, expected_version=current.version, at=now)
    for task in amendment.changed:
        await uow.tasks.save(task, expected_version=before[task.id].version, at=now)
    for task in amendment.added:
        await uow.tasks.add(task, at=now)
    after = list({**before, **{t.id: t for t in amendment.changed + amendment.added}}.values())
    document = edition_document(plan, after, member=member, at=now, reason=reason)
    await uow.plans.add_edition(plan, at=now, by=member.id, reason=reason, document=document)
    uow.record(
        bus.plan_amended(plan, after, at=now, reason=reason),
        aggregate_id=plan.id,
        sequence=plan.version,
    )
    reassigned = [t for t in amendment.changed if t.id in amendment.reassigned]
    for task in [*amendment.added, *reassigned]:
        uow.record(bus.task_assigned(plan, task), aggregate_id=task.id, sequence=task.version)
    return plan


async def report_progress(
    *,
    uow: PlansUnitOfWork,
    actor: Actor,
    task_id: str,
    percent: int,
    note: str,
    evidence: Sequence[str] = (),
) -> Task:
    task = await _task(uow, task_id)
    plan = await _plan(uow, task.plan_id)
    now = uow.clock.now()
    progress = domain.report_progress(
        plan, task, percent=percent, note=note, evidence=evidence, reporter=actor.sub, at=now
    )
    final = progress.completed or progress.progressed
    await uow.tasks.save(final, expected_version=task.version, at=now)
    await uow.tasks.add_progress(progress.report)
    uow.record(
        bus.task_progressed(plan, progress.progressed, at=now),
        aggregate_id=task.id,
        sequence=progress.progressed.version,
    )
    if progress.completed is not None:
        uow.record(
            bus.task_completed(plan, progress.completed),
            aggregate_id=task.id,
            sequence=progress.completed.version,
        )
    return final


async def report_plan(
    *,
    uow: PlansUnitOfWork,
    actor: Actor,
    plan_id: str,
    summary: str,
    results: Sequence[tuple[int, str]] = (),
) -> Plan:
    current = await _plan(uow, plan_id)
    await _committee_act(uow, actor)
    now = uow.clock.now()
    reported = domain.report_plan(current, summary=summary, results=results, at=now)
    await uow.plans.save(reported, expected_version=current.version, at=now)
    return reported


# --- the sweep: task.overdue (OVS-DETECT) -----------------------------------------------


async def overdue_tasks(*, uow: PlansUnitOfWork) -> list[str]:
    """Tasks of adopted plans whose due day has ended (24:00 local time, CAL-COUNT) before
    completion, not yet announced."""
    return await uow.tasks.overdue_candidates(local_day(uow))


async def mark_overdue(*, uow: PlansUnitOfWork, task_id: str) -> int:
    """Record task.overdue for one task, once: the repository's claim (``overdue_at`` set
    only where it is still empty) succeeds for a single unit of work, so a repeated tick, a
    restart or a second sweeper at the same moment records nothing more. Returns 1 when
    this call recorded it."""
    now = uow.clock.now()
    if not await uow.tasks.mark_overdue(task_id, at=now, today=local_date(now)):
        return 0  # another sweep claimed it, or it was completed or cancelled meanwhile
    task = await _task(uow, task_id)
    plan = await _plan(uow, task.plan_id)
    uow.record(bus.task_overdue(plan, task), aggregate_id=task.id, sequence=task.version)
    await uow.audit(
        SWEEPER, action="task.overdue", target=f"task:{task.id}", detail={"rule": "OVS-DETECT"}
    )
    return 1


# Each due task in a unit of work of its own, committed by ``sweep_each``: one task that
# fails never stops the others.
OVERDUE_TASKS: ItemSweep[PlansUnitOfWork] = ItemSweep(
    name="task.overdue",
    due=lambda uow: overdue_tasks(uow=uow),
    handle=lambda uow, task_id: mark_overdue(uow=uow, task_id=task_id),
)
