"""What a handler holds (cosmicpython's unit of work): the ward, the clock, and one transaction in
which state changes, the events they cause and the audit record commit together.

A service's own protocol adds its repositories (``uow.postings``, ``uow.petitions``...). Two
implementations meet it: :class:`qcdc_shared.runtime.SqlUnitOfWork` (the database and the
outbox) and :class:`qcdc_shared.testing.fakes.FakeUnitOfWork` (memory, a fixed clock, events and
audit records collected for a test to read), so a handler runs unchanged on either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from qcdc_shared.clock import Clock, local_today
from qcdc_shared.envelope import Envelope, IntegrationEvent


class Actor(Protocol):
    """Who the audit names: a user's :class:`qcdc_shared.auth.Principal`, or the system."""

    @property
    def sub(self) -> str: ...

    @property
    def role(self) -> str: ...


@dataclass(frozen=True)
class SystemActor:
    sub: str
    role: str = "system"


SWEEPER = SystemActor("system:sweeper")  # what time made true, recorded by a sweep


class UnitOfWork(Protocol):
    @property
    def ward(self) -> str: ...

    @property
    def clock(self) -> Clock: ...

    def record(self, event: IntegrationEvent, *, aggregate_id: str, sequence: int) -> Envelope:
        """Stage an integration event; it is published only if the transaction commits."""
        ...

    async def audit(
        self,
        actor: Actor,
        *,
        action: str,
        target: str,
        outcome: str = "ok",
        detail: dict[str, Any] | None = None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None:
        """Undo the transaction and forget the events staged in it."""
        ...


def local_day(uow: UnitOfWork) -> dt.date:
    """Today by the unit of work's clock, in Viet Nam (CAL-COUNT counts local days)."""
    return local_today(uow.clock)
