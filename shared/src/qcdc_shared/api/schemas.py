"""Response shapes every service shares."""

from __future__ import annotations

import datetime as dt
from typing import Final

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

# Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
VIETNAM: Final = dt.timezone(dt.timedelta(hours=7), "ICT")


class DeadlineOut(BaseModel):
    """A computed deadline: the rule, the local due date and the instant, explained twice."""

    model_config = ConfigDict(from_attributes=True, frozen=True)

    rule: str = Field(examples=["PET-ANSWER-10WD"])
    due: dt.date = Field(description="Local (Vietnam) date of the deadline.")
    due_at: AwareDatetime = Field(description="The instant of the deadline, with offset +07:00.")
    explanation: str
    explanation_en: str

    @field_validator("due_at")
    @classmethod
    def _in_vietnam_time(cls, value: dt.datetime) -> dt.datetime:
        return value.astimezone(VIETNAM)
