"""What the city's pages and indicator routes compute from the facts, kept until the log
changes.

Computing the indicators walks every fact it covers: milliseconds for a district, seconds for a
year of Ho Chi Minh City (docs/performance.md). Every viewer of the overview asks for the same
numbers, so each view is computed once per change of the city's log and served from here.

A quick computation is redone by the request that finds the log changed, so a reader sees an
event as soon as the city has logged it. A slow one (``SLOW_SECONDS``) is served as it stands
while one background task computes it again: no request waits for that view, though the
computation runs on the event loop and slows whatever runs beside it, and what is served is
never older than about one computation (at most ``MAX_STALE_SECONDS``). A dashboard that
refetched while it was computed shows the new numbers at the next event or reload. Every view
carries the instant it was computed for (``as_of`` / ``now``), so a served number always says
when it held.
Even an unchanged log is recomputed after ``MAX_AGE_SECONDS`` of the service's clock: "now"
moves (what is overdue), a test's or the shared development clock may jump, and rows another
process wrote (``qcdc gateway rebuild``) are seen by then.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from qcdc_shared.clock import Clock

T = TypeVar("T")
Compute = Callable[[], Awaitable[Any]]

SLOW_SECONDS = 0.25
MAX_AGE_SECONDS = 60.0
MAX_STALE_SECONDS = 120.0
# Views are keyed by their query (period, as-of instant, ward): anyone can ask for new ones.
MAX_VIEWS = 256

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Held:
    value: Any
    version: int  # of the log it was computed from
    computed_at: dt.datetime  # by the service's clock (a test's or the shared one may jump)
    cost: float  # seconds the computation took


def _age(held: _Held, now: dt.datetime) -> float:
    """Seconds since ``held`` was computed; a clock set back makes it too old to serve."""
    seconds = (now - held.computed_at).total_seconds()
    return seconds if seconds >= 0 else float("inf")


class ComputedViews:
    def __init__(self, *, slow_seconds: float = SLOW_SECONDS) -> None:
        self.slow_seconds = slow_seconds
        self.version = 0
        self._held: OrderedDict[Hashable, _Held] = OrderedDict()
        self._locks: dict[Hashable, asyncio.Lock] = {}
        self._refreshing: dict[Hashable, asyncio.Task[Any]] = {}

    def changed(self) -> None:
        """The log changed (the consumer committed a batch): every view is out of date."""
        self.version += 1

    async def get(self, key: Hashable, compute: Callable[[], Awaitable[T]], *, clock: Clock) -> T:
        """The view ``compute`` makes, kept under ``key``; ``clock``: the service's."""
        held = self._held.get(key)
        if held is not None:
            self._held.move_to_end(key)
            age = _age(held, clock.now())
            if held.version == self.version and age < MAX_AGE_SECONDS:
                return held.value  # type: ignore[no-any-return]
            if held.cost >= self.slow_seconds and age < MAX_STALE_SECONDS:
                self._refresh_soon(key, compute, clock)
                return held.value  # type: ignore[no-any-return]
        return await self._compute(key, compute, clock)  # type: ignore[no-any-return]

    async def _compute(self, key: Hashable, compute: Compute, clock: Clock) -> Any:
        async with self._locks.setdefault(key, asyncio.Lock()):
            held = self._held.get(key)  # another request may have computed it meanwhile
            if held is not None and held.version == self.version:
                if _age(held, clock.now()) < MAX_AGE_SECONDS:
                    return held.value
            version, at, began = self.version, clock.now(), time.monotonic()
            value = await compute()
            self._held[key] = _Held(value, version, at, time.monotonic() - began)
            self._held.move_to_end(key)
            while len(self._held) > MAX_VIEWS:
                forgotten, _ = self._held.popitem(last=False)
                lock = self._locks.get(forgotten)
                if lock is not None and not lock.locked():  # else its computation is running
                    del self._locks[forgotten]
            return value

    def _refresh_soon(self, key: Hashable, compute: Compute, clock: Clock) -> None:
        if key in self._refreshing:
            return

        async def refresh() -> None:
            try:
                await self._compute(key, compute, clock)
            except Exception:  # the held view stays; the next request tries again
                log.exception("recomputing %s failed", key)
            finally:
                self._refreshing.pop(key, None)

        self._refreshing[key] = asyncio.create_task(refresh(), name=f"view {key}")

    async def close(self) -> None:
        for task in list(self._refreshing.values()):
            task.cancel()
        await asyncio.gather(*self._refreshing.values(), return_exceptions=True)
