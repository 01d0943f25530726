"""A petition (phản ánh, kiến nghị / khiếu nại / tố cáo / yêu cầu cung cấp thông tin): intake,
its legal clocks, and what time makes of them.

Pure rules: the rule book (rule table + working calendar) is handed in, no I/O here. Every
deadline is computed once, when its starting event happens, and stored with the petition
(DESIGN §2); later steps only mark it met or late. The petitioner's identity never enters
this module: the handler seals it, the petition only knows whether there is one.

Clocks per kind (the rule ids of shared/src/qcdc_shared/law/rules.toml):

- feedback: FB-FWD from receipt (within the period of that row the ward decides whether the
  matter is its own or forwards it; assigning, answering or refusing is that decision), and a
  reply clock, REC-REPLY from receipt. The rule table has no row for answering feedback
  outside a reception; REC-REPLY (the reply to what a citizen brought) is the nearest legal
  figure, so it is used rather than an invented number.
- complaint: CMP-ACCEPT from receipt (the row in force on the local date of receipt); at
  acceptance CMP-RESOLVE, or CMP-RESOLVE.complex when declared complex with a reason, counted
  from ACCEPTANCE (the .remote and .remote-complex rows in a ward set as a remote area). From
  2026-07-01 its resolution may be suspended and resumed, the suspended days not counted;
  withdrawn whole or in part; its decision is published (domain/complaint_steps.py).
- denunciation: DEN-INTAKE from receipt; DEN-INTAKE.forward is recorded when it is forwarded;
  at acceptance DEN-RESOLVE and the denouncer's notice of acceptance (DEN-INTAKE.notice),
  both from the acceptance decision; DEN-RESOLVE is extended with a reason as its row allows,
  and further only once declared especially complex (DEN-RESOLVE.especially-complex).
- information_request: from receipt, the simple period of its channel
  (:data:`INFORMATION_REQUEST_RULES`): INF-REQ.simple online (Law 104/2016 Art. 30);
  INF-REQ.post by post or fax (Art. 31(1)), and handed in in person too (the in-person clause,
  Art. 29, was not read); declared complex, INF-REQ.complex, which takes one extension, with
  the notice of its time limit (INF-REQ.complex-notice) counted from receipt.
- lead: an anonymous denunciation is not a denunciation (DEN-INTAKE); it has no clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from qcdc_petitions.domain.settling import PetitionDeadline
from qcdc_shared.law.deadlines import Deadline, local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import Refused

Kind = Literal["feedback", "complaint", "denunciation", "information_request", "lead"]
SubmittedKind = Literal["feedback", "complaint", "denunciation", "information_request"]
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
# How a petition came in. A citizen's own filing is "online"; an officer records the means of
# one brought on paper: "post", "fax" or "in_person". "paper" is what was stored before the
# means was recorded (an officer's record, means not given) and "reception" an old value no
# longer produced; both still read.
Channel = Literal["online", "post", "fax", "in_person", "paper", "reception"]
RecordedChannel = Literal["post", "fax", "in_person"]

STATUSES: tuple[Status, ...] = get_args(Status)
# Kinds taken in by a decision (thụ lý) before their resolution clock starts.
ACCEPTED_KINDS: frozenset[str] = frozenset({"complaint", "denunciation"})
# The clocks that end with the answer, whatever the kind.
RESOLUTION_RULES: frozenset[str] = frozenset(
    {
        "REC-REPLY",
        "CMP-RESOLVE",
        "CMP-RESOLVE.complex",
        "CMP-RESOLVE.remote",
        "CMP-RESOLVE.remote-complex",
        "DEN-RESOLVE",
        "DEN-RESOLVE.especially-complex",
        "INF-REQ.simple",
        "INF-REQ.post",
        "INF-REQ.complex",
    }
)
# INF-REQ: the simple period of each channel a request comes by (Law 104/2016 Arts. 29–31).
# In person gets the post row: Art. 29's figure was not read, and no row is invented for it.
INFORMATION_REQUEST_RULES: dict[str, str] = {
    "online": "INF-REQ.simple",
    "post": "INF-REQ.post",
    "fax": "INF-REQ.post",
    "in_person": "INF-REQ.post",
    "paper": "INF-REQ.post",
    "reception": "INF-REQ.complex",
}


class PetitionRefused(Refused):
    """A request the law or the petition's state refuses."""


@dataclass(frozen=True)
class Actor:
    """Who did a step: an officer by account id, the petitioner only by keyed pseudonym."""

    role: str
    ref: str


SWEEPER = Actor("system", "sweeper")


@dataclass(frozen=True)
class HistoryEntry:
    """One append-only step; ``detail`` names rules and reasons, never an identity."""

    version: int
    at: dt.datetime
    action: str
    status: Status
    actor: Actor
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    text: str
    answered_at: dt.datetime
    public_interest: bool
    public_title: str | None
    on_time: bool


@dataclass(frozen=True)
class Petition:
    id: str
    ward: str
    tracking_code: str
    kind: Kind
    channel: Channel
    title: str
    body: str
    received_at: dt.datetime
    anonymous: bool
    status: Status = "received"
    location: str | None = None
    residential_group: str | None = None
    act_date: dt.date | None = None
    petitioner_pseudonym: str | None = None
    handler: str | None = None
    accepted_at: dt.datetime | None = None
    deadlines: tuple[PetitionDeadline, ...] = ()
    flags: tuple[str, ...] = ()
    escalated: tuple[str, ...] = ()
    answer: Answer | None = None
    version: int = 1
    history: tuple[HistoryEntry, ...] = ()

    @property
    def received_on(self) -> dt.date:
        return local_date(self.received_at)

    @property
    def changed_at(self) -> dt.datetime:
        return self.history[-1].at if self.history else self.received_at

    def deadline(self, rule_id: str) -> PetitionDeadline | None:
        return next((d for d in self.deadlines if d.rule == rule_id), None)

    @property
    def resolution(self) -> PetitionDeadline | None:
        """The clock that the answer stops (REC-REPLY, CMP-RESOLVE*, DEN-RESOLVE, INF-REQ.*)."""
        return next((d for d in self.deadlines if d.rule in RESOLUTION_RULES), None)

    @property
    def running(self) -> tuple[PetitionDeadline, ...]:
        """The open deadlines whose clock runs: none while the resolution of a complaint is
        suspended (CMP-RESOLVE.suspension), so nothing is overdue or escalated meanwhile."""
        if self.status == "suspended":
            return ()
        return tuple(d for d in self.deadlines if d.is_open)

    @property
    def open_due_at(self) -> dt.datetime | None:
        """The end of the earliest deadline still running (for the "overdue" filter)."""
        return min((d.due_at for d in self.running), default=None)

    @property
    def next_escalation_at(self) -> dt.datetime | None:
        """When the sweeper next has something to do: the earliest running, unescalated end."""
        return min(
            (d.due_at for d in self.running if d.rule not in self.escalated),
            default=None,
        )


def step(
    petition: Petition,
    *,
    action: str,
    actor: Actor,
    now: dt.datetime,
    detail: Mapping[str, Any] | None = None,
    **changes: Any,
) -> Petition:
    """The next version: the changed fields and one more history entry."""
    after = replace(petition, **changes)
    entry = HistoryEntry(
        version=petition.version + 1,
        at=now,
        action=action,
        status=after.status,
        actor=actor,
        detail=dict(detail or {}),
    )
    return replace(after, version=entry.version, history=(*petition.history, entry))


def receive(
    *,
    petition_id: str,
    ward: str,
    tracking_code: str,
    kind: SubmittedKind,
    channel: Channel,
    title: str,
    body: str,
    received_at: dt.datetime,
    anonymous: bool,
    has_petitioner: bool,
    actor: Actor,
    now: dt.datetime,
    rules: RuleBook,
    petitioner_pseudonym: str | None = None,
    location: str | None = None,
    residential_group: str | None = None,
    act_date: dt.date | None = None,
) -> Petition:
    """Intake: the petition with its clocks computed once, from its real receipt."""
    if received_at.utcoffset() is None:
        raise ValueError("received_at must be timezone-aware")
    if received_at > now:
        raise PetitionRefused(
            "Ngày nhận đơn không thể ở tương lai.", "The date of receipt cannot be in the future."
        )
    received_on = local_date(received_at)
    if act_date is not None and act_date > received_on:
        raise PetitionRefused(
            "Ngày xảy ra sự việc không thể sau ngày nhận đơn.",
            "The date of the act cannot be after the date of receipt.",
        )
    if anonymous and has_petitioner:
        raise PetitionRefused(
            "Đơn nặc danh không kèm thông tin người gửi; bỏ chọn nặc danh hoặc bỏ thông tin.",
            "An anonymous petition carries no petitioner; drop one or the other.",
        )
    if not anonymous and not has_petitioner:
        raise PetitionRefused(
            "Cần thông tin người gửi đơn (họ tên, địa chỉ), hoặc chọn gửi nặc danh.",
            "Give the petitioner (name, address), or mark the petition anonymous.",
        )
    if anonymous and kind == "complaint":
        raise PetitionRefused(
            "Khiếu nại phải ghi rõ họ tên, địa chỉ người khiếu nại (Luật Khiếu nại Điều 8).",
            "A complaint names the complainant and their address (Law on Complaints Art. 8).",
        )
    flags: list[str] = []
    stored: Kind = kind
    deadlines: list[Deadline] = []
    if kind == "denunciation" and anonymous:
        stored = "lead"  # DEN-INTAKE: not a denunciation; kept as an inspection lead
    elif kind == "feedback":
        deadlines = [
            rules.deadline("FB-FWD", received_at),
            rules.deadline("REC-REPLY", received_at),
        ]
    elif kind == "complaint":
        deadlines = [rules.deadline("CMP-ACCEPT", received_at)]
        if act_date is not None and is_out_of_time(act_date, received_at, rules):
            flags.append("CMP-FILE")  # flagged, never refused silently
    elif kind == "denunciation":
        deadlines = [rules.deadline("DEN-INTAKE", received_at)]
    else:
        deadlines = [rules.deadline(INFORMATION_REQUEST_RULES[channel], received_at)]
    petition = Petition(
        id=petition_id,
        ward=ward,
        tracking_code=tracking_code,
        kind=stored,
        channel=channel,
        title=title,
        body=body,
        received_at=received_at,
        anonymous=anonymous,
        location=location,
        residential_group=residential_group,
        act_date=act_date,
        petitioner_pseudonym=petitioner_pseudonym,
        deadlines=tuple(PetitionDeadline(d) for d in deadlines),
        flags=tuple(flags),
        version=0,
    )
    detail: dict[str, Any] = {"channel": channel, "kind": stored}
    if flags:
        detail["flags"] = flags
    return step(petition, action="received", actor=actor, now=now, detail=detail)


def is_out_of_time(act_date: dt.date, received_at: dt.datetime, rules: RuleBook) -> bool:
    """CMP-FILE: filed after the period counted from the act (rolled like any deadline)."""
    return received_at > rules.deadline("CMP-FILE", act_date).due_at


def escalate_overdue(
    petition: Petition, *, rule: str, now: dt.datetime
) -> tuple[Petition, Petition]:
    """The sweeper's two steps for one passed deadline: marked overdue, then escalated to
    the city (PET-ESC, once per petition and rule). Returns both versions, one per event."""
    if rule in petition.escalated:
        raise PetitionRefused(
            f"Đơn đã được chuyển lên thành phố theo quy tắc {rule}.",
            f"The petition was already escalated for {rule}.",
            rule="PET-ESC",
            conflict=True,
        )
    overdue = step(petition, action="overdue", actor=SWEEPER, now=now, detail={"rule": rule})
    escalated = step(
        overdue,
        action="escalated",
        actor=SWEEPER,
        now=now,
        detail={"rule": rule, "by": "sweeper"},
        escalated=(*petition.escalated, rule),
    )
    return overdue, escalated


IdentityOutcome = Literal["granted", "refused", "none"]


def may_read_identity(
    petition: Petition, *, role: str, ref: str, ward: str | None, home_ward: str
) -> bool:
    """DEN-SECRET: only the officer of the petition's ward it is assigned to opens the
    petitioner's identity; everyone else is refused (and the attempt logged)."""
    return (
        role == "officer"
        and ward == home_ward
        and petition.handler is not None
        and petition.handler == ref
    )


@dataclass(frozen=True)
class IdentityAccess:
    """One attempt to read a petitioner's identity, as the DEN-SECRET access log keeps it:
    staff by account id, a citizen only by keyed pseudonym."""

    at: dt.datetime
    petition_id: str
    reader: str
    role: str
    reader_ward: str | None
    outcome: IdentityOutcome
