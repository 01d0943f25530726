"""Fakes for handler tests (cosmicpython's ``FakeUnitOfWork``): no database, no broker, a fixed
clock. A service's fake adds in-memory repositories; a test calls a handler the way a route
does (through ``run_command``) and reads what it left: ``uow.events`` (committed integration
events, in order), ``uow.audit_log`` and the repositories' contents.

What the fakes do not model, the integration tests cover: a rollback undoes staged events and
audit records here, but not what a handler already put into an in-memory repository (handlers
save last, after the domain has decided), and there are no database constraints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar

from qcdc_shared.clock import LOCAL_TZ, FixedClock
from qcdc_shared.envelope import Envelope, IntegrationEvent, build_envelope
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.unit_of_work import Actor

# A Thursday morning in Hồ Chí Minh City, far from any holiday: a handler test that needs
# another day says so.
DEFAULT_NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=LOCAL_TZ)

F = TypeVar("F", bound="FakeUnitOfWork")


@dataclass(frozen=True)
class AuditRecord:
    actor: str
    role: str
    action: str
    target: str
    outcome: str
    detail: dict[str, Any] | None
    at: dt.datetime


class FakeUnitOfWork:
    """The unit of work in memory: events and audit records are kept once committed."""

    def __init__(self, *, ward: str = "ben-thanh", clock: FixedClock | None = None) -> None:
        self._ward = ward
        self._clock = clock or FixedClock(DEFAULT_NOW)
        self.events: list[Envelope] = []
        self.audit_log: list[AuditRecord] = []
        self.commits = 0
        self._staged: list[Envelope] = []
        self._staged_audit: list[AuditRecord] = []

    @property
    def ward(self) -> str:
        return self._ward

    @property
    def clock(self) -> FixedClock:
        return self._clock

    def record(self, event: IntegrationEvent, *, aggregate_id: str, sequence: int) -> Envelope:
        envelope = build_envelope(
            event,
            ward=self._ward,
            aggregate_id=aggregate_id,
            sequence=sequence,
            time=self._clock.now(),
        )
        self._staged.append(envelope)
        return envelope

    async def audit(
        self,
        actor: Actor,
        *,
        action: str,
        target: str,
        outcome: str = "ok",
        detail: dict[str, Any] | None = None,
    ) -> None:
        record = AuditRecord(
            actor.sub, actor.role, action, target, outcome, detail, self._clock.now()
        )
        self._staged_audit.append(record)

    async def commit(self) -> None:
        self.events += self._staged
        self.audit_log += self._staged_audit
        self._staged, self._staged_audit = [], []
        self.commits += 1

    async def rollback(self) -> None:
        self._staged, self._staged_audit = [], []

    async def stage(self) -> None:
        """A consumer's unit of work: the inbox transaction commits what is staged."""
        await self.commit()

    async def __aenter__(self: F) -> F:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.rollback()

    def event_types(self) -> list[str]:
        """``vn.qcdc.<service>.<aggregate>.<event>.v<N>`` of every committed event, in order."""
        return [envelope.type for envelope in self.events]


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=Versioned)


@dataclass
class InMemoryRepository(Generic[V]):
    """A dict of aggregates by key with the optimistic version check of the SQL repositories
    (``save(..., expected_version=)`` raises :class:`ConcurrentChange` when it moved)."""

    items: dict[str, V] = field(default_factory=dict)

    async def get(self, key: str) -> V | None:
        return self.items.get(key)

    def put_new(self, key: str, item: V) -> None:
        if key in self.items:
            raise ConcurrentChange(f"{key} exists already")
        self.items[key] = item

    def replace(self, key: str, item: V, *, expected_version: int) -> None:
        current = self.items.get(key)
        if current is None or current.version != expected_version:
            raise ConcurrentChange(f"{key} changed since version {expected_version}")
        self.items[key] = item
