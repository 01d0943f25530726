"""The complaint commands of domain/complaint_steps.py: suspend and resume the resolution,
record a withdrawal, record the publication of the decision. Each loads, asks the domain,
saves, and records its event, through the same ``change_petition`` as the other petition
commands."""

from __future__ import annotations

import datetime as dt

from qcdc_petitions.adapters import bus
from qcdc_petitions.domain import complaint_steps
from qcdc_petitions.domain.complaint_steps import PublicationForm
from qcdc_petitions.domain.petition import Actor, Petition
from qcdc_petitions.handlers.petitions import change_petition
from qcdc_petitions.unit_of_work import PetitionsUnitOfWork
from qcdc_shared.law.rulebook import RuleBook


async def suspend_complaint(
    *, uow: PetitionsUnitOfWork, rules: RuleBook, by: Actor, petition_id: str, reason: str
) -> Petition:
    def suspend(petition: Petition, now: dt.datetime) -> Petition:
        return complaint_steps.suspend(petition, actor=by, now=now, rules=rules, reason=reason)

    return await change_petition(
        uow, petition_id, suspend, lambda petition: [bus.suspended(petition)]
    )


async def resume_complaint(
    *, uow: PetitionsUnitOfWork, rules: RuleBook, by: Actor, petition_id: str
) -> Petition:
    def resume(petition: Petition, now: dt.datetime) -> Petition:
        return complaint_steps.resume(petition, actor=by, now=now, rules=rules)

    return await change_petition(uow, petition_id, resume, lambda petition: [bus.resumed(petition)])


async def withdraw_complaint(
    *,
    uow: PetitionsUnitOfWork,
    rules: RuleBook,
    by: Actor,
    petition_id: str,
    whole: bool,
    request_on: dt.date,
    part: str | None = None,
) -> Petition:
    def withdraw(petition: Petition, now: dt.datetime) -> Petition:
        return complaint_steps.withdraw(
            petition,
            actor=by,
            now=now,
            rules=rules,
            whole=whole,
            request_on=request_on,
            part=part,
        )

    return await change_petition(
        uow, petition_id, withdraw, lambda petition: [bus.withdrawn(petition)]
    )


async def publish_complaint_decision(
    *,
    uow: PetitionsUnitOfWork,
    rules: RuleBook,
    by: Actor,
    petition_id: str,
    form: PublicationForm,
    published_at: dt.datetime | None = None,
) -> Petition:
    """CMP-RESOLVE.publish: the decision was published (now, or at ``published_at`` when
    recorded afterwards)."""

    def publish(petition: Petition, now: dt.datetime) -> Petition:
        return complaint_steps.publish_decision(
            petition, actor=by, now=now, rules=rules, form=form, published_at=published_at
        )

    return await change_petition(
        uow, petition_id, publish, lambda petition: [bus.decision_published(petition)]
    )
