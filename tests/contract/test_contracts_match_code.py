"""The committed contracts/ is exactly what the code emits, and emitted events honour it."""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
import uuid
from importlib.metadata import EntryPoint
from typing import Any

import pytest
import yaml
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent
from jsonschema import Draft202012Validator

from qcdc_publicity.contracts import DeadlineV1, PostingPublishedV1
from qcdc_shared.envelope import Envelope, build_envelope
from qcdc_shared.published_contracts import FORMAT_CHECKER
from qcdc_shared.subjects import SERVICES
from qcdc_shared.tooling.contracts import (
    ASYNCAPI_FILE,
    ENVELOPE_FILE,
    ContractError,
    ContractViolation,
    check_contracts,
    classify_change,
    contracts_dir,
    event_schema,
    validate_envelope,
)
from qcdc_shared.tooling.contracts_cli import discover_events, main

pytestmark = pytest.mark.contract

MODELS = discover_events()
ICT = dt.timezone(dt.timedelta(hours=7))


def test_every_service_registry_is_found() -> None:
    # Every service of the platform declares its events, and each registry holds only its own.
    by_service = {model.service for model in MODELS}
    assert by_service == set(SERVICES)
    for service in SERVICES:
        assert sum(model.service == service for model in MODELS) >= 1, service
    assert PostingPublishedV1 in MODELS


def test_a_registry_may_only_hold_its_own_events(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = types.ModuleType("fake_plans_contracts")
    registry.EVENTS = [PostingPublishedV1]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_plans_contracts", registry)
    point = EntryPoint(name="plans", value="fake_plans_contracts:EVENTS", group="qcdc.contracts")
    with pytest.raises(ContractError, match="not an event of plans"):
        discover_events([point])


def test_a_registry_that_does_not_import_fails_loudly() -> None:
    point = EntryPoint(name="plans", value="no_such_module_here:EVENTS", group="qcdc.contracts")
    with pytest.raises(ModuleNotFoundError):
        discover_events([point])


def test_the_generator_check_passes() -> None:
    assert main(["--check"]) == 0, "contracts/ is stale: run `make contracts`"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.type_name())
def test_committed_schema_equals_the_model(model: Any) -> None:
    path = contracts_dir() / model.schema_path()
    assert path.is_file(), f"{path} is missing: run `make contracts`"
    committed = json.loads(path.read_text(encoding="utf-8"))
    generated = event_schema(model)
    if committed != generated:
        breaking = classify_change(committed, generated)
        advice = (
            f"the change is BREAKING ({'; '.join(breaking)}): restore v{model.schema_version} "
            f"and add a v{model.schema_version + 1} model published side by side"
            if breaking
            else "run `make contracts` and commit the result"
        )
        pytest.fail(f"{model.schema_path()} differs from {model.__name__}: {advice}")
    Draft202012Validator.check_schema(committed)


def test_contracts_dir_is_up_to_date() -> None:
    problems = check_contracts(MODELS)
    assert not problems, "contracts/ is stale:\n" + "\n".join(problems)


def test_asyncapi_lists_every_contract() -> None:
    root = contracts_dir()
    document = yaml.safe_load((root / ASYNCAPI_FILE).read_text(encoding="utf-8"))
    assert document["asyncapi"] == "3.0.0"
    messages = document["components"]["messages"]
    referenced = set()
    for model in MODELS:
        channel = document["channels"][model.contract_name()]
        if model.city_level:  # the city's own events, on qcdc.city.>
            assert channel["address"] == f"qcdc.city.{model.contract_name()}"
        else:
            assert channel["address"] == f"qcdc.{{ward}}.{model.contract_name()}"
            assert "ward" in channel["parameters"]
        message = messages[f"{model.contract_name()}.v{model.schema_version}"]
        assert message["contentType"] == "application/cloudevents+json"
        envelope_ref, specifics = message["payload"]["allOf"]
        assert envelope_ref == {"$ref": f"./{ENVELOPE_FILE}"}
        assert specifics["properties"]["type"] == {"const": model.type_name()}
        referenced.add(specifics["properties"]["data"]["$ref"].removeprefix("./"))
        operation = document["operations"][f"{model.contract_name()}.send"]
        assert operation["action"] == "send"
    published = {path.relative_to(root).as_posix() for path in root.glob("events/*/v*.json")}
    assert referenced == published
    assert all((root / path).is_file() for path in referenced)
    headers = document["components"]["schemas"]["NatsHeaders"]
    assert {"Nats-Msg-Id", "traceparent"} <= set(headers["properties"])


def _posting() -> PostingPublishedV1:
    # Category 7 (social-support beneficiaries) decided on a Tuesday, published two days
    # after the PUB-DUE deadline: it carries every kind of deadline and a violation.
    def deadline(rule: str, due: dt.date, vi: str, en: str) -> DeadlineV1:
        return DeadlineV1.model_validate(
            {
                "rule": rule,
                "due": due,
                "due_at": dt.datetime.combine(due, dt.time(23, 59, 59), ICT),
                "explanation": vi,
                "explanation_en": en,
                "table_version": "2025-07-01",
            }
        )

    return PostingPublishedV1(
        posting_id="0b8c1c9e-4f5e-4a43-9d0f-2b1f3c7a9e11",
        ward="ben-thanh",
        category=7,
        title="Danh sách hộ được hỗ trợ an sinh xã hội quý III/2025",
        channels=["notice_board", "loudspeaker", "portal"],
        decided_on=dt.date(2025, 7, 1),
        published_at=dt.datetime(2025, 7, 10, 8, 30, tzinfo=ICT),
        status="published",
        permanent=False,
        deadlines=[
            deadline("PUB-DUE", dt.date(2025, 7, 8), "5 ngày làm việc", "5 working days"),
            deadline("PUB-MIN30", dt.date(2025, 8, 9), "30 ngày liên tục", "30 days"),
            deadline("PUB-LOUD", dt.date(2025, 7, 13), "3 ngày liên tục", "3 days"),
        ],
        violations=["PUB-DUE"],
        version=1,
    )


def _emitted() -> Envelope:
    return build_envelope(
        _posting(),
        ward="ben-thanh",
        aggregate_id="0b8c1c9e-4f5e-4a43-9d0f-2b1f3c7a9e11",
        sequence=2,
        time=dt.datetime(2025, 7, 10, 8, 31, tzinfo=ICT),
    )


def test_an_emitted_event_honours_its_contract() -> None:
    envelope = _emitted()
    assert validate_envelope(envelope.to_json()) == envelope
    envelope_schema = json.loads((contracts_dir() / ENVELOPE_FILE).read_text(encoding="utf-8"))
    validator = Draft202012Validator(envelope_schema, format_checker=FORMAT_CHECKER)
    assert not list(validator.iter_errors(json.loads(envelope.to_json())))


def test_an_emitted_event_is_read_by_the_cloudevents_sdk() -> None:
    envelope = _emitted()
    event = JSONFormat().read(CloudEvent, envelope.to_json())
    assert event.get_specversion() == "1.0"
    assert event.get_type() == "vn.qcdc.publicity.posting.published.v1"
    assert event.get_source() == "/wards/ben-thanh/publicity"
    assert event.get_id() == envelope.id
    assert uuid.UUID(event.get_id())
    assert event.get_subject() == envelope.subject
    assert event.get_time() == envelope.time
    assert event.get_dataschema() == PostingPublishedV1.dataschema()
    assert event.get_extension("ward") == "ben-thanh"
    assert event.get_extension("sequence") == 2
    data = event.get_data()
    assert isinstance(data, dict)
    assert PostingPublishedV1.model_validate(data) == _posting()


def _corrupt(change: dict[str, Any], drop: str | None = None) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(_emitted().to_json())
    document["data"].update(change)
    if drop:
        del document["data"][drop]
    return document


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (_corrupt({}, drop="category"), "'category' is a required property"),
        (_corrupt({"category": "seven"}), "data['category']"),
        (_corrupt({"category": 0}), "data['category']"),
        (_corrupt({"petitioner_name": "Nguyễn Văn A"}), "petitioner_name"),
        (_corrupt({"published_at": "2025-07-10 08:30"}), "data['published_at']"),
        (_corrupt({"decided_on": "2025-02-30"}), "data['decided_on']"),
        (_corrupt({"channels": ["radio"]}), "data['channels'][0]"),
    ],
    ids=["missing", "wrong-type", "out-of-range", "unknown-field", "naive", "bad-date", "enum"],
)
def test_a_corrupted_event_fails_validation(document: dict[str, Any], expected: str) -> None:
    with pytest.raises(ContractViolation) as caught:
        validate_envelope(document)
    assert any(expected in problem for problem in caught.value.problems), caught.value


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"type": "vn.qcdc.publicity.posting.published.v9"}, "no published contract"),
        ({"source": "/wards/tan-dinh/publicity"}, "source"),
        ({"time": "2025-07-10T08:31:00"}, "time"),
        ({"id": "not-a-uuid"}, "id"),
        ({"sequence": 0}, "sequence"),
    ],
)
def test_a_corrupted_envelope_fails_validation(change: dict[str, Any], expected: str) -> None:
    document = {**json.loads(_emitted().to_json()), **change}
    with pytest.raises(ContractViolation) as caught:
        validate_envelope(json.dumps(document))
    assert any(
        problem.startswith(expected) or expected in problem for problem in caught.value.problems
    )


def test_malformed_json_fails_validation() -> None:
    with pytest.raises(ContractViolation):
        validate_envelope(b"{not json")


@pytest.mark.parametrize(
    "change",
    [
        {"category": 0},  # categories are numbered from 1 (how many: PUB-CAT's row)
        {"channels": []},
        {"channels": ["radio"]},
        {"violations": ["late"]},
        {"status": "draft"},
    ],
)
def test_an_invalid_posting_cannot_be_emitted(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        PostingPublishedV1.model_validate({**_posting().model_dump(), **change})
