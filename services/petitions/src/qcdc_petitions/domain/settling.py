"""A petition's deadlines once computed: open, then met or late when the step that ends them
happens, and which open ones have passed (PET-ESC). Pure, like petition.py.

Some deadlines are notices the ward gives by a step of their own (the denouncer told of the
acceptance, a complaint decision published, a requester told of a complex request's time
limit). Answering, refusing, closing or withdrawing is not that notice, so a step that settles
"everything" leaves them open; only the step that records the notice names and settles it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from qcdc_shared.law.deadlines import Deadline

# Settled only by the step that records them (named explicitly to :func:`settle`).
RECORDED_BY_OWN_STEP: frozenset[str] = frozenset(
    {"DEN-INTAKE.notice", "CMP-RESOLVE.publish", "INF-REQ.complex-notice"}
)


@dataclass(frozen=True)
class PetitionDeadline:
    """A computed deadline and whether it was met: None while open, then True or False."""

    deadline: Deadline
    met: bool | None = None

    @property
    def rule(self) -> str:
        return self.deadline.rule

    @property
    def due_at(self) -> dt.datetime:
        return self.deadline.due_at

    @property
    def is_open(self) -> bool:
        return self.met is None

    def settled(self, now: dt.datetime) -> PetitionDeadline:
        """Done at ``now``: met when not later than the end of the due day."""
        return self if self.met is not None else replace(self, met=now <= self.due_at)


def settle(
    deadlines: Iterable[PetitionDeadline], now: dt.datetime, rules: Iterable[str] | None = None
) -> tuple[PetitionDeadline, ...]:
    """Mark open deadlines done at ``now``: those of ``rules``, or without ``rules`` every one
    but the notices of :data:`RECORDED_BY_OWN_STEP`, which stay open until their own step."""
    if rules is None:
        return tuple(d if d.rule in RECORDED_BY_OWN_STEP else d.settled(now) for d in deadlines)
    chosen = frozenset(rules)
    return tuple(d.settled(now) if d.rule in chosen else d for d in deadlines)


def newly_overdue(
    deadlines: Iterable[PetitionDeadline], *, now: dt.datetime, escalated: Iterable[str]
) -> list[tuple[str, dt.datetime]]:
    """PET-ESC: (rule, due_at) of each open deadline past its end and not yet escalated,
    earliest first. A deadline met late is no longer open, so it is never escalated here."""
    done = frozenset(escalated)
    late = [d for d in deadlines if d.is_open and now > d.due_at and d.rule not in done]
    return [(d.rule, d.due_at) for d in sorted(late, key=lambda d: d.due_at)]
