"""Time-driven changes (DESIGN §2): a sweeper asks the clock what time has made true (overdue,
expired, escalated) instead of a sleeping task per item.

An :class:`ItemSweep` finds what is due in one read, then handles each item in a unit of work
of its own: one item that fails, or that another process (a second instance, a restart)
handled first, is skipped until the next tick and never stops the others. What makes a second
attempt harmless is the handler's own check (a version, a unique row), which then raises
:class:`~qcdc_shared.refusals.ConcurrentChange` or an integrity error and rolls back unsent.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.exc import IntegrityError

from qcdc_shared.refusals import ConcurrentChange

log = logging.getLogger(__name__)

U = TypeVar("U", bound=Any)


@dataclass(frozen=True)
class ItemSweep(Generic[U]):
    name: str
    due: Callable[[U], Awaitable[Sequence[str]]]  # the ids time has made due, at uow.clock
    handle: Callable[[U, str], Awaitable[int]]  # records what happened; returns a count


async def sweep_each(
    new_uow: Callable[[], AbstractAsyncContextManager[U]], sweep: ItemSweep[U]
) -> int:
    """Run ``sweep`` once: one read, then each due item in its own committed unit of work."""
    async with new_uow() as uow:
        due = await sweep.due(uow)
    count = 0
    for item in due:
        try:
            async with new_uow() as uow:
                count += await sweep.handle(uow, item)
                await uow.commit()
        except (ConcurrentChange, IntegrityError):
            log.info("%s: %s changed meanwhile; retried next tick", sweep.name, item)
        except Exception:  # one item never stops the others
            log.exception("%s: %s failed; retried next tick", sweep.name, item)
    return count
