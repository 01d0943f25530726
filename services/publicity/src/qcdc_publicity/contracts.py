"""Integration events the publicity service publishes: the promise kept in contracts/.

These models are the wire format, not the domain: ``adapters/bus.py`` translates domain
events into them. A change that breaks a published schema needs a new ``...V2`` class beside
the old one (``make contracts`` refuses otherwise).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from qcdc_shared.envelope import IntegrationEvent

Channel = Literal["notice_board", "community_hall", "portal", "loudspeaker", "group_heads"]
DeadlineRule = Literal["PUB-DUE", "PUB-MIN30", "PUB-LOUD"]

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
RuleId = Annotated[str, Field(pattern=r"^[A-Z]+-[A-Z0-9]+$")]


class DeadlineV1(BaseModel):
    """A deadline computed once by publicity; consumers never recompute it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: DeadlineRule = Field(description="Rule id that sets this deadline (DOMAIN.md).")
    due: dt.date = Field(description="Last day, local date in Asia/Ho_Chi_Minh.")
    due_at: AwareDatetime = Field(description="The instant the period ends (+07:00).")
    explanation: str = Field(min_length=1, description="Why this date, in Vietnamese.")
    explanation_en: str = Field(min_length=1, description="Why this date, in English.")
    table_version: str = Field(
        min_length=1, description="Version of the rule table that produced the deadline."
    )


class PostingPublishedV1(IntegrationEvent):
    """A legal public posting after publication: its public state and its deadlines."""

    service = "publicity"
    aggregate = "posting"
    event = "published"
    schema_version = 1

    posting_id: str = Field(min_length=1, description="Identifier of the posting.")
    ward: str = Field(pattern=_SLUG, description="Slug of the ward that published it.")
    category: int = Field(ge=1, le=14, description="Disclosure category 1-14 (PUB-CAT).")
    title: str = Field(min_length=1, description="Public title of the posting.")
    channels: list[Channel] = Field(
        min_length=1,
        json_schema_extra={"uniqueItems": True},
        description="Where it is posted or read out.",
    )
    decided_on: dt.date = Field(description="Date of the decision the posting discloses.")
    published_at: AwareDatetime = Field(description="When it was actually published.")
    status: Literal["published"] = Field(description="Posting status after this event.")
    permanent: bool = Field(
        description="Posted permanently, replaced rather than withdrawn (PUB-PERM)."
    )
    deadlines: list[DeadlineV1] = Field(
        min_length=1,
        description=("PUB-DUE always; PUB-MIN30 unless permanent; PUB-LOUD for categories 7-12."),
    )
    violations: list[RuleId] = Field(
        description="Rule ids already broken at publication, e.g. PUB-DUE when late.",
    )
    version: int = Field(ge=1, description="Version of the posting after this event.")


EVENTS: list[type[IntegrationEvent]] = [PostingPublishedV1]
