"""Integration events the plans service publishes: the promise kept in contracts/.

Published here ahead of the plans service's own issue because publicity consumes
``decision.recognised`` (DEC-RECORD: the result is published once recognised or refused).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from qcdc_shared.envelope import IntegrationEvent

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class DecisionRecognisedV1(IntegrationEvent):
    """The people's committee and the front recognised, or refused, a residents' decision."""

    service = "plans"
    aggregate = "decision"
    event = "recognised"
    schema_version = 1

    decision_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    topic: int = Field(ge=1, le=6, description="DEC-TOPIC 1-6.")
    title: str = Field(min_length=1, description="What residents decided on.")
    residential_group: str | None = Field(
        default=None, description="Code of the residential group; null for the whole ward."
    )
    form: Literal["meeting", "household_ballot", "online_vote"]
    households_total: int = Field(ge=1, description="Registered households when it opened.")
    households_for: int = Field(ge=0)
    households_against: int = Field(ge=0)
    passed: bool = Field(description="Whether the DEC-PASS threshold was met.")
    recognition: Literal["recognised", "refused"]
    decided_on: dt.date = Field(description="The date residents voted.")
    recognised_on: dt.date = Field(description="The date of recognition or refusal.")
    refusal_reason: str | None = Field(default=None, description="Public reason when refused.")
    version: int = Field(ge=1)


EVENTS: list[type[IntegrationEvent]] = [DecisionRecognisedV1]
