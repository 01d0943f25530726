"""What plans' handlers hold: the unit of work with the service's repositories, as protocols
(what a handler may ask) and their SQL implementation. The in-memory one for handler tests is
in :mod:`qcdc_plans.fakes`."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_plans.adapters.conferences import ConferenceRepository
from qcdc_plans.adapters.decisions import DecisionRepository
from qcdc_plans.adapters.initiatives import InitiativeRepository
from qcdc_plans.adapters.plans import PlanRepository, TaskRepository
from qcdc_plans.adapters.register import CommitteeRepository, GroupRepository
from qcdc_plans.domain.committee import Member
from qcdc_plans.domain.conference import Conference
from qcdc_plans.domain.decision import Choice, Decision, Tally
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.domain.initiative import Consent, Initiative
from qcdc_plans.domain.plan import Plan, ProgressReport, Task
from qcdc_shared.runtime import Runtime, SqlUnitOfWork
from qcdc_shared.unit_of_work import UnitOfWork


class Groups(Protocol):
    async def get(self, code: str) -> ResidentialGroup | None: ...
    async def all(self) -> list[ResidentialGroup]: ...
    async def add(self, group: ResidentialGroup, *, actor: str, at: dt.datetime) -> None:
        """Register the group and the first row of its history."""
        ...

    async def save(
        self, group: ResidentialGroup, *, expected_version: int, actor: str, at: dt.datetime
    ) -> None:
        """The new figures and a row of history; refused if the group changed meanwhile."""
        ...


class Committee(Protocol):
    async def get(self, member_id: str) -> Member | None: ...
    async def all(self) -> list[Member]:
        """Every membership, sitting or past (the committee's history)."""
        ...

    async def add(self, member: Member, *, at: dt.datetime) -> None: ...
    async def save(self, member: Member, *, expected_version: int, at: dt.datetime) -> None: ...


class Plans(Protocol):
    async def get(self, plan_id: str) -> Plan | None: ...
    async def by_year(self, ward: str, year: int) -> Plan | None: ...
    async def add(self, plan: Plan, *, at: dt.datetime) -> None: ...
    async def save(self, plan: Plan, *, expected_version: int, at: dt.datetime) -> None: ...
    async def add_edition(
        self, plan: Plan, *, at: dt.datetime, by: str, reason: str | None, document: dict[str, Any]
    ) -> None:
        """Keep the text of an edition as adopted (append-only)."""
        ...


class Tasks(Protocol):
    async def get(self, task_id: str) -> Task | None: ...
    async def of_plan(self, plan_id: str) -> list[Task]: ...
    async def add(self, task: Task, *, at: dt.datetime) -> None: ...
    async def save(self, task: Task, *, expected_version: int, at: dt.datetime) -> None: ...
    async def add_progress(self, report: ProgressReport) -> None: ...
    async def overdue_candidates(self, today: dt.date) -> list[str]:
        """Open tasks of adopted plans whose due day ended before ``today``, not yet
        announced overdue."""
        ...

    async def mark_overdue(self, task_id: str, *, at: dt.datetime, today: dt.date) -> bool:
        """Claim the task's one task.overdue: true for exactly one caller, ever."""
        ...


class Decisions(Protocol):
    async def get(self, decision_id: str) -> Decision | None: ...
    async def add(self, decision: Decision, *, at: dt.datetime) -> None: ...
    async def save(self, decision: Decision, *, expected_version: int, at: dt.datetime) -> None: ...
    async def has_voted(self, decision_id: str, household: str) -> bool: ...
    async def add_vote(
        self, decision_id: str, *, household: str, choice: Choice, by: str, at: dt.datetime
    ) -> None: ...
    async def votes(self, decision_id: str) -> Tally:
        """The household votes counted so far (never who chose what)."""
        ...


class Conferences(Protocol):
    async def get(self, conference_id: str) -> Conference | None: ...
    async def year_end_of(self, group: str, year: int) -> list[Conference]: ...
    async def add(self, conference: Conference) -> None: ...
    async def save(
        self, conference: Conference, *, expected_version: int, at: dt.datetime
    ) -> None: ...


class Initiatives(Protocol):
    async def get(self, initiative_id: str) -> Initiative | None: ...
    async def add(self, initiative: Initiative) -> None: ...
    async def save(
        self, initiative: Initiative, *, expected_version: int, at: dt.datetime
    ) -> None: ...
    async def consents(self, initiative_id: str, household: str | None = None) -> list[Consent]:
        """An initiative's consents, oldest first; only one household's when ``household``."""
        ...

    async def add_consent(
        self, initiative_id: str, consent: Consent, *, actor: str, at: dt.datetime
    ) -> None: ...


class PlansUnitOfWork(UnitOfWork, Protocol):
    # Read-only in the protocol, so any implementation of each repository protocol fits.
    @property
    def groups(self) -> Groups: ...

    @property
    def committee(self) -> Committee: ...

    @property
    def plans(self) -> Plans: ...

    @property
    def tasks(self) -> Tasks: ...

    @property
    def decisions(self) -> Decisions: ...

    @property
    def conferences(self) -> Conferences: ...

    @property
    def initiatives(self) -> Initiatives: ...


class SqlPlansUnitOfWork(SqlUnitOfWork):
    def __init__(self, runtime: Runtime, session: AsyncSession | None = None) -> None:
        super().__init__(runtime, session)
        self.groups = GroupRepository(self.session)
        self.committee = CommitteeRepository(self.session)
        self.plans = PlanRepository(self.session)
        self.tasks = TaskRepository(self.session)
        self.decisions = DecisionRepository(self.session)
        self.conferences = ConferenceRepository(self.session)
        self.initiatives = InitiativeRepository(self.session)
