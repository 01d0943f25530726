"""Shapes every service shares: the bounds of what a request may carry, and responses."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

# Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
VIETNAM: Final = dt.timezone(dt.timedelta(hours=7), "ICT")

# What a request may carry (issue 17). These are not legal numbers, so not rule-table rows:
# they keep a hostile request from filling a database with megabytes of text, or a date near
# year 1 or 9999 from overflowing a deadline computed from it (a 500 found by schemathesis).
MAX_ID: Final = 64  # a record's id or code, in a path, a query or a body
MAX_LIST: Final = 50  # the items of a list in a query or a body (wards, channels, files)
MAX_NAME: Final = 200  # a person's, an organisation's or a group's name
MAX_TITLE: Final = 300  # a one-line title
MAX_REASON: Final = 2_000  # a reason, a resolution, a short statement
MAX_TEXT: Final = 20_000  # a petition's body, an answer, minutes, a report
FIRST_DAY: Final = dt.date(1900, 1, 1)
LAST_DAY: Final = dt.date(2100, 12, 31)

# A calendar day and an instant within [FIRST_DAY, LAST_DAY] (the instant's bounds in UTC).
Day = Annotated[dt.date, Field(ge=FIRST_DAY, le=LAST_DAY)]
Instant = Annotated[
    AwareDatetime,
    Field(
        ge=dt.datetime.combine(FIRST_DAY, dt.time(), dt.UTC),
        lt=dt.datetime.combine(LAST_DAY + dt.timedelta(days=1), dt.time(), dt.UTC),
    ),
]


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
