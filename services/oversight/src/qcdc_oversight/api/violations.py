"""Violations and the ward's compliance, public: rule, subject id, dates and status — never
personal data (a subject is a posting, petition, task, decision or recommendation id)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy import case, func, or_, select

from qcdc_oversight.adapters.tables import checks, violations
from qcdc_oversight.adapters.violations import ViolationRepository, to_violation
from qcdc_oversight.api import examples as example
from qcdc_oversight.api.common import IdPath, OversightUoW, command
from qcdc_oversight.domain.violation import Status, Violation
from qcdc_oversight.handlers import violations as handlers
from qcdc_shared.api import Page, PageQuery, paginate
from qcdc_shared.api.commands import StrictBody, missing
from qcdc_shared.auth import CurrentPrincipal, public, requires
from qcdc_shared.refusals import NotFound
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["violations"])

RULE_FILTER = r"^[A-Z]{2,4}-[A-Z0-9]+(\.[a-z0-9-]+)?$"
FORMULA = (
    "score = 100 × met / (met + broken) over every obligation oversight has seen evaluated "
    "(a check per rule and subject); a resolved violation still counts as broken."
)
FORMULA_VI = (
    "điểm = 100 × số nghĩa vụ đã thực hiện đúng / tổng số nghĩa vụ đã được đánh giá (mỗi quy "
    "tắc với mỗi đối tượng một lần); vi phạm đã khắc phục vẫn tính là vi phạm."
)


class SubjectOut(BaseModel):
    kind: str
    id: str


class ViolationOut(BaseModel):
    id: str
    rule: str
    subject: SubjectOut
    evidence: list[str] = Field(description="Ids of the events that prove it.")
    status: Status
    occurred_at: dt.datetime
    detected_at: dt.datetime
    acknowledged_at: dt.datetime | None
    resolved_at: dt.datetime | None
    resolution: str | None

    @classmethod
    def of(cls, violation: Violation) -> ViolationOut:
        return cls(
            id=violation.id,
            rule=violation.rule,
            subject=SubjectOut(kind=violation.subject_kind, id=violation.subject_id),
            evidence=list(violation.evidence),
            status=violation.status,
            occurred_at=violation.occurred_at,
            detected_at=violation.detected_at,
            acknowledged_at=violation.acknowledged_at,
            resolved_at=violation.resolved_at,
            resolution=violation.resolution,
        )


class ResolveIn(StrictBody):
    model_config = example.of(example.RESOLVE)
    resolution: str = Field(min_length=1, max_length=5000, description="Đã khắc phục thế nào.")


class RuleCompliance(BaseModel):
    rule: str
    checks: int
    met: int
    broken: int
    open_violations: int
    score: float | None


class ComplianceOut(BaseModel):
    ward: str
    checks: int
    met: int
    broken: int
    open_violations: int
    score: float | None = Field(description="0-100; null until something was evaluated.")
    formula: str
    formula_vi: str
    by_rule: list[RuleCompliance]


def _score(met: int, total: int) -> float | None:
    return round(100 * met / total, 1) if total else None


@router.get(
    "/violations",
    response_model=Page[ViolationOut],
    **public(),
    summary="Vi phạm được phát hiện, mới nhất trước — detected violations (newest first)",
)
async def list_violations(
    runtime: RuntimeDep,
    page: PageQuery,
    rule: Annotated[
        str | None, Query(pattern=RULE_FILTER, description="e.g. PUB-MIN30, CMP-RESOLVE, CMP")
    ] = None,
    status: Annotated[Status | None, Query()] = None,
    subject: Annotated[
        str | None, Query(min_length=1, max_length=64, description="Id of the subject.")
    ] = None,
    subject_kind: Annotated[
        Literal["posting", "petition", "reception", "task", "decision", "recommendation"] | None,
        Query(),
    ] = None,
) -> Any:
    query = select(violations)
    if rule:
        # A DOMAIN.md id also finds its variants: DEC-PASS finds DEC-PASS.money.
        query = query.where(or_(violations.c.rule == rule, violations.c.rule.like(f"{rule}.%")))
    if status:
        query = query.where(violations.c.status == status)
    if subject:
        query = query.where(violations.c.subject_id == subject)
    if subject_kind:
        query = query.where(violations.c.subject_kind == subject_kind)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[violations.c.detected_at, violations.c.id],
            params=page,
            descending=True,
            item=lambda row: ViolationOut.of(to_violation(row._mapping)),
        )


@router.get(
    "/violations/{violation_id}",
    response_model=ViolationOut,
    **public(),
    summary="Một vi phạm — one violation",
)
async def get_violation(violation_id: IdPath, runtime: RuntimeDep) -> Any:
    async with runtime.sessionmaker() as session:
        found = await ViolationRepository(session).get(violation_id)
    if found is None:
        raise missing(NotFound("vi phạm", "violation", violation_id))
    return ViolationOut.of(found)


@router.post(
    "/violations/{violation_id}/acknowledge",
    response_model=ViolationOut,
    **requires("officer"),
    summary="Phường ghi nhận vi phạm — the ward acknowledges a violation",
)
async def acknowledge(violation_id: IdPath, uow: OversightUoW, actor: CurrentPrincipal) -> Any:
    acknowledged = handlers.acknowledge_violation(uow=uow, violation_id=violation_id, by=actor.sub)
    target = f"violation:{violation_id}"
    return ViolationOut.of(await command(acknowledged, uow, actor, "violation.acknowledge", target))


@router.post(
    "/violations/{violation_id}/resolve",
    response_model=ViolationOut,
    **requires("inspector", "front"),
    summary="Xác nhận đã khắc phục — the board or the front resolves a violation",
)
async def resolve(
    violation_id: IdPath, body: ResolveIn, uow: OversightUoW, actor: CurrentPrincipal
) -> Any:
    resolved = handlers.resolve_violation(
        uow=uow, violation_id=violation_id, by=actor.sub, resolution=body.resolution
    )
    target = f"violation:{violation_id}"
    return ViolationOut.of(await command(resolved, uow, actor, "violation.resolve", target))


@router.get(
    "/compliance",
    response_model=ComplianceOut,
    **public(),
    summary="Mức độ tuân thủ của phường theo từng quy tắc — the ward's compliance by rule",
)
async def compliance(runtime: RuntimeDep) -> Any:
    async with runtime.sessionmaker() as session:
        per_rule = (
            await session.execute(
                select(
                    checks.c.rule,
                    func.count(),
                    func.sum(case((checks.c.met, 1), else_=0)),
                )
                .group_by(checks.c.rule)
                .order_by(checks.c.rule)
            )
        ).all()
        still_open: dict[str, int] = dict(
            (
                await session.execute(
                    select(violations.c.rule, func.count())
                    .where(violations.c.status != "resolved")
                    .group_by(violations.c.rule)
                )
            ).all()
        )
    by_rule = [
        RuleCompliance(
            rule=rule,
            checks=total,
            met=int(met or 0),
            broken=total - int(met or 0),
            open_violations=int(still_open.get(rule, 0)),
            score=_score(int(met or 0), total),
        )
        for rule, total, met in per_rule
    ]
    total = sum(r.checks for r in by_rule)
    met = sum(r.met for r in by_rule)
    return ComplianceOut(
        ward=runtime.ward,
        checks=total,
        met=met,
        broken=total - met,
        open_violations=sum(r.open_violations for r in by_rule),
        score=_score(met, total),
        formula=FORMULA,
        formula_vi=FORMULA_VI,
        by_rule=by_rule,
    )
