"""Domain state → the published integration events (contracts/): ids, counts, group numbers
and dates, and the short titles the contracts carry. Never a household's identity or vote,
never a resident's name, never a conference's minutes or who attended."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from qcdc_plans.contracts import (
    ConferenceHeldV1,
    DecisionClosedV1,
    DecisionOpenedV1,
    DecisionRecognisedV1,
    GroupRegisteredV1,
    GroupUpdatedV1,
    PlanAdoptedV1,
    PlanAmendedV1,
    TaskAssignedV1,
    TaskCompletedV1,
    TaskGroupV1,
    TaskOverdueV1,
    TaskProgressedV1,
)
from qcdc_plans.domain.conference import Conference
from qcdc_plans.domain.decision import Decision
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.domain.plan import Plan, Task, live_tasks
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.law.deadlines import local_date

# The contract's names for the forms, published before this service's API chose shorter ones.
CONTRACT_FORMS = {"meeting": "meeting", "ballot": "household_ballot", "online": "online_vote"}


def group_changed(ward: str, group: ResidentialGroup) -> IntegrationEvent:
    event = GroupRegisteredV1 if group.version == 1 else GroupUpdatedV1
    return event(ward=ward, **vars(group))  # the register's figures, all of them public


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


# --- the annual plan and its tasks ----------------------------------------------------


def _edition(plan: Plan, tasks: Sequence[Task], at: dt.datetime) -> dict[str, Any]:
    live = live_tasks(tasks)
    return {
        "plan_id": plan.id,
        "ward": plan.ward,
        "year": plan.year,
        "edition": plan.edition,
        "task_groups": [
            TaskGroupV1(
                number=group.number,
                title=group.title,
                tasks=sum(1 for task in live if task.task_group == group.number),
            )
            for group in plan.task_groups
        ],
        "tasks_total": len(live),
        "adopted_at": at,
        "version": plan.version,
    }


def plan_adopted(plan: Plan, tasks: Sequence[Task], *, at: dt.datetime) -> PlanAdoptedV1:
    return PlanAdoptedV1(**_edition(plan, tasks, at))


def plan_amended(
    plan: Plan, tasks: Sequence[Task], *, at: dt.datetime, reason: str
) -> PlanAmendedV1:
    return PlanAmendedV1(**_edition(plan, tasks, at), reason=reason)


def _task(plan: Plan, task: Task) -> dict[str, Any]:
    return {
        "task_id": task.id,
        "plan_id": plan.id,
        "ward": plan.ward,
        "year": plan.year,
        "task_group": task.task_group,
        "owner": task.owner,
        "due_on": task.due_on,
        "percent": task.percent,
        "version": task.version,
    }


def task_assigned(plan: Plan, task: Task) -> TaskAssignedV1:
    return TaskAssignedV1(**_task(plan, task), title=task.title, start_on=task.start_on)


def task_progressed(plan: Plan, task: Task, *, at: dt.datetime) -> TaskProgressedV1:
    return TaskProgressedV1(**_task(plan, task), reported_at=at, overdue=at > task.due_at)


def task_completed(plan: Plan, task: Task) -> TaskCompletedV1:
    assert task.completed_at is not None and task.on_time is not None
    return TaskCompletedV1(
        **_task(plan, task), completed_at=task.completed_at, on_time=task.on_time
    )


def task_overdue(plan: Plan, task: Task) -> TaskOverdueV1:
    return TaskOverdueV1(**_task(plan, task), due_at=task.due_at)


# --- conferences (OVS-YEAR counts them) ----------------------------------------------


def conference_held(conference: Conference) -> ConferenceHeldV1:
    if conference.status != "held" or conference.attendees is None:
        raise ValueError(f"conference {conference.id} is not recorded as held")
    return ConferenceHeldV1(
        conference_id=conference.id,
        ward=conference.ward,
        kind=conference.kind,
        title=conference.title,
        residential_group=conference.residential_group,
        year=conference.year,
        held_on=conference.held_on,
        notice_on=conference.notice_on,
        notice_rule=conference.notice_rule,
        attendees=conference.attendees,
        version=conference.version,
    )
