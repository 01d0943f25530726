"""An event the consumer may not believe goes to the dead letters with its reasons and touches
nothing else: no inbox row (no database at all), no handler call."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from qcdc_shared.envelope import IntegrationEvent, build_envelope
from qcdc_shared.inbox import IdempotentConsumer

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
        self.outcome.append("nak")

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
