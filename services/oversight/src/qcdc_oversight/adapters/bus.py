"""Domain state → the published integration events (contracts/). Titles and dates only:
never the name of a board member or of the person who answered; a violation carries its rule,
the subject's id and the ids of the events that prove it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qcdc_oversight.contracts import (
    EvidenceV1,
    FindingRecordedV1,
    InspectionOpenedV1,
    RecommendationAnsweredV1,
    RecommendationIssuedV1,
    RecommendationOverdueV1,
    RecommendationReceivedV1,
    SubjectV1,
    ViolationDetectedV1,
    ViolationResolvedV1,
)
from qcdc_oversight.domain.inspection import Finding, Inspection
from qcdc_oversight.domain.recommendation import Recommendation
from qcdc_oversight.domain.violation import Violation


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


def _recommendation(ward: str, recommendation: Recommendation) -> dict[str, Any]:
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
    return RecommendationIssuedV1(**_recommendation(ward, recommendation))


def recommendation_received(ward: str, recommendation: Recommendation) -> RecommendationReceivedV1:
    assert recommendation.received_at is not None
    return RecommendationReceivedV1(
        **_recommendation(ward, recommendation), received_at=recommendation.received_at
    )


def recommendation_answered(ward: str, recommendation: Recommendation) -> RecommendationAnsweredV1:
    assert recommendation.answered_at is not None and recommendation.accepted is not None
    return RecommendationAnsweredV1(
        **_recommendation(ward, recommendation),
        answered_at=recommendation.answered_at,
        on_time=bool(recommendation.on_time),
        accepted=recommendation.accepted,
    )


def recommendation_overdue(ward: str, recommendation: Recommendation) -> RecommendationOverdueV1:
    return RecommendationOverdueV1(**_recommendation(ward, recommendation), escalated_to="city")


def _violation(ward: str, violation: Violation) -> dict[str, Any]:
    return {
        "violation_id": violation.id,
        "ward": ward,
        "rule": violation.rule,
        "subject": SubjectV1(kind=violation.subject_kind, id=violation.subject_id),
        "evidence": list(violation.evidence),
        "occurred_at": violation.occurred_at,
        "detected_at": violation.detected_at,
        "version": violation.version,
    }


def violation_detected(ward: str, violation: Violation) -> ViolationDetectedV1:
    return ViolationDetectedV1(**_violation(ward, violation))


def violation_resolved(ward: str, violation: Violation) -> ViolationResolvedV1:
    assert violation.resolved_at is not None and violation.resolution is not None
    resolved_at: dt.datetime = violation.resolved_at
    return ViolationResolvedV1(
        **_violation(ward, violation), resolved_at=resolved_at, resolution=violation.resolution
    )
