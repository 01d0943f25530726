"""Integration events the petitions service publishes: the promise kept in contracts/.

Publicity consumes ``petition.answered`` (FB-FWD: results of handling feedback are published);
oversight and the city consume the clocks. No personal data of petitioners, ever
(DEN-SECRET); no free text except the public answer to feedback of public interest.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from qcdc_shared.envelope import IntegrationEvent

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Kind = Literal["feedback", "complaint", "denunciation", "information_request", "lead"]
Status = Literal[
    "received",
    "accepted",
    "refused",
    "forwarded",
    "assigned",
    "suspended",
    "answered",
    "withdrawn",
    "closed",
]
RuleId = Annotated[str, Field(pattern=r"^[A-Z]+-[A-Z0-9]+(?:\.[a-z0-9-]+)?$")]


class PetitionDeadlineV1(BaseModel):
    """A deadline the petitions service computed once; consumers never recompute it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: RuleId = Field(description="Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.")
    due: dt.date = Field(description="Last day, local date in Asia/Ho_Chi_Minh.")
    due_at: AwareDatetime = Field(description="The instant the period ends (+07:00).")
    table_version: str = Field(min_length=1)
    met: bool | None = Field(
        default=None, description="True when done in time, false when late, null while open."
    )


class _PetitionEvent(IntegrationEvent):
    service = "petitions"
    aggregate = "petition"

    petition_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)


class _PetitionState(_PetitionEvent):
    """Public state of a petition: kind, status and clocks. Never identity, never free text."""

    kind: Kind = Field(description="'lead': an anonymous denunciation kept as a lead.")
    status: Status
    received_on: dt.date
    residential_group: str | None = None
    channel: Literal["online", "post", "fax", "in_person", "paper", "reception"] = Field(
        description="How it came in: online (the citizen), post, fax or in_person (recorded by"
        " an officer; INF-REQ takes its row from it). 'paper': recorded before the means was"
        " kept; 'reception': no longer produced."
    )
    deadlines: list[PetitionDeadlineV1]
    flags: list[RuleId] = Field(
        description="Rules the petition itself trips, e.g. CMP-FILE (filed out of time)."
    )
    version: int = Field(ge=1)


class PetitionReceivedV1(_PetitionState):
    event = "received"
    schema_version = 1


class PetitionAcceptedV1(_PetitionState):
    """Taken in (complaint accepted, denunciation taken in).

    Deprecated use: until 2027-06-30 a refusal and a forwarding are also published here with
    ``accepted: false``, beside their own ``petition.refused`` and ``petition.forwarded``
    events (the same state, the same sequence); subscribe to those instead."""

    event = "accepted"
    schema_version = 1
    accepted: bool = Field(
        description="True: taken in. False (deprecated until 2027-06-30): refused or forwarded,"
        " also published as petition.refused / petition.forwarded; read `status`."
    )


class PetitionRefusedV1(_PetitionState):
    """Refused at intake (status ``refused``); the reason stays in the service."""

    event = "refused"
    schema_version = 1


class PetitionForwardedV1(_PetitionState):
    """Outside the ward's competence, forwarded (status ``forwarded``; FB-FWD,
    DEN-INTAKE.forward carry their deadlines); where to and why stay in the service."""

    event = "forwarded"
    schema_version = 1


class PetitionAssignedV1(_PetitionState):
    """Retired: no longer published since v2 (docs/decisions/0013): it named the handler's
    account, which tells whoever reads the city's log who holds a denunciation's identity.
    Kept so that the events already published still read against their schema."""

    event = "assigned"
    schema_version = 1
    handler: str = Field(
        min_length=1,
        description="The officer's account id. Retired: v2 carries the handler's role instead.",
    )


class PetitionAssignedV2(_PetitionState):
    """Given to a handler. A role and the ward say who handles it; no account id (DEN-SECRET:
    the assigned handler is the one person who may open the petitioner's identity)."""

    event = "assigned"
    schema_version = 2
    handler_role: Literal["officer"] = Field(
        description="Who handles it now: an officer of the ward (never an account id)."
    )


class PetitionOverdueV1(_PetitionState):
    event = "overdue"
    schema_version = 1
    rule: RuleId = Field(description="The deadline that passed.")
    due_at: AwareDatetime


class PetitionEscalatedV1(_PetitionState):
    """Sent to the city once per petition and rule (PET-ESC), or by the citizen."""

    event = "escalated"
    schema_version = 1
    rule: RuleId = Field(
        description="The deadline that passed, or PET-ESC when the citizen rejected the answer."
    )
    by: Literal["sweeper", "citizen"]


class PetitionClosedV1(_PetitionState):
    event = "closed"
    schema_version = 1


class PetitionSuspendedV1(_PetitionState):
    """A complaint's resolution suspended (status ``suspended``, CMP-RESOLVE.suspension): its
    resolution deadline stands still, so it is not overdue meanwhile. The reason stays in the
    service, like a refusal's."""

    event = "suspended"
    schema_version = 1


class PetitionResumedV1(_PetitionState):
    """A suspended complaint's resolution resumed: ``deadlines`` carries its resolution
    deadline moved by the days it stood still (CMP-RESOLVE.suspension)."""

    event = "resumed"
    schema_version = 1


class PetitionWithdrawnV1(_PetitionState):
    """The complainant withdrew the complaint in writing: whole (status ``withdrawn``,
    CMP-RESOLVE.withdrawal, its deadlines settled) or in part (CMP-RESOLVE.withdrawal-partial,
    the clock kept). What was withdrawn stays in the service."""

    event = "withdrawn"
    schema_version = 1
    whole: bool = Field(description="True: the whole complaint; false: a part of it.")


class PetitionDecisionPublishedV1(_PetitionState):
    """A complaint's decision was published (CMP-RESOLVE.publish settled in ``deadlines``).
    Only the fact and its form: never the decision's text, never the complainant."""

    event = "decision_published"
    schema_version = 1
    form: Literal["posting", "meeting", "media"] = Field(
        description="Posted at the office or reception place, announced at a meeting, or in"
        " the media (Decree 124/2020/NĐ-CP)."
    )
    on_time: bool = Field(description="Published by the end of CMP-RESOLVE.publish.")
    posted_until: dt.date | None = Field(
        default=None,
        description="A posting stays up at least to this day (CMP-RESOLVE.publish-posting);"
        " null for the other forms.",
    )


class PetitionDenouncerNotifiedV1(_PetitionState):
    """The denouncer was told that the denunciation was accepted: DEN-INTAKE.notice settled in
    ``deadlines``. Only the fact and whether it was in time; never who was told."""

    event = "denouncer_notified"
    schema_version = 1
    on_time: bool = Field(description="Notified by the end of DEN-INTAKE.notice.")


class _ReceptionEvent(IntegrationEvent):
    service = "petitions"
    aggregate = "reception"

    reception_id: str = Field(min_length=1)
    ward: str = Field(pattern=_SLUG)
    host: Literal["chair", "party_secretary", "other_leader"]
    session_on: dt.date
    # Given since 2026-12 (optional so that events published before still validate; those
    # sessions were all in person).
    form: Literal["in_person", "online"] | None = Field(
        default=None,
        description="in_person at the reception location, or online (REC-WEEK.online, from"
        " 2026-07-01); given since 2026-12, absent before (in person).",
    )


class ReceptionScheduledV1(_ReceptionEvent):
    """A citizen-reception session put on the posted schedule (REC-WEEK)."""

    event = "scheduled"
    schema_version = 1

    posted_on: dt.date
    on_time: bool = Field(description="Posted at least REC-WEEK.schedule working days ahead.")
    version: int = Field(ge=1)


class ReceptionHeldV1(_ReceptionEvent):
    """A reception session took place (or did not); counts only, no visitor."""

    event = "held"
    schema_version = 1

    held: bool
    entries: int = Field(ge=0, description="Visits logged, each with a REC-REPLY clock.")
    version: int = Field(ge=1)


class PetitionAnsweredV1(_PetitionEvent):
    """A petition got its answer. ``public_*`` texts only for feedback of public interest."""

    event = "answered"
    schema_version = 1

    kind: Literal["feedback", "complaint", "denunciation", "information_request"]
    answered_at: AwareDatetime
    received_on: dt.date
    public_interest: bool = Field(description="The handler marked the answer for publication.")
    public_title: str | None = Field(default=None, description="Topic, without personal data.")
    public_answer: str | None = Field(default=None, description="The answer as published.")
    on_time: bool = Field(description="Answered before the deadline the service computed.")
    version: int = Field(ge=1)
    # Event-carried state, given since 2026-12 (optional only so that events published
    # before then still validate): consumers read the petition's state here.
    status: Status | None = Field(
        default=None, description="The petition's status after the answer (given since 2026-12)."
    )
    deadlines: list[PetitionDeadlineV1] | None = Field(
        default=None,
        description="The petition's deadlines after the answer, with `met` (given since 2026-12).",
    )

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


EVENTS: list[type[IntegrationEvent]] = [
    PetitionReceivedV1,
    PetitionAcceptedV1,
    PetitionRefusedV1,
    PetitionForwardedV1,
    PetitionAssignedV1,
    PetitionAssignedV2,
    PetitionAnsweredV1,
    PetitionOverdueV1,
    PetitionEscalatedV1,
    PetitionClosedV1,
    PetitionSuspendedV1,
    PetitionResumedV1,
    PetitionWithdrawnV1,
    PetitionDecisionPublishedV1,
    PetitionDenouncerNotifiedV1,
    ReceptionScheduledV1,
    ReceptionHeldV1,
]
