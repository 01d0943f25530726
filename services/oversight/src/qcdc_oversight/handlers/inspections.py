"""Commands on inspections: file the plan (OVS-PLAN), open, record findings, close. Load, ask
the domain, save, record the event; ``run_command`` (the route's) audits and commits."""

from __future__ import annotations

import datetime as dt

from qcdc_oversight.adapters import bus
from qcdc_oversight.domain import inspection as rules_of
from qcdc_oversight.domain.inspection import Evidence, Finding, Inspection
from qcdc_oversight.handlers.common import announce, existing
from qcdc_oversight.unit_of_work import OversightUnitOfWork
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.unit_of_work import local_day


async def _load(uow: OversightUnitOfWork, inspection_id: str) -> Inspection:
    return await existing(uow.inspections, inspection_id, "cuộc kiểm tra", "inspection")


async def file_inspection(
    *,
    uow: OversightUnitOfWork,
    rules: RuleBook,
    inspection_id: str,
    created_by: str,
    title: str,
    scope: str,
    start_on: dt.date,
    filed_on: dt.date | None = None,
) -> Inspection:
    day = local_day(uow)
    inspection = rules_of.file_plan(
        inspection_id=inspection_id,
        title=title,
        scope=scope,
        start_on=start_on,
        filed_on=filed_on or day,
        today=day,
        created_by=created_by,
        rules=rules,
    )
    await uow.inspections.add(inspection, at=uow.clock.now())
    return inspection


async def open_inspection(*, uow: OversightUnitOfWork, inspection_id: str) -> Inspection:
    current = await _load(uow, inspection_id)
    now = uow.clock.now()
    opened = rules_of.open_inspection(current, now=now)
    await uow.inspections.save(opened, expected_version=current.version, at=now)
    announce(uow, bus.inspection_opened(uow.ward, opened), opened)
    return opened


async def record_finding(
    *,
    uow: OversightUnitOfWork,
    inspection_id: str,
    finding_id: str,
    recorded_by: str,
    title: str,
    detail: str,
    evidence: list[Evidence],
) -> Finding:
    current = await _load(uow, inspection_id)
    now = uow.clock.now()
    after, finding = rules_of.record_finding(
        current,
        finding_id=finding_id,
        title=title,
        detail=detail,
        evidence=evidence,
        now=now,
        by=recorded_by,
    )
    await uow.inspections.save(after, expected_version=current.version, at=now)
    await uow.inspections.add_finding(finding)
    uow.record(bus.finding_recorded(uow.ward, finding), aggregate_id=finding.id, sequence=1)
    return finding


async def close_inspection(
    *, uow: OversightUnitOfWork, inspection_id: str, report: str
) -> Inspection:
    current = await _load(uow, inspection_id)
    now = uow.clock.now()
    closed = rules_of.close_inspection(current, report=report, now=now)
    await uow.inspections.save(closed, expected_version=current.version, at=now)
    return closed
