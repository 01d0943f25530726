"""AsyncAPI ``receive`` operations and dead-letter channels, from the consumers' declarations."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from qcdc_shared.inbox import IdempotentConsumer
from qcdc_shared.published_contracts import contracts_dir
from qcdc_shared.subjects import dlq_subject
from qcdc_shared.tooling.asyncapi import DEAD_LETTER, DEAD_LETTER_FIELDS
from qcdc_shared.tooling.consumer_contracts import discover_consumers, subject_matches
from qcdc_shared.tooling.contracts import ASYNCAPI_FILE
from qcdc_shared.tooling.contracts_cli import discover_events

pytestmark = pytest.mark.contract

CONSUMERS = discover_consumers()


def _document() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(
        (contracts_dir() / ASYNCAPI_FILE).read_text(encoding="utf-8")
    )
    return document


def _resolve(document: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_the_services_consumers_are_found() -> None:
    names = {consumer.name for consumer in CONSUMERS}
    # One per kind of reader: the city's projection of QCDC_CITY, and the wards' services.
    assert "gateway-projections" in names
    assert {"oversight-detector", "publicity-public-answers"} <= names
    city = next(c for c in CONSUMERS if c.name == "gateway-projections")
    assert (city.stream, city.subject, city.batch_size > 1) == ("QCDC_CITY", "qcdc.>", True)
    assert all(c.stream == "QCDC_{WARD}" for c in CONSUMERS if c.service != "gateway")


def test_every_consumer_has_a_receive_operation_and_a_dead_letter_channel() -> None:
    document = _document()
    for consumer in CONSUMERS:
        operation = document["operations"][f"{consumer.name}.receive"]
        assert operation["action"] == "receive"
        assert operation["x-qcdc-durable"] == consumer.name
        channel = _resolve(document, operation["channel"]["$ref"])
        assert channel["address"] == consumer.subject
        assert operation["messages"], f"{consumer.name} receives no published event"
        dlq = document["channels"][f"dlq.{consumer.name}"]
        assert dlq["address"] == "dlq.{ward}." + consumer.name
        assert dlq_subject(ward="ben-thanh", consumer=consumer.name) == dlq["address"].replace(
            "{ward}", "ben-thanh"
        )
        assert document["operations"][f"dlq.{consumer.name}.send"]["action"] == "send"
    receives = {k for k, v in document["operations"].items() if v["action"] == "receive"}
    assert receives == {f"{consumer.name}.receive" for consumer in CONSUMERS}


def test_a_consumer_receives_exactly_what_its_filter_and_stream_hold() -> None:
    document, models = _document(), discover_events()
    city = document["channels"]["consumer.gateway-projections"]["messages"]
    # QCDC_CITY sources the ward streams only: the city's own events never come back.
    assert set(city) == {
        f"{m.contract_name()}.v{m.schema_version}" for m in models if not m.city_level
    }
    answers = document["channels"]["consumer.publicity-public-answers"]["messages"]
    assert {key.rsplit(".v", 1)[0] for key in answers} == {"petitions.petition.answered"}


def test_the_document_is_structurally_valid_asyncapi_3() -> None:
    """What AsyncAPI 3.0 requires of references: each operation's channel exists, its messages
    are its channel's, each channel's messages and parameters resolve."""
    document = _document()
    assert document["asyncapi"] == "3.0.0"
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{12}", document["info"]["version"])
    for name, channel in document["channels"].items():
        for message in channel["messages"].values():
            _resolve(document, message["$ref"])
        address = channel["address"]
        assert set(re.findall(r"{(\w+)}", address)) == set(channel.get("parameters", {})), name
    for name, operation in document["operations"].items():
        assert operation["action"] in {"send", "receive"}
        channel_ref = operation["channel"]["$ref"]
        _resolve(document, channel_ref)
        for message in operation["messages"]:
            assert message["$ref"].startswith(channel_ref + "/messages/"), name
            _resolve(document, message["$ref"])


@pytest.mark.parametrize(
    ("pattern", "subject", "matches"),
    [
        ("qcdc.>", "qcdc.{ward}.plans.plan.approved", True),
        ("qcdc.{ward}.plans.group.>", "qcdc.{ward}.plans.group.formed", True),
        ("qcdc.{ward}.plans.group.>", "qcdc.{ward}.plans.group", False),
        ("qcdc.*.plans.plan.approved", "qcdc.{ward}.plans.plan.approved", True),
        ("qcdc.{ward}.plans.plan.approved", "qcdc.{ward}.plans.plan.approved.x", False),
    ],
)
def test_subject_matching_follows_nats_wildcards(pattern: str, subject: str, matches: bool) -> None:
    assert subject_matches(pattern, subject) is matches


async def test_the_dead_letter_schema_is_what_the_inbox_publishes() -> None:
    published: list[tuple[str, bytes, dict[str, str]]] = []

    async def publish(subject: str, data: bytes, headers: dict[str, str]) -> None:
        published.append((subject, data, headers))

    async def term() -> None:
        return None

    consumer = IdempotentConsumer(
        name="oversight-detector",
        ward="ben-thanh",
        # Dead-lettering touches neither the database nor the handler nor the contracts.
        sessionmaker=None,  # type: ignore[arg-type]
        handle=None,  # type: ignore[arg-type]
        publish=publish,  # type: ignore[arg-type]
        contracts=SimpleNamespace(),  # type: ignore[arg-type,unused-ignore]
    )
    message = SimpleNamespace(
        subject="qcdc.ben-thanh.plans.plan.approved",
        data=b"not json",
        headers={"Nats-Msg-Id": "x"},
        metadata=SimpleNamespace(
            num_delivered=5, stream="QCDC_BEN_THANH", sequence=SimpleNamespace(stream=7)
        ),
        term=term,
    )
    await consumer._dead_letter(message, "poison")  # type: ignore[arg-type,unused-ignore]
    ((subject, data, headers),) = published
    assert subject == "dlq.ben-thanh.oversight-detector"
    assert set(json.loads(data)) == set(DEAD_LETTER_FIELDS)
    header_schema = _document()["components"]["schemas"]["DeadLetterHeaders"]
    assert set(headers) == set(header_schema["properties"])
    assert re.fullmatch(
        header_schema["properties"]["Nats-Msg-Id"]["pattern"], headers["Nats-Msg-Id"]
    )
    assert _document()["components"]["messages"][DEAD_LETTER]["payload"]["required"] == list(
        DEAD_LETTER_FIELDS
    )
