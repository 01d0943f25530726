"""Transactional outbox (DESIGN §4): the state change and its events commit together.

``add_to_outbox`` writes rows in the caller's transaction. ``OutboxRelay`` publishes unsent rows
to JetStream, each aggregate's in commit order and one acknowledged publish at a time (a failed
publish is retried before anything after it in its aggregate, so per-aggregate order survives
broker outages), several aggregates side by side, with
``Nats-Msg-Id`` = event id so a row re-sent after a crash between publish and mark is dropped
by the stream's duplicate window. The relay's periodic sweep picks up rows that a crashed
process committed but never sent.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nats.js.api import PubAck
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from qcdc_shared.db import to_its_end
from qcdc_shared.envelope import CONTENT_TYPE, Envelope
from qcdc_shared.tables import outbox
from qcdc_shared.telemetry import current_trace_context, publish_span

log = logging.getLogger(__name__)

# The relay's statements, built once (a drain runs after every command's commit).
_INSERT = outbox.insert()
_UNSENT = (
    select(
        outbox.c.position,
        outbox.c.event_id,
        outbox.c.subject,
        outbox.c.aggregate_id,
        outbox.c.payload,
        outbox.c.headers,
    )
    .where(outbox.c.sent_at.is_(None))
    .order_by(outbox.c.position)
    .limit(bindparam("batch"))
)
_MARK_SENT = (
    update(outbox)
    .where(outbox.c.position.in_(bindparam("positions", expanding=True)))
    .values(sent_at=bindparam("now"), attempts=outbox.c.attempts + 1)
)

# (subject, payload, headers) -> ack; nats-py's JetStreamContext.publish fits, tests may wrap it.
Publish = Callable[..., Awaitable[PubAck]]


async def add_to_outbox(session: AsyncSession, *envelopes: Envelope) -> None:
    """Stage events in the caller's transaction; nothing is sent until it commits."""
    if not envelopes:
        return
    trace_headers = current_trace_context()
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "event_id": envelope.id,
            "subject": envelope.nats_subject,
            "aggregate_id": envelope.subject,
            "payload": envelope.to_json().decode(),
            "headers": trace_headers,
            "recorded_at": now,
            "attempts": 0,
        }
        for envelope in envelopes
    ]
    # All of a command's events in one statement; one (the usual) as a plain execute, which
    # skips the executemany path's per-batch work.
    await session.execute(_INSERT, rows[0] if len(rows) == 1 else rows)


async def outbox_backlog(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).where(outbox.c.sent_at.is_(None))) or 0)


@dataclass
class RelayStats:
    published: int = 0
    duplicates: int = 0  # acks where JetStream said "already have this Nats-Msg-Id"
    failures: int = 0
    last_error: str | None = None


class OutboxRelay:
    """Publishes committed outbox rows, in order within each aggregate; safe to crash and
    restart at any point."""

    # Aggregates published side by side (each one's events still one at a time).
    LANES = 16

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        publish: Publish,
        *,
        batch_size: int = 200,
        sweep_interval: float = 1.0,
        publish_timeout: float = 2.0,
        max_backoff: float = 5.0,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._publish = publish
        self._batch_size = batch_size
        self._sweep_interval = sweep_interval
        self._publish_timeout = publish_timeout
        self._max_backoff = max_backoff
        self._wake = asyncio.Event()
        self.stats = RelayStats()

    def notify(self) -> None:
        """Call after a commit that added rows, to publish without waiting for the sweep."""
        self._wake.set()

    async def run(self) -> None:
        backoff = 0.05
        while True:
            try:
                await self.drain()
                backoff = 0.05
                timeout = self._sweep_interval
            except Exception as error:  # the broker or database is down: keep rows, retry
                self.stats.failures += 1
                self.stats.last_error = f"{type(error).__name__}: {error}"
                log.warning("outbox relay paused: %s", self.stats.last_error)
                timeout = backoff
                backoff = min(backoff * 2, self._max_backoff)
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancellation
            # that arrives as the wake-up does, and the relay would then never stop.
            try:
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
            except TimeoutError:
                pass
            self._wake.clear()

    async def drain(self) -> int:
        """Publish every unsent row, oldest first; returns how many were sent."""
        sent = 0
        while True:
            async with self._sessionmaker() as session:
                rows = (await session.execute(_UNSENT, {"batch": self._batch_size})).all()
            if not rows:
                return sent
            published: list[int] = []
            try:
                await self._publish_in_lanes(rows, published)
            finally:
                # Mark what JetStream acknowledged even when a later row failed.
                if published:
                    await to_its_end(self._mark_sent(published))
                    sent += len(published)

    async def _publish_in_lanes(self, rows: Sequence[Any], published: list[int]) -> None:
        """Each aggregate's rows one after another, each waiting for its ack (a failed row
        stops its aggregate: what follows it waits for the next drain, so an aggregate's order
        survives any failure); ``LANES`` aggregates side by side, since one at a time the
        relay waits a round trip per event (docs/decisions/0011)."""
        by_aggregate: dict[str, list[Any]] = {}
        for row in rows:
            by_aggregate.setdefault(row.aggregate_id, []).append(row)
        queue = list(by_aggregate.values())
        queue.reverse()  # pop() takes the aggregate whose first row is oldest
        failures: list[BaseException] = []

        async def lane() -> None:
            while queue and not failures:
                for row in queue.pop():
                    try:
                        await self._publish_row(row)
                    except Exception as error:
                        failures.append(error)
                        return
                    published.append(row.position)

        await asyncio.gather(*(lane() for _ in range(min(self.LANES, len(queue)))))
        if failures:
            raise failures[0]

    async def _publish_row(self, row: Any) -> None:
        headers = {"Nats-Msg-Id": row.event_id, "content-type": CONTENT_TYPE, **(row.headers or {})}
        # The publish continues the trace of the request that wrote the row, and the message
        # carries the publish's own traceparent: a consumer's span is its child.
        with publish_span(row.subject, row.event_id, row.headers) as carrier:
            headers.update(carrier)
            ack = await self._publish(
                row.subject, row.payload.encode(), timeout=self._publish_timeout, headers=headers
            )
        self.stats.published += 1
        if ack.duplicate:
            self.stats.duplicates += 1

    async def _mark_sent(self, positions: list[int]) -> None:
        async with self._sessionmaker.begin() as session:
            await session.execute(
                _MARK_SENT, {"positions": positions, "now": dt.datetime.now(dt.UTC)}
            )
