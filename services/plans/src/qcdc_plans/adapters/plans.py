"""Repositories of annual plans, their editions (append-only), tasks and progress reports
(append-only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import Select, and_, func, select, update
from sqlalchemy.engine import RowMapping

from qcdc_plans.adapters.sql import SqlRepository
from qcdc_plans.adapters.tables import (
    committee_members,
    plan_editions,
    plan_tasks,
    plans,
    task_progress,
)
from qcdc_plans.domain.plan import Plan, ProgressReport, Report, Task
from qcdc_plans.domain.task_groups import TaskGroup
from qcdc_shared.db import from_row


def to_plan(row: RowMapping) -> Plan:
    report = row["report"]
    return from_row(
        Plan,
        row,
        purposes=tuple(row["purposes"]),
        task_groups=tuple(TaskGroup(**group) for group in row["task_groups"]),
        report=None
        if report is None
        else Report(
            report["summary"], tuple((r["task_group"], r["text"]) for r in report["results"])
        ),
    )


def _plan_values(plan: Plan) -> dict[str, Any]:
    values = asdict(plan)
    values["purposes"] = list(plan.purposes)
    values["task_groups"] = [asdict(group) for group in plan.task_groups]
    values["report"] = (
        None
        if plan.report is None
        else {
            "summary": plan.report.summary,
            "results": [{"task_group": n, "text": t} for n, t in plan.report.results],
        }
    )
    return values


def to_task(row: RowMapping) -> Task:
    return from_row(Task, row)


def to_progress(row: RowMapping) -> ProgressReport:
    return from_row(ProgressReport, row, evidence=tuple(row["evidence"]))


class PlanRepository(SqlRepository):
    table = plans

    async def get(self, plan_id: str) -> Plan | None:
        return await self._one(select(plans).where(plans.c.id == plan_id), to_plan)

    async def by_year(self, ward: str, year: int) -> Plan | None:
        query = select(plans).where(plans.c.ward == ward, plans.c.year == year)
        return await self._one(query, to_plan)

    async def add(self, plan: Plan, *, at: dt.datetime) -> None:
        await self._insert(_plan_values(plan), at=at)

    async def save(self, plan: Plan, *, expected_version: int, at: dt.datetime) -> None:
        await self._update(plan.id, _plan_values(plan), expected_version=expected_version, at=at)

    async def add_edition(
        self, plan: Plan, *, at: dt.datetime, by: str, reason: str | None, document: dict[str, Any]
    ) -> None:
        await self.session.execute(
            plan_editions.insert().values(
                plan_id=plan.id,
                edition=plan.edition,
                adopted_at=at,
                adopted_by=by,
                reason=reason,
                document=document,
            )
        )

    async def edition(self, plan_id: str, edition: int) -> dict[str, Any] | None:
        query = select(plan_editions.c.document).where(
            plan_editions.c.plan_id == plan_id, plan_editions.c.edition == edition
        )
        document = await self.session.scalar(query)
        return dict(document) if document is not None else None

    async def editions(self, plan_id: str) -> list[dict[str, Any]]:
        """Every edition's number, date, adopting member and reason (not the text)."""
        query = (
            select(
                plan_editions.c.edition,
                plan_editions.c.adopted_at,
                plan_editions.c.adopted_by,
                plan_editions.c.reason,
            )
            .where(plan_editions.c.plan_id == plan_id)
            .order_by(plan_editions.c.edition)
        )
        return [dict(row) for row in (await self.session.execute(query)).mappings()]


class TaskRepository(SqlRepository):
    table = plan_tasks

    async def get(self, task_id: str) -> Task | None:
        return await self._one(select(plan_tasks).where(plan_tasks.c.id == task_id), to_task)

    async def of_plan(self, plan_id: str) -> list[Task]:
        query = (
            select(plan_tasks)
            .where(plan_tasks.c.plan_id == plan_id)
            .order_by(plan_tasks.c.task_group, plan_tasks.c.due_on, plan_tasks.c.id)
        )
        return await self._all(query, to_task)

    async def add(self, task: Task, *, at: dt.datetime) -> None:
        await self._insert(asdict(task), at=at)

    async def save(self, task: Task, *, expected_version: int, at: dt.datetime) -> None:
        await self._update(task.id, asdict(task), expected_version=expected_version, at=at)

    async def add_progress(self, report: ProgressReport) -> None:
        values = {**asdict(report), "evidence": list(report.evidence)}
        await self.session.execute(task_progress.insert().values(**values))

    async def progress(self, task_id: str) -> list[ProgressReport]:
        query = (
            select(task_progress)
            .where(task_progress.c.task_id == task_id)
            .order_by(task_progress.c.at, task_progress.c.id)
        )
        return await self._all(query, to_progress)

    async def latest_progress(self, task_ids: Sequence[str]) -> dict[str, ProgressReport]:
        if not task_ids:
            return {}
        latest = (
            select(func.max(task_progress.c.id))
            .where(task_progress.c.task_id.in_(task_ids))
            .group_by(task_progress.c.task_id)
        )
        query = select(task_progress).where(task_progress.c.id.in_(latest))
        rows = (await self.session.execute(query)).mappings()
        return {row["task_id"]: to_progress(row) for row in rows}

    async def overdue_candidates(self, today: dt.date) -> list[str]:
        """Open tasks of adopted plans whose due day ended before ``today`` and that have no
        task.overdue yet."""
        query = (
            select(plan_tasks.c.id)
            .join(plans, plans.c.id == plan_tasks.c.plan_id)
            .where(
                plans.c.edition >= 1,
                plan_tasks.c.status == "open",
                plan_tasks.c.due_on < today,
                plan_tasks.c.overdue_at.is_(None),
            )
            .order_by(plan_tasks.c.due_on, plan_tasks.c.id)
        )
        return list((await self.session.scalars(query)).all())

    async def mark_overdue(self, task_id: str, *, at: dt.datetime, today: dt.date) -> bool:
        """Claim the task's one task.overdue: true only for the single transaction whose
        update changed the row; every other sweep, however concurrent, changes nothing."""
        result = await self.session.execute(
            update(plan_tasks)
            .where(
                plan_tasks.c.id == task_id,
                plan_tasks.c.overdue_at.is_(None),
                plan_tasks.c.status == "open",
                plan_tasks.c.due_on < today,
            )
            .values(overdue_at=at, version=plan_tasks.c.version + 1, changed_at=at)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]


# --- list queries for the reads (pagination adds the order and the page) -----------------


def _count(*where: Any) -> Any:
    return (
        select(func.count())
        .select_from(plan_tasks)
        .where(plan_tasks.c.plan_id == plans.c.id, *where)
        .correlate(plans)
        .scalar_subquery()
    )


def _late(today: dt.date) -> list[Any]:
    # The due day has ended (CAL-COUNT: 24:00 local time) exactly when today is past it.
    return [plan_tasks.c.status == "open", plan_tasks.c.due_on < today]


def plans_query(today: dt.date, *, drafts: bool) -> Select[Any]:
    """Plan summaries with their task counts; drafts only when ``drafts``."""
    query = select(
        plans.c.id,
        plans.c.year,
        plans.c.title,
        plans.c.status,
        plans.c.edition,
        plans.c.adopted_at,
        plans.c.reported_at,
        plans.c.version,
        _count(plan_tasks.c.status != "cancelled").label("tasks_total"),
        _count(plan_tasks.c.status == "completed").label("tasks_completed"),
        _count(*_late(today)).label("tasks_overdue"),
    )
    return query if drafts else query.where(plans.c.status != "draft")


def tasks_query(today: dt.date, *, drafts: bool, overdue: bool | None = None) -> Select[Any]:
    """Tasks with their owner's name; tasks of drafts only when ``drafts``; only overdue ones,
    or only the others, when ``overdue`` says so."""
    query = select(plan_tasks, committee_members.c.name.label("owner_name")).select_from(
        plan_tasks.join(plans, plans.c.id == plan_tasks.c.plan_id).outerjoin(
            committee_members, committee_members.c.id == plan_tasks.c.owner
        )
    )
    if not drafts:
        query = query.where(plans.c.status != "draft")
    if overdue is True:
        query = query.where(*_late(today))
    elif overdue is False:
        query = query.where(~and_(*_late(today)))
    return query
