"""The gateway's unit of work in memory, for handler tests (no database, no broker): the same
repository protocols as :mod:`qcdc_gateway.unit_of_work`, over dicts and lists.

As in the database, the queue's items are read from the escalation facts the fold left, with
the city's handling of each laid over them: fold a ward's escalation, and it is in the queue.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, replace

from qcdc_gateway.domain.facts import Fact
from qcdc_gateway.domain.projection import HeldHead, LedgerHead
from qcdc_gateway.domain.queue import Escalation, Note, escalation_id, from_fact
from qcdc_shared.clock import FixedClock
from qcdc_shared.envelope import Envelope
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.testing.fakes import FakeUnitOfWork

FactKey = tuple[str, str, str]  # (ward, kind, subject)


@dataclass(frozen=True)
class Logged:
    envelope: Envelope
    received_at: dt.datetime


class InMemoryCityLog:
    def __init__(self) -> None:
        self.entries: list[Logged] = []  # in the order the city received them

    async def has(self, event_id: str) -> bool:
        return any(entry.envelope.id == event_id for entry in self.entries)

    async def append(self, envelope: Envelope, *, received_at: dt.datetime) -> None:
        self.entries.append(Logged(envelope, received_at))


class InMemoryFacts:
    def __init__(self) -> None:
        self.items: dict[FactKey, Fact] = {}

    async def get(self, ward: str, kind: str, subject: str) -> Fact | None:
        held = self.items.get((ward, kind, subject))
        return copy.deepcopy(held)  # a handler changes its copy; only save() stores it

    async def add(self, fact: Fact) -> None:
        key = (fact.ward, fact.kind, fact.subject)
        if key in self.items:
            raise ConcurrentChange(f"fact {key} exists already")
        self.items[key] = copy.deepcopy(fact)

    async def save(self, fact: Fact) -> None:
        self.items[(fact.ward, fact.kind, fact.subject)] = copy.deepcopy(fact)


@dataclass(frozen=True)
class HeldRow:
    held: HeldHead
    recorded_at: dt.datetime
    conflict_at: dt.datetime | None = None


class InMemoryLedgerHeads:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, int], HeldRow] = {}

    async def get(self, ward: str, sequence: int) -> HeldHead | None:
        row = self.rows.get((ward, sequence))
        return row.held if row is not None else None

    async def add(self, head: LedgerHead, *, at: dt.datetime) -> None:
        self.rows[(head.ward, head.sequence)] = HeldRow(HeldHead(head.hash), at)

    async def add_conflict(self, head: LedgerHead, *, at: dt.datetime) -> None:
        row = self.rows[(head.ward, head.sequence)]
        self.rows[(head.ward, head.sequence)] = replace(
            row, held=replace(row.held, conflicting_hash=head.hash), conflict_at=at
        )


class InMemoryEscalations:
    """The queue over the escalation facts, as ``adapters/queue.py`` reads it."""

    def __init__(self, facts: InMemoryFacts) -> None:
        self._facts = facts
        self.states: dict[str, Escalation] = {}  # the city's handling, once it acted
        self.notes: dict[str, list[Note]] = {}

    async def get(self, item_id: str) -> Escalation | None:
        for fact in self._facts.items.values():
            if fact.kind != "escalation" or escalation_id(fact.ward, fact.subject) != item_id:
                continue
            if item_id in self.states:
                return self.states[item_id]
            assert fact.first_seen is not None  # a stored fact has been seen
            return from_fact(fact.ward, fact.subject, fact.fields, fact.first_seen)
        return None

    async def save(self, item: Escalation, *, expected_version: int, at: dt.datetime) -> None:
        held = self.states.get(item.id)
        if (held.version if held is not None else 0) != expected_version:
            raise ConcurrentChange(f"escalation {item.id} changed since {expected_version}")
        self.states[item.id] = item

    async def add_note(self, item_id: str, *, author: str, text: str, at: dt.datetime) -> None:
        self.notes.setdefault(item_id, []).append(Note(author=author, text=text, at=at))


class FakeGatewayUnitOfWork(FakeUnitOfWork):
    def __init__(self, *, clock: FixedClock | None = None) -> None:
        # The gateway's unit of work is the city's: its events are the city's own.
        super().__init__(ward="city", clock=clock)
        self.log = InMemoryCityLog()
        self.facts = InMemoryFacts()
        self.ledger_heads = InMemoryLedgerHeads()
        self.escalations = InMemoryEscalations(self.facts)
