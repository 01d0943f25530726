"""``aggregateversion`` beside the deprecated ``sequence`` (docs/decisions/0016)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

from qcdc_shared.envelope import (
    AGGREGATE_VERSION,
    Envelope,
    EnvelopeError,
    IntegrationEvent,
    build_envelope,
)
from qcdc_shared.tooling.contracts import envelope_schema
from qcdc_shared.tooling.schema_evolution import classify_change

pytestmark = pytest.mark.unit

NOW = dt.datetime(2025, 7, 10, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
ROOT = Path(__file__).resolve().parents[3]


class TaskProgressedV1(IntegrationEvent):
    service = "plans"
    aggregate = "task"
    event = "progressed"

    task_id: str


def _envelope() -> Envelope:
    return build_envelope(
        TaskProgressedV1(task_id="t-1"), ward="ben-thanh", aggregate_id="t-1", sequence=4, time=NOW
    )


def test_a_new_event_carries_both_names_with_one_value() -> None:
    document = json.loads(_envelope().to_json())
    assert (document[AGGREGATE_VERSION], document["sequence"]) == (4, 4)
    assert _envelope().version == 4


def test_the_name_is_a_valid_cloudevents_attribute_name() -> None:
    # CloudEvents 1.0: lower-case a-z and 0-9 only; at most 20 characters advised.
    assert AGGREGATE_VERSION.isalnum() and AGGREGATE_VERSION.islower()
    assert len(AGGREGATE_VERSION) <= 20


def test_an_event_published_before_it_still_parses_and_orders() -> None:
    old = json.loads(_envelope().to_json())
    del old[AGGREGATE_VERSION]
    envelope = Envelope.from_json(json.dumps(old))
    assert (envelope.aggregateversion, envelope.version, envelope.sequence) == (4, 4, 4)


def test_names_that_disagree_are_refused() -> None:
    raw = json.loads(_envelope().to_json()) | {AGGREGATE_VERSION: 5}
    with pytest.raises(EnvelopeError, match="differ"):
        Envelope.from_json(json.dumps(raw))


def test_the_cloudevents_sdk_round_trips_it_in_structured_mode() -> None:
    envelope = _envelope()
    event = JSONFormat().read(CloudEvent, envelope.to_json())
    assert event.get_extension(AGGREGATE_VERSION) == 4
    assert event.get_extension("sequence") == 4
    written = JSONFormat().write(event)
    assert json.loads(written)[AGGREGATE_VERSION] == 4
    assert Envelope.from_json(written) == envelope


def test_adding_it_is_not_a_breaking_change_to_the_envelope_schema() -> None:
    """Against the envelope schema as last committed (before the attribute, or since)."""
    shown = subprocess.run(
        ["git", "show", "HEAD:contracts/envelope.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0:
        pytest.skip("not a git checkout")
    committed = json.loads(shown.stdout)
    assert classify_change(committed, envelope_schema()) == []
    new = envelope_schema()
    assert AGGREGATE_VERSION in new["properties"]
    assert AGGREGATE_VERSION not in new["required"]  # events published before it stay valid
    assert "sequence" in new["required"]  # kept for the deprecation window
