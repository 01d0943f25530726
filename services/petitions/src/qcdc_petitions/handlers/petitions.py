"""One function per petition command: load, ask the domain, save the version and its history,
record the event, audit. A petitioner appears in history and audit only as a keyed pseudonym.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Callable

from qcdc_petitions.adapters import bus
from qcdc_petitions.adapters.db import PetitionRepository
from qcdc_petitions.domain import workflow
from qcdc_petitions.domain.petition import (
    Actor,
    Petition,
    PetitionRefused,
    RuleBook,
    SubmittedKind,
    receive,
)
from qcdc_petitions.domain.tracking import new_tracking_code, normalise
from qcdc_shared.audit import pseudonym
from qcdc_shared.auth import Principal
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.runtime import UnitOfWork, audited
from qcdc_shared.sealing import Sealer

IDENTITY_FIELDS = ("name", "address", "phone", "id_number")


class PetitionNotFound(LookupError):
    pass


def petitioner_pseudonym(uow: UnitOfWork, identity: str) -> str:
    return pseudonym(uow.runtime.settings.pseudonym_key.get_secret_value(), identity)


def staff(principal: Principal) -> Actor:
    return Actor(principal.role, principal.sub)


def as_petitioner(principal: Principal, alias: str) -> Principal:
    """The principal the audit log records for a petitioner: the pseudonym, not the account."""
    return principal.model_copy(update={"sub": alias, "name": None})


async def _load(uow: UnitOfWork, petition_id: str) -> Petition:
    petition = await PetitionRepository(uow.session).get(petition_id)
    if petition is None:
        raise PetitionNotFound(petition_id)
    return petition


async def _unique_code(uow: UnitOfWork) -> str:
    repository = PetitionRepository(uow.session)
    while True:  # a clash is a one-in-10^11 event; the unique index still guards the insert
        code = new_tracking_code(uow.runtime.ward)
        if not await repository.tracking_code_taken(code):
            return code


async def submit_petition(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    sealer: Sealer,
    actor: Principal,
    kind: SubmittedKind,
    title: str,
    body: str,
    petitioner: dict[str, str | None] | None,
    anonymous: bool = False,
    received_at: dt.datetime | None = None,
    act_date: dt.date | None = None,
    location: str | None = None,
    residential_group: str | None = None,
) -> Petition:
    """A citizen online (received now), or an officer recording paper with its real date."""
    petition_id = str(uuid.uuid4())
    online = actor.role == "citizen"
    # The petitioner's stable alias: their account when they write online under their name;
    # otherwise (paper, or anonymous) this petition only, so an anonymous report is never
    # linked to an account, not even through a pseudonym.
    named_online = online and not anonymous
    alias = petitioner_pseudonym(uow, actor.sub if named_online else f"petition:{petition_id}")
    acting = Actor("citizen", alias) if online else staff(actor)

    async def work() -> Petition:
        now = uow.runtime.clock.now()
        if online and received_at is not None:
            raise PetitionRefused(
                "Đơn gửi trực tuyến được nhận tại thời điểm gửi; không nhập ngày nhận.",
                "An online petition is received when sent; received_at is for paper.",
            )
        identity = {k: v for k, v in (petitioner or {}).items() if k in IDENTITY_FIELDS and v}
        petition = receive(
            petition_id=petition_id,
            ward=uow.runtime.ward,
            tracking_code=await _unique_code(uow),
            kind=kind,
            channel="online" if online else "paper",
            title=title,
            body=body,
            received_at=received_at or now,
            anonymous=anonymous,
            has_petitioner=bool(identity),
            actor=acting,
            now=now,
            rules=rules,
            petitioner_pseudonym=alias,
            location=location,
            residential_group=residential_group,
            act_date=act_date,
        )
        await PetitionRepository(uow.session).add(
            petition, identity_sealed=sealer.seal(identity) if identity else None
        )
        uow.record(bus.received(petition), aggregate_id=petition.id, sequence=petition.version)
        return petition

    return await audited(
        uow,
        as_petitioner(actor, alias) if online else actor,
        action="petition.submit",
        target=f"petition:{petition_id}",
        work=work,
        refusals=(PetitionRefused,),
    )


async def _change(
    uow: UnitOfWork,
    principal: Principal,
    *,
    petition_id: str,
    action: str,
    change: Callable[[Petition, dt.datetime], Petition],
    event: Callable[[Petition], IntegrationEvent | None],
) -> Petition:
    async def work() -> Petition:
        current = await _load(uow, petition_id)
        after = change(current, uow.runtime.clock.now())
        await PetitionRepository(uow.session).save(after, expected_version=current.version)
        published = event(after)
        if published is not None:
            uow.record(published, aggregate_id=after.id, sequence=after.version)
        return after

    return await audited(
        uow,
        principal,
        action=f"petition.{action}",
        target=f"petition:{petition_id}",
        work=work,
        refusals=(PetitionRefused,),
    )


async def accept_petition(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    petition_id: str,
    complex_reason: str | None = None,
) -> Petition:
    return await _change(
        uow,
        actor,
        petition_id=petition_id,
        action="accept",
        change=lambda p, now: workflow.accept(
            p, actor=staff(actor), now=now, rules=rules, complex_reason=complex_reason
        ),
        event=bus.intake_decided,
    )


async def refuse_petition(
    *, uow: UnitOfWork, actor: Principal, petition_id: str, reason: str
) -> Petition:
    return await _change(
        uow,
        actor,
        petition_id=petition_id,
        action="refuse",
        change=lambda p, now: workflow.refuse(p, actor=staff(actor), now=now, reason=reason),
        event=bus.intake_decided,
    )


async def forward_petition(
    *, uow: UnitOfWork, rules: RuleBook, actor: Principal, petition_id: str, to: str, reason: str
) -> Petition:
    return await _change(
        uow,
        actor,
        petition_id=petition_id,
        action="forward",
        change=lambda p, now: workflow.forward(
            p, actor=staff(actor), now=now, rules=rules, to=to, reason=reason
        ),
        event=bus.intake_decided,
    )


async def assign_petition(
    *, uow: UnitOfWork, actor: Principal, petition_id: str, handler: str
) -> Petition:
    return await _change(
        uow,
        actor,
        petition_id=petition_id,
        action="assign",
        change=lambda p, now: workflow.assign(p, actor=staff(actor), now=now, handler=handler),
        event=bus.assigned,
    )


async def extend_petition(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    petition_id: str,
    reason: str,
    days: int | None = None,
) -> Petition:
    # No contract carries an extension by itself; the new clock rides on the next event.
    return await _change(
        uow,
        actor,
        petition_id=petition_id,
        action="extend",
        change=lambda p, now: workflow.extend(
            p, actor=staff(actor), now=now, rules=rules, reason=reason, days=days
        ),
        event=lambda p: None,
    )


async def answer_petition(
    *,
    uow: UnitOfWork,
    actor: Principal,
    petition_id: str,
    text: str,
    public_interest: bool = False,
    public_title: str | None = None,
) -> Petition:
    return await _change(
        uow,
        actor,
        petition_id=petition_id,
        action="answer",
        change=lambda p, now: workflow.answer(
            p,
            actor=staff(actor),
            now=now,
            text=text,
            public_interest=public_interest,
            public_title=public_title,
        ),
        event=bus.answered,
    )


async def close_petition(*, uow: UnitOfWork, actor: Principal, petition_id: str) -> Petition:
    return await _change(
        uow,
        actor,
        petition_id=petition_id,
        action="close",
        change=lambda p, now: workflow.close(p, actor=staff(actor), now=now),
        event=bus.closed,
    )


async def escalate_petition(
    *,
    uow: UnitOfWork,
    actor: Principal,
    petition_id: str,
    tracking_code: str,
    reason: str | None = None,
) -> Petition:
    """PET-ESC by the citizen holding the tracking code; recorded under the petitioner's
    pseudonym, once per petition and rule (the escalations row guards it)."""

    async def work() -> Petition:
        current = await _load(uow, petition_id)
        now = uow.runtime.clock.now()
        after, rule = workflow.escalate_by_citizen(
            current, tracking_code=normalise(tracking_code), now=now, reason=reason
        )
        repository = PetitionRepository(uow.session)
        await repository.save(after, expected_version=current.version)
        await repository.add_escalation(after.id, rule=rule, by="citizen", at=now)
        uow.record(
            bus.escalated(after, rule=rule, by="citizen"),
            aggregate_id=after.id,
            sequence=after.version,
        )
        return after

    # The code holder acts as the petitioner (their alias, never their account, which would
    # link an anonymous report to it); a wrong code is audited under the caller's pseudonym.
    known = await PetitionRepository(uow.session).get(petition_id)
    if known is None:
        raise PetitionNotFound(petition_id)
    holder = secrets.compare_digest(normalise(tracking_code).encode(), known.tracking_code.encode())
    alias = (
        known.petitioner_pseudonym
        if holder and known.petitioner_pseudonym
        else petitioner_pseudonym(uow, actor.sub)
    )
    return await audited(
        uow,
        as_petitioner(actor, alias),
        action="petition.escalate",
        target=f"petition:{petition_id}",
        work=work,
        refusals=(PetitionRefused,),
    )
