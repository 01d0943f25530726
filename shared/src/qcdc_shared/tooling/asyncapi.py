"""The AsyncAPI 3.0 document of contracts/, generated from the event models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from qcdc_shared.envelope import CONTENT_TYPE, IntegrationEvent
from qcdc_shared.streams import CITY_EVENTS_STREAM, DLQ_STREAM
from qcdc_shared.tooling.consumer_contracts import ConsumerContract, discover_consumers

# Of the whole event contract (envelope, channels, operations): minor for what only adds,
# major once something subscribers rely on goes (e.g. the deprecated `sequence`, ADR 0016).
CONTRACT_VERSION = "1.2.0"
GENERATED = "Generated from the code by `make contracts`; do not edit by hand."
ENVELOPE_FILE = "envelope.json"


def render_asyncapi(
    models: Sequence[type[IntegrationEvent]],
    revision: str,
    consumers: Sequence[ConsumerContract] | None = None,
) -> str:
    """``consumers``: the installed services' durable consumers when not given."""
    document = asyncapi_document(
        models, revision, discover_consumers() if consumers is None else consumers
    )
    return f"# {GENERATED}\n" + yaml.dump(
        document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)

_DESCRIPTION = """\
Sự kiện của các dịch vụ phường (kế hoạch, kiến nghị, công khai, giám sát) trên NATS JetStream.
Chủ đề (subject): qcdc.<phường>.<dịch vụ>.<đối tượng>.<sự kiện>,
ví dụ qcdc.ben-thanh.publicity.posting.published. Sự kiện của cổng thành phố (hàng đợi xử lý
của thành phố) ở qcdc.city.gateway.<đối tượng>.<sự kiện>.
Mỗi thông điệp là một CloudEvent 1.0 dạng JSON có cấu trúc; tiêu đề Nats-Msg-Id bằng id của sự kiện.
Thay đổi không tương thích được công bố thành phiên bản mới (v2, v3...) song song với phiên bản cũ.
Thứ tự theo đối tượng: thuộc tính mở rộng aggregateversion (số nguyên); sequence là tên cũ,
cùng giá trị, còn được gửi đến phiên bản hợp đồng 2.0.0 (docs/decisions/0016).

Events of the ward services (plans, petitions, publicity, oversight) on NATS JetStream.
Subject: qcdc.<ward>.<service>.<aggregate>.<event>, e.g. qcdc.ben-thanh.publicity.posting.published.
The city gateway's own events (the city queue) are on qcdc.city.gateway.<aggregate>.<event>.
Each message is a CloudEvents 1.0 structured JSON event (application/cloudevents+json); the
Nats-Msg-Id header equals the event id, so redeliveries can be deduplicated. The `type`
(vn.qcdc.<service>.<aggregate>.<event>.v<N>) names the JSON Schema of `data`. A breaking change
becomes a new version published side by side with the old one; subscribe to one version and
ignore fields you do not know. Order per aggregate by the integer extension `aggregateversion`;
`sequence` is its deprecated name (same value), still sent until contract 2.0.0
(docs/decisions/0016): read `aggregateversion`, fall back to `sequence` for older events.
Each `receive` operation is a service's durable consumer; a message it cannot apply goes to
its dead-letter channel dlq.<ward>.<consumer> (stream QCDC_DLQ) and is not redelivered.
"""


def asyncapi_document(
    models: Sequence[type[IntegrationEvent]],
    revision: str,
    consumers: Sequence[ConsumerContract] = (),
) -> dict[str, Any]:
    """AsyncAPI 3.0: one channel per event contract, one message per published version; a
    ``receive`` operation per durable consumer and the dead-letter channel it sends to."""
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for model in models:
        name, message_id = model.contract_name(), f"{model.contract_name()}.v{model.schema_version}"
        # The city gateway's own events are the city's, on qcdc.city.> (stream QCDC_CITY_EVENTS).
        city = model.city_level
        channel = channels.setdefault(
            name,
            {"address": f"qcdc.city.{name}", "title": name, "messages": {}}
            if city
            else {
                "address": "qcdc.{ward}." + name,
                "title": name,
                "parameters": {"ward": {"$ref": "#/components/parameters/ward"}},
                "messages": {},
            },
        )
        channel["messages"][message_id] = {"$ref": f"#/components/messages/{message_id}"}
        operation = operations.setdefault(
            f"{name}.send",
            {"action": "send", "channel": {"$ref": f"#/channels/{name}"}, "messages": []},
        )
        operation["messages"].append({"$ref": f"#/channels/{name}/messages/{message_id}"})
        messages[message_id] = {
            "name": model.type_name(),
            "title": f"{name} v{model.schema_version}",
            "summary": (model.__doc__ or name).strip().splitlines()[0],
            "contentType": CONTENT_TYPE,
            "headers": {"$ref": "#/components/schemas/NatsHeaders"},
            "payload": {
                "allOf": [
                    {"$ref": f"./{ENVELOPE_FILE}"},
                    {
                        "type": "object",
                        "properties": {
                            "type": {"const": model.type_name()},
                            "dataschema": {"const": model.dataschema()},
                            "data": {"$ref": f"./{model.schema_path()}"},
                        },
                    },
                ]
            },
        }
    for consumer in consumers:
        _add_consumer(consumer, models, channels, operations)
    if consumers:
        messages[DEAD_LETTER] = _DEAD_LETTER_MESSAGE
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "QCDC ward events",
            "version": f"{CONTRACT_VERSION}+{revision}",
            "description": _DESCRIPTION,
        },
        "defaultContentType": CONTENT_TYPE,
        "servers": {
            "nats": {
                "host": "localhost:4222",
                "protocol": "nats",
                "description": "A ward's NATS server (leaf) or the city hub; JetStream stream "
                "QCDC_<WARD> holds qcdc.<ward>.>; QCDC_CITY sources every ward stream; "
                f"{CITY_EVENTS_STREAM} holds qcdc.city.>; {DLQ_STREAM} holds dlq.>.",
            }
        },
        "channels": channels,
        "operations": operations,
        "components": {
            "parameters": {
                "ward": {
                    "description": "Ward slug (lowercase, '-' between words).",
                    "examples": ["ben-thanh"],
                }
            },
            "schemas": {"NatsHeaders": _NATS_HEADERS, "DeadLetterHeaders": _DLQ_HEADERS},
            "messages": messages,
        },
    }


_NATS_HEADERS = {
    "type": "object",
    "required": ["Nats-Msg-Id"],
    "properties": {
        "Nats-Msg-Id": {
            "type": "string",
            "format": "uuid",
            "description": "Equals the CloudEvent id; JetStream deduplicates on it.",
        },
        "traceparent": {
            "type": "string",
            "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
            "description": "W3C trace context of the change that produced the event.",
        },
    },
}


DEAD_LETTER = "dead_letter"
_WARD_PARAMETER = {"ward": {"$ref": "#/components/parameters/ward"}}


def _add_consumer(
    consumer: ConsumerContract,
    models: Sequence[type[IntegrationEvent]],
    channels: dict[str, Any],
    operations: dict[str, Any],
) -> None:
    """The consumer's subscription as a channel of its own (its filter subject, the messages
    its stream holds there), its ``receive`` operation, and its dead-letter channel."""
    name = consumer.name
    received = [
        model
        for model in models
        if consumer.receives(model.contract_name(), city_level=model.city_level)
    ]
    refs = {
        f"{m.contract_name()}.v{m.schema_version}": {
            "$ref": f"#/components/messages/{m.contract_name()}.v{m.schema_version}"
        }
        for m in received
    }
    channel: dict[str, Any] = {
        "address": consumer.subject,
        "title": f"{name} (subscription)",
        "description": f"What the durable consumer {name} reads from the stream "
        f"{consumer.stream} (filter subject {consumer.subject}).",
        "messages": refs,
    }
    if "{ward}" in consumer.subject:
        channel["parameters"] = _WARD_PARAMETER
    channels[f"consumer.{name}"] = channel
    operations[f"{name}.receive"] = {
        "action": "receive",
        "channel": {"$ref": f"#/channels/consumer.{name}"},
        "title": f"{consumer.service}: {name}",
        "summary": f"Durable JetStream pull consumer {name} of {consumer.stream}.",
        "description": "Explicit ack; each event applied once (inbox, by event id) in one "
        "transaction with its effects, in stream order"
        + (f", {consumer.batch_size} events per transaction" if consumer.batch_size > 1 else "")
        + f". A poison message is terminated and sent to {consumer.dead_letter_subject}.",
        "messages": [{"$ref": f"#/channels/consumer.{name}/messages/{ref}"} for ref in refs],
        "x-qcdc-durable": name,
        "x-qcdc-stream": consumer.stream,
        "x-qcdc-service": consumer.service,
    }
    channels[f"dlq.{name}"] = {
        "address": consumer.dead_letter_subject,
        "title": f"{name} dead letters",
        "description": f"Messages the consumer {name} could not apply (stream {DLQ_STREAM}).",
        "parameters": _WARD_PARAMETER,
        "messages": {DEAD_LETTER: {"$ref": f"#/components/messages/{DEAD_LETTER}"}},
    }
    operations[f"dlq.{name}.send"] = {
        "action": "send",
        "channel": {"$ref": f"#/channels/dlq.{name}"},
        "summary": f"{name} dead-letters a poison message.",
        "messages": [{"$ref": f"#/channels/dlq.{name}/messages/{DEAD_LETTER}"}],
    }


# What qcdc_shared.inbox.IdempotentConsumer._dead_letter publishes (a test holds them equal).
DEAD_LETTER_FIELDS: dict[str, dict[str, Any]] = {
    "consumer": {"type": "string", "description": "The durable consumer's name."},
    "reason": {"type": "string", "description": "Why the message could not be applied."},
    "delivery_count": {"type": "integer", "minimum": 1},
    "original_subject": {"type": "string"},
    "original_stream": {"type": ["string", "null"]},
    "original_sequence": {"type": ["integer", "null"], "description": "Stream sequence."},
    "original_headers": {"type": "object", "additionalProperties": {"type": "string"}},
    "original_data_base64": {"type": "string", "contentEncoding": "base64"},
    "dead_lettered_at": {"type": "string", "format": "date-time"},
}

_DLQ_HEADERS = {
    "type": "object",
    "required": ["Nats-Msg-Id"],
    "properties": {
        "Nats-Msg-Id": {
            "type": "string",
            "pattern": "^dlq:[^:]+:[^:]*:[^:]*$",
            "description": "dlq:<consumer>:<original stream>:<original sequence>: a dead "
            "letter re-sent after a crash is stored once.",
        },
        "content-type": {"const": "application/json"},
    },
}

_DEAD_LETTER_MESSAGE = {
    "name": DEAD_LETTER,
    "title": "Dead letter",
    "summary": "A message a consumer terminated, with where it came from and why.",
    "contentType": "application/json",
    "headers": {"$ref": "#/components/schemas/DeadLetterHeaders"},
    "payload": {
        "type": "object",
        "required": list(DEAD_LETTER_FIELDS),
        "properties": DEAD_LETTER_FIELDS,
    },
}
