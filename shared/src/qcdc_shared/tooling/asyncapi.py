"""The AsyncAPI 3.0 document of contracts/, generated from the event models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from qcdc_shared.envelope import CONTENT_TYPE, IntegrationEvent

GENERATED = "Generated from the code by `make contracts`; do not edit by hand."
ENVELOPE_FILE = "envelope.json"


def render_asyncapi(models: Sequence[type[IntegrationEvent]], revision: str) -> str:
    document = asyncapi_document(models, revision)
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

Events of the ward services (plans, petitions, publicity, oversight) on NATS JetStream.
Subject: qcdc.<ward>.<service>.<aggregate>.<event>, e.g. qcdc.ben-thanh.publicity.posting.published.
The city gateway's own events (the city queue) are on qcdc.city.gateway.<aggregate>.<event>.
Each message is a CloudEvents 1.0 structured JSON event (application/cloudevents+json); the
Nats-Msg-Id header equals the event id, so redeliveries can be deduplicated. The `type`
(vn.qcdc.<service>.<aggregate>.<event>.v<N>) names the JSON Schema of `data`. A breaking change
becomes a new version published side by side with the old one; subscribe to one version and
ignore fields you do not know.
"""


def asyncapi_document(models: Sequence[type[IntegrationEvent]], revision: str) -> dict[str, Any]:
    """AsyncAPI 3.0: one channel per event contract, one message per published version."""
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
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "QCDC ward events",
            "version": f"1.0.0+{revision}",
            "description": _DESCRIPTION,
        },
        "defaultContentType": CONTENT_TYPE,
        "servers": {
            "nats": {
                "host": "localhost:4222",
                "protocol": "nats",
                "description": "A ward's NATS server (leaf) or the city hub; JetStream stream "
                "QCDC_<WARD> holds qcdc.<ward>.>.",
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
            "schemas": {"NatsHeaders": _NATS_HEADERS},
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
