"""The dispatcher: one task in the gateway process that sends the recorded deliveries.

Each round it asks the database for the first pending delivery of each (active subscription,
ward, subject), attempts those that are due (different aggregates at once, a few at a time),
and records each outcome in a transaction of its own. So an aggregate's events go in order:
the one after a failure waits for it, other aggregates go on. A failure is tried again on the
schedule (Standard Webhooks' by default, over a day); when a delivery has spent its schedule,
its subscription is paused, every delivery kept, until an admin resumes it.

Crash-safety comes from the order of things: a delivery is marked delivered only after the
receiver's 2xx, so a crash between the two sends it again (once its lease ends, ``LEASE``),
under the same ``webhook-id`` (receivers deduplicate by it). The lease, taken in the database
before each attempt, also keeps two gateway processes from attempting the same delivery.

Due times come from the service's clock (the shared clock in development and tests); the
``webhook-timestamp`` a receiver checks against its own clock comes from ``signing_clock``, the
machine's real time.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any, TypeVar

from qcdc_gateway.webhooks.domain import Pending, after_failure, heads
from qcdc_gateway.webhooks.sender import TOTAL_SECONDS, Outcome, Sender
from qcdc_gateway.webhooks.store import WebhookStore
from qcdc_shared.clock import Clock, SystemClock
from qcdc_shared.db import to_its_end
from qcdc_shared.runtime import Runtime
from qcdc_shared.sealing import Sealer

log = logging.getLogger(__name__)
T = TypeVar("T")

# How many aggregates' deliveries are attempted at once, and looked at per round.
PARALLEL = 8
ROUND = 200
# The longest sleep between rounds: the shared clock may jump ahead (development), and another
# process may have written deliveries, without waking this one.
IDLE_SECONDS = 2.0
AFTER_ERROR_SECONDS = 2.0
# How long an attempt holds its delivery (longer than an attempt can last): a second gateway
# process leaves it alone meanwhile, and a process that died mid-attempt sends it again after.
LEASE = dt.timedelta(seconds=TOTAL_SECONDS + 20)


class Dispatcher:
    def __init__(
        self,
        runtime: Runtime,
        *,
        sender: Sender,
        sealer: Sealer,
        schedule: Sequence[dt.timedelta],
        signing_clock: Clock | None = None,
    ) -> None:
        self.runtime = runtime
        self.sender = sender
        self.sealer = sealer
        self.schedule = tuple(schedule)
        self.signing_clock = signing_clock or SystemClock()
        self._wake = asyncio.Event()
        self._secrets: dict[str, str] = {}

    def wake(self) -> None:
        """Something changed (new deliveries, a resume, a replay): look now."""
        self._wake.set()

    async def run(self) -> None:
        while True:
            try:
                wait = await self.round()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database away, say: try again soon, never stop
                log.exception("webhook dispatcher round failed")
                wait = AFTER_ERROR_SECONDS
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await self._wake.wait()

    async def round(self) -> float:
        """Attempt what is due; the seconds until the next delivery falls due (at most
        :data:`IDLE_SECONDS`)."""
        firsts = await to_its_end(self._firsts())
        now = self.runtime.clock.now()
        due = heads(firsts, now=now)
        if due:
            slots = asyncio.Semaphore(PARALLEL)

            async def attempt(item: Pending) -> None:
                async with slots:
                    await self.attempt(item)

            # Every attempt ends before the next round, a failing one included: an attempt
            # still running then could send the same delivery twice at once.
            results = await asyncio.gather(*(attempt(item) for item in due), return_exceptions=True)
            for item, result in zip(due, results, strict=True):
                if isinstance(result, Exception):
                    log.error("webhook delivery %s not attempted: %r", item.id, result)
            if any(isinstance(result, Exception) for result in results):
                return AFTER_ERROR_SECONDS
            return 0.0
        later = [item.due for item in firsts]
        if not later:
            return IDLE_SECONDS
        return max(0.0, min(IDLE_SECONDS, (min(later) - now).total_seconds()))

    async def attempt(self, item: Pending) -> None:
        lease = self.runtime.clock.now() + LEASE
        claim = asyncio.ensure_future(self._claim(item, lease))
        try:
            found = await asyncio.shield(claim)
        except asyncio.CancelledError:
            if await claim is not None:  # it went through meanwhile: give it back
                await to_its_end(self._release(item, lease))
            raise
        if found is None:
            return
        try:
            await self._send(found)
        except asyncio.CancelledError:
            # The service stops mid-attempt: due again at once for the next start, rather
            # than at the lease's end (only a process that dies waits for the lease).
            await to_its_end(self._release(item, lease))
            raise

    async def _firsts(self) -> list[Pending]:
        async with self.runtime.sessionmaker() as session:
            return await WebhookStore(session).firsts(ROUND)

    async def _claim(self, item: Pending, lease: dt.datetime) -> Any | None:
        """The delivery, claimed until ``lease``; None when it is no longer this round's."""
        async with self.runtime.sessionmaker.begin() as session:
            store = WebhookStore(session)
            found = await store.attempt_of(item.id)
            if found is None or found.state != "pending" or found.subscription_state != "active":
                return None  # delivered, cancelled or paused meanwhile
            # Claimed only if still due when the round saw it: a delivery another process
            # holds has a due time moved to its lease's end.
            if not await store.claim(item.id, due=item.due, until=lease):
                return None  # another process (or round) is attempting it
            return found

    async def _release(self, item: Pending, lease: dt.datetime) -> None:
        async with self.runtime.sessionmaker.begin() as session:
            await WebhookStore(session).claim(item.id, due=lease, until=item.due)

    async def _send(self, found: Any) -> None:
        """One attempt of a claimed delivery (a row of ``WebhookStore.attempt_of``), and its
        outcome recorded: delivered, or due again on the schedule, or the subscription paused."""
        try:
            secret = await to_its_end(self._secret(found.subscription_id))
        except Exception as unopened:  # e.g. sealed under an identity key no longer held
            log.error("webhook %s: secret not opened: %r", found.subscription_id, unopened)
            outcome = Outcome(status=None, error=f"secret not opened: {type(unopened).__name__}")
        else:
            outcome = await self.sender.send(
                found.url,
                secret=secret,
                msg_id=found.event_id,
                timestamp=self.signing_clock.now(),
                body=found.body.encode(),
            )
        await to_its_end(self._record(found, outcome))

    async def _record(self, found: Any, outcome: Outcome) -> None:
        """The attempt's outcome: delivered, or due again on the schedule, or the subscription
        paused once the schedule is spent."""
        delivery_id = found.id
        at = self.runtime.clock.now()
        async with self.runtime.sessionmaker.begin() as session:
            store = WebhookStore(session)
            if outcome.ok:
                assert outcome.status is not None
                await store.delivered(delivery_id, status=outcome.status, at=at)
                return
            error = outcome.error or "failed"
            retry = after_failure(found.step, failed_at=at, schedule=self.schedule)
            await store.failed(
                delivery_id,
                status=outcome.status,
                error=error,
                at=at,
                step=min(retry.step, len(self.schedule) - 1),
                next_at=retry.at or at,
            )
            if retry.at is None:
                reason = f"delivery of event {found.event_id} failed {retry.step} times: {error}"
                await store.set_state(found.subscription_id, state="paused", at=at, reason=reason)
                log.warning("webhook %s paused: %s", found.subscription_id, reason)

    async def _secret(self, subscription_id: str) -> str:
        secret = self._secrets.get(subscription_id)
        if secret is None:
            async with self.runtime.sessionmaker() as session:
                sealed = await WebhookStore(session).secrets()
            # Only this one: a secret that cannot be opened fails its own deliveries alone.
            secret = str(self.sealer.unseal(sealed[subscription_id])["secret"])
            self._secrets[subscription_id] = secret
        return secret
