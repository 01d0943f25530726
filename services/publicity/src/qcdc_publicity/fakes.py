"""Publicity's unit of work in memory, for handler tests (no database, no broker): the same
repository protocols as :mod:`qcdc_publicity.unit_of_work`, over dicts and lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from qcdc_publicity.domain.consultation import Comment, Consultation
from qcdc_publicity.domain.ledger import GENESIS, LedgerEntry, entry_hash
from qcdc_publicity.domain.posting import Posting, Source
from qcdc_shared.clock import FixedClock
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.testing.fakes import FakeUnitOfWork, InMemoryRepository


class InMemoryPostings(InMemoryRepository[Posting]):
    async def add(self, posting: Posting, *, created_by: str) -> None:
        self.put_new(posting.id, posting)

    async def by_source(self, source: Source) -> Posting | None:
        return next((p for p in self.items.values() if p.source == source), None)

    async def save(self, posting: Posting, *, expected_version: int) -> None:
        self.replace(posting.id, posting, expected_version=expected_version)

    async def published(self) -> list[Posting]:
        return [p for p in self.items.values() if p.status == "published"]

    async def published_between(self, start: dt.datetime, end: dt.datetime) -> list[Posting]:
        found = [
            p
            for p in self.items.values()
            if p.published_at is not None
            and start <= p.published_at < end
            and (p.source is None or p.source.kind != "quarterly_list")
        ]
        return sorted(found, key=lambda p: p.published_at or start)


class InMemoryConsultations(InMemoryRepository[Consultation]):
    def __init__(self) -> None:
        super().__init__()
        self.comment_rows: list[tuple[Comment, str]] = []  # (comment, commenter pseudonym)

    async def add(self, consultation: Consultation, *, created_by: str) -> None:
        self.put_new(consultation.id, consultation)

    async def save(self, consultation: Consultation, *, expected: Consultation) -> None:
        current = self.items.get(consultation.id)
        if current is None or current.comments_received != expected.comments_received:
            raise ConcurrentChange(consultation.id)
        self.replace(consultation.id, consultation, expected_version=expected.version)

    async def add_comment(self, comment: Comment, *, commenter: str) -> int | None:
        current = self.items[comment.consultation_id]
        if current.status != "open":
            return None
        count = current.comments_received + 1
        self.items[current.id] = replace(current, comments_received=count)
        self.comment_rows.append((comment, commenter))
        return count

    async def comments(self, consultation_id: str) -> list[Comment]:
        return [c for c, _ in self.comment_rows if c.consultation_id == consultation_id]


class InMemoryLedger:
    def __init__(self) -> None:
        self.entries: list[LedgerEntry] = []
        self.documents: list[dict[str, Any]] = []

    async def record_version(
        self, posting: Posting, *, document: dict[str, Any], at: dt.datetime
    ) -> LedgerEntry:
        previous = self.entries[-1].hash if self.entries else GENESIS
        digest = entry_hash(previous, document)
        entry = LedgerEntry(len(self.entries) + 1, posting.id, posting.version, previous, digest)
        self.entries.append(entry)
        self.documents.append(document)
        return entry


class FakePublicityUnitOfWork(FakeUnitOfWork):
    def __init__(self, *, ward: str = "ben-thanh", clock: FixedClock | None = None) -> None:
        super().__init__(ward=ward, clock=clock)
        self.postings = InMemoryPostings()
        self.consultations = InMemoryConsultations()
        self.ledger = InMemoryLedger()
