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
DeadlineRule = Literal["PUB-DUE", "PUB-QTR.due", "PUB-MIN30", "PUB-LOUD"]

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
RuleId = Annotated[str, Field(pattern=r"^[A-Z]+-[A-Z0-9]+$")]


class LedgerHeadV1(BaseModel):
    """The ward's tamper-evident ledger after this change (the city keeps every head)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sequence: int = Field(ge=1, description="Position of the newest entry in the ward's chain.")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the newest entry, hex.")


class SourceV1(BaseModel):
    """What caused a posting the ward did not write by hand."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["decision_result", "petition_answer", "consultation_result", "quarterly_list"]
    id: str = Field(
        min_length=1, description="Id of the decision, petition, consultation or quarter."
    )


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


class ConsultationDeadlineV1(BaseModel):
    """The CON-MIN20 end of a consultation, computed once by publicity."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: Literal["CON-MIN20"]
    due: dt.date
    due_at: AwareDatetime
    explanation: str = Field(min_length=1)
    explanation_en: str = Field(min_length=1)
    table_version: str = Field(min_length=1)


class _PostingState(IntegrationEvent):
    """Event-carried state of a posting, shared by every posting event (not itself published)."""

    service = "publicity"
    aggregate = "posting"

    posting_id: str = Field(min_length=1, description="Identifier of the posting.")
    ward: str = Field(pattern=_SLUG, description="Slug of the ward that published it.")
    category: int = Field(ge=1, description="Disclosure category, numbered from 1 (PUB-CAT).")
    title: str = Field(min_length=1, description="Public title of the posting.")
    channels: list[Channel] = Field(
        min_length=1,
        json_schema_extra={"uniqueItems": True},
        description="Where it is posted or read out.",
    )
    decided_on: dt.date = Field(description="Date of the decision the posting discloses.")
    published_at: AwareDatetime = Field(description="When it was actually published.")
    permanent: bool = Field(
        description="Posted permanently, replaced rather than withdrawn (PUB-PERM)."
    )
    deadlines: list[DeadlineV1] = Field(
        min_length=1,
        description=(
            "When it was due first: PUB-DUE from the decision it discloses, or PUB-QTR.due from"
            " the quarter's last day for the quarterly list; then PUB-MIN30 unless permanent;"
            " PUB-LOUD for the categories its row covers."
        ),
    )
    violations: list[RuleId] = Field(
        description=(
            "Rule ids this posting has broken so far, e.g. PUB-DUE (PUB-QTR for the quarterly"
            " list) when published late, PUB-LOUD when not sent to the group heads within its"
            " PUB-LOUD period."
        )
    )
    group_heads_sent_at: AwareDatetime | None = Field(
        default=None,
        description=(
            "PUB-LOUD.group-heads: when the item went to the residential-group heads; null when"
            " not (yet) sent or not required. A later version of a published posting (sent, or"
            " flagged as not sent) is announced as posting.published with its new version."
        ),
    )
    version: int = Field(ge=1, description="Version of the posting after this event.")
    ledger: LedgerHeadV1 | None = Field(
        default=None, description="The ward's ledger head once this version was appended."
    )
    source: SourceV1 | None = Field(
        default=None, description="Set when another service's event or the sweeper caused it."
    )


class PostingPublishedV1(_PostingState):
    """A legal public posting after publication: its public state and its deadlines."""

    event = "published"
    schema_version = 1
    status: Literal["published"] = Field(description="Posting status after this event.")


class PostingAmendedV1(_PostingState):
    """A permanent posting (PUB-PERM) replaced by a new version; the old one stays readable."""

    event = "amended"
    schema_version = 1
    status: Literal["published"] = Field(description="Posting status after this event.")
    amended_at: AwareDatetime = Field(description="When the new version was posted.")


class PostingWithdrawnV1(_PostingState):
    """A posting taken down, with the officer's public reason (PUB-MIN30 if too early)."""

    event = "withdrawn"
    schema_version = 1
    status: Literal["withdrawn"] = Field(description="Posting status after this event.")
    withdrawn_at: AwareDatetime = Field(description="When it was taken down.")
    reason: str = Field(min_length=1, description="Why, as stated publicly by the ward.")


class PostingExpiredV1(_PostingState):
    """A posting whose minimum period ended; still supplied on request (PUB-REQ)."""

    event = "expired"
    schema_version = 1
    status: Literal["expired"] = Field(description="Posting status after this event.")
    expired_at: AwareDatetime = Field(description="When the sweeper recorded the expiry.")


class _OfConsultation(IntegrationEvent):
    service = "publicity"
    aggregate = "consultation"

    consultation_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)


class ConsultationOpenedV1(_OfConsultation):
    """A draft opened for residents' comments for at least the CON-MIN20 period."""

    event = "opened"
    schema_version = 1

    title: str = Field(min_length=1, description="Public title of the draft.")
    opened_at: AwareDatetime
    minimum_end: ConsultationDeadlineV1 = Field(
        description="CON-MIN20: comments stay open until then."
    )
    version: int = Field(ge=1)


class CommentReceivedV1(_OfConsultation):
    """A resident's comment arrived; never the commenter's identity, never the text."""

    aggregate = "comment"
    event = "received"
    schema_version = 1

    comment_id: str = Field(min_length=1)
    received_at: AwareDatetime
    comments_received: int = Field(ge=1, description="Comments on this draft so far.")
    version: int = Field(ge=1)


class ResponseItemV1(BaseModel):
    """One point the ward accepted or rejected, with its reason (CON-MIN20)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    point: str = Field(min_length=1)
    reason: str = Field(min_length=1)


class ConsultationClosedV1(_OfConsultation):
    """The ward closed a consultation and published what it accepted and rejected, and why."""

    event = "closed"
    schema_version = 1

    title: str = Field(min_length=1)
    opened_at: AwareDatetime
    closed_at: AwareDatetime
    comments_received: int = Field(ge=0)
    accepted: list[ResponseItemV1]
    rejected: list[ResponseItemV1]
    result_posting_id: str = Field(min_length=1, description="The posting of its result.")
    version: int = Field(ge=1)


EVENTS: list[type[IntegrationEvent]] = [
    PostingPublishedV1,
    PostingAmendedV1,
    PostingWithdrawnV1,
    PostingExpiredV1,
    ConsultationOpenedV1,
    CommentReceivedV1,
    ConsultationClosedV1,
]
