"""Petitions' unit of work in memory, for handler tests (no database, no broker): the same
repository protocols as :mod:`qcdc_petitions.unit_of_work`, over dicts and lists.

Where the SQL repositories lean on a database constraint (the unique tracking code, the
unique (petition, rule) escalations row, one reply per visit), these raise
:class:`~qcdc_shared.refusals.ConcurrentChange`, as a second attempt does there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from qcdc_petitions.domain.petition import IdentityAccess, Petition
from qcdc_petitions.domain.reception import Entry, Host, Reception
from qcdc_shared.clock import FixedClock
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.testing.fakes import FakeUnitOfWork, InMemoryRepository


@dataclass(frozen=True)
class EscalationRow:
    petition_id: str
    rule: str
    by: str
    at: dt.datetime


class InMemoryPetitions(InMemoryRepository[Petition]):
    def __init__(self) -> None:
        super().__init__()
        self.sealed: dict[str, str | None] = {}
        self.escalations: list[EscalationRow] = []

    async def add(self, petition: Petition, *, identity_sealed: str | None) -> None:
        if await self.tracking_code_taken(petition.tracking_code):
            raise ConcurrentChange(f"tracking code {petition.tracking_code} exists already")
        self.put_new(petition.id, petition)
        self.sealed[petition.id] = identity_sealed

    async def tracking_code_taken(self, code: str) -> bool:
        return any(p.tracking_code == code for p in self.items.values())

    async def save(self, petition: Petition, *, expected_version: int) -> None:
        self.replace(petition.id, petition, expected_version=expected_version)

    async def add_escalation(
        self, petition_id: str, *, rule: str, by: str, at: dt.datetime
    ) -> None:
        if any(e.petition_id == petition_id and e.rule == rule for e in self.escalations):
            raise ConcurrentChange(f"{petition_id} already escalated for {rule}")
        self.escalations.append(EscalationRow(petition_id, rule, by, at))

    async def due_for_escalation(self, now: dt.datetime) -> list[str]:
        due = [
            (p.next_escalation_at, p.id)
            for p in self.items.values()
            if p.next_escalation_at is not None and p.next_escalation_at < now
        ]
        return [petition_id for _, petition_id in sorted(due)]

    async def sealed_identity(self, petition_id: str) -> str | None:
        return self.sealed.get(petition_id)

    async def sealed_identities(self) -> list[tuple[str, str]]:
        return [(pid, sealed) for pid, sealed in self.sealed.items() if sealed is not None]

    async def reseal(self, petition_id: str, identity_sealed: str) -> None:
        self.sealed[petition_id] = identity_sealed


class InMemoryIdentityLog:
    def __init__(self) -> None:
        self.rows: list[IdentityAccess] = []

    async def add(self, access: IdentityAccess) -> None:
        self.rows.append(access)


class InMemoryReceptions(InMemoryRepository[Reception]):
    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, Entry] = {}  # as stored: the sealed visitor included

    async def add(self, reception: Reception, *, created_by: str) -> None:
        self.put_new(reception.id, reception)

    async def on_day(self, session_on: dt.date, host: Host) -> list[Reception]:
        return [r for r in self.items.values() if r.session_on == session_on and r.host == host]

    async def save(self, reception: Reception, *, expected_version: int) -> None:
        self.replace(reception.id, reception, expected_version=expected_version)

    async def add_entry(self, entry: Entry, *, created_by: str) -> None:
        if entry.id in self.entries:
            raise ConcurrentChange(f"{entry.id} exists already")
        self.entries[entry.id] = entry

    async def entry(self, reception_id: str, entry_id: str) -> Entry | None:
        entry = self.entries.get(entry_id)
        if entry is None or entry.reception_id != reception_id:
            return None
        return _public(entry)

    async def count_entries(self, reception_id: str) -> int:
        return sum(1 for e in self.entries.values() if e.reception_id == reception_id)

    async def save_reply(self, entry: Entry) -> None:
        stored = self.entries.get(entry.id)
        if stored is None or stored.reply is not None:
            raise ConcurrentChange(entry.id)
        self.entries[entry.id] = replace(stored, reply=entry.reply)

    async def unanswered_past(self, now: dt.datetime) -> list[Entry]:
        return [
            _public(e)
            for e in self.entries.values()
            if e.reply is None and e.overdue_since is None and e.reply_deadline.due_at < now
        ]

    async def mark_overdue(self, entry: Entry) -> bool:
        stored = self.entries.get(entry.id)
        if stored is None or stored.reply is not None or stored.overdue_since is not None:
            return False
        self.entries[entry.id] = replace(stored, overdue_since=entry.overdue_since)
        return True


def _public(entry: Entry) -> Entry:
    """What the SQL reads give back: whether there is a visitor, never the sealed text."""
    return replace(entry, visitor_sealed=None, has_visitor=entry.visitor_sealed is not None)


class FakePetitionsUnitOfWork(FakeUnitOfWork):
    def __init__(self, *, ward: str = "ben-thanh", clock: FixedClock | None = None) -> None:
        super().__init__(ward=ward, clock=clock)
        self.petitions = InMemoryPetitions()
        self.identity_log = InMemoryIdentityLog()
        self.receptions = InMemoryReceptions()
