"""What the city keeps of each ward's aggregates: a few public fields per posting, petition,
task, decision, recommendation, violation and escalation, read from the events' carried state.

Each field remembers the ``sequence`` (the aggregate's version) of the event that set it, and
an event only overwrites a field it carries when it is newer. So applying the same events in
any order, once or twice, gives the same fact: the consumer applies events one by one as they
arrive, an as-of query folds the log up to a time, and a rebuild folds it all — one function
serves the three, and their numbers agree by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Fields = dict[str, Any]


@dataclass(frozen=True)
class Change:
    """What one event says about one aggregate."""

    ward: str
    kind: str
    subject: str
    sequence: int
    time: dt.datetime  # when the ward recorded it (the envelope's time)
    fields: Fields


@dataclass
class Fact:
    ward: str
    kind: str
    subject: str
    fields: Fields = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    first_seen: dt.datetime | None = None  # the earliest event time: when the city could know

    def apply(self, change: Change) -> bool:
        """Merge a change field by field, newest sequence wins; True if anything changed."""
        changed = False
        for name, value in change.fields.items():
            if change.sequence > self.versions.get(name, 0):
                self.fields[name] = value
                self.versions[name] = change.sequence
                changed = True
        if self.first_seen is None or change.time < self.first_seen:
            self.first_seen = change.time
            changed = True
        return changed


def _carried(data: Mapping[str, Any], *names: str) -> Fields:
    """The fields of the same names in the event's carried state (None when it has none)."""
    return {name: data.get(name) for name in names}


def _violations(data: Mapping[str, Any]) -> list[str]:
    return [str(v) for v in data.get("violations") or []]


def _posting(name: str, data: Mapping[str, Any]) -> Fields:
    found: Fields = {
        **_carried(data, "status", "category", "title", "decided_on", "published_at"),
        # By its own due day: PUB-DUE, or PUB-QTR for the quarterly list the ward posts.
        "pub_due_met": not {"PUB-DUE", "PUB-QTR"} & set(_violations(data)),
    }
    if name == "withdrawn":
        found["withdrawn_at"] = data.get("withdrawn_at")
        found["withdrawn_early"] = "PUB-MIN30" in _violations(data)
    return found


def _petition(name: str, data: Mapping[str, Any]) -> Fields:
    if name == "answered":
        found: Fields = {
            # The state the event carries; an answered event published before 2026-12 carried
            # none, and the answer always left the petition "answered" then.
            "status": data.get("status") or "answered",
            "answered_at": data.get("answered_at"),
            "answered_on_time": data.get("on_time"),
        }
        if data.get("deadlines") is not None:
            found["deadlines"] = _deadlines(data)
        return found
    return {
        "status": data.get("status"),
        "petition_kind": data.get("kind"),
        "received_on": data.get("received_on"),
        "deadlines": _deadlines(data),
    }


def _deadlines(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {"rule": d["rule"], "due_at": d["due_at"], "met": d.get("met")}
        for d in data.get("deadlines") or []
    ]


def _task(name: str, data: Mapping[str, Any]) -> Fields:
    found = _carried(data, "plan_id", "year", "task_group", "due_on", "percent")
    if name == "completed":
        found |= _carried(data, "completed_at", "on_time")
    if name == "overdue":
        found["overdue_at"] = data.get("due_at")
    return found


def _decision(name: str, data: Mapping[str, Any]) -> Fields:
    found = _carried(data, "topic", "title", "residential_group", "form", "households_total")
    if name == "closed":
        found |= _carried(data, "passed", "yes", "rule", "decided_on", "closed_at")
    if name == "recognised":
        found |= _carried(data, "passed", "decided_on", "recognition", "recognised_on")
    return found


def _recommendation(name: str, data: Mapping[str, Any]) -> Fields:
    # Every event carries the deadline in force: from ``received`` on, the one counted from the
    # committee's receipt (OVS-ANSWER), so the newer event's ``due_at`` replaces the issue's.
    found = _carried(data, "title", "addressed_to", "issued_at", "due_at")
    if name == "received":
        found["received_at"] = data.get("received_at")
    if name == "answered":
        found |= _carried(data, "answered_at", "on_time")
    if name == "overdue":
        found["overdue"] = True
    return found


def _violation(name: str, data: Mapping[str, Any]) -> Fields:
    found: Fields = {
        **_carried(data, "rule", "subject", "occurred_at", "detected_at"),
        "status": "resolved" if name == "resolved" else "open",
    }
    if name == "resolved":
        found["resolved_at"] = data.get("resolved_at")
    return found


def _conference(name: str, data: Mapping[str, Any]) -> Fields:
    return {"conference_kind": data.get("kind"), **_carried(data, "held_on", "year")}


Reader = Callable[[str, Mapping[str, Any]], Fields]
# (service, aggregate) -> the fact kind and how its events read; an event of a kind not here
# is kept in the city's log but makes no fact.
READERS: dict[tuple[str, str], tuple[str, Reader, frozenset[str]]] = {
    ("publicity", "posting"): (
        "posting",
        _posting,
        frozenset({"published", "amended", "withdrawn", "expired"}),
    ),
    ("petitions", "petition"): (
        "petition",
        _petition,
        frozenset(
            {
                "received",
                "accepted",
                "refused",
                "forwarded",
                "assigned",
                "answered",
                "overdue",
                "escalated",
                "closed",
                # A complaint's own steps (CMP-RESOLVE.suspension, .withdrawal, .publish):
                # the same carried state, so its status and clocks stay current.
                "suspended",
                "resumed",
                "withdrawn",
                "decision_published",
                # DEN-INTAKE.notice settled: the denouncer told of the acceptance.
                "denouncer_notified",
            }
        ),
    ),
    ("plans", "task"): (
        "task",
        _task,
        frozenset({"assigned", "progressed", "completed", "overdue"}),
    ),
    ("plans", "decision"): ("decision", _decision, frozenset({"opened", "closed", "recognised"})),
    ("plans", "conference"): ("conference", _conference, frozenset({"held"})),
    ("oversight", "recommendation"): (
        "recommendation",
        _recommendation,
        frozenset({"issued", "received", "answered", "overdue"}),
    ),
    ("oversight", "violation"): ("violation", _violation, frozenset({"detected", "resolved"})),
}


# Events that put an item in the city's queue: a petition escalated (PET-ESC, by the sweeper or
# the citizen) and a board recommendation left unanswered (OVS-ANSWER).
ESCALATIONS: dict[tuple[str, str, str], str] = {
    ("petitions", "petition", "escalated"): "petition",
    ("oversight", "recommendation", "overdue"): "recommendation",
}


# Later versions whose fields the reader reads are those of v1: petition.assigned.v2 only
# replaced the handler's account id with a role (decision 0013), which no fact reads.
LATER_VERSIONS: dict[tuple[str, str, str], frozenset[str]] = {
    ("petitions", "petition", "assigned"): frozenset({"v2"}),
}


# What the facts read of an event (the arguments of :func:`changes`): the log keeps these, with
# the event's id, as its columns.
EVENT_FIELDS = ("ward", "type", "subject", "sequence", "time", "data")

# Accounts that retired versions named (decision 0013). The city's log keeps those events
# without them, so neither /api/events nor a rebuild from QCDC_CITY, whose messages still
# carry them, shows who handled a petition or an escalation.
ACCOUNT_FIELDS: dict[str, frozenset[str]] = {
    "vn.qcdc.petitions.petition.assigned.v1": frozenset({"handler"}),
    **{
        f"vn.qcdc.gateway.escalation.{name}.v1": frozenset({"assignee"})
        for name in ("assigned", "acknowledged", "noted", "resolved")
    },
}


def without_accounts(type: str, data: dict[str, Any]) -> dict[str, Any]:
    """The event's data as the city's log keeps it."""
    dropped = ACCOUNT_FIELDS.get(type)
    return {k: v for k, v in data.items() if k not in dropped} if dropped else data


def changes(
    *, ward: str, type: str, subject: str, sequence: int, time: dt.datetime, data: Mapping[str, Any]
) -> list[Change]:
    """What an event says, as changes to the city's facts (none for an unknown type).

    Version 1 of each event is read, and the later versions in :data:`LATER_VERSIONS`; any
    other version needs its own reader.
    """
    parts = type.split(".")  # vn.qcdc.<service>.<aggregate>.<event>.v<N>
    if len(parts) != 6:
        return []
    service, aggregate, name = parts[2], parts[3], parts[4]
    if parts[5] != "v1" and parts[5] not in LATER_VERSIONS.get((service, aggregate, name), ()):
        return []
    reader = READERS.get((service, aggregate))
    if reader is None or name not in reader[2]:
        return []
    kind, read, _ = reader
    found = [Change(ward, kind, subject, sequence, time, read(name, data))]
    escalated = ESCALATIONS.get((service, aggregate, name))
    if escalated is not None:
        # Each escalation to the city is its own fact: the city queue and its counts read it.
        source, rule = escalated, str(data.get("rule") or "")
        found.append(
            Change(
                ward,
                "escalation",
                f"{source}/{subject}/{rule}",
                1,
                time,
                {
                    "source": source,
                    "source_id": subject,
                    "rule": rule,
                    "petition_kind": data.get("kind"),
                    "due_at": data.get("due_at"),
                    "at": time.isoformat(),
                },
            )
        )
    return found


def fold(events: Iterable[Change]) -> dict[tuple[str, str, str], Fact]:
    """Every fact the changes make, whatever their order."""
    facts: dict[tuple[str, str, str], Fact] = {}
    for change in events:
        key = (change.ward, change.kind, change.subject)
        fact = facts.get(key)
        if fact is None:
            fact = facts[key] = Fact(change.ward, change.kind, change.subject)
        fact.apply(change)
    return facts
