"""Domain petitions and reception sessions → the published integration events (contracts/).

Event-carried state is the public part only: kind, status, dates, clocks and rule ids. No
identity, no pseudonym, and no free text (title, body, location, reasons, answers), except
the public title and answer of feedback the handler marked of public interest (DEN-SECRET,
DESIGN §3).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from qcdc_petitions.contracts import (
    PetitionAcceptedV1,
    PetitionAnsweredV1,
    PetitionAssignedV2,
    PetitionClosedV1,
    PetitionDeadlineV1,
    PetitionDecisionPublishedV1,
    PetitionDenouncerNotifiedV1,
    PetitionEscalatedV1,
    PetitionForwardedV1,
    PetitionOverdueV1,
    PetitionReceivedV1,
    PetitionRefusedV1,
    PetitionResumedV1,
    PetitionSuspendedV1,
    PetitionWithdrawnV1,
    ReceptionHeldV1,
    ReceptionScheduledV1,
)
from qcdc_petitions.domain.complaint_steps import posted_until
from qcdc_petitions.domain.petition import Petition
from qcdc_petitions.domain.reception import Reception
from qcdc_shared.envelope import IntegrationEvent


def _state(petition: Petition) -> dict[str, Any]:
    return {
        "petition_id": petition.id,
        "ward": petition.ward,
        "kind": petition.kind,
        "status": petition.status,
        "received_on": petition.received_on,
        "residential_group": petition.residential_group,
        "channel": petition.channel,
        "deadlines": [
            PetitionDeadlineV1(
                rule=d.rule,
                due=d.deadline.due,
                due_at=d.due_at,
                table_version=d.deadline.table_version,
                met=d.met,
            )
            for d in petition.deadlines
        ],
        "flags": list(petition.flags),
        "version": petition.version,
    }


def received(petition: Petition) -> IntegrationEvent:
    return PetitionReceivedV1(**_state(petition))


def accepted(petition: Petition) -> list[IntegrationEvent]:
    return [PetitionAcceptedV1(**_state(petition), accepted=True)]


def refused(petition: Petition) -> list[IntegrationEvent]:
    """Its own event; and, until 2027-06-30, the deprecated ``accepted: false`` beside it."""
    return [
        PetitionRefusedV1(**_state(petition)),
        PetitionAcceptedV1(**_state(petition), accepted=False),
    ]


def forwarded(petition: Petition) -> list[IntegrationEvent]:
    """Its own event; and, until 2027-06-30, the deprecated ``accepted: false`` beside it."""
    return [
        PetitionForwardedV1(**_state(petition)),
        PetitionAcceptedV1(**_state(petition), accepted=False),
    ]


def assigned(petition: Petition) -> IntegrationEvent:
    """The handler's role, never their account (v1 named it; retired, decision 0013)."""
    assert petition.handler is not None
    return PetitionAssignedV2(**_state(petition), handler_role="officer")


def answered(petition: Petition) -> IntegrationEvent:
    answer = petition.answer
    assert answer is not None and petition.kind != "lead"
    public = petition.kind == "feedback" and answer.public_interest
    return PetitionAnsweredV1(
        petition_id=petition.id,
        ward=petition.ward,
        kind=petition.kind,
        answered_at=answer.answered_at,
        received_on=petition.received_on,
        public_interest=answer.public_interest,
        public_title=answer.public_title if public else None,
        public_answer=answer.text if public else None,
        on_time=answer.on_time,
        version=petition.version,
        status=petition.status,
        deadlines=_state(petition)["deadlines"],
    )


def overdue(petition: Petition, *, rule: str, due_at: dt.datetime) -> IntegrationEvent:
    return PetitionOverdueV1(**_state(petition), rule=rule, due_at=due_at)


def escalated(
    petition: Petition, *, rule: str, by: Literal["sweeper", "citizen"]
) -> IntegrationEvent:
    return PetitionEscalatedV1(**_state(petition), rule=rule, by=by)


def closed(petition: Petition) -> IntegrationEvent:
    return PetitionClosedV1(**_state(petition))


def denouncer_notified(petition: Petition) -> IntegrationEvent:
    """DEN-INTAKE.notice settled: whether in time, never who was told."""
    notice = petition.deadline("DEN-INTAKE.notice")
    assert notice is not None and notice.met is not None
    return PetitionDenouncerNotifiedV1(**_state(petition), on_time=notice.met)


def suspended(petition: Petition) -> IntegrationEvent:
    return PetitionSuspendedV1(**_state(petition))


def resumed(petition: Petition) -> IntegrationEvent:
    return PetitionResumedV1(**_state(petition))


def withdrawn(petition: Petition) -> IntegrationEvent:
    return PetitionWithdrawnV1(**_state(petition), whole=petition.status == "withdrawn")


def decision_published(petition: Petition) -> IntegrationEvent:
    """The form and timeliness of a complaint decision's publication; no text, no identity."""
    entry = petition.history[-1]
    assert entry.action == "decision_published"
    return PetitionDecisionPublishedV1(
        **_state(petition),
        form=entry.detail["form"],
        on_time=bool(entry.detail["on_time"]),
        posted_until=posted_until(petition),
    )


def reception_scheduled(reception: Reception) -> ReceptionScheduledV1:
    return ReceptionScheduledV1(
        reception_id=reception.id,
        ward=reception.ward,
        host=reception.host,
        session_on=reception.session_on,
        form=reception.form,
        posted_on=reception.posted_on,
        on_time=reception.on_time,
        version=reception.version,
    )


def reception_held(reception: Reception, *, entries: int) -> ReceptionHeldV1:
    assert reception.status != "scheduled"
    return ReceptionHeldV1(
        reception_id=reception.id,
        ward=reception.ward,
        host=reception.host,
        session_on=reception.session_on,
        form=reception.form,
        held=reception.status == "held",
        entries=entries,
        version=reception.version,
    )
