"""The shape of a demo script: API calls grouped by the week in which a ward makes them.

A script is plain data, built without I/O, so the same seed gives the same script (the unit
tests compare two) and the runner only has to resolve the ids earlier calls returned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from qcdc_shared.clock import LOCAL_TZ

# Every step of the walk happens at this local hour: a working morning, the same on every
# run, so deadlines counted from it land on the same days whatever time the demo runs.
STEP_HOUR = 9


@dataclass(frozen=True)
class Actor:
    role: str
    sub: str
    name: str | None = None


@dataclass(frozen=True)
class Ref:
    """A field (the id by default) of what an earlier action created and saved by name."""

    name: str
    field: str = "id"


@dataclass(frozen=True)
class Probe:
    """Wait, before acting, until the ward's sweeper has recorded what time made due.

    A late answer racing the sweeper would make the escalation depend on timing; waiting for
    the sweep makes every run with the same seed give the same counts.
    """

    kind: Literal["petition", "task", "recommendation", "board"]
    ref: str = ""
    count: int = 0


@dataclass(frozen=True)
class Action:
    service: str
    path: str  # "{P3}" stands for the id saved under P3
    actor: Actor
    body: dict[str, Any] | None = None
    saves: str | None = None
    after: Probe | None = None
    counts: str | None = None  # what the summary counts this action as


@dataclass
class Week:
    index: int
    day: dt.date
    actions: list[Action] = field(default_factory=list)


def step_instant(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(STEP_HOUR), LOCAL_TZ)


def walk_days(today: dt.date, months: int) -> list[dt.date]:
    """The walk's steps: Mondays from about ``months`` ago, then today (the present)."""
    if months < 1:
        raise ValueError("--months must be at least 1")
    back = today - dt.timedelta(days=round(months * 30.4))
    start = back - dt.timedelta(days=back.weekday())  # the Monday on or before
    days = []
    day = start
    while day < today:
        days.append(day)
        day += dt.timedelta(days=7)
    return [*days, today]


def paths_with_refs(action: Action) -> set[str]:
    """The refs an action needs (path placeholders and body values), for checks and tests."""
    names = {part.split("}")[0] for part in action.path.split("{")[1:]}

    def visit(value: Any) -> None:
        if isinstance(value, Ref):
            names.add(value.name)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)
        elif isinstance(value, list | tuple):
            for item in value:
                visit(item)

    visit(action.body)
    return names
