"""Integration events the plans service publishes: the promise kept in contracts/.

Publicity consumes ``decision.recognised`` (DEC-RECORD: the result is published once
recognised or refused); oversight and the city consume the rest. Counts only: no household
identity, no vote of a household, no name of a resident.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from qcdc_shared.envelope import IntegrationEvent

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
RuleId = Annotated[str, Field(pattern=r"^[A-Z]+-[A-Z0-9]+(?:\.[a-z0-9-]+)?$")]
GroupCode = Annotated[str, Field(min_length=1, max_length=64)]
Form = Literal["meeting", "household_ballot", "online_vote"]


# --- residential groups (the ward's register) -------------------------------------------


class _GroupState(IntegrationEvent):
    """A residential group as the register holds it: other services count on these figures."""

    service = "plans"
    aggregate = "group"

    ward: str = Field(pattern=_SLUG)
    code: GroupCode
    name: str = Field(min_length=1)
    households: int = Field(ge=1, description="Registered households (DEC-PASS counts these).")
    online_optin: int = Field(ge=0, description="Households that opted in to online votes.")
    effective_on: dt.date = Field(description="Local date the figures took effect.")
    version: int = Field(ge=1)


class GroupRegisteredV1(_GroupState):
    event = "registered"
    schema_version = 1


class GroupUpdatedV1(_GroupState):
    event = "updated"
    schema_version = 1


# --- the annual plan and its tasks ------------------------------------------------------


class TaskGroupV1(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int = Field(ge=1, description="1-8: the key task groups of the ward's plan.")
    title: str = Field(min_length=1)
    tasks: int = Field(ge=0, description="Tasks of the group in this edition.")


class _PlanEdition(IntegrationEvent):
    service = "plans"
    aggregate = "plan"

    plan_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    year: int = Field(ge=2000, le=2100)
    edition: int = Field(ge=1, description="1 when adopted; each amendment adds one.")
    task_groups: list[TaskGroupV1]
    tasks_total: int = Field(ge=0)
    adopted_at: AwareDatetime = Field(description="When this edition took effect.")
    version: int = Field(ge=1)


class PlanAdoptedV1(_PlanEdition):
    event = "adopted"
    schema_version = 1


class PlanAmendedV1(_PlanEdition):
    event = "amended"
    schema_version = 1

    reason: str = Field(min_length=1, description="Why the adopted plan was amended.")


class _TaskState(IntegrationEvent):
    service = "plans"
    aggregate = "task"

    task_id: str = Field(min_length=1)
    plan_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    year: int = Field(ge=2000, le=2100)
    task_group: int = Field(ge=1)
    owner: str = Field(min_length=1, description="Steering-committee member id.")
    due_on: dt.date = Field(description="Local date the task is due.")
    percent: int = Field(ge=0, le=100, description="Latest reported progress.")
    version: int = Field(ge=1)


class TaskAssignedV1(_TaskState):
    event = "assigned"
    schema_version = 1

    title: str = Field(min_length=1)
    start_on: dt.date


class TaskProgressedV1(_TaskState):
    event = "progressed"
    schema_version = 1

    reported_at: AwareDatetime
    overdue: bool = Field(description="Whether the due day had ended when reported.")


class TaskCompletedV1(_TaskState):
    event = "completed"
    schema_version = 1

    completed_at: AwareDatetime
    on_time: bool


class TaskOverdueV1(_TaskState):
    """Sent once per task, when its due day ends (24:00 local time) before it is completed."""

    event = "overdue"
    schema_version = 1

    due_at: AwareDatetime


# --- residents' decisions ---------------------------------------------------------------


class _DecisionState(IntegrationEvent):
    service = "plans"
    aggregate = "decision"

    decision_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    topic: int = Field(ge=1, description="DEC-TOPIC: the topic, numbered from 1.")
    title: str = Field(min_length=1, description="What residents decide on.")
    residential_group: str | None = Field(
        default=None, description="Code of the residential group; null for the whole ward."
    )
    form: Form
    households_total: int = Field(ge=1, description="Registered households when it opened.")
    version: int = Field(ge=1)


class DecisionOpenedV1(_DecisionState):
    event = "opened"
    schema_version = 1

    notice_at: AwareDatetime = Field(description="When notice and documents went out.")
    vote_at: AwareDatetime = Field(description="When residents meet or vote.")
    rules: list[RuleId] = Field(description="Rules checked when it opened (DEC-FORM, ...).")


class DecisionClosedV1(_DecisionState):
    """The result, computed over ALL registered households (DEC-PASS)."""

    event = "closed"
    schema_version = 1

    counted: Literal["household_votes", "meeting_tally"]
    yes: int = Field(ge=0)
    no: int = Field(ge=0)
    abstain: int = Field(ge=0)
    present: int = Field(ge=0, description="Households that voted or attended.")
    threshold: int = Field(ge=1, description="Fewest yes votes that pass.")
    share: str = Field(
        pattern=r"^\d+/\d+$", description="The rule's share as a fraction, numerator/denominator."
    )
    comparison: Literal["at_least", "more_than"]
    rule: RuleId = Field(description="DEC-PASS.money or DEC-PASS.other.")
    table_version: str = Field(min_length=1)
    passed: bool
    decided_on: dt.date = Field(description="Local date residents voted.")
    closed_at: AwareDatetime
    record_due: dt.date = Field(description="DEC-RECORD: the record reaches the committee.")


class DecisionRecognisedV1(IntegrationEvent):
    """The people's committee and the front recognised, or refused, a residents' decision."""

    service = "plans"
    aggregate = "decision"
    event = "recognised"
    schema_version = 1

    decision_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    topic: int = Field(ge=1, description="DEC-TOPIC: the topic, numbered from 1.")
    title: str = Field(min_length=1, description="What residents decided on.")
    residential_group: str | None = Field(
        default=None, description="Code of the residential group; null for the whole ward."
    )
    form: Form
    households_total: int = Field(ge=1, description="Registered households when it opened.")
    households_for: int = Field(ge=0)
    households_against: int = Field(ge=0)
    passed: bool = Field(description="Whether the DEC-PASS threshold was met.")
    recognition: Literal["recognised", "refused"]
    decided_on: dt.date = Field(description="The date residents voted.")
    recognised_on: dt.date = Field(description="The date of recognition or refusal.")
    refusal_reason: str | None = Field(default=None, description="Public reason when refused.")
    version: int = Field(ge=1)


# --- conferences and dialogues ----------------------------------------------------------


class ConferenceHeldV1(IntegrationEvent):
    """A thematic conference, the committee-people dialogue or a group's year-end conference
    (OVS-YEAR counts these)."""

    service = "plans"
    aggregate = "conference"
    event = "held"
    schema_version = 1

    conference_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    kind: Literal["thematic", "dialogue", "group_year_end"]
    title: str = Field(min_length=1)
    residential_group: str | None = None
    year: int = Field(ge=2000, le=2100)
    held_on: dt.date
    notice_on: dt.date
    notice_rule: RuleId = Field(description="DEC-NOTICE or DEC-NOTICE.year-end.")
    attendees: int = Field(ge=0)
    version: int = Field(ge=1)


EVENTS: list[type[IntegrationEvent]] = [
    GroupRegisteredV1,
    GroupUpdatedV1,
    PlanAdoptedV1,
    PlanAmendedV1,
    TaskAssignedV1,
    TaskProgressedV1,
    TaskCompletedV1,
    TaskOverdueV1,
    DecisionOpenedV1,
    DecisionClosedV1,
    DecisionRecognisedV1,
    ConferenceHeldV1,
]
