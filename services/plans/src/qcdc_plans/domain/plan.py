"""The ward's annual plan for implementing QCDC (kế hoạch thực hiện QCDC) and its tasks.

A plan is drafted (edited freely), adopted by the sitting head or a deputy head of the
steering committee (edition 1), then only amended, each amendment a new edition, never an
edit of the adopted text; at the end it is reported on. Task ids stay the same across
editions, so progress reported before an amendment is kept. Pure rules: no I/O here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import urlsplit

from qcdc_plans.domain.committee import Member
from qcdc_plans.domain.task_groups import (
    DEFAULT_PURPOSES,
    DEFAULT_TASK_GROUPS,
    DEFAULT_TITLE,
    GroupEdit,
    TaskGroup,
    check_group,
    edit_groups,
)
from qcdc_shared.law.deadlines import end_of_day
from qcdc_shared.refusals import Refused

PlanStatus = Literal["draft", "adopted", "reported"]
TaskStatus = Literal["open", "completed", "cancelled"]
MAX_EVIDENCE = 20
_CLOSED = {"completed": ("đã hoàn thành", "completed"), "cancelled": ("đã hủy", "cancelled")}


@dataclass(frozen=True)
class Report:
    summary: str
    results: tuple[tuple[int, str], ...] = ()  # (task group, what it achieved)


@dataclass(frozen=True)
class Plan:
    id: str
    ward: str
    year: int
    title: str
    purposes: tuple[str, ...]
    task_groups: tuple[TaskGroup, ...]
    status: PlanStatus = "draft"
    edition: int = 0  # 0 while drafted; 1 when adopted; each amendment adds one
    adopted_at: dt.datetime | None = None  # edition 1; later editions are in the editions
    adopted_by: str | None = None  # the adopting member's id
    report: Report | None = None
    reported_at: dt.datetime | None = None
    version: int = 1


@dataclass(frozen=True)
class Task:
    id: str
    plan_id: str
    task_group: int
    title: str
    owner: str  # a steering-committee member's id
    start_on: dt.date
    due_on: dt.date
    deliverable: str
    status: TaskStatus = "open"
    percent: int = 0
    completed_at: dt.datetime | None = None
    overdue_at: dt.datetime | None = None  # when task.overdue was recorded, once
    version: int = 1

    @property
    def due_at(self) -> dt.datetime:
        return end_of_day(self.due_on)

    def overdue(self, now: dt.datetime) -> bool:
        """The due day has ended (24:00 local time, CAL-COUNT) and the task is not done."""
        return self.status == "open" and now > self.due_at

    @property
    def on_time(self) -> bool | None:
        return None if self.completed_at is None else self.completed_at <= self.due_at


@dataclass(frozen=True)
class ProgressReport:
    task_id: str
    at: dt.datetime
    percent: int
    note: str
    evidence: tuple[str, ...]
    reporter: str


@dataclass(frozen=True)
class TaskSpec:
    task_group: int
    title: str
    owner: str
    start_on: dt.date
    due_on: dt.date
    deliverable: str


@dataclass(frozen=True)
class TaskChange:
    id: str
    title: str | None = None
    owner: str | None = None
    start_on: dt.date | None = None
    due_on: dt.date | None = None
    deliverable: str | None = None
    cancelled: bool = False


@dataclass(frozen=True)
class Amendment:
    plan: Plan
    added: tuple[Task, ...]
    changed: tuple[Task, ...]
    reassigned: frozenset[str]  # ids of changed tasks that got a new owner


@dataclass(frozen=True)
class Progress:
    progressed: Task
    completed: Task | None  # the same task once more, when this report reached 100%
    report: ProgressReport


# --- drafting ---------------------------------------------------------------------------


def draft_plan(
    *,
    plan_id: str,
    ward: str,
    year: int,
    title: str | None = None,
    purposes: Sequence[str] | None = None,
    groups: Sequence[GroupEdit] = (),
) -> Plan:
    return Plan(
        id=plan_id,
        ward=ward,
        year=year,
        title=title or DEFAULT_TITLE.format(year=year),
        purposes=_purposes(DEFAULT_PURPOSES if purposes is None else purposes),
        task_groups=edit_groups(DEFAULT_TASK_GROUPS, groups),
    )


def edit_draft(
    plan: Plan,
    *,
    title: str | None = None,
    purposes: Sequence[str] | None = None,
    groups: Sequence[GroupEdit] = (),
) -> Plan:
    _require_draft(plan)
    edited = replace(
        plan,
        title=title or plan.title,
        purposes=plan.purposes if purposes is None else _purposes(purposes),
        task_groups=edit_groups(plan.task_groups, groups),
    )
    if edited == plan:
        raise Refused("Không có thay đổi nào.", "Nothing changed.")
    return replace(edited, version=plan.version + 1)


def add_task(
    plan: Plan, spec: TaskSpec, *, task_id: str, members: Sequence[Member], today: dt.date
) -> tuple[Plan, Task]:
    """A task of a draft; the plan's version moves so a concurrent adoption cannot miss it."""
    _require_draft(plan)
    return replace(plan, version=plan.version + 1), new_task(
        plan, spec, task_id=task_id, members=members, today=today
    )


def change_draft_task(
    plan: Plan, task: Task, change: TaskChange, *, members: Sequence[Member], today: dt.date
) -> tuple[Plan, Task]:
    _require_draft(plan)
    if change.cancelled:
        raise Refused(
            "Nhiệm vụ của dự thảo được sửa, không hủy; hãy sửa lại nội dung nhiệm vụ.",
            "A draft's task is edited, not cancelled; rewrite it instead.",
        )
    changed = change_task(plan, task, change, members=members, today=today)
    return replace(plan, version=plan.version + 1), changed


def new_task(
    plan: Plan, spec: TaskSpec, *, task_id: str, members: Sequence[Member], today: dt.date
) -> Task:
    check_group(plan.task_groups, spec.task_group)
    _check_dates(spec.start_on, spec.due_on)
    check_owner(members, spec.owner, start_on=spec.start_on, today=today)
    return Task(
        id=task_id,
        plan_id=plan.id,
        task_group=spec.task_group,
        title=spec.title,
        owner=spec.owner,
        start_on=spec.start_on,
        due_on=spec.due_on,
        deliverable=spec.deliverable,
    )


def _require_open(task: Task, then_vi: str, then_en: str) -> None:
    """Refuse (409) to act on a task once it is completed or cancelled."""
    if task.status != "open":
        vi, en = _CLOSED[task.status]
        raise Refused(
            f"Nhiệm vụ “{task.title}” {vi}{then_vi}",
            f"The task “{task.title}” is {en}{then_en}",
            conflict=True,
        )


def change_task(
    plan: Plan, task: Task, change: TaskChange, *, members: Sequence[Member], today: dt.date
) -> Task:
    if task.plan_id != plan.id:
        raise Refused(
            f"Nhiệm vụ {task.id} không thuộc kế hoạch này.",
            f"Task {task.id} is not part of this plan.",
        )
    _require_open(task, ", không thể thay đổi.", " and cannot change.")
    changed = replace(
        task,
        title=change.title or task.title,
        owner=change.owner or task.owner,
        start_on=change.start_on or task.start_on,
        due_on=change.due_on or task.due_on,
        deliverable=change.deliverable or task.deliverable,
        status="cancelled" if change.cancelled else task.status,
    )
    if changed == task:
        raise Refused(
            f"Không có thay đổi nào cho nhiệm vụ “{task.title}”.",
            f"Nothing changes for the task “{task.title}”.",
        )
    _check_dates(changed.start_on, changed.due_on)
    if changed.owner != task.owner:
        check_owner(members, changed.owner, start_on=changed.start_on, today=today)
    return replace(changed, version=task.version + 1)


def check_owner(
    members: Sequence[Member], owner: str, *, start_on: dt.date, today: dt.date
) -> Member:
    """A task belongs to a member sitting on the steering committee when it starts, or now."""
    for member in members:
        if member.id == owner:
            if member.sits_on(start_on) or member.sits_on(today):
                return member
            raise Refused(
                f"{member.name} không còn là thành viên Ban Chỉ đạo vào ngày bắt đầu "
                f"({start_on:%d/%m/%Y}) hay hôm nay; hãy giao cho thành viên đương nhiệm.",
                f"{member.name} does not sit on the steering committee on the start date "
                f"({start_on}) or today; assign the task to a sitting member.",
            )
    raise Refused(
        f"Không có thành viên Ban Chỉ đạo mã {owner}; nhiệm vụ phải giao cho một thành viên.",
        f"No steering-committee member {owner}; a task is assigned to a member.",
    )


# --- adoption and amendment -------------------------------------------------------------


def adopt(
    plan: Plan, tasks: Sequence[Task], *, member: Member, at: dt.datetime
) -> tuple[Plan, list[Task]]:
    """Edition 1, adopted by ``member`` (the sitting head or a deputy: committee rules)."""
    _require_draft(plan)
    if not any(task.status == "open" for task in tasks):
        raise Refused(
            "Kế hoạch chưa có nhiệm vụ nào; hãy giao ít nhất một nhiệm vụ trước khi ban hành.",
            "The plan has no task yet; assign at least one before adopting it.",
        )
    adopted = replace(
        plan,
        status="adopted",
        edition=1,
        adopted_at=at,
        adopted_by=member.id,
        version=plan.version + 1,
    )
    # Every task's version moves: task.assigned is the first event of its stream.
    return adopted, [replace(task, version=task.version + 1) for task in tasks]


def amend(
    plan: Plan,
    tasks: Sequence[Task],
    *,
    add: Sequence[tuple[str, TaskSpec]] = (),
    changes: Sequence[TaskChange] = (),
    groups: Sequence[GroupEdit] = (),
    members: Sequence[Member],
    today: dt.date,
) -> Amendment:
    """A new edition of an adopted plan; ``add`` pairs each new task with its id."""
    require_adopted(plan)
    if not (add or changes or groups):
        raise Refused(
            "Văn bản sửa đổi phải thay đổi ít nhất một nội dung của kế hoạch.",
            "An amendment changes at least one thing in the plan.",
        )
    ids = [change.id for change in changes]
    if len(set(ids)) != len(ids):
        raise Refused(
            "Mỗi nhiệm vụ chỉ được nêu một lần trong văn bản sửa đổi.",
            "Each task appears at most once in an amendment.",
        )
    edited = replace(plan, task_groups=edit_groups(plan.task_groups, groups))
    by_id = {task.id: task for task in tasks}
    changed: list[Task] = []
    for change in changes:
        task = by_id.get(change.id)
        if task is None:
            raise Refused(
                f"Nhiệm vụ {change.id} không thuộc kế hoạch này.",
                f"Task {change.id} is not part of this plan.",
            )
        changed.append(change_task(edited, task, change, members=members, today=today))
    added = [new_task(edited, spec, task_id=i, members=members, today=today) for i, spec in add]
    if not (added or changed) and edited.task_groups == plan.task_groups:
        raise Refused("Không có thay đổi nào.", "Nothing changed.")
    return Amendment(
        plan=replace(edited, edition=plan.edition + 1, version=plan.version + 1),
        added=tuple(added),
        changed=tuple(changed),
        reassigned=frozenset(t.id for t in changed if t.owner != by_id[t.id].owner),
    )


def edition_document(
    plan: Plan, tasks: Sequence[Task], *, member: Member, at: dt.datetime, reason: str | None
) -> dict[str, Any]:
    """The text of an edition as adopted, stored unchanged in ``plan_editions``."""
    return {
        "edition": plan.edition,
        "year": plan.year,
        "title": plan.title,
        "adopted_at": at.isoformat(),
        "adopted_by": {"member": member.id, "name": member.name, "position": member.position},
        "reason": reason,
        "purposes": list(plan.purposes),
        "task_groups": [
            {"number": g.number, "title": g.title, "description": g.description}
            for g in plan.task_groups
        ],
        "tasks": [
            {
                "id": t.id,
                "task_group": t.task_group,
                "title": t.title,
                "owner": t.owner,
                "start_on": t.start_on.isoformat(),
                "due_on": t.due_on.isoformat(),
                "deliverable": t.deliverable,
                "cancelled": t.status == "cancelled",
            }
            for t in sorted(tasks, key=lambda t: (t.task_group, t.due_on, t.id))
        ],
    }


# --- carrying it out --------------------------------------------------------------------


def report_progress(
    plan: Plan,
    task: Task,
    *,
    percent: int,
    note: str,
    evidence: Sequence[str],
    reporter: str,
    at: dt.datetime,
) -> Progress:
    require_adopted(plan)
    _require_open(task, "; không báo cáo tiến độ thêm.", "; no more progress is reported.")
    if not 0 <= percent <= 100:
        raise Refused("Tiến độ phải từ 0 đến 100%.", "Progress lies between 0 and 100%.")
    if percent < task.percent:
        raise Refused(
            f"Tiến độ không được giảm: đã báo cáo {task.percent}%, nay báo cáo {percent}%.",
            f"Progress cannot go down: {task.percent}% was reported, now {percent}%.",
        )
    _check_evidence(evidence)
    progressed = replace(task, percent=percent, version=task.version + 1)
    completed = None
    if percent == 100:
        completed = replace(
            progressed, status="completed", completed_at=at, version=progressed.version + 1
        )
    report = ProgressReport(task.id, at, percent, note, tuple(evidence), reporter)
    return Progress(progressed, completed, report)


def report_plan(
    plan: Plan, *, summary: str, results: Sequence[tuple[int, str]], at: dt.datetime
) -> Plan:
    """The year-end report closes the plan: nothing is amended or reported after it."""
    require_adopted(plan)
    numbers = [number for number, _ in results]
    if len(set(numbers)) != len(numbers):
        raise Refused(
            "Mỗi nhóm nhiệm vụ chỉ có một kết quả.", "Each task group has one result at most."
        )
    for number in numbers:
        check_group(plan.task_groups, number)
    return replace(
        plan,
        status="reported",
        report=Report(summary, tuple(sorted(results))),
        reported_at=at,
        version=plan.version + 1,
    )


def live_tasks(tasks: Sequence[Task]) -> list[Task]:
    return [task for task in tasks if task.status != "cancelled"]


def require_adopted(plan: Plan) -> None:
    if plan.status == "draft":
        raise Refused(
            "Kế hoạch chưa được ban hành.", "The plan has not been adopted yet.", conflict=True
        )
    if plan.status == "reported":
        raise Refused(
            f"Kế hoạch năm {plan.year} đã có báo cáo kết quả; không thay đổi được nữa.",
            f"The {plan.year} plan has been reported on; it cannot change any more.",
            conflict=True,
        )


def _require_draft(plan: Plan) -> None:
    if plan.status != "draft":
        raise Refused(
            f"Kế hoạch đã được ban hành (lần {plan.edition}); mọi thay đổi phải bằng văn bản "
            "sửa đổi, bổ sung kế hoạch.",
            f"The plan is adopted (edition {plan.edition}); change it by an amendment.",
            conflict=True,
        )


def _purposes(purposes: Sequence[str]) -> tuple[str, ...]:
    kept = tuple(p for p in purposes if p)
    if not kept:
        raise Refused(
            "Kế hoạch phải nêu ít nhất một mục đích, yêu cầu.",
            "A plan states at least one purpose.",
        )
    return kept


def _check_dates(start_on: dt.date, due_on: dt.date) -> None:
    if due_on < start_on:
        raise Refused(
            f"Hạn hoàn thành ({due_on:%d/%m/%Y}) không được trước ngày bắt đầu "
            f"({start_on:%d/%m/%Y}).",
            f"The due date ({due_on}) cannot precede the start date ({start_on}).",
        )


def _check_evidence(evidence: Sequence[str]) -> None:
    if len(evidence) > MAX_EVIDENCE:
        raise Refused(
            f"Tối đa {MAX_EVIDENCE} đường dẫn minh chứng cho một báo cáo.",
            f"At most {MAX_EVIDENCE} evidence links per report.",
        )
    for link in evidence:
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise Refused(
                f"Minh chứng phải là đường dẫn http(s): {link[:100]}",
                f"Evidence must be an http(s) link: {link[:100]}",
            )
