"""Oversight's unit of work in memory, for handler tests (no database, no broker): the same
repository protocols as :mod:`qcdc_oversight.unit_of_work`, over dicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TypeVar

from qcdc_oversight.domain.board import BoardMember, InvestmentBoard, KnownGroup
from qcdc_oversight.domain.detection import Check
from qcdc_oversight.domain.inspection import Finding, Inspection
from qcdc_oversight.domain.recommendation import Recommendation
from qcdc_oversight.domain.violation import Violation
from qcdc_oversight.unit_of_work import Aggregate
from qcdc_shared.clock import FixedClock
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.testing.fakes import FakeUnitOfWork, InMemoryRepository

A = TypeVar("A", bound=Aggregate)


class InMemoryAggregates(InMemoryRepository[A]):
    """Aggregates by id, as the SQL repositories keep them (``at`` is their row's stamp)."""

    async def add(self, item: A, *, at: dt.datetime) -> None:
        self.put_new(item.id, item)

    async def save(self, item: A, *, expected_version: int, at: dt.datetime) -> None:
        self.replace(item.id, item, expected_version=expected_version)


class InMemoryGroups(InMemoryRepository[KnownGroup]):
    async def all(self) -> list[KnownGroup]:
        return sorted(self.items.values(), key=lambda g: g.code)

    async def add(self, group: KnownGroup) -> None:
        self.put_new(group.code, group)

    async def save(self, group: KnownGroup, *, expected_version: int) -> None:
        self.replace(group.code, group, expected_version=expected_version)


class InMemoryBoardMembers(InMemoryAggregates[BoardMember]):
    async def all(self) -> list[BoardMember]:
        return sorted(self.items.values(), key=lambda m: (m.elected_on, m.id))


class InMemoryInspections(InMemoryAggregates[Inspection]):
    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []

    async def add_finding(self, finding: Finding) -> None:
        if any(f.id == finding.id for f in self.findings):
            raise ConcurrentChange(finding.id)
        self.findings.append(finding)


class InMemoryRecommendations(InMemoryAggregates[Recommendation]):
    async def overdue_candidates(self, now: dt.datetime) -> list[str]:
        due = sorted(
            (r.due_at, r.id)
            for r in self.items.values()
            if r.status == "issued" and r.overdue_at is None and r.due_at and r.due_at < now
        )
        return [recommendation_id for _, recommendation_id in due]


CheckKey = tuple[str, str, str]


class InMemoryViolations(InMemoryRepository[Violation]):
    def __init__(self) -> None:
        super().__init__()
        self.checks: dict[CheckKey, Check] = {}

    async def add(self, violation: Violation) -> None:
        self.put_new(violation.id, violation)

    async def save(self, violation: Violation, *, expected_version: int) -> None:
        current = self.items.get(violation.id)
        kept = violation if current is None else replace(violation, evidence=current.evidence)
        self.replace(violation.id, kept, expected_version=expected_version)

    async def save_evidence(self, violation: Violation) -> None:
        current = self.items[violation.id]
        self.items[violation.id] = replace(current, evidence=violation.evidence)

    async def check(self, rule: str, subject_kind: str, subject_id: str) -> Check | None:
        return self.checks.get((rule, subject_kind, subject_id))

    async def add_check(self, check: Check) -> None:
        key = (check.rule, check.subject_kind, check.subject_id)
        if key in self.checks:
            raise ConcurrentChange(f"check {key} exists already")
        self.checks[key] = check

    async def save_check(self, check: Check) -> None:
        self.checks[(check.rule, check.subject_kind, check.subject_id)] = check


class FakeOversightUnitOfWork(FakeUnitOfWork):
    def __init__(self, *, ward: str = "ben-thanh", clock: FixedClock | None = None) -> None:
        super().__init__(ward=ward, clock=clock)
        self.groups = InMemoryGroups()
        self.board_members = InMemoryBoardMembers()
        self.investment_boards = InMemoryAggregates[InvestmentBoard]()
        self.inspections = InMemoryInspections()
        self.recommendations = InMemoryRecommendations()
        self.violations = InMemoryViolations()
