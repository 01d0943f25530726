"""Response shapes. None of them has a field for the petitioner's identity or pseudonym; the
identity has its own route, for the assigned handler only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import AwareDatetime, BaseModel, Field

from qcdc_petitions.domain.petition import Answer, HistoryEntry, Petition
from qcdc_petitions.domain.settling import PetitionDeadline
from qcdc_shared.api import DeadlineOut
from qcdc_shared.law.deadlines import VN_TZ

# Kinds whose text may identify a denouncer or complainant (DEN-SECRET): staff other than
# officers see their clocks, never their words.
CONFIDENTIAL_KINDS = frozenset({"complaint", "denunciation", "lead"})
# What a citizen tracking a petition sees of each step: rules and reasons, no account ids.
TRACKED_DETAIL = ("rule", "reason", "to", "due", "on_time", "by", "whole", "form", "posted_until")
# "part": what a complainant withdrew of their complaint (CMP-RESOLVE.withdrawal-partial).
FREE_TEXT_DETAIL = ("reason", "to", "part")


def local(instant: dt.datetime) -> dt.datetime:
    """Instants are shown in Viet Nam time (+07:00), like every deadline (DESIGN §6)."""
    return instant.astimezone(VN_TZ)


class ExtensionOut(BaseModel):
    amount: int
    unit: str
    reason: str


class PetitionDeadlineOut(DeadlineOut):
    table_version: str
    met: bool | None = Field(description="True done in time, false late, null while open.")
    extensions: list[ExtensionOut] = Field(default_factory=list)

    @classmethod
    def of(cls, item: PetitionDeadline) -> PetitionDeadlineOut:
        d = item.deadline
        return cls(
            rule=d.rule,
            due=d.due,
            due_at=d.due_at,
            explanation=d.explanation,
            explanation_en=d.explanation_en,
            table_version=d.table_version,
            met=item.met,
            extensions=[ExtensionOut(**e.model_dump()) for e in d.extensions],
        )


def deadlines_of(petition: Petition) -> list[PetitionDeadlineOut]:
    return [PetitionDeadlineOut.of(d) for d in petition.deadlines]


class HistoryOut(BaseModel):
    version: int
    at: AwareDatetime
    action: str
    status: str
    actor_role: str
    actor: str | None = Field(
        description="Officer account id; a petitioner only as keyed pseudonym; null when tracked."
    )
    detail: dict[str, Any]

    @classmethod
    def of(cls, entry: HistoryEntry, *, tracked: bool = False, texts: bool = True) -> HistoryOut:
        detail = dict(entry.detail)
        if tracked:
            detail = {k: v for k, v in detail.items() if k in TRACKED_DETAIL and v is not None}
        if not texts:
            detail = {k: v for k, v in detail.items() if k not in FREE_TEXT_DETAIL}
        return cls(
            version=entry.version,
            at=local(entry.at),
            action=entry.action,
            status=entry.status,
            actor_role=entry.actor.role,
            actor=None if tracked else entry.actor.ref,
            detail=detail,
        )


class AnswerOut(BaseModel):
    text: str | None
    answered_at: AwareDatetime
    public_interest: bool
    public_title: str | None
    on_time: bool

    @classmethod
    def of(cls, answer: Answer | None, *, texts: bool = True) -> AnswerOut | None:
        if answer is None:
            return None
        return cls(
            text=answer.text if texts else None,
            answered_at=local(answer.answered_at),
            public_interest=answer.public_interest,
            public_title=answer.public_title,
            on_time=answer.on_time,
        )


class SubmittedOut(BaseModel):
    id: str
    tracking_code: str = Field(description="Mã theo dõi: giữ để tra cứu và đề nghị xem xét lại.")
    kind: str
    status: str
    received_at: AwareDatetime
    deadlines: list[PetitionDeadlineOut]
    flags: list[str]
    version: int

    @classmethod
    def of(cls, petition: Petition) -> SubmittedOut:
        return cls(
            id=petition.id,
            tracking_code=petition.tracking_code,
            kind=petition.kind,
            status=petition.status,
            received_at=local(petition.received_at),
            deadlines=deadlines_of(petition),
            flags=list(petition.flags),
            version=petition.version,
        )


class PetitionOut(BaseModel):
    """A petition as ward staff see it: never the identity, and for staff other than
    officers no text of complaints, denunciations and leads."""

    id: str
    ward: str
    kind: str
    status: str
    channel: str
    title: str | None
    body: str | None
    location: str | None
    residential_group: str | None
    act_date: dt.date | None
    received_at: AwareDatetime
    received_on: dt.date
    anonymous: bool
    handler: str | None
    accepted_at: AwareDatetime | None
    deadlines: list[PetitionDeadlineOut]
    flags: list[str]
    escalated: list[str]
    answer: AnswerOut | None
    version: int
    history: list[HistoryOut] | None = None

    @classmethod
    def of(
        cls, petition: Petition, *, texts: bool = True, with_history: bool = False
    ) -> PetitionOut:
        texts = texts or petition.kind not in CONFIDENTIAL_KINDS
        return cls(
            id=petition.id,
            ward=petition.ward,
            kind=petition.kind,
            status=petition.status,
            channel=petition.channel,
            title=petition.title if texts else None,
            body=petition.body if texts else None,
            location=petition.location if texts else None,
            residential_group=petition.residential_group,
            act_date=petition.act_date,
            received_at=local(petition.received_at),
            received_on=petition.received_on,
            anonymous=petition.anonymous,
            handler=petition.handler,
            accepted_at=local(petition.accepted_at) if petition.accepted_at else None,
            deadlines=deadlines_of(petition),
            flags=list(petition.flags),
            escalated=list(petition.escalated),
            answer=AnswerOut.of(petition.answer, texts=texts),
            version=petition.version,
            history=[HistoryOut.of(e, texts=texts) for e in petition.history]
            if with_history
            else None,
        )


class TrackingOut(BaseModel):
    """What the holder of a tracking code sees: status, clocks, steps and the answer."""

    id: str
    tracking_code: str
    kind: str
    status: str
    received_on: dt.date
    deadlines: list[PetitionDeadlineOut]
    flags: list[str]
    escalated: list[str]
    answer: AnswerOut | None
    history: list[HistoryOut]

    @classmethod
    def of(cls, petition: Petition) -> TrackingOut:
        return cls(
            id=petition.id,
            tracking_code=petition.tracking_code,
            kind=petition.kind,
            status=petition.status,
            received_on=petition.received_on,
            deadlines=deadlines_of(petition),
            flags=list(petition.flags),
            escalated=list(petition.escalated),
            answer=AnswerOut.of(petition.answer),
            history=[HistoryOut.of(e, tracked=True) for e in petition.history],
        )
