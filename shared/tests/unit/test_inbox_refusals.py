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

from qcdc_shared.envelope import IntegrationEvent, build_envelope
from qcdc_shared.inbox import OUTAGE_BACKOFF, IdempotentConsumer, store_unavailable

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
    forged = build_envelope(
        TaskProgressedV1(task_id="t-1"), ward="sai-gon", aggregate_id="t-1", sequence=1, time=NOW
    )
    msg = Message(
        subject="qcdc.ben-thanh.plans.task.progressed",
        data=forged.to_json(),
        metadata=Metadata(stream="QCDC_BEN_THANH"),
    )

    await consumer.process(msg)

    assert handled == [] and msg.outcome == ["term"]
    assert consumer.dead_lettered == 1 and consumer.processed == 0
    ((subject, letter),) = published
    assert subject == "dlq.ben-thanh.task-progress"
    assert letter["reason"] == "provenance: subject ward ben-thanh != envelope ward sai-gon"
    assert letter["original_stream"] == "QCDC_BEN_THANH"


READ_ONLY = OperationalError("INSERT", {}, Exception("attempt to write a readonly database"))


class Unwritable:
    """A sessionmaker whose database cannot write, as a read-only disk leaves SQLite."""

    def begin(self) -> Any:
        raise READ_ONLY


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


async def test_a_database_outage_never_dead_letters_an_event() -> None:
    published: list[str] = []

    async def publish(subject: str, payload: bytes, **_: Any) -> None:
        published.append(subject)

    async def handle(session: object, envelope: object) -> None:
        raise AssertionError("no session: the database is away")

    consumer = IdempotentConsumer(
        name="task-progress",
        ward="ben-thanh",
        sessionmaker=Unwritable(),  # type: ignore[arg-type]
        handle=handle,
        publish=publish,  # type: ignore[arg-type]
        contracts=NoContracts(),
        max_deliver=3,
    )
    event = build_envelope(
        TaskProgressedV1(task_id="t-1"), ward="ben-thanh", aggregate_id="t-1", sequence=1, time=NOW
    )
    outcomes = []
    for delivered in range(1, 9):  # far past max_deliver
        msg = Message(
            subject="qcdc.ben-thanh.plans.task.progressed",
            data=event.to_json(),
            metadata=Metadata(stream="QCDC_BEN_THANH", num_delivered=delivered),
        )
        await consumer.process(msg)
        outcomes += msg.outcome

    assert published == [] and consumer.dead_lettered == 0
    waits = [*OUTAGE_BACKOFF, *[OUTAGE_BACKOFF[-1]] * (8 - len(OUTAGE_BACKOFF))]
    assert outcomes == [f"nak {delay}" for delay in waits]
