"""The repository of inspections, with their findings."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.rows import AggregateRepository
from qcdc_oversight.adapters.tables import findings, inspections
from qcdc_oversight.domain.inspection import Evidence, Finding, Inspection
from qcdc_shared.db import from_row
from qcdc_shared.law.deadlines import Deadline


def to_inspection(row: RowMapping) -> Inspection:
    return from_row(Inspection, row, plan_deadline=Deadline.model_validate(row["plan_deadline"]))


def _inspection_row(inspection: Inspection) -> dict[str, Any]:
    return {**asdict(inspection), "plan_deadline": inspection.plan_deadline.model_dump(mode="json")}


def to_finding(row: RowMapping) -> Finding:
    return from_row(Finding, row, evidence=tuple(Evidence(**e) for e in row["evidence"]))


class InspectionRepository(AggregateRepository[Inspection]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, inspections, to_inspection, _inspection_row)

    async def add_finding(self, finding: Finding) -> None:
        row = {**asdict(finding), "evidence": [asdict(e) for e in finding.evidence]}
        await self.session.execute(findings.insert().values(**row))

    async def findings(self, inspection_id: str) -> list[Finding]:
        rows = await self.session.execute(
            select(findings)
            .where(findings.c.inspection_id == inspection_id)
            .order_by(findings.c.recorded_at, findings.c.id)
        )
        return [to_finding(r) for r in rows.mappings()]
