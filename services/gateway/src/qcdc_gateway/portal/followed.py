"""The ward-local portal's clock in development: its ward's shared clock, learned over HTTP.

The ward's services follow the development shared clock (an offset in the ``qcdc_clock``
bucket on their NATS server, :mod:`qcdc_shared.clock`) and say what time it is on ``/health``
(``{"clock": {"now": ...}, "city": {...}}``). The portal holds no NATS credential: it asks
its ward's petitions service instead, at start and every couple of seconds, and keeps the
difference from its own system clock (:class:`FollowedClock`). Whether the demo city is being
built comes along on the same answer (the ``/rules`` page says so). Production keeps the
system clock and makes no such call (:func:`qcdc_shared.runtime.make_clock` decides the same
way for the services).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Mapping

import httpx

from qcdc_shared.readiness import READY, CityState, CityStateHolder

log = logging.getLogger(__name__)

# The service whose /health gives the time: any of the ward's would do; this one takes the
# portal's writes, so its time is the one a receipt's due date is computed from.
TIME_SOURCE = "petitions"
EVERY_SECONDS = 2.0
ASK_TIMEOUT = 2.0


class FollowedClock:
    """The system time plus the offset a ward service's clock last showed (zero until then)."""

    def __init__(self, offset: dt.timedelta = dt.timedelta(0)) -> None:
        self.offset = offset
        self.followed = False  # whether any answer came yet

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset

    def learn(self, their_now: dt.datetime, *, sent: dt.datetime, received: dt.datetime) -> None:
        """``their_now``: the service's time, read between ``sent`` and ``received`` (system
        time): taken as the middle of the round trip."""
        middle = sent + (received - sent) / 2
        self.offset = their_now - middle
        self.followed = True


async def ask_once(
    clock: FollowedClock,
    city: CityStateHolder,
    url: str | None,
    client: httpx.AsyncClient,
) -> bool:
    """One look at ``url``'s /health; False (the clock unchanged) when it does not answer."""
    if not url:
        return False
    sent = dt.datetime.now(dt.UTC)
    try:
        reply = await client.get(f"{url}/health", timeout=ASK_TIMEOUT)
        received = dt.datetime.now(dt.UTC)
        body = reply.json()
        their_now = dt.datetime.fromisoformat(body["clock"]["now"])
    except (httpx.HTTPError, ValueError, KeyError, TypeError) as error:
        log.debug("the ward's clock did not answer: %s", type(error).__name__)
        return False
    if their_now.tzinfo is None:
        return False
    clock.learn(their_now, sent=sent, received=received)
    city.state = _city_state(body.get("city"), city.state)
    return True


def _city_state(shown: object, known: CityState) -> CityState:
    """The city's state as /health shows it (never the builder's key); ``known`` if unclear."""
    if not isinstance(shown, dict) or not isinstance(shown.get("ready"), bool):
        return known
    if shown["ready"]:
        return READY
    done, total = shown.get("weeks_done"), shown.get("weeks_total")
    if not isinstance(done, int) or not isinstance(total, int):
        return CityState(building=True)
    return CityState(building=True, done=done, total=total)


async def follow(
    clock: FollowedClock,
    city: CityStateHolder,
    urls: Callable[[], Mapping[str, str]],
    client: Callable[[], httpx.AsyncClient],
    every: float = EVERY_SECONDS,
) -> None:
    """Forever: the ward's time every ``every`` seconds, after the look at start (the
    service's address is read anew each time: a restarted service may answer on another
    port)."""
    while True:
        await asyncio.sleep(every)
        try:
            url = urls().get(TIME_SOURCE)
        except (OSError, ValueError):  # the topology file being rewritten: next time
            continue
        await ask_once(clock, city, url, client())
