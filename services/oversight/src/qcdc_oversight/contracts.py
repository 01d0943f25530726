"""Integration events the oversight service publishes: the promise kept in contracts/.

The city and the front consume them. Inspections and recommendations carry their public
titles; violations carry the rule, the subject's id and the ids of the events that prove it.
No personal data: a subject is an id (posting, petition, task, decision), never a person.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from qcdc_shared.envelope import IntegrationEvent

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
RuleId = Annotated[str, Field(pattern=r"^[A-Z]+-[A-Z0-9]+(?:\.[a-z0-9-]+)?$")]
SubjectKind = Literal[
    "posting", "petition", "reception", "task", "decision", "recommendation", "consultation"
]


class SubjectV1(BaseModel):
    """What broke a rule: a record of another service (or of oversight), by id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: SubjectKind
    id: str = Field(min_length=1)


class EvidenceV1(BaseModel):
    """A record an inspection finding points at."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["event", "posting", "petition", "decision", "task", "document"]
    id: str = Field(min_length=1, max_length=200)


class InspectionOpenedV1(IntegrationEvent):
    service = "oversight"
    aggregate = "inspection"
    event = "opened"
    schema_version = 1

    inspection_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    title: str = Field(min_length=1, description="What the board inspects, publicly.")
    start_on: dt.date
    filed_on: dt.date = Field(description="OVS-PLAN: the day the inspection plan was filed.")
    opened_at: AwareDatetime
    version: int = Field(ge=1)


class FindingRecordedV1(IntegrationEvent):
    service = "oversight"
    aggregate = "finding"
    event = "recorded"
    schema_version = 1

    inspection_id: str = Field(min_length=1)
    finding_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    title: str = Field(min_length=1, description="The finding in one public line.")
    evidence: list[EvidenceV1]
    recorded_at: AwareDatetime
    version: int = Field(ge=1)


class _RecommendationState(IntegrationEvent):
    service = "oversight"
    aggregate = "recommendation"

    recommendation_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    inspection_id: str | None = None
    addressed_to: str = Field(min_length=1, description="The ward committee, or a service.")
    title: str = Field(min_length=1)
    issued_at: AwareDatetime
    answer_due: dt.date = Field(description="OVS-ANSWER: local date the answer is due.")
    due_at: AwareDatetime
    rule: RuleId = Field(description="OVS-ANSWER.")
    version: int = Field(ge=1)


class RecommendationIssuedV1(_RecommendationState):
    """Issued by the inspection board and confirmed by the front."""

    event = "issued"
    schema_version = 1


class RecommendationReceivedV1(_RecommendationState):
    """The ward committee's receipt was recorded: OVS-ANSWER counts from it, so ``answer_due``
    and ``due_at`` are the deadline counted again, replacing the one the issue carried."""

    event = "received"
    schema_version = 1

    received_at: AwareDatetime = Field(description="When the addressee received it.")


class RecommendationAnsweredV1(_RecommendationState):
    event = "answered"
    schema_version = 1

    answered_at: AwareDatetime
    on_time: bool
    accepted: Literal["accepted", "partly", "rejected"]


class RecommendationOverdueV1(_RecommendationState):
    """Unanswered at the end of its due day: escalated to the city, once."""

    event = "overdue"
    schema_version = 1

    escalated_to: Literal["city"] = "city"


class _ViolationState(IntegrationEvent):
    service = "oversight"
    aggregate = "violation"

    violation_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    rule: RuleId
    subject: SubjectV1
    evidence: list[str] = Field(min_length=1, description="Ids of the events that prove it.")
    occurred_at: AwareDatetime = Field(description="When the rule was broken.")
    detected_at: AwareDatetime
    version: int = Field(ge=1)


class ViolationDetectedV1(_ViolationState):
    event = "detected"
    schema_version = 1


class ViolationResolvedV1(_ViolationState):
    event = "resolved"
    schema_version = 1

    resolved_at: AwareDatetime
    resolution: str = Field(min_length=1, description="What was done, publicly.")


EVENTS: list[type[IntegrationEvent]] = [
    InspectionOpenedV1,
    FindingRecordedV1,
    RecommendationIssuedV1,
    RecommendationReceivedV1,
    RecommendationAnsweredV1,
    RecommendationOverdueV1,
    ViolationDetectedV1,
    ViolationResolvedV1,
]
