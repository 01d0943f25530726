"""Integration events the petitions service publishes: the promise kept in contracts/.

Published here ahead of the petitions service's own issue because publicity consumes
``petition.answered`` (FB-FWD: results of handling feedback are published). No personal data
of petitioners, ever (DEN-SECRET); only feedback marked of public interest carries text.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import AwareDatetime, Field, model_validator

from qcdc_shared.envelope import IntegrationEvent

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class PetitionAnsweredV1(IntegrationEvent):
    """A petition got its answer. ``public_*`` texts only for feedback of public interest."""

    service = "petitions"
    aggregate = "petition"
    event = "answered"
    schema_version = 1

    petition_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    kind: Literal["feedback", "complaint", "denunciation", "information_request"]
    answered_at: AwareDatetime
    received_on: dt.date
    public_interest: bool = Field(description="The handler marked the answer for publication.")
    public_title: str | None = Field(default=None, description="Topic, without personal data.")
    public_answer: str | None = Field(default=None, description="The answer as published.")
    on_time: bool = Field(description="Answered before the deadline the service computed.")
    version: int = Field(ge=1)

    @model_validator(mode="after")
    def _text_only_for_public_feedback(self) -> PetitionAnsweredV1:
        # DESIGN §3: complaint and denunciation events carry no free text at all.
        has_text = self.public_title is not None or self.public_answer is not None
        if has_text and not (self.kind == "feedback" and self.public_interest):
            raise ValueError("only feedback of public interest may carry public text")
        if (
            self.kind == "feedback"
            and self.public_interest
            and not (self.public_title and self.public_answer)
        ):
            raise ValueError("feedback of public interest carries its public title and answer")
        return self


EVENTS: list[type[IntegrationEvent]] = [PetitionAnsweredV1]
