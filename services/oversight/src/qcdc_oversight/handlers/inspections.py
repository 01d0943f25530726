"""Commands on inspections: file the plan (OVS-PLAN), open, record findings, close."""

from __future__ import annotations

import datetime as dt
import uuid

from qcdc_oversight.adapters import bus
from qcdc_oversight.adapters.inspections import InspectionRepository
from qcdc_oversight.domain import inspection as rules_of
from qcdc_oversight.domain.inspection import Evidence, Finding, Inspection
from qcdc_shared.auth import Principal
from qcdc_shared.refusals import NotFound
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import UnitOfWork, command, local_day


async def _load(uow: UnitOfWork, inspection_id: str) -> Inspection:
    inspection = await InspectionRepository(uow.session).get(inspection_id)
    if inspection is None:
        raise NotFound("cuộc kiểm tra", "inspection", inspection_id)
    return inspection


async def file_inspection(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    title: str,
    scope: str,
    start_on: dt.date,
    filed_on: dt.date | None = None,
) -> Inspection:
    inspection_id = str(uuid.uuid4())

    async def work() -> Inspection:
        day = local_day(uow)
        inspection = rules_of.file_plan(
            inspection_id=inspection_id,
            title=title,
            scope=scope,
            start_on=start_on,
            filed_on=filed_on or day,
            today=day,
            created_by=actor.sub,
            rules=rules,
        )
        await InspectionRepository(uow.session).add(inspection, at=uow.runtime.clock.now())
        return inspection

    return await command(
        uow, actor, action="inspection.file", target=f"inspection:{inspection_id}", work=work
    )


async def open_inspection(*, uow: UnitOfWork, actor: Principal, inspection_id: str) -> Inspection:
    async def work() -> Inspection:
        current = await _load(uow, inspection_id)
        now = uow.runtime.clock.now()
        opened = rules_of.open_inspection(current, now=now)
        await InspectionRepository(uow.session).save(
            opened, expected_version=current.version, at=now
        )
        uow.record(
            bus.inspection_opened(uow.runtime.ward, opened),
            aggregate_id=opened.id,
            sequence=opened.version,
        )
        return opened

    return await command(
        uow, actor, action="inspection.open", target=f"inspection:{inspection_id}", work=work
    )


async def record_finding(
    *,
    uow: UnitOfWork,
    actor: Principal,
    inspection_id: str,
    title: str,
    detail: str,
    evidence: list[Evidence],
) -> Finding:
    finding_id = str(uuid.uuid4())

    async def work() -> Finding:
        current = await _load(uow, inspection_id)
        now = uow.runtime.clock.now()
        after, finding = rules_of.record_finding(
            current,
            finding_id=finding_id,
            title=title,
            detail=detail,
            evidence=evidence,
            now=now,
            by=actor.sub,
        )
        repository = InspectionRepository(uow.session)
        await repository.save(after, expected_version=current.version, at=now)
        await repository.add_finding(finding)
        uow.record(
            bus.finding_recorded(uow.runtime.ward, finding), aggregate_id=finding.id, sequence=1
        )
        return finding

    return await command(
        uow, actor, action="inspection.finding", target=f"inspection:{inspection_id}", work=work
    )


async def close_inspection(
    *, uow: UnitOfWork, actor: Principal, inspection_id: str, report: str
) -> Inspection:
    async def work() -> Inspection:
        current = await _load(uow, inspection_id)
        now = uow.runtime.clock.now()
        closed = rules_of.close_inspection(current, report=report, now=now)
        await InspectionRepository(uow.session).save(
            closed, expected_version=current.version, at=now
        )
        return closed

    return await command(
        uow, actor, action="inspection.close", target=f"inspection:{inspection_id}", work=work
    )
