"""What petitions' handlers hold: the unit of work with the service's repositories, as
protocols (what a handler may ask) and their SQL implementation. The in-memory one for handler
tests is in :mod:`qcdc_petitions.fakes`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_petitions.adapters.petitions import IdentityAccessLog, PetitionRepository
from qcdc_petitions.adapters.receptions import ReceptionRepository
from qcdc_petitions.domain.petition import IdentityAccess, Petition
from qcdc_petitions.domain.reception import Entry, Host, Reception
from qcdc_shared.runtime import Runtime, SqlUnitOfWork
from qcdc_shared.unit_of_work import UnitOfWork


class Petitions(Protocol):
    async def add(self, petition: Petition, *, identity_sealed: str | None) -> None: ...
    async def get(self, petition_id: str) -> Petition | None: ...
    async def save(self, petition: Petition, *, expected_version: int) -> None:
        """Optimistic: raises ConcurrentChange when the petition moved since that version."""
        ...

    async def add_escalation(
        self, petition_id: str, *, rule: str, by: str, at: dt.datetime
    ) -> None:
        """PET-ESC, once per petition and rule: a second one for the same pair fails."""
        ...

    async def due_for_escalation(self, now: dt.datetime) -> Sequence[str]:
        """Petitions with an open, unescalated deadline ended before ``now``, earliest first."""
        ...

    async def sealed_identity(self, petition_id: str) -> str | None: ...
    async def sealed_identities(self) -> Sequence[tuple[str, str]]: ...
    async def reseal(self, petition_id: str, identity_sealed: str) -> None: ...


class IdentityLog(Protocol):
    async def add(self, access: IdentityAccess) -> None: ...


class Receptions(Protocol):
    async def add(self, reception: Reception, *, created_by: str) -> None: ...
    async def get(self, reception_id: str) -> Reception | None: ...
    async def on_day(self, session_on: dt.date, host: Host) -> Sequence[Reception]: ...
    async def save(self, reception: Reception, *, expected_version: int) -> None: ...
    async def add_entry(self, entry: Entry, *, created_by: str) -> None: ...
    async def entry(self, reception_id: str, entry_id: str) -> Entry | None:
        """The visit without its sealed identity (``has_visitor`` says whether there is one)."""
        ...

    async def count_entries(self, reception_id: str) -> int: ...
    async def save_reply(self, entry: Entry) -> None:
        """One reply per visit: a second one, even concurrent, raises ConcurrentChange."""
        ...

    async def unanswered_past(self, now: dt.datetime) -> Sequence[Entry]:
        """Visits without a reply whose REC-REPLY instant has passed, not marked yet."""
        ...

    async def mark_overdue(self, entry: Entry) -> bool:
        """Mark once; False when it was replied to or marked meanwhile."""
        ...


class PetitionsUnitOfWork(UnitOfWork, Protocol):
    # Read-only in the protocol, so any implementation of each repository protocol fits.
    @property
    def petitions(self) -> Petitions: ...

    @property
    def identity_log(self) -> IdentityLog: ...

    @property
    def receptions(self) -> Receptions: ...


class SqlPetitionsUnitOfWork(SqlUnitOfWork):
    def __init__(self, runtime: Runtime, session: AsyncSession | None = None) -> None:
        super().__init__(runtime, session)
        self.petitions = PetitionRepository(self.session)
        self.identity_log = IdentityAccessLog(self.session)
        self.receptions = ReceptionRepository(self.session)
