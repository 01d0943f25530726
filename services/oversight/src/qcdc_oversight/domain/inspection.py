"""Inspections by the people's inspection board: the plan filed OVS-PLAN's working days
ahead, opened on its start day, findings that point at evidence, a closing report.

A finding bumps its inspection's version, so a finding racing the close loses one of the two
optimistic version checks instead of landing in a closed inspection.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_shared.law.deadlines import Deadline, local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import Refused

Status = Literal["planned", "open", "closed"]
EvidenceKind = Literal["event", "posting", "petition", "decision", "task", "document"]
STATUS_VI: dict[str, str] = {
    "planned": "đã lập kế hoạch",
    "open": "đang kiểm tra",
    "closed": "đã kết thúc",
}
PLAN = "OVS-PLAN"


@dataclass(frozen=True)
class Evidence:
    kind: EvidenceKind
    id: str


@dataclass(frozen=True)
class Finding:
    id: str
    inspection_id: str
    title: str
    detail: str
    evidence: tuple[Evidence, ...]
    recorded_at: dt.datetime
    recorded_by: str


@dataclass(frozen=True)
class Inspection:
    id: str
    title: str
    scope: str
    start_on: dt.date
    filed_on: dt.date
    plan_deadline: Deadline  # OVS-PLAN: the latest day the plan could be filed
    created_by: str
    status: Status = "planned"
    opened_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    report: str | None = None
    version: int = 1


def file_plan(
    *,
    inspection_id: str,
    title: str,
    scope: str,
    start_on: dt.date,
    filed_on: dt.date,
    today: dt.date,
    created_by: str,
    rules: RuleBook,
) -> Inspection:
    """OVS-PLAN: the plan is filed at least the rule's working days before the start."""
    if filed_on > today:
        raise Refused(
            "Ngày gửi kế hoạch không được sau ngày hôm nay.",
            "The filing date cannot be in the future.",
        )
    latest = rules.deadline(PLAN, start_on)
    if filed_on > latest.due:
        raise Refused(
            f"Kế hoạch kiểm tra phải được gửi trước ngày bắt đầu ({start_on:%d/%m/%Y}) ít nhất "
            f"{latest.amount} ngày làm việc, tức chậm nhất ngày {latest.due:%d/%m/%Y}; kế hoạch "
            f"gửi ngày {filed_on:%d/%m/%Y} là quá muộn ({latest.rule}).",
            f"The inspection plan must be filed at least {latest.amount} working days before "
            f"the start ({start_on.isoformat()}), that is by {latest.due.isoformat()}; filed "
            f"on {filed_on.isoformat()} is too late ({latest.rule}).",
            rule=latest.rule,
        )
    return Inspection(
        id=inspection_id,
        title=title,
        scope=scope,
        start_on=start_on,
        filed_on=filed_on,
        plan_deadline=latest,
        created_by=created_by,
    )


def _refuse_unless(inspection: Inspection, status: Status, doing_vi: str, doing_en: str) -> None:
    if inspection.status != status:
        raise Refused(
            f"Không thể {doing_vi}: cuộc kiểm tra {STATUS_VI[inspection.status]}.",
            f"Cannot {doing_en}: the inspection is {inspection.status}.",
            conflict=True,
        )


def open_inspection(inspection: Inspection, *, now: dt.datetime) -> Inspection:
    """Not before the start day the filed plan announced (OVS-PLAN)."""
    _refuse_unless(inspection, "planned", "bắt đầu kiểm tra", "open it")
    if local_date(now) < inspection.start_on:
        raise Refused(
            f"Cuộc kiểm tra chỉ bắt đầu từ ngày {inspection.start_on:%d/%m/%Y} như kế hoạch "
            f"đã gửi ({PLAN}).",
            f"The inspection opens no earlier than {inspection.start_on.isoformat()}, as its "
            f"filed plan says ({PLAN}).",
            rule=PLAN,
            conflict=True,
        )
    return replace(inspection, status="open", opened_at=now, version=inspection.version + 1)


def record_finding(
    inspection: Inspection,
    *,
    finding_id: str,
    title: str,
    detail: str,
    evidence: list[Evidence],
    now: dt.datetime,
    by: str,
) -> tuple[Inspection, Finding]:
    _refuse_unless(inspection, "open", "ghi nhận phát hiện", "record a finding")
    finding = Finding(finding_id, inspection.id, title, detail, tuple(evidence), now, by)
    return replace(inspection, version=inspection.version + 1), finding


def close_inspection(inspection: Inspection, *, report: str, now: dt.datetime) -> Inspection:
    _refuse_unless(inspection, "open", "kết thúc", "close it")
    return replace(
        inspection, status="closed", closed_at=now, report=report, version=inspection.version + 1
    )
