"""Idempotent, order-tolerant consumption of events (DESIGN §3, §4).

``IdempotentConsumer.process`` takes one JetStream message: a message that is not a QCDC
CloudEvent, or one the consumer may not believe (``provenance.refusals``: a forged ward, the
wrong stream, an unknown ward, data against its contract, an impossible sequence), goes
straight to the dead letters with every reason (redelivery cannot cure it) and changes nothing
else. Otherwise the event id is recorded in the inbox in the same transaction as the handler's
effect, so a redelivery changes nothing. A failing handler is retried with backoff
(``nak(delay)``) up to ``max_deliver`` deliveries, then dead-lettered to
``dlq.<ward>.<consumer>`` with the reason and delivery count, and the consumer carries on with
the next message. A database that is away (``store_unavailable``) is not the event's fault:
the consumer holds the message and tries again for as long as the outage lasts, which neither
dead-letters it nor counts as a delivery.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
import json
import logging
from collections.abc import Awaitable, Callable, Collection, Sequence
from typing import Any, Protocol

from nats.js.api import PubAck
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from qcdc_shared.db import store_unavailable, to_its_end
from qcdc_shared.envelope import Envelope, EnvelopeError
from qcdc_shared.provenance import Arrival, Contracts, refusals
from qcdc_shared.published_contracts import published_contracts
from qcdc_shared.subjects import dlq_subject
from qcdc_shared.tables import inbox

log = logging.getLogger(__name__)

Handler = Callable[[AsyncSession, Envelope], Awaitable[None]]
# A batch's new events, in stream order, in the batch's transaction (what a consumer that folds
# many events gives to read and write once per batch instead of once per event).
BatchHandler = Callable[[AsyncSession, Sequence[Envelope]], Awaitable[None]]
Publish = Callable[..., Awaitable[PubAck]]
DEFAULT_BACKOFF = (0.5, 2.0, 10.0, 30.0)
# Between tries while the database is away: soon after it returns, whatever the outage lasted.
OUTAGE_BACKOFF = (0.5, 1.0, 2.0, 5.0)


class JetStreamMessage(Protocol):
    """What we use of nats-py's ``Msg`` (FastStream hands it over as ``raw_message``)."""

    subject: str
    data: bytes
    headers: dict[str, str] | None

    @property
    def metadata(self) -> Any: ...
    async def ack(self) -> None: ...
    async def nak(self, delay: float | None = None) -> None: ...
    async def in_progress(self) -> None: ...
    async def term(self) -> None: ...


async def already_processed(session: AsyncSession, *, consumer: str, event_id: str) -> bool:
    found = await session.scalar(
        select(inbox.c.event_id).where(inbox.c.consumer == consumer, inbox.c.event_id == event_id)
    )
    return found is not None


def examined(
    msg: JetStreamMessage, *, wards: Collection[str], contracts: Contracts
) -> tuple[Envelope, None] | tuple[None, str]:
    """The message's event, or why it may not be believed (malformed, or
    ``provenance.refusals``): what the consumer dead-letters and a rebuild skips."""
    try:
        envelope = Envelope.from_json(msg.data)
    except EnvelopeError as error:
        return None, f"malformed event: {error}"
    refused = refusals(envelope, Arrival.of(msg), wards=wards, contracts=contracts)
    if refused:
        return None, "; ".join(refused)
    return envelope, None


class IdempotentConsumer:
    def __init__(
        self,
        *,
        name: str,
        ward: str,
        sessionmaker: async_sessionmaker[AsyncSession],
        handle: Handler,
        publish: Publish,
        max_deliver: int = 5,
        backoff: Sequence[float] = DEFAULT_BACKOFF,
        after_commit: Callable[[], None] | None = None,
        wards: Collection[str] | None = None,
        contracts: Contracts | None = None,
        handle_batch: BatchHandler | None = None,
    ) -> None:
        """``wards``: whose events it believes (the city's registry for the gateway), by
        default its own ``ward``'s only. ``contracts``: the published ones, unless a test's.
        ``handle_batch``: what :meth:`process_batch` gives a batch's events to, instead of
        ``handle`` one by one."""
        self.name = name
        self.ward = ward
        self.wards = frozenset(wards if wards is not None else (ward,))
        # Resolved now: a process that cannot find contracts/ fails at start, not per event.
        self._contracts = contracts or published_contracts()
        self._sessionmaker = sessionmaker
        self._handle = handle
        self._handle_batch = handle_batch
        self._publish = publish
        self.max_deliver = max_deliver
        self._backoff = tuple(backoff)
        # e.g. wake the outbox relay when a handler wrote events in the inbox transaction
        self._after_commit = after_commit
        self.processed = 0
        self.duplicates = 0
        self.dead_lettered = 0

    async def process(self, msg: JetStreamMessage) -> None:
        envelope = await self._believed(msg)
        if envelope is None:
            return
        try:
            await self._until_the_database_answers(
                lambda: self._apply(envelope), [msg], f"event {envelope.id}"
            )
        except Exception as error:
            delivered = int(msg.metadata.num_delivered)
            if delivered >= self.max_deliver:
                await self._dead_letter(msg, f"handler failed {delivered} times: {error!r}")
                return
            delay = self._backoff[min(delivered, len(self._backoff)) - 1]
            log.warning(
                "%s: event %s failed (%s), retry in %ss", self.name, envelope.id, error, delay
            )
            await msg.nak(delay=delay)
            return
        await msg.ack()

    async def process_batch(self, messages: Sequence[JetStreamMessage]) -> None:
        """A fetched batch, in stream order, in one transaction: each event's inbox row and
        effect commit together, every message is acknowledged after the commit. While the
        database is away the batch is held and tried again; if it fails for another reason,
        each message goes through :meth:`process` alone, so the one that fails is retried or
        dead-lettered by itself and the others are not held back."""
        believed = [(msg, envelope) for msg in messages if (envelope := await self._believed(msg))]
        if not believed:
            return
        envelopes = [envelope for _, envelope in believed]
        try:
            await self._until_the_database_answers(
                lambda: self._apply_all(envelopes),
                [msg for msg, _ in believed],
                f"a batch of {len(envelopes)}",
            )
        except Exception as error:
            log.warning("%s: batch of %d failed (%s), one by one", self.name, len(believed), error)
            for msg, _ in believed:
                await self.process(msg)
            return
        for msg, _ in believed:
            await msg.ack()

    async def _until_the_database_answers(
        self,
        apply: Callable[[], Awaitable[None]],
        messages: Sequence[JetStreamMessage],
        what: str,
    ) -> None:
        """``apply``, again and again while the database is away (``store_unavailable``):
        the messages are held meanwhile (``in_progress`` keeps the server from redelivering
        them), so an outage of any length neither dead-letters them nor counts towards it,
        and the consumer does not run ahead of what it could not apply. Any other failure is
        raised to the caller."""
        attempt = 0
        while True:
            try:
                await to_its_end(apply())
                return
            except Exception as error:
                if not store_unavailable(error):
                    raise
                delay = OUTAGE_BACKOFF[min(attempt, len(OUTAGE_BACKOFF) - 1)]
                attempt += 1
                log.warning(
                    "%s: %s waits for the database (%s), again in %ss",
                    self.name,
                    what,
                    error,
                    delay,
                )
                for msg in messages:
                    # NATS away too: the server redelivers later, nothing to hold.
                    with contextlib.suppress(Exception):
                        await msg.in_progress()
                await asyncio.sleep(delay)

    async def _believed(self, msg: JetStreamMessage) -> Envelope | None:
        """The message's event, or None once it went to the dead letters."""
        envelope, refused = examined(msg, wards=self.wards, contracts=self._contracts)
        if refused is not None:
            await self._dead_letter(msg, refused)
        return envelope

    async def _apply_all(self, envelopes: Sequence[Envelope]) -> None:
        async with self._sessionmaker.begin() as session:
            ids = [envelope.id for envelope in envelopes]
            seen = set(
                await session.scalars(
                    select(inbox.c.event_id).where(
                        inbox.c.consumer == self.name, inbox.c.event_id.in_(ids)
                    )
                )
            )
            fresh: list[Envelope] = []
            for envelope in envelopes:
                if envelope.id in seen:  # a redelivery, or the same event twice in the batch
                    continue
                seen.add(envelope.id)
                fresh.append(envelope)
            self.duplicates += len(envelopes) - len(fresh)
            if not fresh:
                return
            now = dt.datetime.now(dt.UTC)
            await session.execute(
                inbox.insert(),
                [
                    {"consumer": self.name, "event_id": envelope.id, "processed_at": now}
                    for envelope in fresh
                ],
            )
            if self._handle_batch is not None:
                await self._handle_batch(session, fresh)
            else:
                for envelope in fresh:
                    await self._handle(session, envelope)
        self.processed += len(fresh)
        if self._after_commit:
            self._after_commit()

    async def _apply(self, envelope: Envelope) -> None:
        try:
            async with self._sessionmaker.begin() as session:
                if await already_processed(session, consumer=self.name, event_id=envelope.id):
                    self.duplicates += 1
                    return
                await session.execute(
                    inbox.insert().values(
                        consumer=self.name,
                        event_id=envelope.id,
                        processed_at=dt.datetime.now(dt.UTC),
                    )
                )
                await self._handle(session, envelope)
            self.processed += 1
            if self._after_commit:
                self._after_commit()
        except IntegrityError:
            # A concurrent delivery of the same event won the insert: its effect stands.
            async with self._sessionmaker() as session:
                if not await already_processed(session, consumer=self.name, event_id=envelope.id):
                    raise
            self.duplicates += 1

    async def _dead_letter(self, msg: JetStreamMessage, reason: str) -> None:
        metadata = msg.metadata
        sequence = getattr(getattr(metadata, "sequence", None), "stream", None)
        record = {
            "consumer": self.name,
            "reason": reason,
            "delivery_count": int(metadata.num_delivered),
            "original_subject": msg.subject,
            "original_stream": getattr(metadata, "stream", None),
            "original_sequence": sequence,
            "original_headers": dict(msg.headers or {}),
            "original_data_base64": base64.b64encode(msg.data).decode(),
            "dead_lettered_at": dt.datetime.now(dt.UTC).isoformat(),
        }
        # Dedup key by origin, so a dead letter re-sent after a crash is stored once.
        msg_id = f"dlq:{self.name}:{record['original_stream']}:{sequence}"
        await self._publish(
            dlq_subject(ward=self.ward, consumer=self.name),
            json.dumps(record).encode(),
            headers={"Nats-Msg-Id": msg_id, "content-type": "application/json"},
        )
        self.dead_lettered += 1
        log.error("%s: dead-lettered stream seq %s: %s", self.name, sequence, reason)
        await msg.term()
