"""The city's queue of escalated items (PET-ESC petitions, OVS-ANSWER recommendations) and
what a city monitor may do with each: open → acknowledged → assigned → resolved.

An item exists as soon as its escalation fact does; until the city first acts on it, it is
"open" at version 0 and nothing about it is stored beyond the fact. Its id is derived from the
ward and the fact's subject, so a rebuild of the facts from the stream finds the same items.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, Literal, cast

from qcdc_shared.refusals import NotPermitted, Refused

Status = Literal["open", "acknowledged", "assigned", "resolved"]
Action = Literal["acknowledge", "assign", "note", "resolve"]
Kind = Literal["petition", "recommendation"]

STATUS_VI: Final[dict[str, str]] = {
    "open": "mới chuyển lên",
    "acknowledged": "đã tiếp nhận",
    "assigned": "đã giao xử lý",
    "resolved": "đã giải quyết",
}

# From which statuses each action may be taken. Assigning implies taking the item on, so it
# may skip "acknowledged"; resolving may not skip both, so the time an item waited before
# anyone in the city took it on is always recorded. A note changes no status and is welcome
# even after resolution (a late reply from the ward belongs with the item).
ALLOWED: Final[dict[Action, frozenset[Status]]] = {
    "acknowledge": frozenset({"open"}),
    "assign": frozenset({"open", "acknowledged", "assigned"}),
    "note": frozenset({"open", "acknowledged", "assigned", "resolved"}),
    "resolve": frozenset({"acknowledged", "assigned"}),
}
_ACTION_VI: Final[dict[Action, str]] = {
    "acknowledge": "tiếp nhận",
    "assign": "giao xử lý",
    "note": "ghi chú",
    "resolve": "kết thúc",
}

_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "urn:qcdc:city:escalations")
# Who works the city's queue: its monitors, and an admin (as ``requires("city_monitor")``).
ACTING_ROLES: Final = frozenset({"city_monitor", "admin"})


class QueueRefused(Refused):
    """The item's current status does not allow what was asked (HTTP 409)."""


def escalation_id(ward: str, subject: str) -> str:
    """The item's id: stable for one ward's escalation fact, whatever the city holds."""
    return str(uuid.uuid5(_NAMESPACE, f"{ward}/{subject}"))


@dataclass(frozen=True)
class Escalation:
    """One item of the city's queue: the ward's escalation and the city's handling of it."""

    id: str
    ward: str
    subject: str  # the fact's: "<kind>/<source id>/<rule>"
    kind: Kind
    source_id: str  # the petition's or recommendation's id in its ward
    rule: str
    since: dt.datetime  # when the ward escalated it
    due_at: dt.datetime | None = None  # the deadline that passed, as the ward computed it
    petition_kind: str | None = None
    status: Status = "open"
    assignee: str | None = None
    version: int = 0  # 0: the city has not acted on it yet
    acknowledged_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    resolution: str | None = None
    notes: int = 0


@dataclass(frozen=True)
class Note:
    """Free text a city monitor added; kept in the city's database, never in an event."""

    author: str  # the city account
    text: str
    at: dt.datetime


def _instant(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else None


def from_fact(ward: str, subject: str, fields: Mapping[str, Any], since: dt.datetime) -> Escalation:
    """A ward's escalation fact (domain/facts.py) as an item the city has not acted on yet."""
    kind = cast(Kind, fields.get("source") or subject.split("/", 1)[0])
    return Escalation(
        id=escalation_id(ward, subject),
        ward=ward,
        subject=subject,
        kind=kind,
        source_id=str(fields.get("source_id") or ""),
        rule=str(fields.get("rule") or ""),
        since=since,
        due_at=_instant(fields.get("due_at")),
        petition_kind=fields.get("petition_kind") if kind == "petition" else None,
    )


def may_act(role: str, action: Action) -> None:
    """The queue is the city's work list: only a city monitor (or an admin) acts on it."""
    if role not in ACTING_ROLES:
        raise NotPermitted(
            f"Vai trò {role} không được {_ACTION_VI[action]} mục trong hàng đợi của thành phố.",
            f"The role {role} may not {action} an item of the city's queue.",
        )


def _allow(item: Escalation, action: Action) -> None:
    if item.status not in ALLOWED[action]:
        raise QueueRefused(
            f"Không thể {_ACTION_VI[action]} mục {item.id}: mục đang ở trạng thái "
            f"“{STATUS_VI[item.status]}”.",
            f"Cannot {action} escalation {item.id}: it is {item.status}.",
            conflict=True,
        )


def _next(item: Escalation, **changes: Any) -> Escalation:
    return replace(item, version=item.version + 1, **changes)


def acknowledge(item: Escalation, *, at: dt.datetime) -> Escalation:
    _allow(item, "acknowledge")
    return _next(item, status="acknowledged", acknowledged_at=at)


def assign(item: Escalation, *, assignee: str, at: dt.datetime) -> Escalation:
    _allow(item, "assign")
    if item.status == "assigned" and item.assignee == assignee:
        raise QueueRefused(
            f"Mục {item.id} đã được giao cho {assignee}.",
            f"Escalation {item.id} is already assigned to {assignee}.",
            conflict=True,
        )
    return _next(
        item,
        status="assigned",
        assignee=assignee,
        acknowledged_at=item.acknowledged_at or at,
    )


def add_note(item: Escalation) -> Escalation:
    """Count a note; its text is the caller's to keep (it never leaves the city database)."""
    _allow(item, "note")
    return _next(item, notes=item.notes + 1)


def resolve(item: Escalation, *, resolution: str, at: dt.datetime) -> Escalation:
    _allow(item, "resolve")
    return _next(item, status="resolved", resolved_at=at, resolution=resolution)
