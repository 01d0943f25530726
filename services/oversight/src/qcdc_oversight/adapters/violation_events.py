"""Violations → the published events (contracts/): rule, subject id and evidence ids only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qcdc_oversight.contracts import SubjectV1, ViolationDetectedV1, ViolationResolvedV1
from qcdc_oversight.domain.violation import Violation
from qcdc_shared.envelope import IntegrationEvent


def _state(ward: str, violation: Violation) -> dict[str, Any]:
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


def violation_detected(ward: str, violation: Violation) -> IntegrationEvent:
    return ViolationDetectedV1(**_state(ward, violation))


def violation_resolved(ward: str, violation: Violation) -> IntegrationEvent:
    assert violation.resolved_at is not None and violation.resolution is not None
    resolved_at: dt.datetime = violation.resolved_at
    return ViolationResolvedV1(
        **_state(ward, violation), resolved_at=resolved_at, resolution=violation.resolution
    )
