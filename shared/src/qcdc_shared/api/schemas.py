"""Shapes every service shares: the days a request may name, and responses."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, computed_field, field_validator

from qcdc_shared.law.deadlines import rule_url

# Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
VIETNAM: Final = dt.timezone(dt.timedelta(hours=7), "ICT")

# The days a request may name. Not legal numbers, so not rule-table rows: a date near year 1
# or 9999 would overflow a deadline computed from it (a 500 found by schemathesis).
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

    rule: str = Field(examples=["CMP-RESOLVE.complex"])
    due: dt.date = Field(description="Local (Vietnam) date of the deadline.")
    due_at: AwareDatetime = Field(description="The instant of the deadline, with offset +07:00.")
    explanation: str
    explanation_en: str

    @computed_field(  # type: ignore[prop-decorator]
        description="The rule's entry on the rules page, relative to the city gateway "
        "(a ward service serves no /rules page): e.g. /rules#CMP-RESOLVE.complex.",
    )
    @property
    def rule_url(self) -> str:
        return rule_url(self.rule)

    @field_validator("due_at")
    @classmethod
    def _in_vietnam_time(cls, value: dt.datetime) -> dt.datetime:
        return value.astimezone(VIETNAM)
