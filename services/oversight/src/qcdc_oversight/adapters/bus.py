"""Domain state → the published integration events (contracts/). Titles and dates only:
never the name of a board member or of the person who answered."""

from __future__ import annotations

from typing import Any

from qcdc_oversight.contracts import (
    EvidenceV1,
    FindingRecordedV1,
    InspectionOpenedV1,
    RecommendationAnsweredV1,
    RecommendationIssuedV1,
    RecommendationOverdueV1,
)
from qcdc_oversight.domain.inspection import Finding, Inspection
from qcdc_oversight.domain.recommendation import Recommendation


def inspection_opened(ward: str, inspection: Inspection) -> InspectionOpenedV1:
    assert inspection.opened_at is not None
    return InspectionOpenedV1(
        inspection_id=inspection.id,
        ward=ward,
        title=inspection.title,
        start_on=inspection.start_on,
        filed_on=inspection.filed_on,
        opened_at=inspection.opened_at,
        version=inspection.version,
    )


def finding_recorded(ward: str, finding: Finding) -> FindingRecordedV1:
    return FindingRecordedV1(
        inspection_id=finding.inspection_id,
        finding_id=finding.id,
        ward=ward,
        title=finding.title,
        evidence=[EvidenceV1(kind=e.kind, id=e.id) for e in finding.evidence],
        recorded_at=finding.recorded_at,
        version=1,  # a finding is recorded once and never changed
    )


def _state(ward: str, recommendation: Recommendation) -> dict[str, Any]:
    deadline = recommendation.answer_deadline
    assert deadline is not None and recommendation.issued_at is not None
    return {
        "recommendation_id": recommendation.id,
        "ward": ward,
        "inspection_id": recommendation.inspection_id,
        "addressed_to": recommendation.addressed_to,
        "title": recommendation.title,
        "issued_at": recommendation.issued_at,
        "answer_due": deadline.due,
        "due_at": deadline.due_at,
        "rule": deadline.rule,
        "version": recommendation.version,
    }


def recommendation_issued(ward: str, recommendation: Recommendation) -> RecommendationIssuedV1:
    return RecommendationIssuedV1(**_state(ward, recommendation))


def recommendation_answered(ward: str, recommendation: Recommendation) -> RecommendationAnsweredV1:
    assert recommendation.answered_at is not None and recommendation.accepted is not None
    return RecommendationAnsweredV1(
        **_state(ward, recommendation),
        answered_at=recommendation.answered_at,
        on_time=bool(recommendation.on_time),
        accepted=recommendation.accepted,
    )


def recommendation_overdue(ward: str, recommendation: Recommendation) -> RecommendationOverdueV1:
    return RecommendationOverdueV1(**_state(ward, recommendation), escalated_to="city")
