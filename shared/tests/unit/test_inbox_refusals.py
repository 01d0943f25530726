"""An event the consumer may not believe goes to the dead letters with its reasons and touches
nothing else: no inbox row (no database at all), no handler call. An event the consumer could
not apply because the database was away never goes there, however long the outage."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, ProgrammingError

from qcdc_shared import inbox
from qcdc_shared.envelope import IntegrationEvent, build_envelope
from qcdc_shared.inbox import IdempotentConsumer, store_unavailable

pytestmark = pytest.mark.unit

NOW = dt.datetime(2025, 7, 10, 8, 30, tzinfo=dt.UTC)


class TaskProgressedV1(IntegrationEvent):
    service = "plans"
    aggregate = "task"
    event = "progressed"

    task_id: str


class NoContracts:
    def problems(self, type_: str, data: object) -> list[str]:
        return []


@dataclass
class Sequence:
    stream: int = 41


@dataclass
class Metadata:
    stream: str
    num_delivered: int = 1
    sequence: Sequence = field(default_factory=Sequence)


@dataclass
class Message:
    subject: str
    data: bytes
    metadata: Metadata
    headers: dict[str, str] | None = None
    outcome: list[str] = field(default_factory=list)

    async def ack(self) -> None:
        self.outcome.append("ack")

    async def nak(self, delay: float | None = None) -> None:
        self.outcome.append(f"nak {delay}")

    async def term(self) -> None:
        self.outcome.append("term")

    async def in_progress(self) -> None:
        self.outcome.append("in progress")


def progressed(*, ward: str) -> Message:
    """Task t-1's progress, as ``ward`` says, arriving on ben-thanh's subject and stream."""
    event = build_envelope(
        TaskProgressedV1(task_id="t-1"), ward=ward, aggregate_id="t-1", sequence=1, time=NOW
    )
    return Message(
        subject="qcdc.ben-thanh.plans.task.progressed",
        data=event.to_json(),
        metadata=Metadata(stream="QCDC_BEN_THANH"),
    )


def unusable_database() -> Any:
    raise AssertionError("a refused event must not open a transaction")


async def test_a_forged_ward_is_dead_lettered_and_nothing_else_happens() -> None:
    published: list[tuple[str, dict[str, Any]]] = []
    handled: list[object] = []

    async def publish(subject: str, payload: bytes, **_: Any) -> None:
        published.append((subject, json.loads(payload)))

    async def handle(session: object, envelope: object) -> None:
        handled.append(envelope)

    consumer = IdempotentConsumer(
        name="task-progress",
        ward="ben-thanh",
        sessionmaker=unusable_database,  # type: ignore[arg-type]
        handle=handle,
        publish=publish,  # type: ignore[arg-type]
        contracts=NoContracts(),
    )
    msg = progressed(ward="sai-gon")  # on ben-thanh's subject and stream

    await consumer.process(msg)

    assert handled == [] and msg.outcome == ["term"]
    assert consumer.dead_lettered == 1 and consumer.processed == 0
    ((subject, letter),) = published
    assert subject == "dlq.ben-thanh.task-progress"
    assert letter["reason"] == "provenance: subject ward ben-thanh != envelope ward sai-gon"
    assert letter["original_stream"] == "QCDC_BEN_THANH"


READ_ONLY = OperationalError("INSERT", {}, Exception("attempt to write a readonly database"))


class ReadOnlyFor:
    """A database that refuses every write for its first ``tries`` transactions, as a disk
    made read-only leaves SQLite; no transaction ever opens."""

    def __init__(self, tries: int) -> None:
        self.tries = tries

    def begin(self) -> Any:
        self.tries -= 1
        if self.tries >= 0:
            raise READ_ONLY
        raise ValueError("the handler's own failure, once the database answers")


@pytest.mark.parametrize(
    ("error", "outage"),
    [
        (READ_ONLY, True),
        (OperationalError("SELECT 1", {}, Exception("disk I/O error")), True),
        (DatabaseError("COMMIT", {}, Exception("database disk image is malformed")), True),
        (ProgrammingError("SELECT nope", {}, Exception("no such column")), False),
        (ConnectionRefusedError("postgres"), True),
        (IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed")), False),
        (ValueError("handler cannot apply this event"), False),
    ],
)
def test_what_counts_as_the_database_being_away(error: Exception, outage: bool) -> None:
    assert store_unavailable(error) is outage


async def test_a_database_outage_holds_the_event_and_counts_for_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Twelve refused transactions (an outage of any length), then the handler's own failure:
    the message was held all along (never redelivered, never dead-lettered), and that failure
    is its first."""
    monkeypatch.setattr(inbox, "OUTAGE_BACKOFF", (0.0,))
    published: list[str] = []

    async def publish(subject: str, payload: bytes, **_: Any) -> None:
        published.append(subject)

    async def handle(session: object, envelope: object) -> None:
        raise AssertionError("no transaction opens")

    consumer = IdempotentConsumer(
        name="task-progress",
        ward="ben-thanh",
        sessionmaker=ReadOnlyFor(12),  # type: ignore[arg-type]
        handle=handle,
        publish=publish,  # type: ignore[arg-type]
        contracts=NoContracts(),
        max_deliver=3,
    )
    msg = progressed(ward="ben-thanh")

    await consumer.process(msg)

    assert msg.outcome == ["in progress"] * 12 + ["nak 0.5"]  # the first retry's backoff
    assert published == [] and consumer.dead_lettered == 0
