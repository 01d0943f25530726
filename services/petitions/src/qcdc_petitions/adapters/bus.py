"""Domain petitions → the published integration events (contracts/).

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
    PetitionAssignedV1,
    PetitionClosedV1,
    PetitionDeadlineV1,
    PetitionEscalatedV1,
    PetitionOverdueV1,
    PetitionReceivedV1,
)
from qcdc_petitions.domain.petition import Petition
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


def intake_decided(petition: Petition) -> IntegrationEvent:
    """Accepted (taken in), or not: refused, or forwarded outside the ward's competence."""
    return PetitionAcceptedV1(**_state(petition), accepted=petition.accepted_at is not None)


def assigned(petition: Petition) -> IntegrationEvent:
    assert petition.handler is not None
    return PetitionAssignedV1(**_state(petition), handler=petition.handler)


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
    )


def overdue(petition: Petition, *, rule: str, due_at: dt.datetime) -> IntegrationEvent:
    return PetitionOverdueV1(**_state(petition), rule=rule, due_at=due_at)


def escalated(
    petition: Petition, *, rule: str, by: Literal["sweeper", "citizen"]
) -> IntegrationEvent:
    return PetitionEscalatedV1(**_state(petition), rule=rule, by=by)


def closed(petition: Petition) -> IntegrationEvent:
    return PetitionClosedV1(**_state(petition))
