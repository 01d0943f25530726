"""HTTP on inspections: the board files a plan (OVS-PLAN), opens it on its start day,
records findings with their evidence and closes it with a report.

Inspections are public (what is inspected, when, what was found); which inspector account
filed or recorded them is shown to ward staff only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from qcdc_oversight.adapters.inspections import InspectionRepository, to_inspection
from qcdc_oversight.adapters.tables import inspections
from qcdc_oversight.api import examples as example
from qcdc_oversight.api.common import IdPath, OversightUoW, Rules, command
from qcdc_oversight.domain.inspection import (
    STATUS_VI,
    Evidence,
    EvidenceKind,
    Finding,
    Inspection,
    Status,
)
from qcdc_oversight.handlers import inspections as handlers
from qcdc_shared.api import Day, DeadlineOut, Page, PageQuery, paginate
from qcdc_shared.api.commands import StrictBody, missing
from qcdc_shared.auth import CurrentPrincipal, OptionalPrincipal, is_ward_staff, public, requires
from qcdc_shared.refusals import NotFound
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["inspections"])

# Input bounds, not laws.
MAX_EVIDENCE = 50


class InspectionIn(StrictBody):
    model_config = example.of(example.INSPECTION)
    title: str = Field(min_length=1, max_length=300, description="Nội dung kiểm tra.")
    scope: str = Field(min_length=1, max_length=5000, description="Phạm vi, đối tượng.")
    start_on: Day = Field(description="Ngày bắt đầu kiểm tra.")
    filed_on: Day | None = Field(default=None, description="Ngày gửi kế hoạch (mặc định hôm nay).")


class EvidenceIn(StrictBody):
    kind: EvidenceKind
    id: str = Field(min_length=1, max_length=200)


class FindingIn(StrictBody):
    model_config = example.of(example.FINDING)
    title: str = Field(min_length=1, max_length=300, description="Phát hiện, một dòng.")
    detail: str = Field(min_length=1, max_length=10000)
    evidence: list[EvidenceIn] = Field(default=[], max_length=MAX_EVIDENCE)


class CloseIn(StrictBody):
    model_config = example.of(example.INSPECTION_CLOSE)
    report: str = Field(min_length=1, max_length=20000, description="Báo cáo kết quả.")


class EvidenceOut(BaseModel):
    kind: EvidenceKind
    id: str


class FindingOut(BaseModel):
    id: str
    inspection_id: str
    title: str
    detail: str
    evidence: list[EvidenceOut]
    recorded_at: dt.datetime
    recorded_by: str | None = Field(description="Shown to ward staff only.")

    @classmethod
    def of(cls, finding: Finding, *, staff: bool = True) -> FindingOut:
        return cls(
            id=finding.id,
            inspection_id=finding.inspection_id,
            title=finding.title,
            detail=finding.detail,
            evidence=[EvidenceOut(kind=e.kind, id=e.id) for e in finding.evidence],
            recorded_at=finding.recorded_at,
            recorded_by=finding.recorded_by if staff else None,
        )


class InspectionOut(BaseModel):
    id: str
    title: str
    scope: str
    start_on: dt.date
    filed_on: dt.date
    plan_deadline: DeadlineOut = Field(description="OVS-PLAN: the latest day to file.")
    status: Status
    status_vi: str
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    report: str | None
    created_by: str | None = Field(description="Shown to ward staff only.")
    version: int

    @classmethod
    def of(cls, inspection: Inspection, *, staff: bool = True) -> InspectionOut:
        return cls(
            id=inspection.id,
            title=inspection.title,
            scope=inspection.scope,
            start_on=inspection.start_on,
            filed_on=inspection.filed_on,
            plan_deadline=DeadlineOut.model_validate(inspection.plan_deadline.to_api()),
            status=inspection.status,
            status_vi=STATUS_VI[inspection.status],
            opened_at=inspection.opened_at,
            closed_at=inspection.closed_at,
            report=inspection.report,
            created_by=inspection.created_by if staff else None,
            version=inspection.version,
        )


class InspectionDetailOut(InspectionOut):
    findings: list[FindingOut]


@router.post(
    "/inspections",
    status_code=201,
    response_model=InspectionOut,
    **requires("inspector"),
    summary="Gửi kế hoạch kiểm tra (OVS-PLAN) — file an inspection plan",
)
async def file_inspection(
    body: InspectionIn, uow: OversightUoW, rules: Rules, actor: CurrentPrincipal
) -> Any:
    inspection_id = str(uuid.uuid4())
    filed = handlers.file_inspection(
        uow=uow, rules=rules, inspection_id=inspection_id, created_by=actor.sub, **body.model_dump()
    )
    target = f"inspection:{inspection_id}"
    return InspectionOut.of(await command(filed, uow, actor, "inspection.file", target))


@router.post(
    "/inspections/{inspection_id}/open",
    response_model=InspectionOut,
    **requires("inspector"),
    summary="Bắt đầu kiểm tra — open an inspection on its start day",
)
async def open_inspection(inspection_id: IdPath, uow: OversightUoW, actor: CurrentPrincipal) -> Any:
    opened = handlers.open_inspection(uow=uow, inspection_id=inspection_id)
    target = f"inspection:{inspection_id}"
    return InspectionOut.of(await command(opened, uow, actor, "inspection.open", target))


@router.post(
    "/inspections/{inspection_id}/findings",
    status_code=201,
    response_model=FindingOut,
    **requires("inspector"),
    summary="Ghi nhận phát hiện — record a finding of an open inspection",
)
async def record_finding(
    inspection_id: IdPath, body: FindingIn, uow: OversightUoW, actor: CurrentPrincipal
) -> Any:
    recorded = handlers.record_finding(
        uow=uow,
        inspection_id=inspection_id,
        finding_id=str(uuid.uuid4()),
        recorded_by=actor.sub,
        title=body.title,
        detail=body.detail,
        evidence=[Evidence(kind=e.kind, id=e.id) for e in body.evidence],
    )
    target = f"inspection:{inspection_id}"
    return FindingOut.of(await command(recorded, uow, actor, "inspection.finding", target))


@router.post(
    "/inspections/{inspection_id}/close",
    response_model=InspectionOut,
    **requires("inspector"),
    summary="Kết thúc kiểm tra — close an inspection with its report",
)
async def close_inspection(
    inspection_id: IdPath, body: CloseIn, uow: OversightUoW, actor: CurrentPrincipal
) -> Any:
    closed = handlers.close_inspection(uow=uow, inspection_id=inspection_id, report=body.report)
    target = f"inspection:{inspection_id}"
    return InspectionOut.of(await command(closed, uow, actor, "inspection.close", target))


@router.get(
    "/inspections",
    response_model=Page[InspectionOut],
    **public(),
    summary="Các cuộc kiểm tra — inspections, newest start first",
)
async def list_inspections(
    runtime: RuntimeDep,
    request: Request,
    principal: OptionalPrincipal,
    page: PageQuery,
    status: Annotated[Status | None, Query()] = None,
) -> Any:
    query = select(inspections)
    if status:
        query = query.where(inspections.c.status == status)
    staff = is_ward_staff(principal, request)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[inspections.c.start_on, inspections.c.id],
            params=page,
            descending=True,
            item=lambda row: InspectionOut.of(to_inspection(row._mapping), staff=staff),
        )


@router.get(
    "/inspections/{inspection_id}",
    response_model=InspectionDetailOut,
    **public(),
    summary="Một cuộc kiểm tra và các phát hiện — an inspection with its findings",
)
async def get_inspection(
    inspection_id: IdPath, runtime: RuntimeDep, request: Request, principal: OptionalPrincipal
) -> Any:
    async with runtime.sessionmaker() as session:
        repository = InspectionRepository(session)
        inspection = await repository.get(inspection_id)
        if inspection is None:
            raise missing(NotFound("cuộc kiểm tra", "inspection", inspection_id))
        found = await repository.findings(inspection_id)
    staff = is_ward_staff(principal, request)
    return InspectionDetailOut(
        **InspectionOut.of(inspection, staff=staff).model_dump(),
        findings=[FindingOut.of(f, staff=staff) for f in found],
    )
