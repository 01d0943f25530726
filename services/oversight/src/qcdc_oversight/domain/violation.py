"""A violation: a rule broken by a subject, proved by events; after detection it is
acknowledged by the ward and resolved with what was done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_shared.refusals import Refused

Status = Literal["open", "acknowledged", "resolved"]


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
