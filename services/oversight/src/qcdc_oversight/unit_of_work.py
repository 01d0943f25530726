"""What oversight's handlers hold: the unit of work with the service's repositories, as
protocols (what a handler may ask) and their SQL implementation. The in-memory one for handler
tests is in :mod:`qcdc_oversight.fakes`."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.board import (
    BoardRepository,
    GroupRepository,
    InvestmentBoardRepository,
)
from qcdc_oversight.adapters.inspections import InspectionRepository
from qcdc_oversight.adapters.recommendations import RecommendationRepository
from qcdc_oversight.adapters.violations import ViolationRepository
from qcdc_oversight.domain.board import BoardMember, InvestmentBoard, KnownGroup
from qcdc_oversight.domain.detection import Check
from qcdc_oversight.domain.inspection import Finding, Inspection
from qcdc_oversight.domain.recommendation import Recommendation
from qcdc_oversight.domain.violation import Violation
from qcdc_shared.runtime import Runtime, SqlUnitOfWork
from qcdc_shared.unit_of_work import UnitOfWork


class Aggregate(Protocol):
    """What every aggregate here has: an id, and a version each change moves on."""

    @property
    def id(self) -> str: ...
    @property
    def version(self) -> int: ...


class Groups(Protocol):
    """The ward's residential groups as plans announced them (a projection)."""

    async def get(self, code: str) -> KnownGroup | None: ...
    async def all(self) -> list[KnownGroup]: ...
    async def add(self, group: KnownGroup) -> None: ...
    async def save(self, group: KnownGroup, *, expected_version: int) -> None: ...


class BoardMembers(Protocol):
    async def get(self, member_id: str) -> BoardMember | None: ...
    async def all(self) -> list[BoardMember]:
        """Every member, sitting or not, in order of election."""
        ...

    async def add(self, member: BoardMember, *, at: dt.datetime) -> None: ...
    async def save(
        self, member: BoardMember, *, expected_version: int, at: dt.datetime
    ) -> None: ...


class InvestmentBoards(Protocol):
    async def add(self, board: InvestmentBoard, *, at: dt.datetime) -> None: ...


class Inspections(Protocol):
    async def get(self, inspection_id: str) -> Inspection | None: ...
    async def add(self, inspection: Inspection, *, at: dt.datetime) -> None: ...
    async def save(
        self, inspection: Inspection, *, expected_version: int, at: dt.datetime
    ) -> None: ...
    async def add_finding(self, finding: Finding) -> None: ...


class Recommendations(Protocol):
    async def get(self, recommendation_id: str) -> Recommendation | None: ...
    async def add(self, recommendation: Recommendation, *, at: dt.datetime) -> None: ...
    async def save(
        self, recommendation: Recommendation, *, expected_version: int, at: dt.datetime
    ) -> None: ...
    async def overdue_candidates(self, now: dt.datetime) -> list[str]:
        """Ids of the issued, unanswered, not yet escalated whose due day ended before
        ``now``, the most overdue first."""
        ...


class Violations(Protocol):
    async def get(self, violation_id: str) -> Violation | None: ...
    async def add(self, violation: Violation) -> None: ...
    async def save(self, violation: Violation, *, expected_version: int) -> None:
        """The lifecycle (status, who, when, version); never the evidence."""
        ...

    async def save_evidence(self, violation: Violation) -> None:
        """The evidence only, the version unchanged."""
        ...

    async def check(self, rule: str, subject_kind: str, subject_id: str) -> Check | None: ...
    async def add_check(self, check: Check) -> None: ...
    async def save_check(self, check: Check) -> None: ...


class OversightUnitOfWork(UnitOfWork, Protocol):
    # Read-only in the protocol, so any implementation of each repository protocol fits.
    @property
    def groups(self) -> Groups: ...

    @property
    def board_members(self) -> BoardMembers: ...

    @property
    def investment_boards(self) -> InvestmentBoards: ...

    @property
    def inspections(self) -> Inspections: ...

    @property
    def recommendations(self) -> Recommendations: ...

    @property
    def violations(self) -> Violations: ...


class SqlOversightUnitOfWork(SqlUnitOfWork):
    def __init__(self, runtime: Runtime, session: AsyncSession | None = None) -> None:
        super().__init__(runtime, session)
        self.groups = GroupRepository(self.session)
        self.board_members = BoardRepository(self.session)
        self.investment_boards = InvestmentBoardRepository(self.session)
        self.inspections = InspectionRepository(self.session)
        self.recommendations = RecommendationRepository(self.session)
        self.violations = ViolationRepository(self.session)
