"""Plans' unit of work in memory, for handler tests (no database, no broker): the same
repository protocols as :mod:`qcdc_plans.unit_of_work`, over dicts and lists; and ``run``, which
calls a handler through the pipeline a route uses (``run_command``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from qcdc_plans.domain.committee import Member
from qcdc_plans.domain.conference import Conference
from qcdc_plans.domain.decision import Choice, Decision, Tally
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.domain.initiative import Consent, Initiative
from qcdc_plans.domain.plan import Plan, ProgressReport, Task
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem
from qcdc_shared.auth import Principal
from qcdc_shared.clock import FixedClock
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.testing.fakes import FakeUnitOfWork, InMemoryRepository
from qcdc_shared.unit_of_work import Actor

T = TypeVar("T")
# The rule table the service loads, and the ward officer who acts unless a test says who.
RULES = RuleBook(load_rule_table(), WorkingCalendar())
OFFICER = Principal(sub="can-bo-1", role="officer", ward="ben-thanh")


class InMemoryGroups(InMemoryRepository[ResidentialGroup]):
    def __init__(self) -> None:
        super().__init__()
        self.history: list[tuple[ResidentialGroup, str]] = []  # (figures, who changed them)

    async def all(self) -> list[ResidentialGroup]:
        return sorted(self.items.values(), key=lambda g: g.code)

    async def add(self, group: ResidentialGroup, *, actor: str, at: dt.datetime) -> None:
        self.put_new(group.code, group)
        self.history.append((group, actor))

    async def save(
        self, group: ResidentialGroup, *, expected_version: int, actor: str, at: dt.datetime
    ) -> None:
        self.replace(group.code, group, expected_version=expected_version)
        self.history.append((group, actor))


class Aggregate(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> int: ...


A = TypeVar("A", bound=Aggregate)


class InMemoryAggregates(InMemoryRepository[A]):
    """Aggregates by id: ``add`` a new one, ``save`` one at the version the caller read."""

    async def add(self, item: A, *, at: dt.datetime | None = None) -> None:
        self.put_new(item.id, item)

    async def save(self, item: A, *, expected_version: int, at: dt.datetime) -> None:
        self.replace(item.id, item, expected_version=expected_version)


class InMemoryCommittee(InMemoryAggregates[Member]):
    async def all(self) -> list[Member]:
        return sorted(self.items.values(), key=lambda m: (m.joined_on, m.id))


@dataclass(frozen=True)
class Edition:
    plan_id: str
    edition: int
    by: str
    reason: str | None
    document: dict[str, Any]


class InMemoryPlans(InMemoryAggregates[Plan]):
    def __init__(self) -> None:
        super().__init__()
        self.editions: list[Edition] = []

    async def by_year(self, ward: str, year: int) -> Plan | None:
        return next((p for p in self.items.values() if (p.ward, p.year) == (ward, year)), None)

    async def add_edition(
        self, plan: Plan, *, at: dt.datetime, by: str, reason: str | None, document: dict[str, Any]
    ) -> None:
        if any((e.plan_id, e.edition) == (plan.id, plan.edition) for e in self.editions):
            raise ConcurrentChange(f"{plan.id} edition {plan.edition} exists already")
        self.editions.append(Edition(plan.id, plan.edition, by, reason, document))


class InMemoryTasks(InMemoryAggregates[Task]):
    def __init__(self, plans: InMemoryPlans) -> None:
        super().__init__()
        self.plans = plans  # the sweep asks whether a task's plan is adopted
        self.progress: list[ProgressReport] = []

    async def of_plan(self, plan_id: str) -> list[Task]:
        found = [t for t in self.items.values() if t.plan_id == plan_id]
        return sorted(found, key=lambda t: (t.task_group, t.due_on, t.id))

    async def add_progress(self, report: ProgressReport) -> None:
        self.progress.append(report)

    def _late(self, task: Task, today: dt.date) -> bool:
        plan = self.plans.items.get(task.plan_id)
        return (
            plan is not None
            and plan.edition >= 1
            and task.status == "open"
            and task.due_on < today
            and task.overdue_at is None
        )

    async def overdue_candidates(self, today: dt.date) -> list[str]:
        late = [t for t in self.items.values() if self._late(t, today)]
        return [t.id for t in sorted(late, key=lambda t: (t.due_on, t.id))]

    async def mark_overdue(self, task_id: str, *, at: dt.datetime, today: dt.date) -> bool:
        task = self.items.get(task_id)
        if task is None or not self._late(task, today):
            return False
        self.items[task_id] = replace(task, overdue_at=at, version=task.version + 1)
        return True


class InMemoryDecisions(InMemoryAggregates[Decision]):
    def __init__(self) -> None:
        super().__init__()
        self.ballots: dict[tuple[str, str], Choice] = {}  # (decision, household) → choice

    async def has_voted(self, decision_id: str, household: str) -> bool:
        return (decision_id, household) in self.ballots

    async def add_vote(
        self, decision_id: str, *, household: str, choice: Choice, by: str, at: dt.datetime
    ) -> None:
        if (decision_id, household) in self.ballots:  # the SQL table's unique pair
            raise ConcurrentChange(f"{household} voted on {decision_id} already")
        self.ballots[(decision_id, household)] = choice

    async def votes(self, decision_id: str) -> Tally:
        chosen = [c for (d, _), c in self.ballots.items() if d == decision_id]
        yes, no, abstain = (chosen.count(c) for c in ("yes", "no", "abstain"))
        return Tally(yes=yes, no=no, abstain=abstain, present=yes + no + abstain)


class InMemoryConferences(InMemoryAggregates[Conference]):
    async def year_end_of(self, group: str, year: int) -> list[Conference]:
        return [
            c
            for c in self.items.values()
            if (c.kind, c.residential_group, c.year) == ("group_year_end", group, year)
        ]


class InMemoryInitiatives(InMemoryAggregates[Initiative]):
    def __init__(self) -> None:
        super().__init__()
        self.consent_rows: list[tuple[str, Consent, str]] = []  # (initiative, consent, actor)

    async def consents(self, initiative_id: str, household: str | None = None) -> list[Consent]:
        found = [
            c
            for i, c, _ in self.consent_rows
            if i == initiative_id and household in (None, c.household)
        ]
        return sorted(found, key=lambda c: c.given_on)  # stable: recorded order within a day

    async def add_consent(
        self, initiative_id: str, consent: Consent, *, actor: str, at: dt.datetime
    ) -> None:
        self.consent_rows.append((initiative_id, consent, actor))


class FakePlansUnitOfWork(FakeUnitOfWork):
    def __init__(self, *, ward: str = "ben-thanh", clock: FixedClock | None = None) -> None:
        super().__init__(ward=ward, clock=clock)
        self.groups = InMemoryGroups()
        self.committee = InMemoryCommittee()
        self.plans = InMemoryPlans()
        self.tasks = InMemoryTasks(self.plans)
        self.decisions = InMemoryDecisions()
        self.conferences = InMemoryConferences()
        self.initiatives = InMemoryInitiatives()


async def run(
    uow: FakePlansUnitOfWork,
    call: Awaitable[T],
    action: str,
    target: str,
    actor: Actor = OFFICER,
) -> T:
    """``call`` (a handler's coroutine) as a route runs it: audited as ``action`` on ``target``
    and committed, or undone, audited as refused and raised as problem+json."""
    return await run_command(call, uow=uow, actor=actor, action=action, target=target)


async def refused(
    uow: FakePlansUnitOfWork,
    call: Awaitable[object],
    action: str,
    target: str,
    actor: Actor = OFFICER,
) -> Problem:
    """The problem+json ``run`` raises for a call the domain refuses."""
    try:
        await run(uow, call, action, target, actor)
    except Problem as problem:
        return problem
    raise AssertionError(f"{action} on {target} was not refused")
