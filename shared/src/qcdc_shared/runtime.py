"""What a running service holds: database, NATS link, clock, outbox relay, unit of work.

The broker being down never fails a request (DESIGN §4): the NATS link connects in the
background and keeps retrying, writes land in the outbox, and the relay sends them when the
link is up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import nats
from nats.aio.client import Client
from nats.js.api import PubAck
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from qcdc_shared.audit import record_audit
from qcdc_shared.auth import TokenVerifier
from qcdc_shared.clock import Clock, OffsetClock, SystemClock, watch_offset
from qcdc_shared.envelope import Envelope, IntegrationEvent, build_envelope
from qcdc_shared.outbox import OutboxRelay, add_to_outbox
from qcdc_shared.readiness import CityStateHolder, watch_city_state
from qcdc_shared.settings import Settings
from qcdc_shared.unit_of_work import Actor

log = logging.getLogger(__name__)

OnConnect = Callable[[Client], Awaitable[None]]
T = TypeVar("T")
U = TypeVar("U", bound="SqlUnitOfWork")


def redact_url(url: str) -> str:
    """``url`` without its userinfo (``nats://user:pass@host`` → ``nats://***@host``), for
    logs, errors and ``/health``: a server's address may carry its credentials."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable url>"
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))


class NatsLink:
    """One nats-py connection, made in the background and kept forever. ``url`` may carry
    credentials; only :attr:`shown` (without them) goes into a log line or an error."""

    def __init__(self, url: str, *, name: str, credentials: dict[str, str] | None = None) -> None:
        self.url = url
        self.shown = redact_url(url)
        self.name = name
        self._credentials = credentials or {}
        self.client: Client | None = None
        self._on_connect: list[OnConnect] = []
        self._first_connect = asyncio.Event()

    def on_connect(self, callback: OnConnect) -> None:
        self._on_connect.append(callback)

    @property
    def connected(self) -> bool:
        return self.client is not None and self.client.is_connected

    async def run(self) -> None:
        delay = 0.2
        while self.client is None:
            try:
                # A bounded first connect: with -1 nats-py retries inside connect() forever,
                # and on Python 3.11 its wait_for can turn a cancellation into a connection
                # error it retries, so stopping the service hung while NATS was down.
                client = await nats.connect(
                    self.url,
                    name=self.name,
                    max_reconnect_attempts=1,
                    reconnect_time_wait=0.5,
                    connect_timeout=2,
                    allow_reconnect=True,
                    **self._credentials,
                )
            except Exception as error:  # no server yet: keep serving, try again
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise asyncio.CancelledError from error  # a cancellation nats-py lost
                log.warning(
                    "NATS %s not reachable (%s); retrying in %.1fs", self.shown, error, delay
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            client.options["max_reconnect_attempts"] = -1  # once linked, reconnect forever
            try:
                for callback in self._on_connect:
                    await callback(client)
            except Exception as error:  # e.g. JetStream not ready yet: start over
                log.warning("NATS %s linked but not ready (%s); retrying", self.shown, error)
                await client.close()
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            self.client = client
            self._first_connect.set()
            log.info("connected to NATS %s", self.shown)

    async def wait_connected(self) -> None:
        await self._first_connect.wait()

    async def publish(self, subject: str, payload: bytes, **kwargs: Any) -> PubAck:
        if self.client is None or not self.client.is_connected:
            raise ConnectionError(f"NATS {self.shown} is not connected")
        return await self.client.jetstream().publish(subject, payload, **kwargs)

    async def close(self) -> None:
        if self.client is not None:
            with contextlib.suppress(Exception):
                await self.client.close()


@dataclass
class Runtime:
    settings: Settings
    service: str
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    clock: Clock
    link: NatsLink
    relay: OutboxRelay
    verifier: TokenVerifier
    unit_of_work: Callable[[Runtime], SqlUnitOfWork] = field(default=lambda r: SqlUnitOfWork(r))
    city: CityStateHolder = field(default_factory=CityStateHolder)
    consumes: bool = False  # durable consumers: readiness then needs the NATS link
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    @property
    def ward(self) -> str:
        return self.settings.ward

    def envelope(self, event: IntegrationEvent, *, aggregate_id: str, sequence: int) -> Envelope:
        return build_envelope(
            event,
            ward=self.ward,
            aggregate_id=aggregate_id,
            sequence=sequence,
            time=self.clock.now(),
        )

    def uow(self) -> SqlUnitOfWork:
        """A unit of work of the service's own kind (its repositories), from ``main.py``."""
        return self.unit_of_work(self)


def make_clock(settings: Settings, link: NatsLink, city: CityStateHolder) -> Clock:
    """Production reads the system clock only; development follows the shared city clock,
    and whether the demo city is being built (``city``, see :mod:`qcdc_shared.readiness`)."""
    if settings.env == "production":
        return SystemClock()
    clock = OffsetClock(followed=False)

    async def follow(client: Client) -> None:
        for watch in (
            watch_offset(client.jetstream(), clock),
            watch_city_state(client.jetstream(), city),
        ):
            task = asyncio.create_task(watch)
            _background.add(task)
            task.add_done_callback(_background.discard)

    link.on_connect(follow)
    return clock


_background: set[asyncio.Task[None]] = set()


class SqlUnitOfWork:
    """One database transaction: state changes, the events they cause (outbox rows) and the
    audit record commit together (:class:`qcdc_shared.unit_of_work.UnitOfWork`). A service's
    subclass adds its repositories over ``self.session``."""

    def __init__(self, runtime: Runtime, session: AsyncSession | None = None) -> None:
        self.runtime = runtime
        self.session: AsyncSession = session or runtime.sessionmaker()
        self._events: list[Envelope] = []

    @property
    def ward(self) -> str:
        return self.runtime.ward

    @property
    def clock(self) -> Clock:
        return self.runtime.clock

    @classmethod
    def joining(cls: type[U], runtime: Runtime, session: AsyncSession) -> U:
        """Work inside a transaction someone else commits (a consumer's inbox transaction):
        call ``stage()`` to write the recorded events to the outbox, never ``commit()``."""
        return cls(runtime, session)

    async def stage(self) -> None:
        await add_to_outbox(self.session, *self._events)
        self._events = []

    async def __aenter__(self: U) -> U:
        await self.session.begin()
        return self

    def record(self, event: IntegrationEvent, *, aggregate_id: str, sequence: int) -> Envelope:
        envelope = self.runtime.envelope(event, aggregate_id=aggregate_id, sequence=sequence)
        self._events.append(envelope)
        return envelope

    async def commit(self) -> None:
        await add_to_outbox(self.session, *self._events)
        await self.session.commit()
        if self._events:
            self.runtime.relay.notify()
        self._events = []

    async def rollback(self) -> None:
        await self.session.rollback()
        self._events = []

    async def audit(
        self,
        actor: Actor,
        *,
        action: str,
        target: str,
        outcome: str = "ok",
        detail: dict[str, Any] | None = None,
    ) -> None:
        await record_audit(
            self.session,
            actor=actor.sub,
            role=actor.role,
            ward=self.runtime.ward,
            action=action,
            target=target,
            outcome=outcome,
            detail=detail,
            at=self.clock.now(),
        )

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.session.in_transaction():
            await self.session.rollback()
        await self.session.close()
