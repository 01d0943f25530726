"""CloudEvents envelopes built from integration events, and read back (DESIGN §3)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

from qcdc_shared.envelope import (
    CONTENT_TYPE,
    Envelope,
    EnvelopeError,
    IntegrationEvent,
    build_envelope,
)

pytestmark = pytest.mark.unit

ICT = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2025, 7, 10, 8, 30, tzinfo=ICT)


class TaskProgressedV3(IntegrationEvent):
    # A synthetic event: shared code and its tests know no service's domain.
    service = "plans"
    aggregate = "task"
    event = "progressed"
    schema_version = 3

    task_id: str
    percent: int


EVENT = TaskProgressedV3(task_id="t-1", percent=40)


def _build(**overrides: Any) -> Envelope:
    arguments: dict[str, Any] = {
        "ward": "ben-thanh",
        "aggregate_id": "t-1",
        "sequence": 4,
        "time": NOW,
    }
    return build_envelope(EVENT, **(arguments | overrides))


def _raw(**changes: Any) -> str:
    document = json.loads(_build().to_json())
    for key, value in changes.items():
        if value is None:
            del document[key]
        else:
            document[key] = value
    return json.dumps(document)


def test_the_event_names_its_contract() -> None:
    assert TaskProgressedV3.contract_name() == "plans.task.progressed"
    assert TaskProgressedV3.type_name() == "vn.qcdc.plans.task.progressed.v3"
    assert TaskProgressedV3.dataschema() == "urn:qcdc:contracts:events:plans.task.progressed:v3"
    assert TaskProgressedV3.schema_path() == "events/plans.task.progressed/v3.json"


def test_build_envelope_fills_the_cloudevents_attributes() -> None:
    envelope = _build()
    assert uuid.UUID(envelope.id).version == 4
    assert envelope.specversion == "1.0"
    assert envelope.source == "/wards/ben-thanh/plans"
    assert envelope.type == "vn.qcdc.plans.task.progressed.v3"
    assert envelope.subject == "t-1"
    assert envelope.time == NOW
    assert envelope.dataschema == TaskProgressedV3.dataschema()
    assert envelope.data == {"task_id": "t-1", "percent": 40}
    assert (envelope.ward, envelope.sequence) == ("ben-thanh", 4)
    assert (envelope.contract_name, envelope.schema_version, envelope.service) == (
        "plans.task.progressed",
        3,
        "plans",
    )


def test_each_envelope_gets_its_own_id_unless_one_is_given() -> None:
    assert _build().id != _build().id
    assert _build(event_id="5d7c0c52-2f0e-4c61-9b8e-3f1f0a1d2c3b").id.startswith("5d7c")


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        _build(time=dt.datetime(2025, 7, 10, 8, 30))


@pytest.mark.parametrize("sequence", [0, -1])
def test_sequence_starts_at_one(sequence: int) -> None:
    with pytest.raises(ValueError):
        _build(sequence=sequence)


def test_the_nats_subject_comes_from_the_type() -> None:
    assert _build().nats_subject == "qcdc.ben-thanh.plans.task.progressed"


def test_json_round_trip() -> None:
    envelope = _build()
    raw = envelope.to_json()
    assert json.loads(raw)["datacontenttype"] == "application/json"
    assert Envelope.from_json(raw) == envelope
    assert Envelope.from_json(raw.decode()) == envelope


def test_the_cloudevents_sdk_reads_it() -> None:
    envelope = _build()
    event = JSONFormat().read(CloudEvent, envelope.to_json())
    assert JSONFormat().get_content_type() == CONTENT_TYPE
    assert (event.get_id(), event.get_type(), event.get_source()) == (
        envelope.id,
        envelope.type,
        envelope.source,
    )
    assert event.get_time() == NOW
    assert event.get_extension("ward") == "ben-thanh"
    assert event.get_extension("sequence") == 4
    assert event.get_data() == {"task_id": "t-1", "percent": 40}


def test_the_cloudevents_sdk_output_is_read_back() -> None:
    written = JSONFormat().write(JSONFormat().read(CloudEvent, _build().to_json()))
    assert Envelope.from_json(written) == _build(event_id=json.loads(written)["id"])


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        "[]",
        _raw(id=None),
        _raw(data=None),
        _raw(sequence=None),
        _raw(type="com.example.task.progressed"),
        _raw(type="vn.qcdc.plans.task.progressed"),
        _raw(type="vn.qcdc.unknown.task.progressed.v1"),
        _raw(ward="Ben Thanh"),
        _raw(ward="ben--thanh"),
        _raw(source="wards/ben-thanh/plans"),
        _raw(specversion="0.3"),
        _raw(time="yesterday"),
        _raw(sequence=0),
    ],
    ids=[
        "malformed",
        "not-object",
        "no-id",
        "no-data",
        "no-sequence",
        "foreign-type",
        "unversioned-type",
        "unknown-service",
        "ward-not-slug",
        "ward-double-dash",
        "bad-source",
        "old-spec",
        "bad-time",
        "sequence-zero",
    ],
)
def test_from_json_refuses_what_is_not_a_qcdc_cloudevent(raw: str) -> None:
    with pytest.raises(EnvelopeError):
        Envelope.from_json(raw)


def test_unknown_extensions_are_kept() -> None:
    envelope = Envelope.from_json(_raw(traceparent="00-" + "1" * 32 + "-" + "2" * 16 + "-01"))
    assert b"traceparent" in envelope.to_json()


def test_from_json_refuses_a_naive_time() -> None:
    with pytest.raises(EnvelopeError):
        Envelope.from_json(_raw(time="2025-07-10T08:30:00"))
