"""What oversight's command handlers share: loading the record a command is about, and
recording the event a change publishes as the next in its aggregate's stream."""

from __future__ import annotations

from typing import Protocol, TypeVar

from qcdc_oversight.unit_of_work import Aggregate, OversightUnitOfWork
from qcdc_shared.envelope import IntegrationEvent
from qcdc_shared.refusals import NotFound

T = TypeVar("T", covariant=True)


class Keyed(Protocol[T]):
    async def get(self, key: str, /) -> T | None: ...


async def existing(repository: Keyed[T], key: str, what_vi: str, what_en: str) -> T:
    """The record under ``key``, or :class:`NotFound` (a 404 once ``run_command`` maps it)."""
    found = await repository.get(key)
    if found is None:
        raise NotFound(what_vi, what_en, key)
    return found


def announce(uow: OversightUnitOfWork, event: IntegrationEvent, of: Aggregate) -> None:
    """Record ``event`` in ``uow`` as version ``of.version`` of the aggregate ``of.id``."""
    uow.record(event, aggregate_id=of.id, sequence=of.version)
