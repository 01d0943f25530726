"""Domain state → the published integration events (contracts/). Counts and dates only:
never a household's identity or vote, never a resident's name."""

from __future__ import annotations

from typing import Any

from qcdc_plans.contracts import (
    DecisionClosedV1,
    DecisionOpenedV1,
    DecisionRecognisedV1,
    GroupRegisteredV1,
    GroupUpdatedV1,
)
from qcdc_plans.domain.decision import Decision
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_shared.deadlines import local_date
from qcdc_shared.envelope import IntegrationEvent

# The contract's names for the forms, published before this service's API chose shorter ones.
CONTRACT_FORMS = {"meeting": "meeting", "ballot": "household_ballot", "online": "online_vote"}


def group_changed(ward: str, group: ResidentialGroup) -> IntegrationEvent:
    event = GroupRegisteredV1 if group.version == 1 else GroupUpdatedV1
    return event(
        ward=ward,
        code=group.code,
        name=group.name,
        households=group.households,
        online_optin=group.online_optin,
        effective_on=group.effective_on,
        version=group.version,
    )


def _decision(decision: Decision) -> dict[str, Any]:
    return {
        "decision_id": decision.id,
        "ward": decision.ward,
        "topic": decision.topic,
        "title": decision.title,
        "residential_group": decision.residential_group,
        "form": CONTRACT_FORMS[decision.form],
        "households_total": decision.households_total,
        "version": decision.version,
    }


def decision_opened(decision: Decision) -> IntegrationEvent:
    return DecisionOpenedV1(
        **_decision(decision),
        notice_at=decision.notice_at,
        vote_at=decision.vote_at,
        rules=list(decision.rules_checked),
    )


def decision_closed(decision: Decision) -> IntegrationEvent:
    result = decision.result
    assert result is not None
    return DecisionClosedV1(
        **_decision(decision),
        counted=result.counted,
        yes=result.tally.yes,
        no=result.tally.no,
        abstain=result.tally.abstain,
        present=result.tally.present,
        threshold=result.threshold,
        share=result.share,
        comparison=result.comparison,
        rule=result.rule,
        table_version=result.table_version,
        passed=result.passed,
        decided_on=result.decided_on,
        closed_at=result.closed_at,
        record_due=result.record_due.due,
    )


def decision_recognised(decision: Decision) -> IntegrationEvent:
    result, recognition = decision.result, decision.recognition
    assert result is not None and recognition is not None
    return DecisionRecognisedV1(
        **_decision(decision),
        households_for=result.tally.yes,
        households_against=result.tally.no,
        passed=result.passed,
        recognition=recognition.outcome,
        decided_on=result.decided_on,
        recognised_on=local_date(recognition.at),
        refusal_reason=recognition.reason,
    )
