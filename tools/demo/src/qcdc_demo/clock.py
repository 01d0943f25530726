"""Walking the shared development clock (``qcdc clock``) through the demo's history.

Every service watches the offset in the NATS key-value bucket; after each move the walk waits
until every service of the demo's wards reports the new time on ``/health``, so the calls of
the step are dated by the step, never by the one before.

The walk ends where it began: the offset found at the start is the city's present (zero, or
the instant ``qcdc run --clock-at`` and the test harness pin). While it walks, the city is
marked as building (``qcdc_shared.readiness``): the services take only the builder's writes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

import httpx

from qcdc_demo.client import DemoError
from qcdc_shared import clock as shared_clock
from qcdc_shared.readiness import READY, CityState
from qcdc_shared.tooling.brokers import Brokers, brokers_of

log = logging.getLogger(__name__)

FOLLOW_TIMEOUT_SECONDS = 20.0
# Far below a step (a week) and far above the time a /health answer takes to arrive.
FOLLOW_TOLERANCE = dt.timedelta(minutes=5)


async def _log_error(error: Exception) -> None:
    # Quiet: Ctrl-C stops nats-server with `qcdc run`; the walk reports what it could not do.
    log.debug("shared clock connection: %r", error)


class SharedClock:
    def __init__(
        self,
        brokers: Brokers,
        http: httpx.AsyncClient,
        health_urls: list[str],
        builder: CityState,
    ) -> None:
        self._brokers = brokers
        self._http = http
        self._health_urls = health_urls
        self.builder = builder
        self.offset = self.present = dt.timedelta(0)

    @classmethod
    async def connect(
        cls,
        topology: Mapping[str, Any],
        http: httpx.AsyncClient,
        health_urls: list[str],
        builder: CityState | None = None,
    ) -> SharedClock:
        """Connect to every server of the city, take the current offset as the present, and
        mark the city as building (with the launcher's mark when it made one, so its key
        stays valid)."""
        brokers = await Brokers.connect(
            brokers_of(topology), connect_timeout=5, max_reconnect_attempts=3, error_cb=_log_error
        )
        walker = cls(brokers, http, health_urls, builder or CityState.building_now())
        walker.offset = walker.present = await brokers.read_offset()
        await brokers.write_city_state(walker.builder)
        return walker

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset

    async def move_to(self, instant: dt.datetime | None) -> None:
        """Make the city's ``now`` equal ``instant`` (``None``: the present)."""
        real_now = dt.datetime.now(dt.UTC)
        offset = self.present
        if instant is not None:
            offset = shared_clock.offset_to_reach(instant, real_now=real_now)
        await self._brokers.write_offset(offset)
        self.offset = offset
        await self._followed()

    async def progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` weeks walked, for /readyz, /health and the dashboard."""
        self.builder = self.builder.progress(done, total)
        await self._brokers.write_city_state(self.builder)

    async def _followed(self) -> None:
        pending = list(self._health_urls)
        try:
            async with asyncio.timeout(FOLLOW_TIMEOUT_SECONDS):
                while pending:
                    results = await asyncio.gather(
                        *(self._follows(url) for url in pending), return_exceptions=True
                    )
                    pending = [u for u, ok in zip(pending, results, strict=True) if ok is not True]
                    if pending:
                        await asyncio.sleep(0.05)
        except TimeoutError:
            raise DemoError(
                f"services did not follow the shared clock in {FOLLOW_TIMEOUT_SECONDS:.0f}s: "
                + ", ".join(sorted(pending))
            ) from None

    async def _follows(self, url: str) -> bool:
        response = await self._http.get(f"{url}/health")
        service_now = dt.datetime.fromisoformat(response.json()["clock"]["now"])
        return abs(service_now - self.now()) < FOLLOW_TOLERANCE

    async def close(self) -> None:
        """Leave the city at its present and ready, whatever happened during the walk."""
        try:
            async with asyncio.timeout(5):
                await self._brokers.write_offset(self.present)
                self.offset = self.present
                await self._brokers.write_city_state(READY)
        finally:
            await self._brokers.close()
