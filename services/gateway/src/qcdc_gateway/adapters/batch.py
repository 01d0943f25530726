"""The projections for one batch of events, read and written in a few statements.

Folding an event touches its log row and one fact per aggregate it speaks of; done one
statement at a time that is four round trips an event, which is what capped the city's
catch-up. Here the batch's log ids and facts are read in two queries before the fold, the fold
changes them in memory (the same ``project`` as ever, through the same protocols), and
``flush`` writes the new log rows, the new facts and the changed ones in three executemany
statements, in the batch's transaction. The ledger heads stay direct: a few per batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, bindparam, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.facts import fact_from_row, fact_values
from qcdc_gateway.adapters.ledger_heads import SqlLedgerHeads
from qcdc_gateway.adapters.tables import city_events, city_facts
from qcdc_gateway.domain.facts import EVENT_FIELDS, Fact, without_accounts
from qcdc_shared.envelope import Envelope

Key = tuple[str, str, str]
# Keys per query: three parameters each, well under SQLite's limit of 32,766.
CHUNK = 2_000


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


class BatchedLog:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._known: set[str] = set()
        self._appended: list[dict[str, Any]] = []

    async def load(self, event_ids: Sequence[str]) -> None:
        for chunk in _chunks(list(event_ids)):
            query = select(city_events.c.id).where(city_events.c.id.in_(chunk))
            self._known |= set(await self.session.scalars(query))

    async def has(self, event_id: str) -> bool:
        return event_id in self._known

    async def append(self, envelope: Envelope, *, received_at: dt.datetime) -> None:
        self._known.add(envelope.id)
        row = {name: getattr(envelope, name) for name in ("id", *EVENT_FIELDS)}
        row["data"] = without_accounts(envelope.type, row["data"])
        self._appended.append({**row, "received_at": received_at})

    async def flush(self) -> None:
        if self._appended:  # in the batch's order: the log's positions follow it
            await self.session.execute(city_events.insert(), self._appended)
        self._appended = []


class BatchedFacts:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._held: dict[Key, Fact | None] = {}
        self._added: set[Key] = set()
        self._changed: set[Key] = set()

    async def load(self, keys: Iterable[Key]) -> None:
        wanted = sorted(set(keys) - self._held.keys())
        self._held.update(dict.fromkeys(wanted))
        key = tuple_(city_facts.c.ward, city_facts.c.kind, city_facts.c.subject)
        for chunk in _chunks(wanted):
            rows = await self.session.execute(select(city_facts).where(key.in_(chunk)))
            for row in rows.mappings():
                fact = fact_from_row(row)
                self._held[(fact.ward, fact.kind, fact.subject)] = fact

    async def get(self, ward: str, kind: str, subject: str) -> Fact | None:
        if (ward, kind, subject) not in self._held:  # not foreseen by load: read it now
            await self.load([(ward, kind, subject)])
        return self._held[(ward, kind, subject)]

    async def add(self, fact: Fact) -> None:
        key = (fact.ward, fact.kind, fact.subject)
        self._held[key] = fact
        self._added.add(key)

    async def save(self, fact: Fact) -> None:
        key = (fact.ward, fact.kind, fact.subject)
        self._held[key] = fact
        if key not in self._added:
            self._changed.add(key)

    async def flush(self) -> None:
        added = [self._row(key) for key in sorted(self._added)]
        if added:
            await self.session.execute(city_facts.insert(), added)
        changed = [self._row(key, prefix="k_") for key in sorted(self._changed)]
        if changed:
            await self.session.execute(
                city_facts.update()
                .where(
                    and_(
                        city_facts.c.ward == bindparam("k_ward"),
                        city_facts.c.kind == bindparam("k_kind"),
                        city_facts.c.subject == bindparam("k_subject"),
                    )
                )
                .values(
                    fields=bindparam("fields"),
                    versions=bindparam("versions"),
                    first_seen=bindparam("first_seen"),
                ),
                changed,
            )
        self._added, self._changed = set(), set()

    def _row(self, key: Key, *, prefix: str = "") -> dict[str, Any]:
        fact = self._held[key]
        assert fact is not None
        ward, kind, subject = key
        keys = {f"{prefix}ward": ward, f"{prefix}kind": kind, f"{prefix}subject": subject}
        return {**keys, **fact_values(fact)}


class BatchedProjections:
    """:class:`~qcdc_gateway.unit_of_work.Projections` for one batch: ``load`` before the
    fold, ``flush`` after it, both inside the batch's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.log = BatchedLog(session)
        self.facts = BatchedFacts(session)
        self.ledger_heads = SqlLedgerHeads(session)

    async def load(self, event_ids: Sequence[str], fact_keys: Sequence[Key]) -> None:
        await self.log.load(event_ids)
        await self.facts.load(fact_keys)

    async def flush(self) -> None:
        await self.log.flush()
        await self.facts.flush()
