"""Commands on the annual plan and its tasks: load, ask the domain, save, record events.

Who may act: any ward officer drafts a plan and reports progress; adopting, amending and
reporting on the plan belong to the steering committee's sitting head or a deputy, acting
through their officer account (``committee.adopting_member``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from qcdc_plans.adapters import plan_events
from qcdc_plans.adapters.plans import PlanRepository, TaskRepository, edition_document
from qcdc_plans.adapters.register import CommitteeRepository
from qcdc_plans.domain import plan as domain
from qcdc_plans.domain.committee import Member, adopting_member
from qcdc_plans.domain.errors import NotFound, Refused
from qcdc_plans.domain.plan import Plan, Task, TaskChange, TaskSpec
from qcdc_plans.domain.task_groups import GroupEdit
from qcdc_shared.auth import Principal
from qcdc_shared.runtime import UnitOfWork, command, local_day


async def _plan(repository: PlanRepository, plan_id: str) -> Plan:
    plan = await repository.get(plan_id)
    if plan is None:
        raise NotFound("kế hoạch", "plan", plan_id)
    return plan


async def _task(repository: TaskRepository, task_id: str) -> Task:
    task = await repository.get(task_id)
    if task is None:
        raise NotFound("nhiệm vụ", "task", task_id)
    return task


async def _committee_act(uow: UnitOfWork, actor: Principal) -> tuple[Member, list[Member]]:
    members = await CommitteeRepository(uow.session).all()
    return adopting_member(members, actor.sub, local_day(uow)), members


async def create_plan(
    *,
    uow: UnitOfWork,
    actor: Principal,
    year: int,
    title: str | None = None,
    purposes: Sequence[str] | None = None,
    groups: Sequence[GroupEdit] = (),
) -> Plan:
    plan_id = str(uuid.uuid4())

    async def work() -> Plan:
        repository = PlanRepository(uow.session)
        if await repository.by_year(uow.runtime.ward, year) is not None:
            raise Refused(
                f"Phường đã có kế hoạch năm {year}; hãy sửa kế hoạch đó.",
                f"The ward already has a plan for {year}; change that one.",
                conflict=True,
            )
        plan = domain.draft_plan(
            plan_id=plan_id,
            ward=uow.runtime.ward,
            year=year,
            title=title,
            purposes=purposes,
            groups=groups,
        )
        await repository.add(plan, at=uow.runtime.clock.now())
        return plan

    return await command(uow, actor, action="plan.create", target=f"plan:{plan_id}", work=work)


async def edit_plan(
    *,
    uow: UnitOfWork,
    actor: Principal,
    plan_id: str,
    title: str | None = None,
    purposes: Sequence[str] | None = None,
    groups: Sequence[GroupEdit] = (),
) -> Plan:
    async def work() -> Plan:
        repository = PlanRepository(uow.session)
        current = await _plan(repository, plan_id)
        edited = domain.edit_draft(current, title=title, purposes=purposes, groups=groups)
        await repository.save(edited, expected_version=current.version, at=uow.runtime.clock.now())
        return edited

    return await command(uow, actor, action="plan.edit", target=f"plan:{plan_id}", work=work)


async def add_task(*, uow: UnitOfWork, actor: Principal, plan_id: str, spec: TaskSpec) -> Task:
    task_id = str(uuid.uuid4())

    async def work() -> Task:
        plans = PlanRepository(uow.session)
        current = await _plan(plans, plan_id)
        members = await CommitteeRepository(uow.session).all()
        plan, task = domain.add_task(
            current, spec, task_id=task_id, members=members, today=local_day(uow)
        )
        now = uow.runtime.clock.now()
        await plans.save(plan, expected_version=current.version, at=now)
        await TaskRepository(uow.session).add(task, at=now)
        return task

    return await command(uow, actor, action="task.add", target=f"task:{task_id}", work=work)


async def change_draft_task(
    *, uow: UnitOfWork, actor: Principal, task_id: str, change: TaskChange
) -> Task:
    async def work() -> Task:
        plans, tasks = PlanRepository(uow.session), TaskRepository(uow.session)
        task = await _task(tasks, task_id)
        current = await _plan(plans, task.plan_id)
        members = await CommitteeRepository(uow.session).all()
        plan, changed = domain.change_draft_task(
            current, task, change, members=members, today=local_day(uow)
        )
        now = uow.runtime.clock.now()
        await plans.save(plan, expected_version=current.version, at=now)
        await tasks.save(changed, expected_version=task.version, at=now)
        return changed

    return await command(uow, actor, action="task.edit", target=f"task:{task_id}", work=work)


async def adopt_plan(*, uow: UnitOfWork, actor: Principal, plan_id: str) -> Plan:
    async def work() -> Plan:
        plans, tasks = PlanRepository(uow.session), TaskRepository(uow.session)
        current = await _plan(plans, plan_id)
        member, _ = await _committee_act(uow, actor)
        before = await tasks.of_plan(plan_id)
        now = uow.runtime.clock.now()
        plan, assigned = domain.adopt(current, before, member=member, at=now)
        await plans.save(plan, expected_version=current.version, at=now)
        for old, task in zip(before, assigned, strict=True):
            await tasks.save(task, expected_version=old.version, at=now)
        document = edition_document(plan, assigned, member=member, at=now, reason=None)
        await plans.add_edition(plan, at=now, by=member.id, reason=None, document=document)
        uow.record(
            plan_events.plan_adopted(plan, assigned, at=now),
            aggregate_id=plan.id,
            sequence=plan.version,
        )
        for task in assigned:
            uow.record(
                plan_events.task_assigned(plan, task), aggregate_id=task.id, sequence=task.version
            )
        return plan

    return await command(uow, actor, action="plan.adopt", target=f"plan:{plan_id}", work=work)


async def amend_plan(
    *,
    uow: UnitOfWork,
    actor: Principal,
    plan_id: str,
    reason: str,
    add: Sequence[TaskSpec] = (),
    changes: Sequence[TaskChange] = (),
    groups: Sequence[GroupEdit] = (),
) -> Plan:
    async def work() -> Plan:
        plans, tasks = PlanRepository(uow.session), TaskRepository(uow.session)
        current = await _plan(plans, plan_id)
        member, members = await _committee_act(uow, actor)
        before = {task.id: task for task in await tasks.of_plan(plan_id)}
        amendment = domain.amend(
            current,
            list(before.values()),
            add=[(str(uuid.uuid4()), spec) for spec in add],
            changes=changes,
            groups=groups,
            members=members,
            today=local_day(uow),
        )
        plan, now = amendment.plan, uow.runtime.clock.now()
        await plans.save(plan, expected_version=current.version, at=now)
        for task in amendment.changed:
            await tasks.save(task, expected_version=before[task.id].version, at=now)
        for task in amendment.added:
            await tasks.add(task, at=now)
        after = {**before, **{t.id: t for t in amendment.changed + amendment.added}}
        document = edition_document(
            plan, list(after.values()), member=member, at=now, reason=reason
        )
        await plans.add_edition(plan, at=now, by=member.id, reason=reason, document=document)
        uow.record(
            plan_events.plan_amended(plan, list(after.values()), at=now, reason=reason),
            aggregate_id=plan.id,
            sequence=plan.version,
        )
        reassigned = [t for t in amendment.changed if t.id in amendment.reassigned]
        for task in [*amendment.added, *reassigned]:
            uow.record(
                plan_events.task_assigned(plan, task), aggregate_id=task.id, sequence=task.version
            )
        return plan

    return await command(uow, actor, action="plan.amend", target=f"plan:{plan_id}", work=work)


async def report_progress(
    *,
    uow: UnitOfWork,
    actor: Principal,
    task_id: str,
    percent: int,
    note: str,
    evidence: Sequence[str] = (),
) -> Task:
    async def work() -> Task:
        plans, tasks = PlanRepository(uow.session), TaskRepository(uow.session)
        task = await _task(tasks, task_id)
        plan = await _plan(plans, task.plan_id)
        now = uow.runtime.clock.now()
        progress = domain.report_progress(
            plan, task, percent=percent, note=note, evidence=evidence, reporter=actor.sub, at=now
        )
        final = progress.completed or progress.progressed
        await tasks.save(final, expected_version=task.version, at=now)
        await tasks.add_progress(progress.report)
        uow.record(
            plan_events.task_progressed(plan, progress.progressed, at=now),
            aggregate_id=task.id,
            sequence=progress.progressed.version,
        )
        if progress.completed is not None:
            uow.record(
                plan_events.task_completed(plan, progress.completed),
                aggregate_id=task.id,
                sequence=progress.completed.version,
            )
        return final

    return await command(uow, actor, action="task.progress", target=f"task:{task_id}", work=work)


async def report_plan(
    *,
    uow: UnitOfWork,
    actor: Principal,
    plan_id: str,
    summary: str,
    results: Sequence[tuple[int, str]] = (),
) -> Plan:
    async def work() -> Plan:
        plans = PlanRepository(uow.session)
        current = await _plan(plans, plan_id)
        await _committee_act(uow, actor)
        now = uow.runtime.clock.now()
        reported = domain.report_plan(current, summary=summary, results=results, at=now)
        await plans.save(reported, expected_version=current.version, at=now)
        return reported

    return await command(uow, actor, action="plan.report", target=f"plan:{plan_id}", work=work)
