"""Repositories of inspections (with their findings) and recommendations."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.tables import findings, inspections, recommendations
from qcdc_oversight.domain.inspection import Evidence, Finding, Inspection
from qcdc_oversight.domain.recommendation import Recommendation
from qcdc_shared.db import update_versioned
from qcdc_shared.deadlines import Deadline


def to_inspection(row: RowMapping) -> Inspection:
    fields = {k: row[k] for k in Inspection.__dataclass_fields__ if k != "plan_deadline"}
    return Inspection(**fields, plan_deadline=Deadline.model_validate(row["plan_deadline"]))


def to_finding(row: RowMapping) -> Finding:
    return Finding(
        id=row["id"],
        inspection_id=row["inspection_id"],
        title=row["title"],
        detail=row["detail"],
        evidence=tuple(Evidence(**e) for e in row["evidence"]),
        recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"],
    )


def _inspection_row(inspection: Inspection) -> dict[str, Any]:
    row = asdict(inspection)
    row["plan_deadline"] = inspection.plan_deadline.model_dump(mode="json")
    return row


class InspectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, inspection_id: str) -> Inspection | None:
        row = (
            (
                await self.session.execute(
                    select(inspections).where(inspections.c.id == inspection_id)
                )
            )
            .mappings()
            .first()
        )
        return to_inspection(row) if row else None

    async def add(self, inspection: Inspection, *, at: dt.datetime) -> None:
        await self.session.execute(
            inspections.insert().values(**_inspection_row(inspection), created_at=at, changed_at=at)
        )

    async def save(self, inspection: Inspection, *, expected_version: int, at: dt.datetime) -> None:
        await update_versioned(
            self.session,
            inspections,
            inspection.id,
            expected_version=expected_version,
            values={**_inspection_row(inspection), "changed_at": at},
        )

    async def add_finding(self, finding: Finding) -> None:
        row = asdict(finding)
        row["evidence"] = [asdict(e) for e in finding.evidence]
        await self.session.execute(findings.insert().values(**row))

    async def findings(self, inspection_id: str) -> list[Finding]:
        rows = await self.session.execute(
            select(findings)
            .where(findings.c.inspection_id == inspection_id)
            .order_by(findings.c.recorded_at, findings.c.id)
        )
        return [to_finding(r) for r in rows.mappings()]


def to_recommendation(row: RowMapping) -> Recommendation:
    fields = {k: row[k] for k in Recommendation.__dataclass_fields__ if k != "answer_deadline"}
    deadline = row["answer_deadline"]
    return Recommendation(
        **fields, answer_deadline=Deadline.model_validate(deadline) if deadline else None
    )


def _recommendation_row(recommendation: Recommendation) -> dict[str, Any]:
    row = asdict(recommendation)
    deadline = recommendation.answer_deadline
    row["answer_deadline"] = deadline.model_dump(mode="json") if deadline else None
    # Kept beside the JSON deadline so the sweeper and the filters can compare in SQL.
    row["due_at"] = recommendation.due_at
    return row


class RecommendationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, recommendation_id: str) -> Recommendation | None:
        row = (
            (
                await self.session.execute(
                    select(recommendations).where(recommendations.c.id == recommendation_id)
                )
            )
            .mappings()
            .first()
        )
        return to_recommendation(row) if row else None

    async def add(self, recommendation: Recommendation, *, at: dt.datetime) -> None:
        await self.session.execute(
            recommendations.insert().values(
                **_recommendation_row(recommendation), created_at=at, changed_at=at
            )
        )

    async def save(
        self, recommendation: Recommendation, *, expected_version: int, at: dt.datetime
    ) -> None:
        await update_versioned(
            self.session,
            recommendations,
            recommendation.id,
            expected_version=expected_version,
            values={**_recommendation_row(recommendation), "changed_at": at},
        )

    async def overdue_candidates(self, now: dt.datetime) -> list[str]:
        """Issued, unanswered, past the end of the due day, not yet escalated."""
        rows = await self.session.scalars(
            select(recommendations.c.id)
            .where(
                recommendations.c.status == "issued",
                recommendations.c.due_at < now,
                recommendations.c.overdue_at.is_(None),
            )
            .order_by(recommendations.c.due_at, recommendations.c.id)
        )
        return list(rows.all())

    async def mark_overdue(self, escalated: Recommendation, *, expected_version: int) -> bool:
        """Claim the escalation: true for the one transaction whose update changed the row,
        false when another sweep escalated it, or an answer arrived, first."""
        assert escalated.overdue_at is not None
        result = await self.session.execute(
            recommendations.update()
            .where(
                recommendations.c.id == escalated.id,
                recommendations.c.overdue_at.is_(None),
                recommendations.c.status == "issued",
                recommendations.c.version == expected_version,
            )
            .values(
                overdue_at=escalated.overdue_at,
                version=escalated.version,
                changed_at=escalated.overdue_at,
            )
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]
