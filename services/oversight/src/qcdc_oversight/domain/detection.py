"""Violation detection (OVS-DETECT): small functions, one per rule, from a fact another
service published to the observations it proves.

An observation says an obligation was met or broken for a subject (a posting, a petition...).
A broken one becomes a violation. Functions read only the event-carried state, so a fact
evaluates the same whenever it arrives: that, and keeping a subject's worst observation per
rule (``merge``), is what makes detection order-tolerant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from qcdc_shared.law.deadlines import local_date, start_of_day
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import UnknownRule


@dataclass(frozen=True)
class Fact:
    """One event as published: its envelope id, type, time and data."""

    id: str
    type: str
    time: dt.datetime
    data: Mapping[str, Any]

    @property
    def name(self) -> str:
        """``publicity.posting.withdrawn`` for ``vn.qcdc.publicity.posting.withdrawn.v1``."""
        return ".".join(self.type.split(".")[2:5])


@dataclass(frozen=True)
class Observation:
    rule: str
    subject_kind: str
    subject_id: str
    met: bool
    occurred_at: dt.datetime
    evidence: str  # the id of the event that shows it


Detector = Callable[[Fact, RuleBook], list[Observation]]


def _at(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _deadline(data: Mapping[str, Any], rule: str) -> Mapping[str, Any] | None:
    return next((d for d in data.get("deadlines", []) if d.get("rule") == rule), None)


# --- publicity --------------------------------------------------------------------------

POSTING_EVENTS = (
    "publicity.posting.published",
    "publicity.posting.amended",
    "publicity.posting.withdrawn",
    "publicity.posting.expired",
)


# By when a posting was due: PUB-DUE from the decision it discloses, or, for the quarterly
# list the platform posts itself, PUB-QTR.due from the quarter's last day. Each posting is
# judged by the rule its event carries, never by PUB-DUE alone.
PUBLICATION_RULES = ("PUB-DUE", "PUB-QTR.due")
GROUP_HEADS = "PUB-LOUD.group-heads"


def check_pub_due(fact: Fact, rules: RuleBook) -> list[Observation]:
    """PUB-DUE (and PUB-QTR.due): a posting published after its own due day is late."""
    published = _at(fact.data["published_at"])
    broken = fact.data.get("violations", [])
    observations = []
    for rule_id in PUBLICATION_RULES:
        due = _deadline(fact.data, rule_id)
        if due is None:
            continue
        met = published <= _at(due["due_at"]) and rule_id.partition(".")[0] not in broken
        posting = fact.data["posting_id"]
        observations.append(Observation(rule_id, "posting", posting, met, published, fact.id))
    return observations


def check_pub_loud_group_heads(fact: Fact, rules: RuleBook) -> list[Observation]:
    """PUB-LOUD.group-heads: a loudspeaker item sent to the group heads within its PUB-LOUD
    period; one sent later, or flagged by publicity as never sent by then, is broken. An
    event from before publicity recorded the sending carries neither and proves nothing."""
    period = _deadline(fact.data, "PUB-LOUD")
    if period is None:
        return []
    posting, due = fact.data["posting_id"], _at(period["due_at"])
    sent = fact.data.get("group_heads_sent_at")
    if sent:
        sent_at = _at(sent)
        return [Observation(GROUP_HEADS, "posting", posting, sent_at <= due, sent_at, fact.id)]
    if "PUB-LOUD" in fact.data.get("violations", []):
        return [Observation(GROUP_HEADS, "posting", posting, False, due, fact.id)]
    return []


def check_pub_min30(fact: Fact, rules: RuleBook) -> list[Observation]:
    """PUB-MIN30: a posting withdrawn before its minimum period ended; expiry proves it held."""
    minimum = _deadline(fact.data, "PUB-MIN30")
    if minimum is None:  # permanent postings (PUB-PERM) have no minimum period
        return []
    posting = fact.data["posting_id"]
    if fact.name == "publicity.posting.withdrawn":
        withdrawn = _at(fact.data["withdrawn_at"])
        met = withdrawn >= _at(minimum["due_at"])
        return [Observation("PUB-MIN30", "posting", posting, met, withdrawn, fact.id)]
    if fact.name == "publicity.posting.expired":
        expired = _at(fact.data["expired_at"])
        return [Observation("PUB-MIN30", "posting", posting, True, expired, fact.id)]
    return []


# --- petitions --------------------------------------------------------------------------

PETITION_EVENTS = (
    "petitions.petition.received",
    "petitions.petition.accepted",
    "petitions.petition.refused",
    "petitions.petition.forwarded",
    "petitions.petition.assigned",
    "petitions.petition.answered",
    "petitions.petition.overdue",
    "petitions.petition.escalated",
    "petitions.petition.closed",
)


def check_petition_clocks(fact: Fact, rules: RuleBook) -> list[Observation]:
    """CMP-*, DEN-*, INF-*, FB-FWD, REC-REPLY: every petition deadline the petitions service
    computed, met or missed; ``petition.overdue`` names the one that just passed."""
    petition = fact.data["petition_id"]
    found = []
    # petition.answered carries its deadlines since 2026-12; an older one carries none.
    for deadline in fact.data.get("deadlines") or []:
        if deadline.get("met") is not None:
            found.append(
                Observation(
                    deadline["rule"],
                    "petition",
                    petition,
                    bool(deadline["met"]),
                    _at(deadline["due_at"]),
                    fact.id,
                )
            )
    if fact.name == "petitions.petition.overdue":
        found.append(
            Observation(
                fact.data["rule"], "petition", petition, False, _at(fact.data["due_at"]), fact.id
            )
        )
    return found


def check_rec_week_schedule(fact: Fact, rules: RuleBook) -> list[Observation]:
    """REC-WEEK.schedule: the reception schedule posted the rule's working days ahead."""
    posted = start_of_day(dt.date.fromisoformat(str(fact.data["posted_on"])))
    return [
        Observation(
            "REC-WEEK.schedule",
            "reception",
            fact.data["reception_id"],
            bool(fact.data["on_time"]),
            posted,
            fact.id,
        )
    ]


# --- plans ------------------------------------------------------------------------------


def check_task_due(fact: Fact, rules: RuleBook) -> list[Observation]:
    """OVS-DETECT.task: a task of the adopted plan done by its due day, or overdue."""
    task = fact.data["task_id"]
    if fact.name == "plans.task.overdue":
        due = _at(fact.data["due_at"])
        return [Observation("OVS-DETECT.task", "task", task, False, due, fact.id)]
    completed = _at(fact.data["completed_at"])
    met = bool(fact.data["on_time"])
    return [Observation("OVS-DETECT.task", "task", task, met, completed, fact.id)]


def check_dec_pass(fact: Fact, rules: RuleBook) -> list[Observation]:
    """DEC-PASS: re-counts a closed decision over ALL registered households; a decision
    declared passed with fewer yes votes than the rule in force needs is a violation."""
    data = fact.data
    decided_on = dt.date.fromisoformat(str(data["decided_on"]))
    rule = rules.row_covering("DEC-PASS", to=data["topic"], on=decided_on)
    if rule is None:
        return []
    needed = rule.households_needed(int(data["households_total"]))
    met = not data["passed"] or int(data["yes"]) >= needed
    closed = _at(data["closed_at"])
    return [Observation(rule.id, "decision", data["decision_id"], met, closed, fact.id)]


def check_dec_form(fact: Fact, rules: RuleBook) -> list[Observation]:
    """DEC-FORM: an online vote only for the topics the rule names."""
    data = fact.data
    if data["form"] != "online_vote":
        return []
    try:
        online = rules.rule("DEC-FORM", local_date(_at(data["vote_at"])))
    except UnknownRule:  # a vote before the decree that provides online voting
        return [Observation("DEC-FORM", "decision", data["decision_id"], False, fact.time, fact.id)]
    met = data["topic"] in online.applies_to
    return [Observation(online.id, "decision", data["decision_id"], met, fact.time, fact.id)]


# --- oversight's own clocks -------------------------------------------------------------


def check_ovs_answer(fact: Fact, rules: RuleBook) -> list[Observation]:
    """OVS-ANSWER: a board recommendation answered within its period, or overdue."""
    data = fact.data
    if fact.name == "oversight.recommendation.overdue":
        met, at = False, _at(data["due_at"])
    else:
        met, at = bool(data["on_time"]), _at(data["answered_at"])
    return [
        Observation("OVS-ANSWER", "recommendation", data["recommendation_id"], met, at, fact.id)
    ]


DETECTORS: dict[str, tuple[Detector, ...]] = {
    **{
        name: (check_pub_due, check_pub_min30, check_pub_loud_group_heads)
        for name in POSTING_EVENTS
    },
    **{name: (check_petition_clocks,) for name in PETITION_EVENTS},
    "petitions.reception.scheduled": (check_rec_week_schedule,),
    "plans.task.overdue": (check_task_due,),
    "plans.task.completed": (check_task_due,),
    "plans.decision.opened": (check_dec_form,),
    "plans.decision.closed": (check_dec_pass,),
    "oversight.recommendation.answered": (check_ovs_answer,),
    "oversight.recommendation.overdue": (check_ovs_answer,),
}


def observe(fact: Fact, rules: RuleBook) -> list[Observation]:
    """Every observation ``fact`` proves; an event no rule reads proves nothing."""
    return [found for detector in DETECTORS.get(fact.name, ()) for found in detector(fact, rules)]


def merge(met_before: bool | None, met_now: bool) -> bool:
    """A subject's standing for one rule: once broken, later facts cannot unbreak it (a late
    answer does not undo an overdue one), whatever order the facts arrive in."""
    return met_now if met_before is None else met_before and met_now


@dataclass(frozen=True)
class Check:
    """One obligation evaluated for one subject, keyed by (rule, subject kind, subject id):
    every event that showed it (``evidence``) and its standing (``met``, see :func:`merge`)."""

    rule: str
    subject_kind: str
    subject_id: str
    met: bool
    evidence: tuple[str, ...]  # ids of the events that show it, first seen first
    occurred_at: dt.datetime  # when it was met, or when it first broke
    first_seen_at: dt.datetime


def judge(check: Check | None, found: Observation, *, now: dt.datetime) -> Check:
    """The check once ``found`` is counted: the same event twice changes nothing."""
    if check is None:
        return Check(
            rule=found.rule,
            subject_kind=found.subject_kind,
            subject_id=found.subject_id,
            met=found.met,
            evidence=(found.evidence,),
            occurred_at=found.occurred_at,
            first_seen_at=now,
        )
    evidence = check.evidence
    if found.evidence not in evidence:
        evidence = (*evidence, found.evidence)
    breaks_now = check.met and not found.met
    return replace(
        check,
        met=merge(check.met, found.met),
        evidence=evidence,
        occurred_at=found.occurred_at if breaks_now else check.occurred_at,
    )


def reveals(check: Check | None, found: Observation) -> bool:
    """Whether ``found`` reveals a violation not known before: broken, where the check was
    unseen or met until now (a check once broken already has its violation)."""
    return not found.met and (check is None or check.met)
