"""A violation: a rule broken by a subject, proved by events; after detection it is
acknowledged by the ward and resolved with what was done."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_oversight.domain.detection import Observation
from qcdc_shared.refusals import Refused

Status = Literal["open", "acknowledged", "resolved"]

# Ids are derived from the ward, rule and subject, so a violation has one id everywhere,
# whichever event or which replay revealed it.
VIOLATION_NAMESPACE = uuid.UUID("6f1c3f57-8a4e-4f6e-9d4a-2b8f3f0c7a11")


@dataclass(frozen=True)
class Violation:
    id: str
    rule: str
    subject_kind: str
    subject_id: str
    evidence: tuple[str, ...]  # ids of the events that prove it
    status: Status
    occurred_at: dt.datetime
    detected_at: dt.datetime
    version: int
    acknowledged_at: dt.datetime | None = None
    acknowledged_by: str | None = None
    resolved_at: dt.datetime | None = None
    resolved_by: str | None = None
    resolution: str | None = None


def violation_id(ward: str, rule: str, kind: str, subject: str) -> str:
    return str(uuid.uuid5(VIOLATION_NAMESPACE, f"{ward}/{rule}/{kind}/{subject}"))


def detected(found: Observation, *, ward: str, now: dt.datetime) -> Violation:
    """The violation a broken observation reveals, open."""
    return Violation(
        id=violation_id(ward, found.rule, found.subject_kind, found.subject_id),
        rule=found.rule,
        subject_kind=found.subject_kind,
        subject_id=found.subject_id,
        evidence=(found.evidence,),
        status="open",
        occurred_at=found.occurred_at,
        detected_at=now,
        version=1,
    )


def with_evidence(violation: Violation, found: Observation) -> Violation | None:
    """A further broken observation of a known violation joins its evidence (the lifecycle
    and version stay); None when it adds nothing."""
    if found.met or found.evidence in violation.evidence:
        return None
    return replace(violation, evidence=(*violation.evidence, found.evidence))


def acknowledge(violation: Violation, *, by: str, now: dt.datetime) -> Violation:
    if violation.status != "open":
        raise Refused(
            "Chỉ ghi nhận được vi phạm đang mở.",
            "Only an open violation can be acknowledged.",
            conflict=True,
        )
    return replace(
        violation,
        status="acknowledged",
        acknowledged_at=now,
        acknowledged_by=by,
        version=violation.version + 1,
    )


def resolve(violation: Violation, *, by: str, resolution: str, now: dt.datetime) -> Violation:
    if violation.status == "resolved":
        raise Refused(
            "Vi phạm đã được khắc phục.", "The violation is already resolved.", conflict=True
        )
    return replace(
        violation,
        status="resolved",
        resolved_at=now,
        resolved_by=by,
        resolution=resolution,
        version=violation.version + 1,
    )
