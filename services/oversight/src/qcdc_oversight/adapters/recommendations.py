"""The repository of the board's recommendations (OVS-ANSWER)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.rows import AggregateRepository
from qcdc_oversight.adapters.tables import recommendations
from qcdc_oversight.domain.recommendation import Recommendation
from qcdc_shared.db import from_row
from qcdc_shared.law.deadlines import Deadline


def to_recommendation(row: RowMapping) -> Recommendation:
    deadline = row["answer_deadline"]
    return from_row(
        Recommendation, row, answer_deadline=Deadline.model_validate(deadline) if deadline else None
    )


def _recommendation_row(recommendation: Recommendation) -> dict[str, Any]:
    row = asdict(recommendation)
    deadline = recommendation.answer_deadline
    row["answer_deadline"] = deadline.model_dump(mode="json") if deadline else None
    # Kept beside the JSON deadline so the sweeper and the filters can compare in SQL.
    row["due_at"] = recommendation.due_at
    return row


class RecommendationRepository(AggregateRepository[Recommendation]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, recommendations, to_recommendation, _recommendation_row)

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
