"""What the city's databases hold, for a drill's verdict: the events the wards committed
against the events the gateway holds, and the writes the wards kept.

The ledgers are read with ``sqlite3`` in read-only mode, each table by its position, so a row
is seen once however often it is read: every ward service's ``outbox`` (what the wards
committed) and the gateway's ``city_events`` (what the city holds).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Event:
    id: str
    database: str  # "ben-thanh/petitions"
    type: str
    aggregate: str
    sequence: int | None
    about: str | None  # a violation's subject (the late posting)


def _read(path: Path, query: str, *args: Any) -> list[Any]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute(query, args).fetchall()
    finally:
        connection.close()


class Ledger:
    """Every event the wards' outboxes committed and every id the gateway's log holds."""

    def __init__(self, wards: dict[str, Path], gateway: Path) -> None:
        self.wards = wards
        self.gateway = gateway
        self.committed: dict[str, Event] = {}
        self.held: Counter[str] = Counter()  # city_events id -> rows
        self._seen: dict[str, int] = dict.fromkeys([*wards, "city"], 0)
        self._reading = asyncio.Lock()

    async def refresh(self) -> None:
        """``read`` off the event loop, one at a time (the drill and its recovery watch both
        read)."""
        async with self._reading:
            await asyncio.to_thread(self.read)

    def read(self) -> None:
        for name, path in self.wards.items():
            rows = _read(
                path,
                "SELECT position, event_id, json_extract(payload, '$.type'), aggregate_id, "
                "json_extract(payload, '$.sequence'), json_extract(payload, '$.data.subject.id') "
                "FROM outbox WHERE position > ? ORDER BY position",
                self._seen[name],
            )
            for position, event_id, type_, aggregate, sequence, about in rows:
                self.committed[event_id] = Event(event_id, name, type_, aggregate, sequence, about)
                self._seen[name] = position
        rows = _read(
            self.gateway,
            "SELECT position, id FROM city_events WHERE position > ? ORDER BY position",
            self._seen["city"],
        )
        for position, event_id in rows:
            self.held[event_id] += 1
            self._seen["city"] = position

    def unsent(self) -> int:
        return sum(
            _read(path, "SELECT count(*) FROM outbox WHERE sent_at IS NULL")[0][0]
            for path in self.wards.values()
        )

    def missing(self, ids: set[str] | None = None) -> set[str]:
        wanted = set(self.committed) if ids is None else ids
        return {event_id for event_id in wanted if event_id not in self.held}

    def petitions(self, ward: str, prefix: str) -> Counter[str]:
        rows = _read(
            self.wards[f"{ward}/petitions"],
            "SELECT title, count(*) FROM petitions WHERE title LIKE ? GROUP BY title",
            prefix + "%",
        )
        return Counter(dict(rows))

    def groups(self, ward: str, prefix: str) -> set[str]:
        rows = _read(
            self.wards[f"{ward}/plans"],
            "SELECT code FROM residential_groups WHERE code LIKE ?",
            prefix + "%",
        )
        return {code for (code,) in rows}
