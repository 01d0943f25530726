"""What the gateway's handlers hold: the unit of work with the city's repositories, as
protocols (what a handler may ask) and their SQL implementation. The in-memory one for handler
tests is in :mod:`qcdc_gateway.fakes`.

Two kinds of handler use them: the fold of every ward's event into the city's projections (the
log, the facts, the ledger heads), which the durable consumer runs in its inbox transaction
and ``qcdc gateway rebuild`` runs with no service around it (hence :class:`Projections`, the
repositories alone); and the commands on the city's queue, run by ``run_command``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.adapters.facts import SqlFacts
from qcdc_gateway.adapters.ledger_heads import SqlLedgerHeads
from qcdc_gateway.adapters.log import SqlCityLog
from qcdc_gateway.adapters.queue import EscalationRepository
from qcdc_gateway.domain.facts import Fact
from qcdc_gateway.domain.projection import HeldHead, LedgerHead
from qcdc_gateway.domain.queue import Escalation
from qcdc_shared.envelope import Envelope
from qcdc_shared.runtime import Runtime, SqlUnitOfWork
from qcdc_shared.unit_of_work import UnitOfWork


class CityLog(Protocol):
    async def has(self, event_id: str) -> bool: ...
    async def append(self, envelope: Envelope, *, received_at: dt.datetime) -> None: ...


class Facts(Protocol):
    async def get(self, ward: str, kind: str, subject: str) -> Fact | None: ...
    async def add(self, fact: Fact) -> None: ...
    async def save(self, fact: Fact) -> None: ...


class LedgerHeads(Protocol):
    async def get(self, ward: str, sequence: int) -> HeldHead | None: ...
    async def add(self, head: LedgerHead, *, at: dt.datetime) -> None: ...
    async def add_conflict(self, head: LedgerHead, *, at: dt.datetime) -> None:
        """Keep ``head``'s hash beside the one held for its entry, as evidence."""
        ...


class Escalations(Protocol):
    async def get(self, item_id: str) -> Escalation | None: ...
    async def save(self, item: Escalation, *, expected_version: int, at: dt.datetime) -> None:
        """Store the city's handling of ``item``; version 0 is an item never acted on."""
        ...

    async def add_note(self, item_id: str, *, author: str, text: str, at: dt.datetime) -> None: ...


class Projections(Protocol):
    """The city's projections of every ward's events (read-only properties, so any
    implementation of each repository protocol fits)."""

    @property
    def log(self) -> CityLog: ...

    @property
    def facts(self) -> Facts: ...

    @property
    def ledger_heads(self) -> LedgerHeads: ...


class ProjectionBatch(Projections, Protocol):
    """The projections for a batch of events: what it touches read before the fold, written
    after it."""

    async def load(
        self, event_ids: Sequence[str], fact_keys: Sequence[tuple[str, str, str]]
    ) -> None: ...
    async def flush(self) -> None: ...


class GatewayUnitOfWork(UnitOfWork, Projections, Protocol):
    @property
    def escalations(self) -> Escalations: ...


class SqlGatewayUnitOfWork(SqlUnitOfWork):
    def __init__(self, runtime: Runtime, session: AsyncSession | None = None) -> None:
        super().__init__(runtime, session)
        self.log = SqlCityLog(self.session)
        self.facts = SqlFacts(self.session)
        self.ledger_heads = SqlLedgerHeads(self.session)
        self.escalations = EscalationRepository(self.session)
