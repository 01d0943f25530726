"""One function per petition command: load, ask the domain, save the version and its history,
record the event. ``run_command`` (the route's) audits and commits; a refusal undoes it all.
A petitioner appears in history and audit only as a keyed pseudonym, computed by the route.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from qcdc_petitions.adapters import bus
from qcdc_petitions.domain import complaint_steps, workflow
from qcdc_petitions.domain.notices import notify_denouncer
from qcdc_petitions.domain.petition import (
    Actor,
    Channel,
    Petition,
    PetitionRefused,
    SubmittedKind,
    receive,
)
from qcdc_petitions.domain.tracking import matches, new_tracking_code, normalise
from qcdc_petitions.unit_of_work import PetitionsUnitOfWork
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import NotFound
from qcdc_shared.sealing import Sealer

IDENTITY_FIELDS = ("name", "address", "phone", "id_number")


async def load(uow: PetitionsUnitOfWork, petition_id: str) -> Petition:
    petition = await uow.petitions.get(petition_id)
    if petition is None:
        raise NotFound("đơn", "petition", petition_id)
    return petition


async def submit_petition(
    *,
    uow: PetitionsUnitOfWork,
    rules: RuleBook,
    sealer: Sealer,
    petition_id: str,
    by: Actor,
    online: bool,
    petitioner_alias: str,
    kind: SubmittedKind,
    title: str,
    body: str,
    petitioner: dict[str, str | None] | None,
    anonymous: bool = False,
    received_at: dt.datetime | None = None,
    act_date: dt.date | None = None,
    location: str | None = None,
    residential_group: str | None = None,
    channel: str | None = None,
) -> Petition:
    """A citizen online (received now), or an officer recording paper with its real date and
    the means it came by (``channel``: post, fax, in_person; not given, "paper" as before).

    ``petitioner_alias`` is the petitioner's keyed pseudonym, kept with the petition; ``by``
    is who the history names (the petitioner's alias online, the officer on paper). The
    identity is sealed here, before anything is stored."""
    now = uow.clock.now()
    if online and received_at is not None:
        raise PetitionRefused(
            "Đơn gửi trực tuyến được nhận tại thời điểm gửi; không nhập ngày nhận.",
            "An online petition is received when sent; received_at is for paper.",
        )
    identity = {k: v for k, v in (petitioner or {}).items() if k in IDENTITY_FIELDS and v}
    came_by = _channel(online=online, given=channel)
    petition = receive(
        petition_id=petition_id,
        ward=uow.ward,
        # Not looked up first: a clash is one chance in 31^16 (~7·10^23) per code issued, and
        # the unique index refuses it (a 409 to retry) without a read on every filing.
        tracking_code=new_tracking_code(uow.ward),
        kind=kind,
        channel=came_by,
        title=title,
        body=body,
        received_at=received_at or now,
        anonymous=anonymous,
        has_petitioner=bool(identity),
        actor=by,
        now=now,
        rules=rules,
        petitioner_pseudonym=petitioner_alias,
        location=location,
        residential_group=residential_group,
        act_date=act_date,
    )
    sealed = sealer.seal(identity) if identity else None
    await uow.petitions.add(petition, identity_sealed=sealed)
    uow.record(bus.received(petition), aggregate_id=petition.id, sequence=petition.version)
    return petition


def _channel(*, online: bool, given: str | None) -> Channel:
    """A citizen's own filing is online; an officer records post, fax or in person (INF-REQ
    takes its row from it), or nothing, which keeps the "paper" of records made before."""
    if online:
        if given not in (None, "online"):
            raise PetitionRefused(
                "Đơn công dân tự gửi là đơn trực tuyến; đơn qua bưu điện, fax hoặc nộp trực tiếp"
                " do cán bộ vào sổ.",
                "A citizen's own filing is online; post, fax and in-person petitions are"
                " recorded by an officer.",
                rule="INF-REQ",
            )
        return "online"
    if given == "online":
        raise PetitionRefused(
            "Cán bộ vào sổ đơn nhận qua bưu điện, fax hoặc trực tiếp; đơn trực tuyến do công dân"
            " tự gửi.",
            "An officer records a petition received by post, fax or in person; an online one is"
            " filed by the citizen.",
            rule="INF-REQ",
        )
    recorded: dict[str | None, Channel] = {
        None: "paper",
        "post": "post",
        "fax": "fax",
        "in_person": "in_person",
    }
    if given in recorded:
        return recorded[given]
    raise PetitionRefused(
        f"Kênh nhận đơn không hợp lệ: {given}.", f"Unknown channel: {given}.", rule="INF-REQ"
    )


async def change_petition(
    uow: PetitionsUnitOfWork,
    petition_id: str,
    change: Callable[[Petition, dt.datetime], Petition],
    events: Callable[[Petition], Sequence[IntegrationEvent]],
) -> Petition:
    """Load, ask the domain for the next version (at the clock's now), save it against the
    version read, and record its events: the one path of every command on a petition."""
    current = await load(uow, petition_id)
    after = change(current, uow.clock.now())
    await uow.petitions.save(after, expected_version=current.version)
    for event in events(after):
        uow.record(event, aggregate_id=after.id, sequence=after.version)
    return after


async def accept_petition(
    *,
    uow: PetitionsUnitOfWork,
    rules: RuleBook,
    by: Actor,
    petition_id: str,
    complex_reason: str | None = None,
    remote_area: bool = False,
) -> Petition:
    def accept(petition: Petition, now: dt.datetime) -> Petition:
        return workflow.accept(
            petition,
            actor=by,
            now=now,
            rules=rules,
            complex_reason=complex_reason,
            remote_area=remote_area,
        )

    return await change_petition(uow, petition_id, accept, bus.accepted)


async def refuse_petition(
    *, uow: PetitionsUnitOfWork, by: Actor, petition_id: str, reason: str
) -> Petition:
    def refuse(petition: Petition, now: dt.datetime) -> Petition:
        return workflow.refuse(petition, actor=by, now=now, reason=reason)

    return await change_petition(uow, petition_id, refuse, bus.refused)


async def forward_petition(
    *, uow: PetitionsUnitOfWork, rules: RuleBook, by: Actor, petition_id: str, to: str, reason: str
) -> Petition:
    def forward(petition: Petition, now: dt.datetime) -> Petition:
        return workflow.forward(petition, actor=by, now=now, rules=rules, to=to, reason=reason)

    return await change_petition(uow, petition_id, forward, bus.forwarded)


async def assign_petition(
    *, uow: PetitionsUnitOfWork, by: Actor, petition_id: str, handler: str
) -> Petition:
    def assign(petition: Petition, now: dt.datetime) -> Petition:
        return workflow.assign(petition, actor=by, now=now, handler=handler)

    return await change_petition(
        uow, petition_id, assign, lambda petition: [bus.assigned(petition)]
    )


async def extend_petition(
    *,
    uow: PetitionsUnitOfWork,
    rules: RuleBook,
    by: Actor,
    petition_id: str,
    reason: str,
    days: int | None = None,
    especially_complex: bool = False,
) -> Petition:
    def extend(petition: Petition, now: dt.datetime) -> Petition:
        complaint_steps.check_running(petition, doing_vi="gia hạn", doing_en="extended")
        return workflow.extend(
            petition,
            actor=by,
            now=now,
            rules=rules,
            reason=reason,
            days=days,
            especially_complex=especially_complex,
        )

    # No contract carries an extension by itself; the new clock rides on the next event.
    return await change_petition(uow, petition_id, extend, lambda petition: [])


async def notify_denouncer_of_acceptance(
    *,
    uow: PetitionsUnitOfWork,
    by: Actor,
    petition_id: str,
    notified_at: dt.datetime | None = None,
) -> Petition:
    """DEN-INTAKE.notice: the denouncer was told of the acceptance (now, or at
    ``notified_at`` when recorded afterwards), met or late."""

    def notify(petition: Petition, now: dt.datetime) -> Petition:
        return notify_denouncer(petition, actor=by, now=now, notified_at=notified_at)

    return await change_petition(
        uow, petition_id, notify, lambda petition: [bus.denouncer_notified(petition)]
    )


async def answer_petition(
    *,
    uow: PetitionsUnitOfWork,
    rules: RuleBook,
    by: Actor,
    petition_id: str,
    text: str,
    public_interest: bool = False,
    public_title: str | None = None,
) -> Petition:
    def answer(petition: Petition, now: dt.datetime) -> Petition:
        complaint_steps.check_running(petition, doing_vi="trả lời", doing_en="answered")
        answered = workflow.answer(
            petition,
            actor=by,
            now=now,
            text=text,
            public_interest=public_interest,
            public_title=public_title,
        )
        # A complaint's answer is its decision: CMP-RESOLVE.publish starts at its issue.
        return complaint_steps.start_publication(answered, rules=rules)

    return await change_petition(
        uow, petition_id, answer, lambda petition: [bus.answered(petition)]
    )


async def close_petition(*, uow: PetitionsUnitOfWork, by: Actor, petition_id: str) -> Petition:
    def close(petition: Petition, now: dt.datetime) -> Petition:
        return workflow.close(petition, actor=by, now=now)

    return await change_petition(uow, petition_id, close, lambda petition: [bus.closed(petition)])


async def code_holder_alias(
    *, uow: PetitionsUnitOfWork, petition_id: str, tracking_code: str, caller_alias: str
) -> str:
    """Who a citizen escalation is recorded as: the petitioner's own alias when the caller
    holds the petition's code (never their account, which would link an anonymous report to
    it); otherwise, a wrong code or no such petition, the caller's ``caller_alias``."""
    petition = await uow.petitions.get(petition_id)
    if petition is None or not petition.petitioner_pseudonym:
        return caller_alias
    if matches(tracking_code, petition.tracking_code):
        return petition.petitioner_pseudonym
    return caller_alias


async def escalate_petition(
    *, uow: PetitionsUnitOfWork, petition_id: str, tracking_code: str, reason: str | None = None
) -> Petition:
    """PET-ESC by the citizen holding the tracking code, once per petition and rule (the
    escalations row guards it)."""
    current = await load(uow, petition_id)
    now = uow.clock.now()
    after, rule = workflow.escalate_by_citizen(
        current, tracking_code=normalise(tracking_code), now=now, reason=reason
    )
    await uow.petitions.save(after, expected_version=current.version)
    await uow.petitions.add_escalation(after.id, rule=rule, by="citizen", at=now)
    uow.record(
        bus.escalated(after, rule=rule, by="citizen"), aggregate_id=after.id, sequence=after.version
    )
    return after
