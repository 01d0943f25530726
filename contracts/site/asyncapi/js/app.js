
    const schema = {
  "asyncapi": "3.0.0",
  "info": {
    "title": "QCDC ward events",
    "version": "1.2.0+9c9c33d4486d",
    "description": "Sự kiện của các dịch vụ phường (kế hoạch, kiến nghị, công khai, giám sát) trên NATS JetStream.\nChủ đề (subject): qcdc.<phường>.<dịch vụ>.<đối tượng>.<sự kiện>,\nví dụ qcdc.ben-thanh.publicity.posting.published. Sự kiện của cổng thành phố (hàng đợi xử lý\ncủa thành phố) ở qcdc.city.gateway.<đối tượng>.<sự kiện>.\nMỗi thông điệp là một CloudEvent 1.0 dạng JSON có cấu trúc; tiêu đề Nats-Msg-Id bằng id của sự kiện.\nThay đổi không tương thích được công bố thành phiên bản mới (v2, v3...) song song với phiên bản cũ.\nThứ tự theo đối tượng: thuộc tính mở rộng aggregateversion (số nguyên); sequence là tên cũ,\ncùng giá trị, còn được gửi đến phiên bản hợp đồng 2.0.0 (docs/decisions/0016).\n\nEvents of the ward services (plans, petitions, publicity, oversight) on NATS JetStream.\nSubject: qcdc.<ward>.<service>.<aggregate>.<event>, e.g. qcdc.ben-thanh.publicity.posting.published.\nThe city gateway's own events (the city queue) are on qcdc.city.gateway.<aggregate>.<event>.\nEach message is a CloudEvents 1.0 structured JSON event (application/cloudevents+json); the\nNats-Msg-Id header equals the event id, so redeliveries can be deduplicated. The `type`\n(vn.qcdc.<service>.<aggregate>.<event>.v<N>) names the JSON Schema of `data`. A breaking change\nbecomes a new version published side by side with the old one; subscribe to one version and\nignore fields you do not know. Order per aggregate by the integer extension `aggregateversion`;\n`sequence` is its deprecated name (same value), still sent until contract 2.0.0\n(docs/decisions/0016): read `aggregateversion`, fall back to `sequence` for older events.\nEach `receive` operation is a service's durable consumer; a message it cannot apply goes to\nits dead-letter channel dlq.<ward>.<consumer> (stream QCDC_DLQ) and is not redelivered.\n"
  },
  "defaultContentType": "application/cloudevents+json",
  "servers": {
    "nats": {
      "host": "localhost:4222",
      "protocol": "nats",
      "description": "A ward's NATS server (leaf) or the city hub; JetStream stream QCDC_<WARD> holds qcdc.<ward>.>; QCDC_CITY sources every ward stream; QCDC_CITY_EVENTS holds qcdc.city.>; QCDC_DLQ holds dlq.>."
    }
  },
  "channels": {
    "gateway.escalation.acknowledged": {
      "address": "qcdc.city.gateway.escalation.acknowledged",
      "title": "gateway.escalation.acknowledged",
      "messages": {
        "gateway.escalation.acknowledged.v1": {
          "name": "vn.qcdc.gateway.escalation.acknowledged.v1",
          "title": "gateway.escalation.acknowledged v1",
          "summary": "The city took the item on.",
          "contentType": "application/cloudevents+json",
          "headers": {
            "type": "object",
            "required": [
              "Nats-Msg-Id"
            ],
            "properties": {
              "Nats-Msg-Id": {
                "type": "string",
                "format": "uuid",
                "description": "Equals the CloudEvent id; JetStream deduplicates on it.",
                "x-parser-schema-id": "<anonymous-schema-1>"
              },
              "traceparent": {
                "type": "string",
                "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context of the change that produced the event.",
                "x-parser-schema-id": "<anonymous-schema-2>"
              }
            },
            "x-parser-schema-id": "NatsHeaders"
          },
          "payload": {
            "allOf": [
              {
                "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                "$id": "urn:qcdc:contracts:envelope",
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "additionalProperties": true,
                "properties": {
                  "aggregateversion": {
                    "default": null,
                    "description": "Extension: aggregate version after the change; order by it.",
                    "minimum": 1,
                    "title": "Aggregateversion",
                    "type": "integer",
                    "x-parser-schema-id": "<anonymous-schema-4>"
                  },
                  "data": {
                    "additionalProperties": true,
                    "description": "Event-carried state, described by the schema named by type.",
                    "title": "Data",
                    "type": "object",
                    "x-parser-schema-id": "<anonymous-schema-5>"
                  },
                  "datacontenttype": {
                    "const": "application/json",
                    "default": "application/json",
                    "description": "Always application/json.",
                    "title": "Datacontenttype",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-6>"
                  },
                  "dataschema": {
                    "description": "URN of the data schema: urn:qcdc:contracts:events:<name>:v<N>.",
                    "title": "Dataschema",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-7>"
                  },
                  "id": {
                    "description": "Unique event id (UUID); also the Nats-Msg-Id header, for deduplication.",
                    "format": "uuid",
                    "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                    "title": "Id",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-8>"
                  },
                  "sequence": {
                    "deprecated": true,
                    "description": "Deprecated extension (docs/decisions/0016): equals aggregateversion, which to read when present; published until contract 2.0.",
                    "minimum": 1,
                    "title": "Sequence",
                    "type": "integer",
                    "x-parser-schema-id": "<anonymous-schema-9>"
                  },
                  "source": {
                    "description": "/wards/<ward>/<service> that published the event.",
                    "pattern": "^/wards/[a-z0-9-]+/[a-z]+$",
                    "title": "Source",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-10>"
                  },
                  "specversion": {
                    "const": "1.0",
                    "default": "1.0",
                    "description": "CloudEvents version.",
                    "title": "Specversion",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-11>"
                  },
                  "subject": {
                    "description": "Id of the aggregate the event is about.",
                    "minLength": 1,
                    "title": "Subject",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-12>"
                  },
                  "time": {
                    "description": "When the fact was recorded (RFC 3339); business dates are in data.",
                    "format": "date-time",
                    "title": "Time",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-13>"
                  },
                  "type": {
                    "description": "vn.qcdc.<service>.<aggregate>.<event>.v<N>: picks the data schema.",
                    "pattern": "^vn\\.qcdc\\.[a-z_]+\\.[a-z_]+\\.[a-z_]+\\.v[0-9]+$",
                    "title": "Type",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-14>"
                  },
                  "ward": {
                    "description": "Extension: slug of the ward.",
                    "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    "title": "Ward",
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-15>"
                  }
                },
                "required": [
                  "specversion",
                  "datacontenttype",
                  "id",
                  "source",
                  "type",
                  "subject",
                  "time",
                  "dataschema",
                  "data",
                  "ward",
                  "sequence"
                ],
                "title": "Envelope",
                "type": "object"
              },
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.gateway.escalation.acknowledged.v1",
                    "x-parser-schema-id": "<anonymous-schema-17>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:gateway.escalation.acknowledged:v1",
                    "x-parser-schema-id": "<anonymous-schema-18>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:gateway.escalation.acknowledged:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The city took the item on.",
                    "properties": {
                      "assignee": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-20>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-21>"
                          }
                        ],
                        "default": null,
                        "description": "Retired: always null since 2026-12 (decision 0013); it named the city account handling it. `status` says whether it is assigned.",
                        "title": "Assignee",
                        "x-parser-schema-id": "<anonymous-schema-19>"
                      },
                      "at": {
                        "description": "When the city acted.",
                        "format": "date-time",
                        "title": "At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-22>"
                      },
                      "escalation_id": {
                        "description": "Stable id of the item in the queue.",
                        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                        "title": "Escalation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-23>"
                      },
                      "kind": {
                        "description": "What was escalated: a petition or a board recommendation.",
                        "enum": [
                          "petition",
                          "recommendation"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-24>"
                      },
                      "rule": {
                        "description": "The rule it was escalated under, e.g. DEN-INTAKE.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-25>"
                      },
                      "status": {
                        "enum": [
                          "open",
                          "acknowledged",
                          "assigned",
                          "resolved"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-26>"
                      },
                      "subject": {
                        "description": "Id of that petition or recommendation.",
                        "minLength": 1,
                        "title": "Subject",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-27>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-28>"
                      },
                      "ward": {
                        "description": "The ward the escalated item belongs to.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-29>"
                      }
                    },
                    "required": [
                      "escalation_id",
                      "ward",
                      "kind",
                      "subject",
                      "rule",
                      "status",
                      "version",
                      "at"
                    ],
                    "title": "vn.qcdc.gateway.escalation.acknowledged.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-16>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-3>"
          },
          "x-parser-unique-object-id": "gateway.escalation.acknowledged.v1"
        }
      },
      "x-parser-unique-object-id": "gateway.escalation.acknowledged"
    },
    "gateway.escalation.assigned": {
      "address": "qcdc.city.gateway.escalation.assigned",
      "title": "gateway.escalation.assigned",
      "messages": {
        "gateway.escalation.assigned.v1": {
          "name": "vn.qcdc.gateway.escalation.assigned.v1",
          "title": "gateway.escalation.assigned v1",
          "summary": "Retired: no longer published since v2 (decision 0013), which names no account. Kept so",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.gateway.escalation.assigned.v1",
                    "x-parser-schema-id": "<anonymous-schema-32>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:gateway.escalation.assigned:v1",
                    "x-parser-schema-id": "<anonymous-schema-33>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:gateway.escalation.assigned:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Retired: no longer published since v2 (decision 0013), which names no account. Kept so\nthat the events already published still read against their schema.",
                    "properties": {
                      "assignee": {
                        "description": "The city account now handling it. Retired: v2 names no account.",
                        "minLength": 1,
                        "title": "Assignee",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-34>"
                      },
                      "at": {
                        "description": "When the city acted.",
                        "format": "date-time",
                        "title": "At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-35>"
                      },
                      "escalation_id": {
                        "description": "Stable id of the item in the queue.",
                        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                        "title": "Escalation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-36>"
                      },
                      "kind": {
                        "description": "What was escalated: a petition or a board recommendation.",
                        "enum": [
                          "petition",
                          "recommendation"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-37>"
                      },
                      "rule": {
                        "description": "The rule it was escalated under, e.g. DEN-INTAKE.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-38>"
                      },
                      "status": {
                        "enum": [
                          "open",
                          "acknowledged",
                          "assigned",
                          "resolved"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-39>"
                      },
                      "subject": {
                        "description": "Id of that petition or recommendation.",
                        "minLength": 1,
                        "title": "Subject",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-40>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-41>"
                      },
                      "ward": {
                        "description": "The ward the escalated item belongs to.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-42>"
                      }
                    },
                    "required": [
                      "escalation_id",
                      "ward",
                      "kind",
                      "subject",
                      "rule",
                      "status",
                      "version",
                      "at",
                      "assignee"
                    ],
                    "title": "vn.qcdc.gateway.escalation.assigned.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-31>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-30>"
          },
          "x-parser-unique-object-id": "gateway.escalation.assigned.v1"
        },
        "gateway.escalation.assigned.v2": {
          "name": "vn.qcdc.gateway.escalation.assigned.v2",
          "title": "gateway.escalation.assigned v2",
          "summary": "The item was given to a city handler (or to another one); who, the queue alone knows.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.gateway.escalation.assigned.v2",
                    "x-parser-schema-id": "<anonymous-schema-45>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:gateway.escalation.assigned:v2",
                    "x-parser-schema-id": "<anonymous-schema-46>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:gateway.escalation.assigned:v2",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The item was given to a city handler (or to another one); who, the queue alone knows.",
                    "properties": {
                      "at": {
                        "description": "When the city acted.",
                        "format": "date-time",
                        "title": "At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-47>"
                      },
                      "escalation_id": {
                        "description": "Stable id of the item in the queue.",
                        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                        "title": "Escalation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-48>"
                      },
                      "kind": {
                        "description": "What was escalated: a petition or a board recommendation.",
                        "enum": [
                          "petition",
                          "recommendation"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-49>"
                      },
                      "rule": {
                        "description": "The rule it was escalated under, e.g. DEN-INTAKE.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-50>"
                      },
                      "status": {
                        "enum": [
                          "open",
                          "acknowledged",
                          "assigned",
                          "resolved"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-51>"
                      },
                      "subject": {
                        "description": "Id of that petition or recommendation.",
                        "minLength": 1,
                        "title": "Subject",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-52>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-53>"
                      },
                      "ward": {
                        "description": "The ward the escalated item belongs to.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-54>"
                      }
                    },
                    "required": [
                      "escalation_id",
                      "ward",
                      "kind",
                      "subject",
                      "rule",
                      "status",
                      "version",
                      "at"
                    ],
                    "title": "vn.qcdc.gateway.escalation.assigned.v2",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-44>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-43>"
          },
          "x-parser-unique-object-id": "gateway.escalation.assigned.v2"
        }
      },
      "x-parser-unique-object-id": "gateway.escalation.assigned"
    },
    "gateway.escalation.noted": {
      "address": "qcdc.city.gateway.escalation.noted",
      "title": "gateway.escalation.noted",
      "messages": {
        "gateway.escalation.noted.v1": {
          "name": "vn.qcdc.gateway.escalation.noted.v1",
          "title": "gateway.escalation.noted v1",
          "summary": "A note was added; its text stays in the city's database.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.gateway.escalation.noted.v1",
                    "x-parser-schema-id": "<anonymous-schema-57>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:gateway.escalation.noted:v1",
                    "x-parser-schema-id": "<anonymous-schema-58>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:gateway.escalation.noted:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A note was added; its text stays in the city's database.",
                    "properties": {
                      "assignee": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-60>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-61>"
                          }
                        ],
                        "default": null,
                        "description": "Retired: always null since 2026-12 (decision 0013); it named the city account handling it. `status` says whether it is assigned.",
                        "title": "Assignee",
                        "x-parser-schema-id": "<anonymous-schema-59>"
                      },
                      "at": {
                        "description": "When the city acted.",
                        "format": "date-time",
                        "title": "At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-62>"
                      },
                      "escalation_id": {
                        "description": "Stable id of the item in the queue.",
                        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                        "title": "Escalation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-63>"
                      },
                      "kind": {
                        "description": "What was escalated: a petition or a board recommendation.",
                        "enum": [
                          "petition",
                          "recommendation"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-64>"
                      },
                      "notes": {
                        "description": "How many notes the item has now.",
                        "minimum": 1,
                        "title": "Notes",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-65>"
                      },
                      "rule": {
                        "description": "The rule it was escalated under, e.g. DEN-INTAKE.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-66>"
                      },
                      "status": {
                        "enum": [
                          "open",
                          "acknowledged",
                          "assigned",
                          "resolved"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-67>"
                      },
                      "subject": {
                        "description": "Id of that petition or recommendation.",
                        "minLength": 1,
                        "title": "Subject",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-68>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-69>"
                      },
                      "ward": {
                        "description": "The ward the escalated item belongs to.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-70>"
                      }
                    },
                    "required": [
                      "escalation_id",
                      "ward",
                      "kind",
                      "subject",
                      "rule",
                      "status",
                      "version",
                      "at",
                      "notes"
                    ],
                    "title": "vn.qcdc.gateway.escalation.noted.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-56>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-55>"
          },
          "x-parser-unique-object-id": "gateway.escalation.noted.v1"
        }
      },
      "x-parser-unique-object-id": "gateway.escalation.noted"
    },
    "gateway.escalation.resolved": {
      "address": "qcdc.city.gateway.escalation.resolved",
      "title": "gateway.escalation.resolved",
      "messages": {
        "gateway.escalation.resolved.v1": {
          "name": "vn.qcdc.gateway.escalation.resolved.v1",
          "title": "gateway.escalation.resolved v1",
          "summary": "The city closed the item; the resolution's text stays in the city's database.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.gateway.escalation.resolved.v1",
                    "x-parser-schema-id": "<anonymous-schema-73>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:gateway.escalation.resolved:v1",
                    "x-parser-schema-id": "<anonymous-schema-74>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:gateway.escalation.resolved:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The city closed the item; the resolution's text stays in the city's database.",
                    "properties": {
                      "assignee": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-76>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-77>"
                          }
                        ],
                        "default": null,
                        "description": "Retired: always null since 2026-12 (decision 0013); it named the city account handling it. `status` says whether it is assigned.",
                        "title": "Assignee",
                        "x-parser-schema-id": "<anonymous-schema-75>"
                      },
                      "at": {
                        "description": "When the city acted.",
                        "format": "date-time",
                        "title": "At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-78>"
                      },
                      "escalation_id": {
                        "description": "Stable id of the item in the queue.",
                        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                        "title": "Escalation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-79>"
                      },
                      "kind": {
                        "description": "What was escalated: a petition or a board recommendation.",
                        "enum": [
                          "petition",
                          "recommendation"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-80>"
                      },
                      "rule": {
                        "description": "The rule it was escalated under, e.g. DEN-INTAKE.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-81>"
                      },
                      "status": {
                        "enum": [
                          "open",
                          "acknowledged",
                          "assigned",
                          "resolved"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-82>"
                      },
                      "subject": {
                        "description": "Id of that petition or recommendation.",
                        "minLength": 1,
                        "title": "Subject",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-83>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-84>"
                      },
                      "ward": {
                        "description": "The ward the escalated item belongs to.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-85>"
                      }
                    },
                    "required": [
                      "escalation_id",
                      "ward",
                      "kind",
                      "subject",
                      "rule",
                      "status",
                      "version",
                      "at"
                    ],
                    "title": "vn.qcdc.gateway.escalation.resolved.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-72>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-71>"
          },
          "x-parser-unique-object-id": "gateway.escalation.resolved.v1"
        }
      },
      "x-parser-unique-object-id": "gateway.escalation.resolved"
    },
    "oversight.finding.recorded": {
      "address": "qcdc.{ward}.oversight.finding.recorded",
      "title": "oversight.finding.recorded",
      "parameters": {
        "ward": {
          "description": "Ward slug (lowercase, '-' between words).",
          "examples": [
            "ben-thanh"
          ]
        }
      },
      "messages": {
        "oversight.finding.recorded.v1": {
          "name": "vn.qcdc.oversight.finding.recorded.v1",
          "title": "oversight.finding.recorded v1",
          "summary": "oversight.finding.recorded",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.oversight.finding.recorded.v1",
                    "x-parser-schema-id": "<anonymous-schema-89>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:oversight.finding.recorded:v1",
                    "x-parser-schema-id": "<anonymous-schema-90>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "EvidenceV1": {
                        "additionalProperties": false,
                        "description": "A record an inspection finding points at.",
                        "properties": {
                          "id": {
                            "maxLength": 200,
                            "minLength": 1,
                            "title": "Id",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-93>"
                          },
                          "kind": {
                            "enum": [
                              "event",
                              "posting",
                              "petition",
                              "decision",
                              "task",
                              "document"
                            ],
                            "title": "Kind",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-94>"
                          }
                        },
                        "required": [
                          "kind",
                          "id"
                        ],
                        "title": "EvidenceV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-92>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:oversight.finding.recorded:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "evidence": {
                        "items": "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1.payload.allOf[1].properties.data.$defs.EvidenceV1",
                        "title": "Evidence",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-91>"
                      },
                      "finding_id": {
                        "minLength": 1,
                        "title": "Finding Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-95>"
                      },
                      "inspection_id": {
                        "minLength": 1,
                        "title": "Inspection Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-96>"
                      },
                      "recorded_at": {
                        "format": "date-time",
                        "title": "Recorded At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-97>"
                      },
                      "title": {
                        "description": "The finding in one public line.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-98>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-99>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-100>"
                      }
                    },
                    "required": [
                      "inspection_id",
                      "finding_id",
                      "ward",
                      "title",
                      "evidence",
                      "recorded_at",
                      "version"
                    ],
                    "title": "vn.qcdc.oversight.finding.recorded.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-88>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-87>"
          },
          "x-parser-unique-object-id": "oversight.finding.recorded.v1"
        }
      },
      "x-parser-unique-object-id": "oversight.finding.recorded"
    },
    "oversight.inspection.opened": {
      "address": "qcdc.{ward}.oversight.inspection.opened",
      "title": "oversight.inspection.opened",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "oversight.inspection.opened.v1": {
          "name": "vn.qcdc.oversight.inspection.opened.v1",
          "title": "oversight.inspection.opened v1",
          "summary": "oversight.inspection.opened",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.oversight.inspection.opened.v1",
                    "x-parser-schema-id": "<anonymous-schema-104>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:oversight.inspection.opened:v1",
                    "x-parser-schema-id": "<anonymous-schema-105>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:oversight.inspection.opened:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "filed_on": {
                        "description": "OVS-PLAN: the day the inspection plan was filed.",
                        "format": "date",
                        "title": "Filed On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-106>"
                      },
                      "inspection_id": {
                        "minLength": 1,
                        "title": "Inspection Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-107>"
                      },
                      "opened_at": {
                        "format": "date-time",
                        "title": "Opened At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-108>"
                      },
                      "start_on": {
                        "format": "date",
                        "title": "Start On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-109>"
                      },
                      "title": {
                        "description": "What the board inspects, publicly.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-110>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-111>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-112>"
                      }
                    },
                    "required": [
                      "inspection_id",
                      "ward",
                      "title",
                      "start_on",
                      "filed_on",
                      "opened_at",
                      "version"
                    ],
                    "title": "vn.qcdc.oversight.inspection.opened.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-103>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-102>"
          },
          "x-parser-unique-object-id": "oversight.inspection.opened.v1"
        }
      },
      "x-parser-unique-object-id": "oversight.inspection.opened"
    },
    "oversight.recommendation.answered": {
      "address": "qcdc.{ward}.oversight.recommendation.answered",
      "title": "oversight.recommendation.answered",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "oversight.recommendation.answered.v1": {
          "name": "vn.qcdc.oversight.recommendation.answered.v1",
          "title": "oversight.recommendation.answered v1",
          "summary": "oversight.recommendation.answered",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.oversight.recommendation.answered.v1",
                    "x-parser-schema-id": "<anonymous-schema-116>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:oversight.recommendation.answered:v1",
                    "x-parser-schema-id": "<anonymous-schema-117>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:oversight.recommendation.answered:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "accepted": {
                        "enum": [
                          "accepted",
                          "partly",
                          "rejected"
                        ],
                        "title": "Accepted",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-118>"
                      },
                      "addressed_to": {
                        "description": "The ward committee, or a service.",
                        "minLength": 1,
                        "title": "Addressed To",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-119>"
                      },
                      "answer_due": {
                        "description": "OVS-ANSWER: local date the answer is due.",
                        "format": "date",
                        "title": "Answer Due",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-120>"
                      },
                      "answered_at": {
                        "format": "date-time",
                        "title": "Answered At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-121>"
                      },
                      "due_at": {
                        "format": "date-time",
                        "title": "Due At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-122>"
                      },
                      "inspection_id": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-124>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-125>"
                          }
                        ],
                        "default": null,
                        "title": "Inspection Id",
                        "x-parser-schema-id": "<anonymous-schema-123>"
                      },
                      "issued_at": {
                        "format": "date-time",
                        "title": "Issued At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-126>"
                      },
                      "on_time": {
                        "title": "On Time",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-127>"
                      },
                      "recommendation_id": {
                        "minLength": 1,
                        "title": "Recommendation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-128>"
                      },
                      "rule": {
                        "description": "OVS-ANSWER.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-129>"
                      },
                      "title": {
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-130>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-131>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-132>"
                      }
                    },
                    "required": [
                      "recommendation_id",
                      "ward",
                      "addressed_to",
                      "title",
                      "issued_at",
                      "answer_due",
                      "due_at",
                      "rule",
                      "version",
                      "answered_at",
                      "on_time",
                      "accepted"
                    ],
                    "title": "vn.qcdc.oversight.recommendation.answered.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-115>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-114>"
          },
          "x-parser-unique-object-id": "oversight.recommendation.answered.v1"
        }
      },
      "x-parser-unique-object-id": "oversight.recommendation.answered"
    },
    "oversight.recommendation.issued": {
      "address": "qcdc.{ward}.oversight.recommendation.issued",
      "title": "oversight.recommendation.issued",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "oversight.recommendation.issued.v1": {
          "name": "vn.qcdc.oversight.recommendation.issued.v1",
          "title": "oversight.recommendation.issued v1",
          "summary": "Issued by the inspection board and confirmed by the front.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.oversight.recommendation.issued.v1",
                    "x-parser-schema-id": "<anonymous-schema-136>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:oversight.recommendation.issued:v1",
                    "x-parser-schema-id": "<anonymous-schema-137>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:oversight.recommendation.issued:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Issued by the inspection board and confirmed by the front.",
                    "properties": {
                      "addressed_to": {
                        "description": "The ward committee, or a service.",
                        "minLength": 1,
                        "title": "Addressed To",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-138>"
                      },
                      "answer_due": {
                        "description": "OVS-ANSWER: local date the answer is due.",
                        "format": "date",
                        "title": "Answer Due",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-139>"
                      },
                      "due_at": {
                        "format": "date-time",
                        "title": "Due At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-140>"
                      },
                      "inspection_id": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-142>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-143>"
                          }
                        ],
                        "default": null,
                        "title": "Inspection Id",
                        "x-parser-schema-id": "<anonymous-schema-141>"
                      },
                      "issued_at": {
                        "format": "date-time",
                        "title": "Issued At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-144>"
                      },
                      "recommendation_id": {
                        "minLength": 1,
                        "title": "Recommendation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-145>"
                      },
                      "rule": {
                        "description": "OVS-ANSWER.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-146>"
                      },
                      "title": {
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-147>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-148>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-149>"
                      }
                    },
                    "required": [
                      "recommendation_id",
                      "ward",
                      "addressed_to",
                      "title",
                      "issued_at",
                      "answer_due",
                      "due_at",
                      "rule",
                      "version"
                    ],
                    "title": "vn.qcdc.oversight.recommendation.issued.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-135>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-134>"
          },
          "x-parser-unique-object-id": "oversight.recommendation.issued.v1"
        }
      },
      "x-parser-unique-object-id": "oversight.recommendation.issued"
    },
    "oversight.recommendation.overdue": {
      "address": "qcdc.{ward}.oversight.recommendation.overdue",
      "title": "oversight.recommendation.overdue",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "oversight.recommendation.overdue.v1": {
          "name": "vn.qcdc.oversight.recommendation.overdue.v1",
          "title": "oversight.recommendation.overdue v1",
          "summary": "Unanswered at the end of its due day: escalated to the city, once.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.oversight.recommendation.overdue.v1",
                    "x-parser-schema-id": "<anonymous-schema-153>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:oversight.recommendation.overdue:v1",
                    "x-parser-schema-id": "<anonymous-schema-154>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:oversight.recommendation.overdue:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Unanswered at the end of its due day: escalated to the city, once.",
                    "properties": {
                      "addressed_to": {
                        "description": "The ward committee, or a service.",
                        "minLength": 1,
                        "title": "Addressed To",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-155>"
                      },
                      "answer_due": {
                        "description": "OVS-ANSWER: local date the answer is due.",
                        "format": "date",
                        "title": "Answer Due",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-156>"
                      },
                      "due_at": {
                        "format": "date-time",
                        "title": "Due At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-157>"
                      },
                      "escalated_to": {
                        "const": "city",
                        "default": "city",
                        "title": "Escalated To",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-158>"
                      },
                      "inspection_id": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-160>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-161>"
                          }
                        ],
                        "default": null,
                        "title": "Inspection Id",
                        "x-parser-schema-id": "<anonymous-schema-159>"
                      },
                      "issued_at": {
                        "format": "date-time",
                        "title": "Issued At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-162>"
                      },
                      "recommendation_id": {
                        "minLength": 1,
                        "title": "Recommendation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-163>"
                      },
                      "rule": {
                        "description": "OVS-ANSWER.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-164>"
                      },
                      "title": {
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-165>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-166>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-167>"
                      }
                    },
                    "required": [
                      "recommendation_id",
                      "ward",
                      "addressed_to",
                      "title",
                      "issued_at",
                      "answer_due",
                      "due_at",
                      "rule",
                      "version"
                    ],
                    "title": "vn.qcdc.oversight.recommendation.overdue.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-152>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-151>"
          },
          "x-parser-unique-object-id": "oversight.recommendation.overdue.v1"
        }
      },
      "x-parser-unique-object-id": "oversight.recommendation.overdue"
    },
    "oversight.recommendation.received": {
      "address": "qcdc.{ward}.oversight.recommendation.received",
      "title": "oversight.recommendation.received",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "oversight.recommendation.received.v1": {
          "name": "vn.qcdc.oversight.recommendation.received.v1",
          "title": "oversight.recommendation.received v1",
          "summary": "The ward committee's receipt was recorded: OVS-ANSWER counts from it, so ``answer_due``",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.oversight.recommendation.received.v1",
                    "x-parser-schema-id": "<anonymous-schema-171>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:oversight.recommendation.received:v1",
                    "x-parser-schema-id": "<anonymous-schema-172>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:oversight.recommendation.received:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The ward committee's receipt was recorded: OVS-ANSWER counts from it, so ``answer_due``\nand ``due_at`` are the deadline counted again, replacing the one the issue carried.",
                    "properties": {
                      "addressed_to": {
                        "description": "The ward committee, or a service.",
                        "minLength": 1,
                        "title": "Addressed To",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-173>"
                      },
                      "answer_due": {
                        "description": "OVS-ANSWER: local date the answer is due.",
                        "format": "date",
                        "title": "Answer Due",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-174>"
                      },
                      "due_at": {
                        "format": "date-time",
                        "title": "Due At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-175>"
                      },
                      "inspection_id": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-177>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-178>"
                          }
                        ],
                        "default": null,
                        "title": "Inspection Id",
                        "x-parser-schema-id": "<anonymous-schema-176>"
                      },
                      "issued_at": {
                        "format": "date-time",
                        "title": "Issued At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-179>"
                      },
                      "received_at": {
                        "description": "When the addressee received it.",
                        "format": "date-time",
                        "title": "Received At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-180>"
                      },
                      "recommendation_id": {
                        "minLength": 1,
                        "title": "Recommendation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-181>"
                      },
                      "rule": {
                        "description": "OVS-ANSWER.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-182>"
                      },
                      "title": {
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-183>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-184>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-185>"
                      }
                    },
                    "required": [
                      "recommendation_id",
                      "ward",
                      "addressed_to",
                      "title",
                      "issued_at",
                      "answer_due",
                      "due_at",
                      "rule",
                      "version",
                      "received_at"
                    ],
                    "title": "vn.qcdc.oversight.recommendation.received.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-170>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-169>"
          },
          "x-parser-unique-object-id": "oversight.recommendation.received.v1"
        }
      },
      "x-parser-unique-object-id": "oversight.recommendation.received"
    },
    "oversight.violation.detected": {
      "address": "qcdc.{ward}.oversight.violation.detected",
      "title": "oversight.violation.detected",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "oversight.violation.detected.v1": {
          "name": "vn.qcdc.oversight.violation.detected.v1",
          "title": "oversight.violation.detected v1",
          "summary": "oversight.violation.detected",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.oversight.violation.detected.v1",
                    "x-parser-schema-id": "<anonymous-schema-189>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:oversight.violation.detected:v1",
                    "x-parser-schema-id": "<anonymous-schema-190>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "SubjectV1": {
                        "additionalProperties": false,
                        "description": "What broke a rule: a record of another service (or of oversight), by id.",
                        "properties": {
                          "id": {
                            "minLength": 1,
                            "title": "Id",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-197>"
                          },
                          "kind": {
                            "enum": [
                              "posting",
                              "petition",
                              "reception",
                              "task",
                              "decision",
                              "recommendation",
                              "consultation"
                            ],
                            "title": "Kind",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-198>"
                          }
                        },
                        "required": [
                          "kind",
                          "id"
                        ],
                        "title": "SubjectV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-196>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:oversight.violation.detected:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "detected_at": {
                        "format": "date-time",
                        "title": "Detected At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-191>"
                      },
                      "evidence": {
                        "description": "Ids of the events that prove it.",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-193>"
                        },
                        "minItems": 1,
                        "title": "Evidence",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-192>"
                      },
                      "occurred_at": {
                        "description": "When the rule was broken.",
                        "format": "date-time",
                        "title": "Occurred At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-194>"
                      },
                      "rule": {
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-195>"
                      },
                      "subject": "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1.payload.allOf[1].properties.data.$defs.SubjectV1",
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-199>"
                      },
                      "violation_id": {
                        "minLength": 1,
                        "title": "Violation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-200>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-201>"
                      }
                    },
                    "required": [
                      "violation_id",
                      "ward",
                      "rule",
                      "subject",
                      "evidence",
                      "occurred_at",
                      "detected_at",
                      "version"
                    ],
                    "title": "vn.qcdc.oversight.violation.detected.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-188>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-187>"
          },
          "x-parser-unique-object-id": "oversight.violation.detected.v1"
        }
      },
      "x-parser-unique-object-id": "oversight.violation.detected"
    },
    "oversight.violation.resolved": {
      "address": "qcdc.{ward}.oversight.violation.resolved",
      "title": "oversight.violation.resolved",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "oversight.violation.resolved.v1": {
          "name": "vn.qcdc.oversight.violation.resolved.v1",
          "title": "oversight.violation.resolved v1",
          "summary": "oversight.violation.resolved",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.oversight.violation.resolved.v1",
                    "x-parser-schema-id": "<anonymous-schema-205>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:oversight.violation.resolved:v1",
                    "x-parser-schema-id": "<anonymous-schema-206>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "SubjectV1": {
                        "additionalProperties": false,
                        "description": "What broke a rule: a record of another service (or of oversight), by id.",
                        "properties": {
                          "id": {
                            "minLength": 1,
                            "title": "Id",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-215>"
                          },
                          "kind": {
                            "enum": [
                              "posting",
                              "petition",
                              "reception",
                              "task",
                              "decision",
                              "recommendation",
                              "consultation"
                            ],
                            "title": "Kind",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-216>"
                          }
                        },
                        "required": [
                          "kind",
                          "id"
                        ],
                        "title": "SubjectV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-214>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:oversight.violation.resolved:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "detected_at": {
                        "format": "date-time",
                        "title": "Detected At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-207>"
                      },
                      "evidence": {
                        "description": "Ids of the events that prove it.",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-209>"
                        },
                        "minItems": 1,
                        "title": "Evidence",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-208>"
                      },
                      "occurred_at": {
                        "description": "When the rule was broken.",
                        "format": "date-time",
                        "title": "Occurred At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-210>"
                      },
                      "resolution": {
                        "description": "What was done, publicly.",
                        "minLength": 1,
                        "title": "Resolution",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-211>"
                      },
                      "resolved_at": {
                        "format": "date-time",
                        "title": "Resolved At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-212>"
                      },
                      "rule": {
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-213>"
                      },
                      "subject": "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1.payload.allOf[1].properties.data.$defs.SubjectV1",
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-217>"
                      },
                      "violation_id": {
                        "minLength": 1,
                        "title": "Violation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-218>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-219>"
                      }
                    },
                    "required": [
                      "violation_id",
                      "ward",
                      "rule",
                      "subject",
                      "evidence",
                      "occurred_at",
                      "detected_at",
                      "version",
                      "resolved_at",
                      "resolution"
                    ],
                    "title": "vn.qcdc.oversight.violation.resolved.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-204>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-203>"
          },
          "x-parser-unique-object-id": "oversight.violation.resolved.v1"
        }
      },
      "x-parser-unique-object-id": "oversight.violation.resolved"
    },
    "petitions.petition.accepted": {
      "address": "qcdc.{ward}.petitions.petition.accepted",
      "title": "petitions.petition.accepted",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.accepted.v1": {
          "name": "vn.qcdc.petitions.petition.accepted.v1",
          "title": "petitions.petition.accepted v1",
          "summary": "Taken in (complaint accepted, denunciation taken in).",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.accepted.v1",
                    "x-parser-schema-id": "<anonymous-schema-223>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.accepted:v1",
                    "x-parser-schema-id": "<anonymous-schema-224>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-229>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-230>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-232>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-233>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-231>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-234>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-235>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-228>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.accepted:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Taken in (complaint accepted, denunciation taken in).\n\nDeprecated use: until 2027-06-30 a refusal and a forwarding are also published here with\n``accepted: false``, beside their own ``petition.refused`` and ``petition.forwarded``\nevents (the same state, the same sequence); subscribe to those instead.",
                    "properties": {
                      "accepted": {
                        "description": "True: taken in. False (deprecated until 2027-06-30): refused or forwarded, also published as petition.refused / petition.forwarded; read `status`.",
                        "title": "Accepted",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-225>"
                      },
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-226>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-227>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-237>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-236>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-238>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-239>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-240>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-242>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-243>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-241>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-244>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-245>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-246>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version",
                      "accepted"
                    ],
                    "title": "vn.qcdc.petitions.petition.accepted.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-222>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-221>"
          },
          "x-parser-unique-object-id": "petitions.petition.accepted.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.accepted"
    },
    "petitions.petition.answered": {
      "address": "qcdc.{ward}.petitions.petition.answered",
      "title": "petitions.petition.answered",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.answered.v1": {
          "name": "vn.qcdc.petitions.petition.answered.v1",
          "title": "petitions.petition.answered v1",
          "summary": "A petition got its answer. ``public_*`` texts only for feedback of public interest.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.answered.v1",
                    "x-parser-schema-id": "<anonymous-schema-250>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.answered:v1",
                    "x-parser-schema-id": "<anonymous-schema-251>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-256>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-257>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-259>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-260>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-258>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-261>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-262>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-255>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.answered:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A petition got its answer. ``public_*`` texts only for feedback of public interest.",
                    "properties": {
                      "answered_at": {
                        "format": "date-time",
                        "title": "Answered At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-252>"
                      },
                      "deadlines": {
                        "anyOf": [
                          {
                            "items": "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                            "type": "array",
                            "x-parser-schema-id": "<anonymous-schema-254>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-263>"
                          }
                        ],
                        "default": null,
                        "description": "The petition's deadlines after the answer, with `met` (given since 2026-12).",
                        "title": "Deadlines",
                        "x-parser-schema-id": "<anonymous-schema-253>"
                      },
                      "kind": {
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-264>"
                      },
                      "on_time": {
                        "description": "Answered before the deadline the service computed.",
                        "title": "On Time",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-265>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-266>"
                      },
                      "public_answer": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-268>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-269>"
                          }
                        ],
                        "default": null,
                        "description": "The answer as published.",
                        "title": "Public Answer",
                        "x-parser-schema-id": "<anonymous-schema-267>"
                      },
                      "public_interest": {
                        "description": "The handler marked the answer for publication.",
                        "title": "Public Interest",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-270>"
                      },
                      "public_title": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-272>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-273>"
                          }
                        ],
                        "default": null,
                        "description": "Topic, without personal data.",
                        "title": "Public Title",
                        "x-parser-schema-id": "<anonymous-schema-271>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-274>"
                      },
                      "status": {
                        "anyOf": [
                          {
                            "enum": [
                              "received",
                              "accepted",
                              "refused",
                              "forwarded",
                              "assigned",
                              "suspended",
                              "answered",
                              "withdrawn",
                              "closed"
                            ],
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-276>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-277>"
                          }
                        ],
                        "default": null,
                        "description": "The petition's status after the answer (given since 2026-12).",
                        "title": "Status",
                        "x-parser-schema-id": "<anonymous-schema-275>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-278>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-279>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "answered_at",
                      "received_on",
                      "public_interest",
                      "on_time",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.petition.answered.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-249>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-248>"
          },
          "x-parser-unique-object-id": "petitions.petition.answered.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.answered"
    },
    "petitions.petition.assigned": {
      "address": "qcdc.{ward}.petitions.petition.assigned",
      "title": "petitions.petition.assigned",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.assigned.v1": {
          "name": "vn.qcdc.petitions.petition.assigned.v1",
          "title": "petitions.petition.assigned v1",
          "summary": "Retired: no longer published since v2 (docs/decisions/0013): it named the handler's",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.assigned.v1",
                    "x-parser-schema-id": "<anonymous-schema-283>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.assigned:v1",
                    "x-parser-schema-id": "<anonymous-schema-284>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-288>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-289>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-291>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-292>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-290>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-293>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-294>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-287>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.assigned:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Retired: no longer published since v2 (docs/decisions/0013): it named the handler's\naccount, which tells whoever reads the city's log who holds a denunciation's identity.\nKept so that the events already published still read against their schema.",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-285>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-286>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-296>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-295>"
                      },
                      "handler": {
                        "description": "The officer's account id. Retired: v2 carries the handler's role instead.",
                        "minLength": 1,
                        "title": "Handler",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-297>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-298>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-299>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-300>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-302>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-303>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-301>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-304>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-305>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-306>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version",
                      "handler"
                    ],
                    "title": "vn.qcdc.petitions.petition.assigned.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-282>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-281>"
          },
          "x-parser-unique-object-id": "petitions.petition.assigned.v1"
        },
        "petitions.petition.assigned.v2": {
          "name": "vn.qcdc.petitions.petition.assigned.v2",
          "title": "petitions.petition.assigned v2",
          "summary": "Given to a handler. A role and the ward say who handles it; no account id (DEN-SECRET:",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.assigned.v2",
                    "x-parser-schema-id": "<anonymous-schema-309>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.assigned:v2",
                    "x-parser-schema-id": "<anonymous-schema-310>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-314>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-315>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-317>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-318>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-316>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-319>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-320>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-313>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.assigned:v2",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Given to a handler. A role and the ward say who handles it; no account id (DEN-SECRET:\nthe assigned handler is the one person who may open the petitioner's identity).",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-311>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-312>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-322>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-321>"
                      },
                      "handler_role": {
                        "const": "officer",
                        "description": "Who handles it now: an officer of the ward (never an account id).",
                        "title": "Handler Role",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-323>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-324>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-325>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-326>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-328>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-329>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-327>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-330>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-331>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-332>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version",
                      "handler_role"
                    ],
                    "title": "vn.qcdc.petitions.petition.assigned.v2",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-308>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-307>"
          },
          "x-parser-unique-object-id": "petitions.petition.assigned.v2"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.assigned"
    },
    "petitions.petition.closed": {
      "address": "qcdc.{ward}.petitions.petition.closed",
      "title": "petitions.petition.closed",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.closed.v1": {
          "name": "vn.qcdc.petitions.petition.closed.v1",
          "title": "petitions.petition.closed v1",
          "summary": "petitions.petition.closed",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.closed.v1",
                    "x-parser-schema-id": "<anonymous-schema-336>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.closed:v1",
                    "x-parser-schema-id": "<anonymous-schema-337>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-341>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-342>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-344>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-345>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-343>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-346>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-347>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-340>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.closed:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-338>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-339>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-349>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-348>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-350>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-351>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-352>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-354>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-355>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-353>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-356>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-357>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-358>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.petition.closed.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-335>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-334>"
          },
          "x-parser-unique-object-id": "petitions.petition.closed.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.closed"
    },
    "petitions.petition.decision_published": {
      "address": "qcdc.{ward}.petitions.petition.decision_published",
      "title": "petitions.petition.decision_published",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.decision_published.v1": {
          "name": "vn.qcdc.petitions.petition.decision_published.v1",
          "title": "petitions.petition.decision_published v1",
          "summary": "A complaint's decision was published (CMP-RESOLVE.publish settled in ``deadlines``).",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.decision_published.v1",
                    "x-parser-schema-id": "<anonymous-schema-362>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.decision_published:v1",
                    "x-parser-schema-id": "<anonymous-schema-363>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-367>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-368>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-370>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-371>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-369>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-372>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-373>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-366>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.decision_published:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A complaint's decision was published (CMP-RESOLVE.publish settled in ``deadlines``).\nOnly the fact and its form: never the decision's text, never the complainant.",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-364>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-365>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-375>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-374>"
                      },
                      "form": {
                        "description": "Posted at the office or reception place, announced at a meeting, or in the media (Decree 124/2020/NĐ-CP).",
                        "enum": [
                          "posting",
                          "meeting",
                          "media"
                        ],
                        "title": "Form",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-376>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-377>"
                      },
                      "on_time": {
                        "description": "Published by the end of CMP-RESOLVE.publish.",
                        "title": "On Time",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-378>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-379>"
                      },
                      "posted_until": {
                        "anyOf": [
                          {
                            "format": "date",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-381>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-382>"
                          }
                        ],
                        "default": null,
                        "description": "A posting stays up at least to this day (CMP-RESOLVE.publish-posting); null for the other forms.",
                        "title": "Posted Until",
                        "x-parser-schema-id": "<anonymous-schema-380>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-383>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-385>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-386>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-384>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-387>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-388>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-389>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version",
                      "form",
                      "on_time"
                    ],
                    "title": "vn.qcdc.petitions.petition.decision_published.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-361>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-360>"
          },
          "x-parser-unique-object-id": "petitions.petition.decision_published.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.decision_published"
    },
    "petitions.petition.denouncer_notified": {
      "address": "qcdc.{ward}.petitions.petition.denouncer_notified",
      "title": "petitions.petition.denouncer_notified",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.denouncer_notified.v1": {
          "name": "vn.qcdc.petitions.petition.denouncer_notified.v1",
          "title": "petitions.petition.denouncer_notified v1",
          "summary": "The denouncer was told that the denunciation was accepted: DEN-INTAKE.notice settled in",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.denouncer_notified.v1",
                    "x-parser-schema-id": "<anonymous-schema-393>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.denouncer_notified:v1",
                    "x-parser-schema-id": "<anonymous-schema-394>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-398>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-399>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-401>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-402>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-400>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-403>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-404>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-397>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.denouncer_notified:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The denouncer was told that the denunciation was accepted: DEN-INTAKE.notice settled in\n``deadlines``. Only the fact and whether it was in time; never who was told.",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-395>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-396>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-406>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-405>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-407>"
                      },
                      "on_time": {
                        "description": "Notified by the end of DEN-INTAKE.notice.",
                        "title": "On Time",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-408>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-409>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-410>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-412>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-413>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-411>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-414>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-415>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-416>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version",
                      "on_time"
                    ],
                    "title": "vn.qcdc.petitions.petition.denouncer_notified.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-392>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-391>"
          },
          "x-parser-unique-object-id": "petitions.petition.denouncer_notified.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.denouncer_notified"
    },
    "petitions.petition.escalated": {
      "address": "qcdc.{ward}.petitions.petition.escalated",
      "title": "petitions.petition.escalated",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.escalated.v1": {
          "name": "vn.qcdc.petitions.petition.escalated.v1",
          "title": "petitions.petition.escalated v1",
          "summary": "Sent to the city once per petition and rule (PET-ESC), or by the citizen.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.escalated.v1",
                    "x-parser-schema-id": "<anonymous-schema-420>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.escalated:v1",
                    "x-parser-schema-id": "<anonymous-schema-421>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-426>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-427>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-429>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-430>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-428>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-431>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-432>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-425>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.escalated:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Sent to the city once per petition and rule (PET-ESC), or by the citizen.",
                    "properties": {
                      "by": {
                        "enum": [
                          "sweeper",
                          "citizen"
                        ],
                        "title": "By",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-422>"
                      },
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-423>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-424>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-434>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-433>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-435>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-436>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-437>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-439>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-440>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-438>"
                      },
                      "rule": {
                        "description": "The deadline that passed, or PET-ESC when the citizen rejected the answer.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-441>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-442>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-443>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-444>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version",
                      "rule",
                      "by"
                    ],
                    "title": "vn.qcdc.petitions.petition.escalated.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-419>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-418>"
          },
          "x-parser-unique-object-id": "petitions.petition.escalated.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.escalated"
    },
    "petitions.petition.forwarded": {
      "address": "qcdc.{ward}.petitions.petition.forwarded",
      "title": "petitions.petition.forwarded",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.forwarded.v1": {
          "name": "vn.qcdc.petitions.petition.forwarded.v1",
          "title": "petitions.petition.forwarded v1",
          "summary": "Outside the ward's competence, forwarded (status ``forwarded``; FB-FWD,",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.forwarded.v1",
                    "x-parser-schema-id": "<anonymous-schema-448>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.forwarded:v1",
                    "x-parser-schema-id": "<anonymous-schema-449>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-453>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-454>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-456>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-457>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-455>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-458>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-459>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-452>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.forwarded:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Outside the ward's competence, forwarded (status ``forwarded``; FB-FWD,\nDEN-INTAKE.forward carry their deadlines); where to and why stay in the service.",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-450>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-451>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-461>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-460>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-462>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-463>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-464>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-466>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-467>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-465>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-468>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-469>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-470>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.petition.forwarded.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-447>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-446>"
          },
          "x-parser-unique-object-id": "petitions.petition.forwarded.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.forwarded"
    },
    "petitions.petition.overdue": {
      "address": "qcdc.{ward}.petitions.petition.overdue",
      "title": "petitions.petition.overdue",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.overdue.v1": {
          "name": "vn.qcdc.petitions.petition.overdue.v1",
          "title": "petitions.petition.overdue v1",
          "summary": "petitions.petition.overdue",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.overdue.v1",
                    "x-parser-schema-id": "<anonymous-schema-474>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.overdue:v1",
                    "x-parser-schema-id": "<anonymous-schema-475>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-479>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-480>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-482>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-483>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-481>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-484>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-485>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-478>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.overdue:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-476>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-477>"
                      },
                      "due_at": {
                        "format": "date-time",
                        "title": "Due At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-486>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-488>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-487>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-489>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-490>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-491>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-493>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-494>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-492>"
                      },
                      "rule": {
                        "description": "The deadline that passed.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-495>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-496>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-497>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-498>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version",
                      "rule",
                      "due_at"
                    ],
                    "title": "vn.qcdc.petitions.petition.overdue.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-473>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-472>"
          },
          "x-parser-unique-object-id": "petitions.petition.overdue.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.overdue"
    },
    "petitions.petition.received": {
      "address": "qcdc.{ward}.petitions.petition.received",
      "title": "petitions.petition.received",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.received.v1": {
          "name": "vn.qcdc.petitions.petition.received.v1",
          "title": "petitions.petition.received v1",
          "summary": "petitions.petition.received",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.received.v1",
                    "x-parser-schema-id": "<anonymous-schema-502>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.received:v1",
                    "x-parser-schema-id": "<anonymous-schema-503>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-507>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-508>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-510>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-511>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-509>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-512>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-513>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-506>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.received:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-504>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-505>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-515>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-514>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-516>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-517>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-518>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-520>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-521>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-519>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-522>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-523>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-524>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.petition.received.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-501>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-500>"
          },
          "x-parser-unique-object-id": "petitions.petition.received.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.received"
    },
    "petitions.petition.refused": {
      "address": "qcdc.{ward}.petitions.petition.refused",
      "title": "petitions.petition.refused",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.refused.v1": {
          "name": "vn.qcdc.petitions.petition.refused.v1",
          "title": "petitions.petition.refused v1",
          "summary": "Refused at intake (status ``refused``); the reason stays in the service.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.refused.v1",
                    "x-parser-schema-id": "<anonymous-schema-528>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.refused:v1",
                    "x-parser-schema-id": "<anonymous-schema-529>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-533>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-534>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-536>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-537>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-535>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-538>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-539>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-532>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.refused:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Refused at intake (status ``refused``); the reason stays in the service.",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-530>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-531>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-541>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-540>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-542>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-543>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-544>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-546>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-547>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-545>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-548>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-549>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-550>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.petition.refused.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-527>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-526>"
          },
          "x-parser-unique-object-id": "petitions.petition.refused.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.refused"
    },
    "petitions.petition.resumed": {
      "address": "qcdc.{ward}.petitions.petition.resumed",
      "title": "petitions.petition.resumed",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.resumed.v1": {
          "name": "vn.qcdc.petitions.petition.resumed.v1",
          "title": "petitions.petition.resumed v1",
          "summary": "A suspended complaint's resolution resumed: ``deadlines`` carries its resolution",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.resumed.v1",
                    "x-parser-schema-id": "<anonymous-schema-554>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.resumed:v1",
                    "x-parser-schema-id": "<anonymous-schema-555>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-559>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-560>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-562>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-563>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-561>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-564>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-565>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-558>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.resumed:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A suspended complaint's resolution resumed: ``deadlines`` carries its resolution\ndeadline moved by the days it stood still (CMP-RESOLVE.suspension).",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-556>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-557>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-567>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-566>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-568>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-569>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-570>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-572>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-573>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-571>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-574>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-575>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-576>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.petition.resumed.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-553>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-552>"
          },
          "x-parser-unique-object-id": "petitions.petition.resumed.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.resumed"
    },
    "petitions.petition.suspended": {
      "address": "qcdc.{ward}.petitions.petition.suspended",
      "title": "petitions.petition.suspended",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.suspended.v1": {
          "name": "vn.qcdc.petitions.petition.suspended.v1",
          "title": "petitions.petition.suspended v1",
          "summary": "A complaint's resolution suspended (status ``suspended``, CMP-RESOLVE.suspension): its",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.suspended.v1",
                    "x-parser-schema-id": "<anonymous-schema-580>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.suspended:v1",
                    "x-parser-schema-id": "<anonymous-schema-581>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-585>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-586>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-588>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-589>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-587>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-590>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-591>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-584>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.suspended:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A complaint's resolution suspended (status ``suspended``, CMP-RESOLVE.suspension): its\nresolution deadline stands still, so it is not overdue meanwhile. The reason stays in the\nservice, like a refusal's.",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-582>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-583>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-593>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-592>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-594>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-595>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-596>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-598>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-599>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-597>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-600>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-601>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-602>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.petition.suspended.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-579>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-578>"
          },
          "x-parser-unique-object-id": "petitions.petition.suspended.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.suspended"
    },
    "petitions.petition.withdrawn": {
      "address": "qcdc.{ward}.petitions.petition.withdrawn",
      "title": "petitions.petition.withdrawn",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.petition.withdrawn.v1": {
          "name": "vn.qcdc.petitions.petition.withdrawn.v1",
          "title": "petitions.petition.withdrawn v1",
          "summary": "The complainant withdrew the complaint in writing: whole (status ``withdrawn``,",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.petition.withdrawn.v1",
                    "x-parser-schema-id": "<anonymous-schema-606>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.petition.withdrawn:v1",
                    "x-parser-schema-id": "<anonymous-schema-607>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "PetitionDeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline the petitions service computed once; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-611>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-612>"
                          },
                          "met": {
                            "anyOf": [
                              {
                                "type": "boolean",
                                "x-parser-schema-id": "<anonymous-schema-614>"
                              },
                              {
                                "type": "null",
                                "x-parser-schema-id": "<anonymous-schema-615>"
                              }
                            ],
                            "default": null,
                            "description": "True when done in time, false when late, null while open.",
                            "title": "Met",
                            "x-parser-schema-id": "<anonymous-schema-613>"
                          },
                          "rule": {
                            "description": "Rule id (DOMAIN.md), e.g. CMP-ACCEPT, DEN-RESOLVE.",
                            "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-616>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-617>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "table_version"
                        ],
                        "title": "PetitionDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-610>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:petitions.petition.withdrawn:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The complainant withdrew the complaint in writing: whole (status ``withdrawn``,\nCMP-RESOLVE.withdrawal, its deadlines settled) or in part (CMP-RESOLVE.withdrawal-partial,\nthe clock kept). What was withdrawn stays in the service.",
                    "properties": {
                      "channel": {
                        "description": "How it came in: online (the citizen), post, fax or in_person (recorded by an officer; INF-REQ takes its row from it). 'paper': recorded before the means was kept; 'reception': no longer produced.",
                        "enum": [
                          "online",
                          "post",
                          "fax",
                          "in_person",
                          "paper",
                          "reception"
                        ],
                        "title": "Channel",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-608>"
                      },
                      "deadlines": {
                        "items": "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1.payload.allOf[1].properties.data.$defs.PetitionDeadlineV1",
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-609>"
                      },
                      "flags": {
                        "description": "Rules the petition itself trips, e.g. CMP-FILE (filed out of time).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-619>"
                        },
                        "title": "Flags",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-618>"
                      },
                      "kind": {
                        "description": "'lead': an anonymous denunciation kept as a lead.",
                        "enum": [
                          "feedback",
                          "complaint",
                          "denunciation",
                          "information_request",
                          "lead"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-620>"
                      },
                      "petition_id": {
                        "minLength": 1,
                        "title": "Petition Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-621>"
                      },
                      "received_on": {
                        "format": "date",
                        "title": "Received On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-622>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-624>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-625>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-623>"
                      },
                      "status": {
                        "enum": [
                          "received",
                          "accepted",
                          "refused",
                          "forwarded",
                          "assigned",
                          "suspended",
                          "answered",
                          "withdrawn",
                          "closed"
                        ],
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-626>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-627>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-628>"
                      },
                      "whole": {
                        "description": "True: the whole complaint; false: a part of it.",
                        "title": "Whole",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-629>"
                      }
                    },
                    "required": [
                      "petition_id",
                      "ward",
                      "kind",
                      "status",
                      "received_on",
                      "channel",
                      "deadlines",
                      "flags",
                      "version",
                      "whole"
                    ],
                    "title": "vn.qcdc.petitions.petition.withdrawn.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-605>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-604>"
          },
          "x-parser-unique-object-id": "petitions.petition.withdrawn.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.petition.withdrawn"
    },
    "petitions.reception.held": {
      "address": "qcdc.{ward}.petitions.reception.held",
      "title": "petitions.reception.held",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.reception.held.v1": {
          "name": "vn.qcdc.petitions.reception.held.v1",
          "title": "petitions.reception.held v1",
          "summary": "A reception session took place (or did not); counts only, no visitor.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.reception.held.v1",
                    "x-parser-schema-id": "<anonymous-schema-633>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.reception.held:v1",
                    "x-parser-schema-id": "<anonymous-schema-634>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:petitions.reception.held:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A reception session took place (or did not); counts only, no visitor.",
                    "properties": {
                      "entries": {
                        "description": "Visits logged, each with a REC-REPLY clock.",
                        "minimum": 0,
                        "title": "Entries",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-635>"
                      },
                      "form": {
                        "anyOf": [
                          {
                            "enum": [
                              "in_person",
                              "online"
                            ],
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-637>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-638>"
                          }
                        ],
                        "default": null,
                        "description": "in_person at the reception location, or online (REC-WEEK.online, from 2026-07-01); given since 2026-12, absent before (in person).",
                        "title": "Form",
                        "x-parser-schema-id": "<anonymous-schema-636>"
                      },
                      "held": {
                        "title": "Held",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-639>"
                      },
                      "host": {
                        "enum": [
                          "chair",
                          "party_secretary",
                          "other_leader"
                        ],
                        "title": "Host",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-640>"
                      },
                      "reception_id": {
                        "minLength": 1,
                        "title": "Reception Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-641>"
                      },
                      "session_on": {
                        "format": "date",
                        "title": "Session On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-642>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-643>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-644>"
                      }
                    },
                    "required": [
                      "reception_id",
                      "ward",
                      "host",
                      "session_on",
                      "held",
                      "entries",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.reception.held.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-632>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-631>"
          },
          "x-parser-unique-object-id": "petitions.reception.held.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.reception.held"
    },
    "petitions.reception.scheduled": {
      "address": "qcdc.{ward}.petitions.reception.scheduled",
      "title": "petitions.reception.scheduled",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "petitions.reception.scheduled.v1": {
          "name": "vn.qcdc.petitions.reception.scheduled.v1",
          "title": "petitions.reception.scheduled v1",
          "summary": "A citizen-reception session put on the posted schedule (REC-WEEK).",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.petitions.reception.scheduled.v1",
                    "x-parser-schema-id": "<anonymous-schema-648>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:petitions.reception.scheduled:v1",
                    "x-parser-schema-id": "<anonymous-schema-649>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:petitions.reception.scheduled:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A citizen-reception session put on the posted schedule (REC-WEEK).",
                    "properties": {
                      "form": {
                        "anyOf": [
                          {
                            "enum": [
                              "in_person",
                              "online"
                            ],
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-651>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-652>"
                          }
                        ],
                        "default": null,
                        "description": "in_person at the reception location, or online (REC-WEEK.online, from 2026-07-01); given since 2026-12, absent before (in person).",
                        "title": "Form",
                        "x-parser-schema-id": "<anonymous-schema-650>"
                      },
                      "host": {
                        "enum": [
                          "chair",
                          "party_secretary",
                          "other_leader"
                        ],
                        "title": "Host",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-653>"
                      },
                      "on_time": {
                        "description": "Posted at least REC-WEEK.schedule working days ahead.",
                        "title": "On Time",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-654>"
                      },
                      "posted_on": {
                        "format": "date",
                        "title": "Posted On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-655>"
                      },
                      "reception_id": {
                        "minLength": 1,
                        "title": "Reception Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-656>"
                      },
                      "session_on": {
                        "format": "date",
                        "title": "Session On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-657>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-658>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-659>"
                      }
                    },
                    "required": [
                      "reception_id",
                      "ward",
                      "host",
                      "session_on",
                      "posted_on",
                      "on_time",
                      "version"
                    ],
                    "title": "vn.qcdc.petitions.reception.scheduled.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-647>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-646>"
          },
          "x-parser-unique-object-id": "petitions.reception.scheduled.v1"
        }
      },
      "x-parser-unique-object-id": "petitions.reception.scheduled"
    },
    "plans.conference.held": {
      "address": "qcdc.{ward}.plans.conference.held",
      "title": "plans.conference.held",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.conference.held.v1": {
          "name": "vn.qcdc.plans.conference.held.v1",
          "title": "plans.conference.held v1",
          "summary": "A thematic conference, the committee-people dialogue or a group's year-end conference",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.conference.held.v1",
                    "x-parser-schema-id": "<anonymous-schema-663>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.conference.held:v1",
                    "x-parser-schema-id": "<anonymous-schema-664>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.conference.held:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A thematic conference, the committee-people dialogue or a group's year-end conference\n(OVS-YEAR counts these).",
                    "properties": {
                      "attendees": {
                        "minimum": 0,
                        "title": "Attendees",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-665>"
                      },
                      "conference_id": {
                        "minLength": 1,
                        "title": "Conference Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-666>"
                      },
                      "held_on": {
                        "format": "date",
                        "title": "Held On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-667>"
                      },
                      "kind": {
                        "enum": [
                          "thematic",
                          "dialogue",
                          "group_year_end"
                        ],
                        "title": "Kind",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-668>"
                      },
                      "notice_on": {
                        "format": "date",
                        "title": "Notice On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-669>"
                      },
                      "notice_rule": {
                        "description": "DEC-NOTICE or DEC-NOTICE.year-end.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Notice Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-670>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-672>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-673>"
                          }
                        ],
                        "default": null,
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-671>"
                      },
                      "title": {
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-674>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-675>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-676>"
                      },
                      "year": {
                        "maximum": 2100,
                        "minimum": 2000,
                        "title": "Year",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-677>"
                      }
                    },
                    "required": [
                      "conference_id",
                      "ward",
                      "kind",
                      "title",
                      "year",
                      "held_on",
                      "notice_on",
                      "notice_rule",
                      "attendees",
                      "version"
                    ],
                    "title": "vn.qcdc.plans.conference.held.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-662>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-661>"
          },
          "x-parser-unique-object-id": "plans.conference.held.v1"
        }
      },
      "x-parser-unique-object-id": "plans.conference.held"
    },
    "plans.decision.closed": {
      "address": "qcdc.{ward}.plans.decision.closed",
      "title": "plans.decision.closed",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.decision.closed.v1": {
          "name": "vn.qcdc.plans.decision.closed.v1",
          "title": "plans.decision.closed v1",
          "summary": "The result, computed over ALL registered households (DEC-PASS).",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.decision.closed.v1",
                    "x-parser-schema-id": "<anonymous-schema-681>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.decision.closed:v1",
                    "x-parser-schema-id": "<anonymous-schema-682>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.decision.closed:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The result, computed over ALL registered households (DEC-PASS).",
                    "properties": {
                      "abstain": {
                        "minimum": 0,
                        "title": "Abstain",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-683>"
                      },
                      "closed_at": {
                        "format": "date-time",
                        "title": "Closed At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-684>"
                      },
                      "comparison": {
                        "enum": [
                          "at_least",
                          "more_than"
                        ],
                        "title": "Comparison",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-685>"
                      },
                      "counted": {
                        "enum": [
                          "household_votes",
                          "meeting_tally"
                        ],
                        "title": "Counted",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-686>"
                      },
                      "decided_on": {
                        "description": "Local date residents voted.",
                        "format": "date",
                        "title": "Decided On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-687>"
                      },
                      "decision_id": {
                        "minLength": 1,
                        "title": "Decision Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-688>"
                      },
                      "form": {
                        "enum": [
                          "meeting",
                          "household_ballot",
                          "online_vote"
                        ],
                        "title": "Form",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-689>"
                      },
                      "households_total": {
                        "description": "Registered households when it opened.",
                        "minimum": 1,
                        "title": "Households Total",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-690>"
                      },
                      "no": {
                        "minimum": 0,
                        "title": "No",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-691>"
                      },
                      "passed": {
                        "title": "Passed",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-692>"
                      },
                      "present": {
                        "description": "Households that voted or attended.",
                        "minimum": 0,
                        "title": "Present",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-693>"
                      },
                      "record_due": {
                        "description": "DEC-RECORD: the record reaches the committee.",
                        "format": "date",
                        "title": "Record Due",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-694>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-696>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-697>"
                          }
                        ],
                        "default": null,
                        "description": "Code of the residential group; null for the whole ward.",
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-695>"
                      },
                      "rule": {
                        "description": "DEC-PASS.money or DEC-PASS.other.",
                        "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                        "title": "Rule",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-698>"
                      },
                      "share": {
                        "description": "The rule's share as a fraction, numerator/denominator.",
                        "pattern": "^\\d+/\\d+$",
                        "title": "Share",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-699>"
                      },
                      "table_version": {
                        "minLength": 1,
                        "title": "Table Version",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-700>"
                      },
                      "threshold": {
                        "description": "Fewest yes votes that pass.",
                        "minimum": 1,
                        "title": "Threshold",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-701>"
                      },
                      "title": {
                        "description": "What residents decide on.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-702>"
                      },
                      "topic": {
                        "description": "DEC-TOPIC: the topic, numbered from 1.",
                        "minimum": 1,
                        "title": "Topic",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-703>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-704>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-705>"
                      },
                      "yes": {
                        "minimum": 0,
                        "title": "Yes",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-706>"
                      }
                    },
                    "required": [
                      "decision_id",
                      "ward",
                      "topic",
                      "title",
                      "form",
                      "households_total",
                      "version",
                      "counted",
                      "yes",
                      "no",
                      "abstain",
                      "present",
                      "threshold",
                      "share",
                      "comparison",
                      "rule",
                      "table_version",
                      "passed",
                      "decided_on",
                      "closed_at",
                      "record_due"
                    ],
                    "title": "vn.qcdc.plans.decision.closed.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-680>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-679>"
          },
          "x-parser-unique-object-id": "plans.decision.closed.v1"
        }
      },
      "x-parser-unique-object-id": "plans.decision.closed"
    },
    "plans.decision.opened": {
      "address": "qcdc.{ward}.plans.decision.opened",
      "title": "plans.decision.opened",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.decision.opened.v1": {
          "name": "vn.qcdc.plans.decision.opened.v1",
          "title": "plans.decision.opened v1",
          "summary": "plans.decision.opened",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.decision.opened.v1",
                    "x-parser-schema-id": "<anonymous-schema-710>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.decision.opened:v1",
                    "x-parser-schema-id": "<anonymous-schema-711>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.decision.opened:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "decision_id": {
                        "minLength": 1,
                        "title": "Decision Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-712>"
                      },
                      "form": {
                        "enum": [
                          "meeting",
                          "household_ballot",
                          "online_vote"
                        ],
                        "title": "Form",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-713>"
                      },
                      "households_total": {
                        "description": "Registered households when it opened.",
                        "minimum": 1,
                        "title": "Households Total",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-714>"
                      },
                      "notice_at": {
                        "description": "When notice and documents went out.",
                        "format": "date-time",
                        "title": "Notice At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-715>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-717>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-718>"
                          }
                        ],
                        "default": null,
                        "description": "Code of the residential group; null for the whole ward.",
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-716>"
                      },
                      "rules": {
                        "description": "Rules checked when it opened (DEC-FORM, ...).",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+(?:\\.[a-z0-9-]+)?$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-720>"
                        },
                        "title": "Rules",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-719>"
                      },
                      "title": {
                        "description": "What residents decide on.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-721>"
                      },
                      "topic": {
                        "description": "DEC-TOPIC: the topic, numbered from 1.",
                        "minimum": 1,
                        "title": "Topic",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-722>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-723>"
                      },
                      "vote_at": {
                        "description": "When residents meet or vote.",
                        "format": "date-time",
                        "title": "Vote At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-724>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-725>"
                      }
                    },
                    "required": [
                      "decision_id",
                      "ward",
                      "topic",
                      "title",
                      "form",
                      "households_total",
                      "version",
                      "notice_at",
                      "vote_at",
                      "rules"
                    ],
                    "title": "vn.qcdc.plans.decision.opened.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-709>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-708>"
          },
          "x-parser-unique-object-id": "plans.decision.opened.v1"
        }
      },
      "x-parser-unique-object-id": "plans.decision.opened"
    },
    "plans.decision.recognised": {
      "address": "qcdc.{ward}.plans.decision.recognised",
      "title": "plans.decision.recognised",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.decision.recognised.v1": {
          "name": "vn.qcdc.plans.decision.recognised.v1",
          "title": "plans.decision.recognised v1",
          "summary": "The people's committee and the front recognised, or refused, a residents' decision.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.decision.recognised.v1",
                    "x-parser-schema-id": "<anonymous-schema-729>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.decision.recognised:v1",
                    "x-parser-schema-id": "<anonymous-schema-730>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.decision.recognised:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The people's committee and the front recognised, or refused, a residents' decision.",
                    "properties": {
                      "decided_on": {
                        "description": "The date residents voted.",
                        "format": "date",
                        "title": "Decided On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-731>"
                      },
                      "decision_id": {
                        "minLength": 1,
                        "title": "Decision Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-732>"
                      },
                      "form": {
                        "enum": [
                          "meeting",
                          "household_ballot",
                          "online_vote"
                        ],
                        "title": "Form",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-733>"
                      },
                      "households_against": {
                        "minimum": 0,
                        "title": "Households Against",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-734>"
                      },
                      "households_for": {
                        "minimum": 0,
                        "title": "Households For",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-735>"
                      },
                      "households_total": {
                        "description": "Registered households when it opened.",
                        "minimum": 1,
                        "title": "Households Total",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-736>"
                      },
                      "passed": {
                        "description": "Whether the DEC-PASS threshold was met.",
                        "title": "Passed",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-737>"
                      },
                      "recognised_on": {
                        "description": "The date of recognition or refusal.",
                        "format": "date",
                        "title": "Recognised On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-738>"
                      },
                      "recognition": {
                        "enum": [
                          "recognised",
                          "refused"
                        ],
                        "title": "Recognition",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-739>"
                      },
                      "refusal_reason": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-741>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-742>"
                          }
                        ],
                        "default": null,
                        "description": "Public reason when refused.",
                        "title": "Refusal Reason",
                        "x-parser-schema-id": "<anonymous-schema-740>"
                      },
                      "residential_group": {
                        "anyOf": [
                          {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-744>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-745>"
                          }
                        ],
                        "default": null,
                        "description": "Code of the residential group; null for the whole ward.",
                        "title": "Residential Group",
                        "x-parser-schema-id": "<anonymous-schema-743>"
                      },
                      "title": {
                        "description": "What residents decided on.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-746>"
                      },
                      "topic": {
                        "description": "DEC-TOPIC: the topic, numbered from 1.",
                        "minimum": 1,
                        "title": "Topic",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-747>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-748>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-749>"
                      }
                    },
                    "required": [
                      "decision_id",
                      "ward",
                      "topic",
                      "title",
                      "form",
                      "households_total",
                      "households_for",
                      "households_against",
                      "passed",
                      "recognition",
                      "decided_on",
                      "recognised_on",
                      "version"
                    ],
                    "title": "vn.qcdc.plans.decision.recognised.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-728>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-727>"
          },
          "x-parser-unique-object-id": "plans.decision.recognised.v1"
        }
      },
      "x-parser-unique-object-id": "plans.decision.recognised"
    },
    "plans.group.registered": {
      "address": "qcdc.{ward}.plans.group.registered",
      "title": "plans.group.registered",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.group.registered.v1": {
          "name": "vn.qcdc.plans.group.registered.v1",
          "title": "plans.group.registered v1",
          "summary": "plans.group.registered",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.group.registered.v1",
                    "x-parser-schema-id": "<anonymous-schema-753>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.group.registered:v1",
                    "x-parser-schema-id": "<anonymous-schema-754>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.group.registered:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "code": {
                        "maxLength": 64,
                        "minLength": 1,
                        "title": "Code",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-755>"
                      },
                      "effective_on": {
                        "description": "Local date the figures took effect.",
                        "format": "date",
                        "title": "Effective On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-756>"
                      },
                      "households": {
                        "description": "Registered households (DEC-PASS counts these).",
                        "minimum": 1,
                        "title": "Households",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-757>"
                      },
                      "name": {
                        "minLength": 1,
                        "title": "Name",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-758>"
                      },
                      "online_optin": {
                        "description": "Households that opted in to online votes.",
                        "minimum": 0,
                        "title": "Online Optin",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-759>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-760>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-761>"
                      }
                    },
                    "required": [
                      "ward",
                      "code",
                      "name",
                      "households",
                      "online_optin",
                      "effective_on",
                      "version"
                    ],
                    "title": "vn.qcdc.plans.group.registered.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-752>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-751>"
          },
          "x-parser-unique-object-id": "plans.group.registered.v1"
        }
      },
      "x-parser-unique-object-id": "plans.group.registered"
    },
    "plans.group.updated": {
      "address": "qcdc.{ward}.plans.group.updated",
      "title": "plans.group.updated",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.group.updated.v1": {
          "name": "vn.qcdc.plans.group.updated.v1",
          "title": "plans.group.updated v1",
          "summary": "plans.group.updated",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.group.updated.v1",
                    "x-parser-schema-id": "<anonymous-schema-765>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.group.updated:v1",
                    "x-parser-schema-id": "<anonymous-schema-766>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.group.updated:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "code": {
                        "maxLength": 64,
                        "minLength": 1,
                        "title": "Code",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-767>"
                      },
                      "effective_on": {
                        "description": "Local date the figures took effect.",
                        "format": "date",
                        "title": "Effective On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-768>"
                      },
                      "households": {
                        "description": "Registered households (DEC-PASS counts these).",
                        "minimum": 1,
                        "title": "Households",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-769>"
                      },
                      "name": {
                        "minLength": 1,
                        "title": "Name",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-770>"
                      },
                      "online_optin": {
                        "description": "Households that opted in to online votes.",
                        "minimum": 0,
                        "title": "Online Optin",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-771>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-772>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-773>"
                      }
                    },
                    "required": [
                      "ward",
                      "code",
                      "name",
                      "households",
                      "online_optin",
                      "effective_on",
                      "version"
                    ],
                    "title": "vn.qcdc.plans.group.updated.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-764>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-763>"
          },
          "x-parser-unique-object-id": "plans.group.updated.v1"
        }
      },
      "x-parser-unique-object-id": "plans.group.updated"
    },
    "plans.plan.adopted": {
      "address": "qcdc.{ward}.plans.plan.adopted",
      "title": "plans.plan.adopted",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.plan.adopted.v1": {
          "name": "vn.qcdc.plans.plan.adopted.v1",
          "title": "plans.plan.adopted v1",
          "summary": "plans.plan.adopted",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.plan.adopted.v1",
                    "x-parser-schema-id": "<anonymous-schema-777>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.plan.adopted:v1",
                    "x-parser-schema-id": "<anonymous-schema-778>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "TaskGroupV1": {
                        "additionalProperties": false,
                        "properties": {
                          "number": {
                            "description": "1-8: the key task groups of the ward's plan.",
                            "minimum": 1,
                            "title": "Number",
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-784>"
                          },
                          "tasks": {
                            "description": "Tasks of the group in this edition.",
                            "minimum": 0,
                            "title": "Tasks",
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-785>"
                          },
                          "title": {
                            "minLength": 1,
                            "title": "Title",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-786>"
                          }
                        },
                        "required": [
                          "number",
                          "title",
                          "tasks"
                        ],
                        "title": "TaskGroupV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-783>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:plans.plan.adopted:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "adopted_at": {
                        "description": "When this edition took effect.",
                        "format": "date-time",
                        "title": "Adopted At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-779>"
                      },
                      "edition": {
                        "description": "1 when adopted; each amendment adds one.",
                        "minimum": 1,
                        "title": "Edition",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-780>"
                      },
                      "plan_id": {
                        "minLength": 1,
                        "title": "Plan Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-781>"
                      },
                      "task_groups": {
                        "items": "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1.payload.allOf[1].properties.data.$defs.TaskGroupV1",
                        "title": "Task Groups",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-782>"
                      },
                      "tasks_total": {
                        "minimum": 0,
                        "title": "Tasks Total",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-787>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-788>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-789>"
                      },
                      "year": {
                        "maximum": 2100,
                        "minimum": 2000,
                        "title": "Year",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-790>"
                      }
                    },
                    "required": [
                      "plan_id",
                      "ward",
                      "year",
                      "edition",
                      "task_groups",
                      "tasks_total",
                      "adopted_at",
                      "version"
                    ],
                    "title": "vn.qcdc.plans.plan.adopted.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-776>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-775>"
          },
          "x-parser-unique-object-id": "plans.plan.adopted.v1"
        }
      },
      "x-parser-unique-object-id": "plans.plan.adopted"
    },
    "plans.plan.amended": {
      "address": "qcdc.{ward}.plans.plan.amended",
      "title": "plans.plan.amended",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.plan.amended.v1": {
          "name": "vn.qcdc.plans.plan.amended.v1",
          "title": "plans.plan.amended v1",
          "summary": "plans.plan.amended",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.plan.amended.v1",
                    "x-parser-schema-id": "<anonymous-schema-794>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.plan.amended:v1",
                    "x-parser-schema-id": "<anonymous-schema-795>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "TaskGroupV1": {
                        "additionalProperties": false,
                        "properties": {
                          "number": {
                            "description": "1-8: the key task groups of the ward's plan.",
                            "minimum": 1,
                            "title": "Number",
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-802>"
                          },
                          "tasks": {
                            "description": "Tasks of the group in this edition.",
                            "minimum": 0,
                            "title": "Tasks",
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-803>"
                          },
                          "title": {
                            "minLength": 1,
                            "title": "Title",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-804>"
                          }
                        },
                        "required": [
                          "number",
                          "title",
                          "tasks"
                        ],
                        "title": "TaskGroupV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-801>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:plans.plan.amended:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "adopted_at": {
                        "description": "When this edition took effect.",
                        "format": "date-time",
                        "title": "Adopted At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-796>"
                      },
                      "edition": {
                        "description": "1 when adopted; each amendment adds one.",
                        "minimum": 1,
                        "title": "Edition",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-797>"
                      },
                      "plan_id": {
                        "minLength": 1,
                        "title": "Plan Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-798>"
                      },
                      "reason": {
                        "description": "Why the adopted plan was amended.",
                        "minLength": 1,
                        "title": "Reason",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-799>"
                      },
                      "task_groups": {
                        "items": "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1.payload.allOf[1].properties.data.$defs.TaskGroupV1",
                        "title": "Task Groups",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-800>"
                      },
                      "tasks_total": {
                        "minimum": 0,
                        "title": "Tasks Total",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-805>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-806>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-807>"
                      },
                      "year": {
                        "maximum": 2100,
                        "minimum": 2000,
                        "title": "Year",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-808>"
                      }
                    },
                    "required": [
                      "plan_id",
                      "ward",
                      "year",
                      "edition",
                      "task_groups",
                      "tasks_total",
                      "adopted_at",
                      "version",
                      "reason"
                    ],
                    "title": "vn.qcdc.plans.plan.amended.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-793>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-792>"
          },
          "x-parser-unique-object-id": "plans.plan.amended.v1"
        }
      },
      "x-parser-unique-object-id": "plans.plan.amended"
    },
    "plans.task.assigned": {
      "address": "qcdc.{ward}.plans.task.assigned",
      "title": "plans.task.assigned",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.task.assigned.v1": {
          "name": "vn.qcdc.plans.task.assigned.v1",
          "title": "plans.task.assigned v1",
          "summary": "plans.task.assigned",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.task.assigned.v1",
                    "x-parser-schema-id": "<anonymous-schema-812>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.task.assigned:v1",
                    "x-parser-schema-id": "<anonymous-schema-813>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.task.assigned:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "due_on": {
                        "description": "Local date the task is due.",
                        "format": "date",
                        "title": "Due On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-814>"
                      },
                      "owner": {
                        "description": "Steering-committee member id.",
                        "minLength": 1,
                        "title": "Owner",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-815>"
                      },
                      "percent": {
                        "description": "Latest reported progress.",
                        "maximum": 100,
                        "minimum": 0,
                        "title": "Percent",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-816>"
                      },
                      "plan_id": {
                        "minLength": 1,
                        "title": "Plan Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-817>"
                      },
                      "start_on": {
                        "format": "date",
                        "title": "Start On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-818>"
                      },
                      "task_group": {
                        "minimum": 1,
                        "title": "Task Group",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-819>"
                      },
                      "task_id": {
                        "minLength": 1,
                        "title": "Task Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-820>"
                      },
                      "title": {
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-821>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-822>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-823>"
                      },
                      "year": {
                        "maximum": 2100,
                        "minimum": 2000,
                        "title": "Year",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-824>"
                      }
                    },
                    "required": [
                      "task_id",
                      "plan_id",
                      "ward",
                      "year",
                      "task_group",
                      "owner",
                      "due_on",
                      "percent",
                      "version",
                      "title",
                      "start_on"
                    ],
                    "title": "vn.qcdc.plans.task.assigned.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-811>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-810>"
          },
          "x-parser-unique-object-id": "plans.task.assigned.v1"
        }
      },
      "x-parser-unique-object-id": "plans.task.assigned"
    },
    "plans.task.completed": {
      "address": "qcdc.{ward}.plans.task.completed",
      "title": "plans.task.completed",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.task.completed.v1": {
          "name": "vn.qcdc.plans.task.completed.v1",
          "title": "plans.task.completed v1",
          "summary": "plans.task.completed",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.task.completed.v1",
                    "x-parser-schema-id": "<anonymous-schema-828>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.task.completed:v1",
                    "x-parser-schema-id": "<anonymous-schema-829>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.task.completed:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "completed_at": {
                        "format": "date-time",
                        "title": "Completed At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-830>"
                      },
                      "due_on": {
                        "description": "Local date the task is due.",
                        "format": "date",
                        "title": "Due On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-831>"
                      },
                      "on_time": {
                        "title": "On Time",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-832>"
                      },
                      "owner": {
                        "description": "Steering-committee member id.",
                        "minLength": 1,
                        "title": "Owner",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-833>"
                      },
                      "percent": {
                        "description": "Latest reported progress.",
                        "maximum": 100,
                        "minimum": 0,
                        "title": "Percent",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-834>"
                      },
                      "plan_id": {
                        "minLength": 1,
                        "title": "Plan Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-835>"
                      },
                      "task_group": {
                        "minimum": 1,
                        "title": "Task Group",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-836>"
                      },
                      "task_id": {
                        "minLength": 1,
                        "title": "Task Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-837>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-838>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-839>"
                      },
                      "year": {
                        "maximum": 2100,
                        "minimum": 2000,
                        "title": "Year",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-840>"
                      }
                    },
                    "required": [
                      "task_id",
                      "plan_id",
                      "ward",
                      "year",
                      "task_group",
                      "owner",
                      "due_on",
                      "percent",
                      "version",
                      "completed_at",
                      "on_time"
                    ],
                    "title": "vn.qcdc.plans.task.completed.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-827>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-826>"
          },
          "x-parser-unique-object-id": "plans.task.completed.v1"
        }
      },
      "x-parser-unique-object-id": "plans.task.completed"
    },
    "plans.task.overdue": {
      "address": "qcdc.{ward}.plans.task.overdue",
      "title": "plans.task.overdue",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.task.overdue.v1": {
          "name": "vn.qcdc.plans.task.overdue.v1",
          "title": "plans.task.overdue v1",
          "summary": "Sent once per task, when its due day ends (24:00 local time) before it is completed.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.task.overdue.v1",
                    "x-parser-schema-id": "<anonymous-schema-844>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.task.overdue:v1",
                    "x-parser-schema-id": "<anonymous-schema-845>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.task.overdue:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "Sent once per task, when its due day ends (24:00 local time) before it is completed.",
                    "properties": {
                      "due_at": {
                        "format": "date-time",
                        "title": "Due At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-846>"
                      },
                      "due_on": {
                        "description": "Local date the task is due.",
                        "format": "date",
                        "title": "Due On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-847>"
                      },
                      "owner": {
                        "description": "Steering-committee member id.",
                        "minLength": 1,
                        "title": "Owner",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-848>"
                      },
                      "percent": {
                        "description": "Latest reported progress.",
                        "maximum": 100,
                        "minimum": 0,
                        "title": "Percent",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-849>"
                      },
                      "plan_id": {
                        "minLength": 1,
                        "title": "Plan Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-850>"
                      },
                      "task_group": {
                        "minimum": 1,
                        "title": "Task Group",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-851>"
                      },
                      "task_id": {
                        "minLength": 1,
                        "title": "Task Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-852>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-853>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-854>"
                      },
                      "year": {
                        "maximum": 2100,
                        "minimum": 2000,
                        "title": "Year",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-855>"
                      }
                    },
                    "required": [
                      "task_id",
                      "plan_id",
                      "ward",
                      "year",
                      "task_group",
                      "owner",
                      "due_on",
                      "percent",
                      "version",
                      "due_at"
                    ],
                    "title": "vn.qcdc.plans.task.overdue.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-843>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-842>"
          },
          "x-parser-unique-object-id": "plans.task.overdue.v1"
        }
      },
      "x-parser-unique-object-id": "plans.task.overdue"
    },
    "plans.task.progressed": {
      "address": "qcdc.{ward}.plans.task.progressed",
      "title": "plans.task.progressed",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "plans.task.progressed.v1": {
          "name": "vn.qcdc.plans.task.progressed.v1",
          "title": "plans.task.progressed v1",
          "summary": "plans.task.progressed",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.plans.task.progressed.v1",
                    "x-parser-schema-id": "<anonymous-schema-859>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:plans.task.progressed:v1",
                    "x-parser-schema-id": "<anonymous-schema-860>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:plans.task.progressed:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "properties": {
                      "due_on": {
                        "description": "Local date the task is due.",
                        "format": "date",
                        "title": "Due On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-861>"
                      },
                      "overdue": {
                        "description": "Whether the due day had ended when reported.",
                        "title": "Overdue",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-862>"
                      },
                      "owner": {
                        "description": "Steering-committee member id.",
                        "minLength": 1,
                        "title": "Owner",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-863>"
                      },
                      "percent": {
                        "description": "Latest reported progress.",
                        "maximum": 100,
                        "minimum": 0,
                        "title": "Percent",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-864>"
                      },
                      "plan_id": {
                        "minLength": 1,
                        "title": "Plan Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-865>"
                      },
                      "reported_at": {
                        "format": "date-time",
                        "title": "Reported At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-866>"
                      },
                      "task_group": {
                        "minimum": 1,
                        "title": "Task Group",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-867>"
                      },
                      "task_id": {
                        "minLength": 1,
                        "title": "Task Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-868>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-869>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-870>"
                      },
                      "year": {
                        "maximum": 2100,
                        "minimum": 2000,
                        "title": "Year",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-871>"
                      }
                    },
                    "required": [
                      "task_id",
                      "plan_id",
                      "ward",
                      "year",
                      "task_group",
                      "owner",
                      "due_on",
                      "percent",
                      "version",
                      "reported_at",
                      "overdue"
                    ],
                    "title": "vn.qcdc.plans.task.progressed.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-858>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-857>"
          },
          "x-parser-unique-object-id": "plans.task.progressed.v1"
        }
      },
      "x-parser-unique-object-id": "plans.task.progressed"
    },
    "publicity.comment.received": {
      "address": "qcdc.{ward}.publicity.comment.received",
      "title": "publicity.comment.received",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "publicity.comment.received.v1": {
          "name": "vn.qcdc.publicity.comment.received.v1",
          "title": "publicity.comment.received v1",
          "summary": "A resident's comment arrived; never the commenter's identity, never the text.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.publicity.comment.received.v1",
                    "x-parser-schema-id": "<anonymous-schema-875>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:publicity.comment.received:v1",
                    "x-parser-schema-id": "<anonymous-schema-876>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$id": "urn:qcdc:contracts:events:publicity.comment.received:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A resident's comment arrived; never the commenter's identity, never the text.",
                    "properties": {
                      "comment_id": {
                        "minLength": 1,
                        "title": "Comment Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-877>"
                      },
                      "comments_received": {
                        "description": "Comments on this draft so far.",
                        "minimum": 1,
                        "title": "Comments Received",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-878>"
                      },
                      "consultation_id": {
                        "minLength": 1,
                        "title": "Consultation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-879>"
                      },
                      "received_at": {
                        "format": "date-time",
                        "title": "Received At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-880>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-881>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-882>"
                      }
                    },
                    "required": [
                      "consultation_id",
                      "ward",
                      "comment_id",
                      "received_at",
                      "comments_received",
                      "version"
                    ],
                    "title": "vn.qcdc.publicity.comment.received.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-874>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-873>"
          },
          "x-parser-unique-object-id": "publicity.comment.received.v1"
        }
      },
      "x-parser-unique-object-id": "publicity.comment.received"
    },
    "publicity.consultation.closed": {
      "address": "qcdc.{ward}.publicity.consultation.closed",
      "title": "publicity.consultation.closed",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "publicity.consultation.closed.v1": {
          "name": "vn.qcdc.publicity.consultation.closed.v1",
          "title": "publicity.consultation.closed v1",
          "summary": "The ward closed a consultation and published what it accepted and rejected, and why.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.publicity.consultation.closed.v1",
                    "x-parser-schema-id": "<anonymous-schema-886>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:publicity.consultation.closed:v1",
                    "x-parser-schema-id": "<anonymous-schema-887>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "ResponseItemV1": {
                        "additionalProperties": false,
                        "description": "One point the ward accepted or rejected, with its reason (CON-MIN20).",
                        "properties": {
                          "point": {
                            "minLength": 1,
                            "title": "Point",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-890>"
                          },
                          "reason": {
                            "minLength": 1,
                            "title": "Reason",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-891>"
                          }
                        },
                        "required": [
                          "point",
                          "reason"
                        ],
                        "title": "ResponseItemV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-889>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:publicity.consultation.closed:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "The ward closed a consultation and published what it accepted and rejected, and why.",
                    "properties": {
                      "accepted": {
                        "items": "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1.payload.allOf[1].properties.data.$defs.ResponseItemV1",
                        "title": "Accepted",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-888>"
                      },
                      "closed_at": {
                        "format": "date-time",
                        "title": "Closed At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-892>"
                      },
                      "comments_received": {
                        "minimum": 0,
                        "title": "Comments Received",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-893>"
                      },
                      "consultation_id": {
                        "minLength": 1,
                        "title": "Consultation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-894>"
                      },
                      "opened_at": {
                        "format": "date-time",
                        "title": "Opened At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-895>"
                      },
                      "rejected": {
                        "items": "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1.payload.allOf[1].properties.data.$defs.ResponseItemV1",
                        "title": "Rejected",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-896>"
                      },
                      "result_posting_id": {
                        "description": "The posting of its result.",
                        "minLength": 1,
                        "title": "Result Posting Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-897>"
                      },
                      "title": {
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-898>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-899>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-900>"
                      }
                    },
                    "required": [
                      "consultation_id",
                      "ward",
                      "title",
                      "opened_at",
                      "closed_at",
                      "comments_received",
                      "accepted",
                      "rejected",
                      "result_posting_id",
                      "version"
                    ],
                    "title": "vn.qcdc.publicity.consultation.closed.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-885>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-884>"
          },
          "x-parser-unique-object-id": "publicity.consultation.closed.v1"
        }
      },
      "x-parser-unique-object-id": "publicity.consultation.closed"
    },
    "publicity.consultation.opened": {
      "address": "qcdc.{ward}.publicity.consultation.opened",
      "title": "publicity.consultation.opened",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "publicity.consultation.opened.v1": {
          "name": "vn.qcdc.publicity.consultation.opened.v1",
          "title": "publicity.consultation.opened v1",
          "summary": "A draft opened for residents' comments for at least the CON-MIN20 period.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.publicity.consultation.opened.v1",
                    "x-parser-schema-id": "<anonymous-schema-904>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:publicity.consultation.opened:v1",
                    "x-parser-schema-id": "<anonymous-schema-905>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "ConsultationDeadlineV1": {
                        "additionalProperties": false,
                        "description": "The CON-MIN20 end of a consultation, computed once by publicity.",
                        "properties": {
                          "due": {
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-908>"
                          },
                          "due_at": {
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-909>"
                          },
                          "explanation": {
                            "minLength": 1,
                            "title": "Explanation",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-910>"
                          },
                          "explanation_en": {
                            "minLength": 1,
                            "title": "Explanation En",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-911>"
                          },
                          "rule": {
                            "const": "CON-MIN20",
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-912>"
                          },
                          "table_version": {
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-913>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "explanation",
                          "explanation_en",
                          "table_version"
                        ],
                        "title": "ConsultationDeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-907>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:publicity.consultation.opened:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A draft opened for residents' comments for at least the CON-MIN20 period.",
                    "properties": {
                      "consultation_id": {
                        "minLength": 1,
                        "title": "Consultation Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-906>"
                      },
                      "minimum_end": "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1.payload.allOf[1].properties.data.$defs.ConsultationDeadlineV1",
                      "opened_at": {
                        "format": "date-time",
                        "title": "Opened At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-914>"
                      },
                      "title": {
                        "description": "Public title of the draft.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-915>"
                      },
                      "version": {
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-916>"
                      },
                      "ward": {
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-917>"
                      }
                    },
                    "required": [
                      "consultation_id",
                      "ward",
                      "title",
                      "opened_at",
                      "minimum_end",
                      "version"
                    ],
                    "title": "vn.qcdc.publicity.consultation.opened.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-903>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-902>"
          },
          "x-parser-unique-object-id": "publicity.consultation.opened.v1"
        }
      },
      "x-parser-unique-object-id": "publicity.consultation.opened"
    },
    "publicity.posting.amended": {
      "address": "qcdc.{ward}.publicity.posting.amended",
      "title": "publicity.posting.amended",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "publicity.posting.amended.v1": {
          "name": "vn.qcdc.publicity.posting.amended.v1",
          "title": "publicity.posting.amended v1",
          "summary": "A permanent posting (PUB-PERM) replaced by a new version; the old one stays readable.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.publicity.posting.amended.v1",
                    "x-parser-schema-id": "<anonymous-schema-921>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:publicity.posting.amended:v1",
                    "x-parser-schema-id": "<anonymous-schema-922>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "DeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline computed once by publicity; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-929>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-930>"
                          },
                          "explanation": {
                            "description": "Why this date, in Vietnamese.",
                            "minLength": 1,
                            "title": "Explanation",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-931>"
                          },
                          "explanation_en": {
                            "description": "Why this date, in English.",
                            "minLength": 1,
                            "title": "Explanation En",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-932>"
                          },
                          "rule": {
                            "description": "Rule id that sets this deadline (DOMAIN.md).",
                            "enum": [
                              "PUB-DUE",
                              "PUB-QTR.due",
                              "PUB-MIN30",
                              "PUB-LOUD"
                            ],
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-933>"
                          },
                          "table_version": {
                            "description": "Version of the rule table that produced the deadline.",
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-934>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "explanation",
                          "explanation_en",
                          "table_version"
                        ],
                        "title": "DeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-928>"
                      },
                      "LedgerHeadV1": {
                        "additionalProperties": false,
                        "description": "The ward's tamper-evident ledger after this change (the city keeps every head).",
                        "properties": {
                          "hash": {
                            "description": "SHA-256 of the newest entry, hex.",
                            "pattern": "^[0-9a-f]{64}$",
                            "title": "Hash",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-941>"
                          },
                          "sequence": {
                            "description": "Position of the newest entry in the ward's chain.",
                            "minimum": 1,
                            "title": "Sequence",
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-942>"
                          }
                        },
                        "required": [
                          "sequence",
                          "hash"
                        ],
                        "title": "LedgerHeadV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-940>"
                      },
                      "SourceV1": {
                        "additionalProperties": false,
                        "description": "What caused a posting the ward did not write by hand.",
                        "properties": {
                          "id": {
                            "description": "Id of the decision, petition, consultation or quarter.",
                            "minLength": 1,
                            "title": "Id",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-949>"
                          },
                          "kind": {
                            "enum": [
                              "decision_result",
                              "petition_answer",
                              "consultation_result",
                              "quarterly_list"
                            ],
                            "title": "Kind",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-950>"
                          }
                        },
                        "required": [
                          "kind",
                          "id"
                        ],
                        "title": "SourceV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-948>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:publicity.posting.amended:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A permanent posting (PUB-PERM) replaced by a new version; the old one stays readable.",
                    "properties": {
                      "amended_at": {
                        "description": "When the new version was posted.",
                        "format": "date-time",
                        "title": "Amended At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-923>"
                      },
                      "category": {
                        "description": "Disclosure category, numbered from 1 (PUB-CAT).",
                        "minimum": 1,
                        "title": "Category",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-924>"
                      },
                      "channels": {
                        "description": "Where it is posted or read out.",
                        "items": {
                          "enum": [
                            "notice_board",
                            "community_hall",
                            "portal",
                            "loudspeaker",
                            "group_heads"
                          ],
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-926>"
                        },
                        "minItems": 1,
                        "title": "Channels",
                        "type": "array",
                        "uniqueItems": true,
                        "x-parser-schema-id": "<anonymous-schema-925>"
                      },
                      "deadlines": {
                        "description": "When it was due first: PUB-DUE from the decision it discloses, or PUB-QTR.due from the quarter's last day for the quarterly list; then PUB-MIN30 unless permanent; PUB-LOUD for the categories its row covers.",
                        "items": "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1.payload.allOf[1].properties.data.$defs.DeadlineV1",
                        "minItems": 1,
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-927>"
                      },
                      "decided_on": {
                        "description": "Date of the decision the posting discloses.",
                        "format": "date",
                        "title": "Decided On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-935>"
                      },
                      "group_heads_sent_at": {
                        "anyOf": [
                          {
                            "format": "date-time",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-937>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-938>"
                          }
                        ],
                        "default": null,
                        "description": "PUB-LOUD.group-heads: when the item went to the residential-group heads; null when not (yet) sent or not required. A later version of a published posting (sent, or flagged as not sent) is announced as posting.published with its new version.",
                        "title": "Group Heads Sent At",
                        "x-parser-schema-id": "<anonymous-schema-936>"
                      },
                      "ledger": {
                        "anyOf": [
                          "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1.payload.allOf[1].properties.data.$defs.LedgerHeadV1",
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-943>"
                          }
                        ],
                        "default": null,
                        "description": "The ward's ledger head once this version was appended.",
                        "x-parser-schema-id": "<anonymous-schema-939>"
                      },
                      "permanent": {
                        "description": "Posted permanently, replaced rather than withdrawn (PUB-PERM).",
                        "title": "Permanent",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-944>"
                      },
                      "posting_id": {
                        "description": "Identifier of the posting.",
                        "minLength": 1,
                        "title": "Posting Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-945>"
                      },
                      "published_at": {
                        "description": "When it was actually published.",
                        "format": "date-time",
                        "title": "Published At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-946>"
                      },
                      "source": {
                        "anyOf": [
                          "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1.payload.allOf[1].properties.data.$defs.SourceV1",
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-951>"
                          }
                        ],
                        "default": null,
                        "description": "Set when another service's event or the sweeper caused it.",
                        "x-parser-schema-id": "<anonymous-schema-947>"
                      },
                      "status": {
                        "const": "published",
                        "description": "Posting status after this event.",
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-952>"
                      },
                      "title": {
                        "description": "Public title of the posting.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-953>"
                      },
                      "version": {
                        "description": "Version of the posting after this event.",
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-954>"
                      },
                      "violations": {
                        "description": "Rule ids this posting has broken so far, e.g. PUB-DUE (PUB-QTR for the quarterly list) when published late, PUB-LOUD when not sent to the group heads within its PUB-LOUD period.",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-956>"
                        },
                        "title": "Violations",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-955>"
                      },
                      "ward": {
                        "description": "Slug of the ward that published it.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-957>"
                      }
                    },
                    "required": [
                      "posting_id",
                      "ward",
                      "category",
                      "title",
                      "channels",
                      "decided_on",
                      "published_at",
                      "permanent",
                      "deadlines",
                      "violations",
                      "version",
                      "status",
                      "amended_at"
                    ],
                    "title": "vn.qcdc.publicity.posting.amended.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-920>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-919>"
          },
          "x-parser-unique-object-id": "publicity.posting.amended.v1"
        }
      },
      "x-parser-unique-object-id": "publicity.posting.amended"
    },
    "publicity.posting.expired": {
      "address": "qcdc.{ward}.publicity.posting.expired",
      "title": "publicity.posting.expired",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "publicity.posting.expired.v1": {
          "name": "vn.qcdc.publicity.posting.expired.v1",
          "title": "publicity.posting.expired v1",
          "summary": "A posting whose minimum period ended; still supplied on request (PUB-REQ).",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.publicity.posting.expired.v1",
                    "x-parser-schema-id": "<anonymous-schema-961>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:publicity.posting.expired:v1",
                    "x-parser-schema-id": "<anonymous-schema-962>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "DeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline computed once by publicity; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-968>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-969>"
                          },
                          "explanation": {
                            "description": "Why this date, in Vietnamese.",
                            "minLength": 1,
                            "title": "Explanation",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-970>"
                          },
                          "explanation_en": {
                            "description": "Why this date, in English.",
                            "minLength": 1,
                            "title": "Explanation En",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-971>"
                          },
                          "rule": {
                            "description": "Rule id that sets this deadline (DOMAIN.md).",
                            "enum": [
                              "PUB-DUE",
                              "PUB-QTR.due",
                              "PUB-MIN30",
                              "PUB-LOUD"
                            ],
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-972>"
                          },
                          "table_version": {
                            "description": "Version of the rule table that produced the deadline.",
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-973>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "explanation",
                          "explanation_en",
                          "table_version"
                        ],
                        "title": "DeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-967>"
                      },
                      "LedgerHeadV1": {
                        "additionalProperties": false,
                        "description": "The ward's tamper-evident ledger after this change (the city keeps every head).",
                        "properties": {
                          "hash": {
                            "description": "SHA-256 of the newest entry, hex.",
                            "pattern": "^[0-9a-f]{64}$",
                            "title": "Hash",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-981>"
                          },
                          "sequence": {
                            "description": "Position of the newest entry in the ward's chain.",
                            "minimum": 1,
                            "title": "Sequence",
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-982>"
                          }
                        },
                        "required": [
                          "sequence",
                          "hash"
                        ],
                        "title": "LedgerHeadV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-980>"
                      },
                      "SourceV1": {
                        "additionalProperties": false,
                        "description": "What caused a posting the ward did not write by hand.",
                        "properties": {
                          "id": {
                            "description": "Id of the decision, petition, consultation or quarter.",
                            "minLength": 1,
                            "title": "Id",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-989>"
                          },
                          "kind": {
                            "enum": [
                              "decision_result",
                              "petition_answer",
                              "consultation_result",
                              "quarterly_list"
                            ],
                            "title": "Kind",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-990>"
                          }
                        },
                        "required": [
                          "kind",
                          "id"
                        ],
                        "title": "SourceV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-988>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:publicity.posting.expired:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A posting whose minimum period ended; still supplied on request (PUB-REQ).",
                    "properties": {
                      "category": {
                        "description": "Disclosure category, numbered from 1 (PUB-CAT).",
                        "minimum": 1,
                        "title": "Category",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-963>"
                      },
                      "channels": {
                        "description": "Where it is posted or read out.",
                        "items": {
                          "enum": [
                            "notice_board",
                            "community_hall",
                            "portal",
                            "loudspeaker",
                            "group_heads"
                          ],
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-965>"
                        },
                        "minItems": 1,
                        "title": "Channels",
                        "type": "array",
                        "uniqueItems": true,
                        "x-parser-schema-id": "<anonymous-schema-964>"
                      },
                      "deadlines": {
                        "description": "When it was due first: PUB-DUE from the decision it discloses, or PUB-QTR.due from the quarter's last day for the quarterly list; then PUB-MIN30 unless permanent; PUB-LOUD for the categories its row covers.",
                        "items": "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1.payload.allOf[1].properties.data.$defs.DeadlineV1",
                        "minItems": 1,
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-966>"
                      },
                      "decided_on": {
                        "description": "Date of the decision the posting discloses.",
                        "format": "date",
                        "title": "Decided On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-974>"
                      },
                      "expired_at": {
                        "description": "When the sweeper recorded the expiry.",
                        "format": "date-time",
                        "title": "Expired At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-975>"
                      },
                      "group_heads_sent_at": {
                        "anyOf": [
                          {
                            "format": "date-time",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-977>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-978>"
                          }
                        ],
                        "default": null,
                        "description": "PUB-LOUD.group-heads: when the item went to the residential-group heads; null when not (yet) sent or not required. A later version of a published posting (sent, or flagged as not sent) is announced as posting.published with its new version.",
                        "title": "Group Heads Sent At",
                        "x-parser-schema-id": "<anonymous-schema-976>"
                      },
                      "ledger": {
                        "anyOf": [
                          "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1.payload.allOf[1].properties.data.$defs.LedgerHeadV1",
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-983>"
                          }
                        ],
                        "default": null,
                        "description": "The ward's ledger head once this version was appended.",
                        "x-parser-schema-id": "<anonymous-schema-979>"
                      },
                      "permanent": {
                        "description": "Posted permanently, replaced rather than withdrawn (PUB-PERM).",
                        "title": "Permanent",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-984>"
                      },
                      "posting_id": {
                        "description": "Identifier of the posting.",
                        "minLength": 1,
                        "title": "Posting Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-985>"
                      },
                      "published_at": {
                        "description": "When it was actually published.",
                        "format": "date-time",
                        "title": "Published At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-986>"
                      },
                      "source": {
                        "anyOf": [
                          "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1.payload.allOf[1].properties.data.$defs.SourceV1",
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-991>"
                          }
                        ],
                        "default": null,
                        "description": "Set when another service's event or the sweeper caused it.",
                        "x-parser-schema-id": "<anonymous-schema-987>"
                      },
                      "status": {
                        "const": "expired",
                        "description": "Posting status after this event.",
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-992>"
                      },
                      "title": {
                        "description": "Public title of the posting.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-993>"
                      },
                      "version": {
                        "description": "Version of the posting after this event.",
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-994>"
                      },
                      "violations": {
                        "description": "Rule ids this posting has broken so far, e.g. PUB-DUE (PUB-QTR for the quarterly list) when published late, PUB-LOUD when not sent to the group heads within its PUB-LOUD period.",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-996>"
                        },
                        "title": "Violations",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-995>"
                      },
                      "ward": {
                        "description": "Slug of the ward that published it.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-997>"
                      }
                    },
                    "required": [
                      "posting_id",
                      "ward",
                      "category",
                      "title",
                      "channels",
                      "decided_on",
                      "published_at",
                      "permanent",
                      "deadlines",
                      "violations",
                      "version",
                      "status",
                      "expired_at"
                    ],
                    "title": "vn.qcdc.publicity.posting.expired.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-960>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-959>"
          },
          "x-parser-unique-object-id": "publicity.posting.expired.v1"
        }
      },
      "x-parser-unique-object-id": "publicity.posting.expired"
    },
    "publicity.posting.published": {
      "address": "qcdc.{ward}.publicity.posting.published",
      "title": "publicity.posting.published",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "publicity.posting.published.v1": {
          "name": "vn.qcdc.publicity.posting.published.v1",
          "title": "publicity.posting.published v1",
          "summary": "A legal public posting after publication: its public state and its deadlines.",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.publicity.posting.published.v1",
                    "x-parser-schema-id": "<anonymous-schema-1001>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:publicity.posting.published:v1",
                    "x-parser-schema-id": "<anonymous-schema-1002>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "DeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline computed once by publicity; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1008>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1009>"
                          },
                          "explanation": {
                            "description": "Why this date, in Vietnamese.",
                            "minLength": 1,
                            "title": "Explanation",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1010>"
                          },
                          "explanation_en": {
                            "description": "Why this date, in English.",
                            "minLength": 1,
                            "title": "Explanation En",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1011>"
                          },
                          "rule": {
                            "description": "Rule id that sets this deadline (DOMAIN.md).",
                            "enum": [
                              "PUB-DUE",
                              "PUB-QTR.due",
                              "PUB-MIN30",
                              "PUB-LOUD"
                            ],
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1012>"
                          },
                          "table_version": {
                            "description": "Version of the rule table that produced the deadline.",
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1013>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "explanation",
                          "explanation_en",
                          "table_version"
                        ],
                        "title": "DeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-1007>"
                      },
                      "LedgerHeadV1": {
                        "additionalProperties": false,
                        "description": "The ward's tamper-evident ledger after this change (the city keeps every head).",
                        "properties": {
                          "hash": {
                            "description": "SHA-256 of the newest entry, hex.",
                            "pattern": "^[0-9a-f]{64}$",
                            "title": "Hash",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1020>"
                          },
                          "sequence": {
                            "description": "Position of the newest entry in the ward's chain.",
                            "minimum": 1,
                            "title": "Sequence",
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-1021>"
                          }
                        },
                        "required": [
                          "sequence",
                          "hash"
                        ],
                        "title": "LedgerHeadV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-1019>"
                      },
                      "SourceV1": {
                        "additionalProperties": false,
                        "description": "What caused a posting the ward did not write by hand.",
                        "properties": {
                          "id": {
                            "description": "Id of the decision, petition, consultation or quarter.",
                            "minLength": 1,
                            "title": "Id",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1028>"
                          },
                          "kind": {
                            "enum": [
                              "decision_result",
                              "petition_answer",
                              "consultation_result",
                              "quarterly_list"
                            ],
                            "title": "Kind",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1029>"
                          }
                        },
                        "required": [
                          "kind",
                          "id"
                        ],
                        "title": "SourceV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-1027>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:publicity.posting.published:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A legal public posting after publication: its public state and its deadlines.",
                    "properties": {
                      "category": {
                        "description": "Disclosure category, numbered from 1 (PUB-CAT).",
                        "minimum": 1,
                        "title": "Category",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-1003>"
                      },
                      "channels": {
                        "description": "Where it is posted or read out.",
                        "items": {
                          "enum": [
                            "notice_board",
                            "community_hall",
                            "portal",
                            "loudspeaker",
                            "group_heads"
                          ],
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-1005>"
                        },
                        "minItems": 1,
                        "title": "Channels",
                        "type": "array",
                        "uniqueItems": true,
                        "x-parser-schema-id": "<anonymous-schema-1004>"
                      },
                      "deadlines": {
                        "description": "When it was due first: PUB-DUE from the decision it discloses, or PUB-QTR.due from the quarter's last day for the quarterly list; then PUB-MIN30 unless permanent; PUB-LOUD for the categories its row covers.",
                        "items": "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1.payload.allOf[1].properties.data.$defs.DeadlineV1",
                        "minItems": 1,
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-1006>"
                      },
                      "decided_on": {
                        "description": "Date of the decision the posting discloses.",
                        "format": "date",
                        "title": "Decided On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1014>"
                      },
                      "group_heads_sent_at": {
                        "anyOf": [
                          {
                            "format": "date-time",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1016>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-1017>"
                          }
                        ],
                        "default": null,
                        "description": "PUB-LOUD.group-heads: when the item went to the residential-group heads; null when not (yet) sent or not required. A later version of a published posting (sent, or flagged as not sent) is announced as posting.published with its new version.",
                        "title": "Group Heads Sent At",
                        "x-parser-schema-id": "<anonymous-schema-1015>"
                      },
                      "ledger": {
                        "anyOf": [
                          "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1.payload.allOf[1].properties.data.$defs.LedgerHeadV1",
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-1022>"
                          }
                        ],
                        "default": null,
                        "description": "The ward's ledger head once this version was appended.",
                        "x-parser-schema-id": "<anonymous-schema-1018>"
                      },
                      "permanent": {
                        "description": "Posted permanently, replaced rather than withdrawn (PUB-PERM).",
                        "title": "Permanent",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-1023>"
                      },
                      "posting_id": {
                        "description": "Identifier of the posting.",
                        "minLength": 1,
                        "title": "Posting Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1024>"
                      },
                      "published_at": {
                        "description": "When it was actually published.",
                        "format": "date-time",
                        "title": "Published At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1025>"
                      },
                      "source": {
                        "anyOf": [
                          "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1.payload.allOf[1].properties.data.$defs.SourceV1",
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-1030>"
                          }
                        ],
                        "default": null,
                        "description": "Set when another service's event or the sweeper caused it.",
                        "x-parser-schema-id": "<anonymous-schema-1026>"
                      },
                      "status": {
                        "const": "published",
                        "description": "Posting status after this event.",
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1031>"
                      },
                      "title": {
                        "description": "Public title of the posting.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1032>"
                      },
                      "version": {
                        "description": "Version of the posting after this event.",
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-1033>"
                      },
                      "violations": {
                        "description": "Rule ids this posting has broken so far, e.g. PUB-DUE (PUB-QTR for the quarterly list) when published late, PUB-LOUD when not sent to the group heads within its PUB-LOUD period.",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-1035>"
                        },
                        "title": "Violations",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-1034>"
                      },
                      "ward": {
                        "description": "Slug of the ward that published it.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1036>"
                      }
                    },
                    "required": [
                      "posting_id",
                      "ward",
                      "category",
                      "title",
                      "channels",
                      "decided_on",
                      "published_at",
                      "permanent",
                      "deadlines",
                      "violations",
                      "version",
                      "status"
                    ],
                    "title": "vn.qcdc.publicity.posting.published.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-1000>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-999>"
          },
          "x-parser-unique-object-id": "publicity.posting.published.v1"
        }
      },
      "x-parser-unique-object-id": "publicity.posting.published"
    },
    "publicity.posting.withdrawn": {
      "address": "qcdc.{ward}.publicity.posting.withdrawn",
      "title": "publicity.posting.withdrawn",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "publicity.posting.withdrawn.v1": {
          "name": "vn.qcdc.publicity.posting.withdrawn.v1",
          "title": "publicity.posting.withdrawn v1",
          "summary": "A posting taken down, with the officer's public reason (PUB-MIN30 if too early).",
          "contentType": "application/cloudevents+json",
          "headers": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
          "payload": {
            "allOf": [
              "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.payload.allOf[0]",
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "vn.qcdc.publicity.posting.withdrawn.v1",
                    "x-parser-schema-id": "<anonymous-schema-1040>"
                  },
                  "dataschema": {
                    "const": "urn:qcdc:contracts:events:publicity.posting.withdrawn:v1",
                    "x-parser-schema-id": "<anonymous-schema-1041>"
                  },
                  "data": {
                    "$comment": "Generated from the code by `make contracts`; do not edit by hand.",
                    "$defs": {
                      "DeadlineV1": {
                        "additionalProperties": false,
                        "description": "A deadline computed once by publicity; consumers never recompute it.",
                        "properties": {
                          "due": {
                            "description": "Last day, local date in Asia/Ho_Chi_Minh.",
                            "format": "date",
                            "title": "Due",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1047>"
                          },
                          "due_at": {
                            "description": "The instant the period ends (+07:00).",
                            "format": "date-time",
                            "title": "Due At",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1048>"
                          },
                          "explanation": {
                            "description": "Why this date, in Vietnamese.",
                            "minLength": 1,
                            "title": "Explanation",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1049>"
                          },
                          "explanation_en": {
                            "description": "Why this date, in English.",
                            "minLength": 1,
                            "title": "Explanation En",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1050>"
                          },
                          "rule": {
                            "description": "Rule id that sets this deadline (DOMAIN.md).",
                            "enum": [
                              "PUB-DUE",
                              "PUB-QTR.due",
                              "PUB-MIN30",
                              "PUB-LOUD"
                            ],
                            "title": "Rule",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1051>"
                          },
                          "table_version": {
                            "description": "Version of the rule table that produced the deadline.",
                            "minLength": 1,
                            "title": "Table Version",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1052>"
                          }
                        },
                        "required": [
                          "rule",
                          "due",
                          "due_at",
                          "explanation",
                          "explanation_en",
                          "table_version"
                        ],
                        "title": "DeadlineV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-1046>"
                      },
                      "LedgerHeadV1": {
                        "additionalProperties": false,
                        "description": "The ward's tamper-evident ledger after this change (the city keeps every head).",
                        "properties": {
                          "hash": {
                            "description": "SHA-256 of the newest entry, hex.",
                            "pattern": "^[0-9a-f]{64}$",
                            "title": "Hash",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1059>"
                          },
                          "sequence": {
                            "description": "Position of the newest entry in the ward's chain.",
                            "minimum": 1,
                            "title": "Sequence",
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-1060>"
                          }
                        },
                        "required": [
                          "sequence",
                          "hash"
                        ],
                        "title": "LedgerHeadV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-1058>"
                      },
                      "SourceV1": {
                        "additionalProperties": false,
                        "description": "What caused a posting the ward did not write by hand.",
                        "properties": {
                          "id": {
                            "description": "Id of the decision, petition, consultation or quarter.",
                            "minLength": 1,
                            "title": "Id",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1068>"
                          },
                          "kind": {
                            "enum": [
                              "decision_result",
                              "petition_answer",
                              "consultation_result",
                              "quarterly_list"
                            ],
                            "title": "Kind",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1069>"
                          }
                        },
                        "required": [
                          "kind",
                          "id"
                        ],
                        "title": "SourceV1",
                        "type": "object",
                        "x-parser-schema-id": "<anonymous-schema-1067>"
                      }
                    },
                    "$id": "urn:qcdc:contracts:events:publicity.posting.withdrawn:v1",
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "additionalProperties": false,
                    "description": "A posting taken down, with the officer's public reason (PUB-MIN30 if too early).",
                    "properties": {
                      "category": {
                        "description": "Disclosure category, numbered from 1 (PUB-CAT).",
                        "minimum": 1,
                        "title": "Category",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-1042>"
                      },
                      "channels": {
                        "description": "Where it is posted or read out.",
                        "items": {
                          "enum": [
                            "notice_board",
                            "community_hall",
                            "portal",
                            "loudspeaker",
                            "group_heads"
                          ],
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-1044>"
                        },
                        "minItems": 1,
                        "title": "Channels",
                        "type": "array",
                        "uniqueItems": true,
                        "x-parser-schema-id": "<anonymous-schema-1043>"
                      },
                      "deadlines": {
                        "description": "When it was due first: PUB-DUE from the decision it discloses, or PUB-QTR.due from the quarter's last day for the quarterly list; then PUB-MIN30 unless permanent; PUB-LOUD for the categories its row covers.",
                        "items": "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1.payload.allOf[1].properties.data.$defs.DeadlineV1",
                        "minItems": 1,
                        "title": "Deadlines",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-1045>"
                      },
                      "decided_on": {
                        "description": "Date of the decision the posting discloses.",
                        "format": "date",
                        "title": "Decided On",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1053>"
                      },
                      "group_heads_sent_at": {
                        "anyOf": [
                          {
                            "format": "date-time",
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-1055>"
                          },
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-1056>"
                          }
                        ],
                        "default": null,
                        "description": "PUB-LOUD.group-heads: when the item went to the residential-group heads; null when not (yet) sent or not required. A later version of a published posting (sent, or flagged as not sent) is announced as posting.published with its new version.",
                        "title": "Group Heads Sent At",
                        "x-parser-schema-id": "<anonymous-schema-1054>"
                      },
                      "ledger": {
                        "anyOf": [
                          "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1.payload.allOf[1].properties.data.$defs.LedgerHeadV1",
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-1061>"
                          }
                        ],
                        "default": null,
                        "description": "The ward's ledger head once this version was appended.",
                        "x-parser-schema-id": "<anonymous-schema-1057>"
                      },
                      "permanent": {
                        "description": "Posted permanently, replaced rather than withdrawn (PUB-PERM).",
                        "title": "Permanent",
                        "type": "boolean",
                        "x-parser-schema-id": "<anonymous-schema-1062>"
                      },
                      "posting_id": {
                        "description": "Identifier of the posting.",
                        "minLength": 1,
                        "title": "Posting Id",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1063>"
                      },
                      "published_at": {
                        "description": "When it was actually published.",
                        "format": "date-time",
                        "title": "Published At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1064>"
                      },
                      "reason": {
                        "description": "Why, as stated publicly by the ward.",
                        "minLength": 1,
                        "title": "Reason",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1065>"
                      },
                      "source": {
                        "anyOf": [
                          "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1.payload.allOf[1].properties.data.$defs.SourceV1",
                          {
                            "type": "null",
                            "x-parser-schema-id": "<anonymous-schema-1070>"
                          }
                        ],
                        "default": null,
                        "description": "Set when another service's event or the sweeper caused it.",
                        "x-parser-schema-id": "<anonymous-schema-1066>"
                      },
                      "status": {
                        "const": "withdrawn",
                        "description": "Posting status after this event.",
                        "title": "Status",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1071>"
                      },
                      "title": {
                        "description": "Public title of the posting.",
                        "minLength": 1,
                        "title": "Title",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1072>"
                      },
                      "version": {
                        "description": "Version of the posting after this event.",
                        "minimum": 1,
                        "title": "Version",
                        "type": "integer",
                        "x-parser-schema-id": "<anonymous-schema-1073>"
                      },
                      "violations": {
                        "description": "Rule ids this posting has broken so far, e.g. PUB-DUE (PUB-QTR for the quarterly list) when published late, PUB-LOUD when not sent to the group heads within its PUB-LOUD period.",
                        "items": {
                          "pattern": "^[A-Z]+-[A-Z0-9]+$",
                          "type": "string",
                          "x-parser-schema-id": "<anonymous-schema-1075>"
                        },
                        "title": "Violations",
                        "type": "array",
                        "x-parser-schema-id": "<anonymous-schema-1074>"
                      },
                      "ward": {
                        "description": "Slug of the ward that published it.",
                        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                        "title": "Ward",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1076>"
                      },
                      "withdrawn_at": {
                        "description": "When it was taken down.",
                        "format": "date-time",
                        "title": "Withdrawn At",
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-1077>"
                      }
                    },
                    "required": [
                      "posting_id",
                      "ward",
                      "category",
                      "title",
                      "channels",
                      "decided_on",
                      "published_at",
                      "permanent",
                      "deadlines",
                      "violations",
                      "version",
                      "status",
                      "withdrawn_at",
                      "reason"
                    ],
                    "title": "vn.qcdc.publicity.posting.withdrawn.v1",
                    "type": "object"
                  }
                },
                "x-parser-schema-id": "<anonymous-schema-1039>"
              }
            ],
            "x-parser-schema-id": "<anonymous-schema-1038>"
          },
          "x-parser-unique-object-id": "publicity.posting.withdrawn.v1"
        }
      },
      "x-parser-unique-object-id": "publicity.posting.withdrawn"
    },
    "consumer.gateway-projections": {
      "address": "qcdc.>",
      "title": "gateway-projections (subscription)",
      "description": "What the durable consumer gateway-projections reads from the stream QCDC_CITY (filter subject qcdc.>).",
      "messages": {
        "oversight.finding.recorded.v1": "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1",
        "oversight.inspection.opened.v1": "$ref:$.channels.oversight.inspection.opened.messages.oversight.inspection.opened.v1",
        "oversight.recommendation.answered.v1": "$ref:$.channels.oversight.recommendation.answered.messages.oversight.recommendation.answered.v1",
        "oversight.recommendation.issued.v1": "$ref:$.channels.oversight.recommendation.issued.messages.oversight.recommendation.issued.v1",
        "oversight.recommendation.overdue.v1": "$ref:$.channels.oversight.recommendation.overdue.messages.oversight.recommendation.overdue.v1",
        "oversight.recommendation.received.v1": "$ref:$.channels.oversight.recommendation.received.messages.oversight.recommendation.received.v1",
        "oversight.violation.detected.v1": "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1",
        "oversight.violation.resolved.v1": "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1",
        "petitions.petition.accepted.v1": "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1",
        "petitions.petition.answered.v1": "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1",
        "petitions.petition.assigned.v1": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1",
        "petitions.petition.assigned.v2": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2",
        "petitions.petition.closed.v1": "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1",
        "petitions.petition.decision_published.v1": "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1",
        "petitions.petition.denouncer_notified.v1": "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1",
        "petitions.petition.escalated.v1": "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1",
        "petitions.petition.forwarded.v1": "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1",
        "petitions.petition.overdue.v1": "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1",
        "petitions.petition.received.v1": "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1",
        "petitions.petition.refused.v1": "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1",
        "petitions.petition.resumed.v1": "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1",
        "petitions.petition.suspended.v1": "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1",
        "petitions.petition.withdrawn.v1": "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1",
        "petitions.reception.held.v1": "$ref:$.channels.petitions.reception.held.messages.petitions.reception.held.v1",
        "petitions.reception.scheduled.v1": "$ref:$.channels.petitions.reception.scheduled.messages.petitions.reception.scheduled.v1",
        "plans.conference.held.v1": "$ref:$.channels.plans.conference.held.messages.plans.conference.held.v1",
        "plans.decision.closed.v1": "$ref:$.channels.plans.decision.closed.messages.plans.decision.closed.v1",
        "plans.decision.opened.v1": "$ref:$.channels.plans.decision.opened.messages.plans.decision.opened.v1",
        "plans.decision.recognised.v1": "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1",
        "plans.group.registered.v1": "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
        "plans.group.updated.v1": "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1",
        "plans.plan.adopted.v1": "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1",
        "plans.plan.amended.v1": "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1",
        "plans.task.assigned.v1": "$ref:$.channels.plans.task.assigned.messages.plans.task.assigned.v1",
        "plans.task.completed.v1": "$ref:$.channels.plans.task.completed.messages.plans.task.completed.v1",
        "plans.task.overdue.v1": "$ref:$.channels.plans.task.overdue.messages.plans.task.overdue.v1",
        "plans.task.progressed.v1": "$ref:$.channels.plans.task.progressed.messages.plans.task.progressed.v1",
        "publicity.comment.received.v1": "$ref:$.channels.publicity.comment.received.messages.publicity.comment.received.v1",
        "publicity.consultation.closed.v1": "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1",
        "publicity.consultation.opened.v1": "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1",
        "publicity.posting.amended.v1": "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1",
        "publicity.posting.expired.v1": "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1",
        "publicity.posting.published.v1": "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1",
        "publicity.posting.withdrawn.v1": "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1"
      },
      "x-parser-unique-object-id": "consumer.gateway-projections"
    },
    "dlq.gateway-projections": {
      "address": "dlq.{ward}.gateway-projections",
      "title": "gateway-projections dead letters",
      "description": "Messages the consumer gateway-projections could not apply (stream QCDC_DLQ).",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "dead_letter": {
          "name": "dead_letter",
          "title": "Dead letter",
          "summary": "A message a consumer terminated, with where it came from and why.",
          "contentType": "application/json",
          "headers": {
            "type": "object",
            "required": [
              "Nats-Msg-Id"
            ],
            "properties": {
              "Nats-Msg-Id": {
                "type": "string",
                "pattern": "^dlq:[^:]+:[^:]*:[^:]*$",
                "description": "dlq:<consumer>:<original stream>:<original sequence>: a dead letter re-sent after a crash is stored once.",
                "x-parser-schema-id": "<anonymous-schema-1079>"
              },
              "content-type": {
                "const": "application/json",
                "x-parser-schema-id": "<anonymous-schema-1080>"
              }
            },
            "x-parser-schema-id": "DeadLetterHeaders"
          },
          "payload": {
            "type": "object",
            "required": [
              "consumer",
              "reason",
              "delivery_count",
              "original_subject",
              "original_stream",
              "original_sequence",
              "original_headers",
              "original_data_base64",
              "dead_lettered_at"
            ],
            "properties": {
              "consumer": {
                "type": "string",
                "description": "The durable consumer's name.",
                "x-parser-schema-id": "<anonymous-schema-1082>"
              },
              "reason": {
                "type": "string",
                "description": "Why the message could not be applied.",
                "x-parser-schema-id": "<anonymous-schema-1083>"
              },
              "delivery_count": {
                "type": "integer",
                "minimum": 1,
                "x-parser-schema-id": "<anonymous-schema-1084>"
              },
              "original_subject": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-1085>"
              },
              "original_stream": {
                "type": [
                  "string",
                  "null"
                ],
                "x-parser-schema-id": "<anonymous-schema-1086>"
              },
              "original_sequence": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "Stream sequence.",
                "x-parser-schema-id": "<anonymous-schema-1087>"
              },
              "original_headers": {
                "type": "object",
                "additionalProperties": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-1089>"
                },
                "x-parser-schema-id": "<anonymous-schema-1088>"
              },
              "original_data_base64": {
                "type": "string",
                "contentEncoding": "base64",
                "x-parser-schema-id": "<anonymous-schema-1090>"
              },
              "dead_lettered_at": {
                "type": "string",
                "format": "date-time",
                "x-parser-schema-id": "<anonymous-schema-1091>"
              }
            },
            "x-parser-schema-id": "<anonymous-schema-1081>"
          },
          "x-parser-unique-object-id": "dead_letter"
        }
      },
      "x-parser-unique-object-id": "dlq.gateway-projections"
    },
    "consumer.gateway-webhooks": {
      "address": "qcdc.>",
      "title": "gateway-webhooks (subscription)",
      "description": "What the durable consumer gateway-webhooks reads from the stream QCDC_CITY (filter subject qcdc.>).",
      "messages": {
        "oversight.finding.recorded.v1": "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1",
        "oversight.inspection.opened.v1": "$ref:$.channels.oversight.inspection.opened.messages.oversight.inspection.opened.v1",
        "oversight.recommendation.answered.v1": "$ref:$.channels.oversight.recommendation.answered.messages.oversight.recommendation.answered.v1",
        "oversight.recommendation.issued.v1": "$ref:$.channels.oversight.recommendation.issued.messages.oversight.recommendation.issued.v1",
        "oversight.recommendation.overdue.v1": "$ref:$.channels.oversight.recommendation.overdue.messages.oversight.recommendation.overdue.v1",
        "oversight.recommendation.received.v1": "$ref:$.channels.oversight.recommendation.received.messages.oversight.recommendation.received.v1",
        "oversight.violation.detected.v1": "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1",
        "oversight.violation.resolved.v1": "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1",
        "petitions.petition.accepted.v1": "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1",
        "petitions.petition.answered.v1": "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1",
        "petitions.petition.assigned.v1": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1",
        "petitions.petition.assigned.v2": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2",
        "petitions.petition.closed.v1": "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1",
        "petitions.petition.decision_published.v1": "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1",
        "petitions.petition.denouncer_notified.v1": "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1",
        "petitions.petition.escalated.v1": "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1",
        "petitions.petition.forwarded.v1": "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1",
        "petitions.petition.overdue.v1": "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1",
        "petitions.petition.received.v1": "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1",
        "petitions.petition.refused.v1": "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1",
        "petitions.petition.resumed.v1": "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1",
        "petitions.petition.suspended.v1": "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1",
        "petitions.petition.withdrawn.v1": "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1",
        "petitions.reception.held.v1": "$ref:$.channels.petitions.reception.held.messages.petitions.reception.held.v1",
        "petitions.reception.scheduled.v1": "$ref:$.channels.petitions.reception.scheduled.messages.petitions.reception.scheduled.v1",
        "plans.conference.held.v1": "$ref:$.channels.plans.conference.held.messages.plans.conference.held.v1",
        "plans.decision.closed.v1": "$ref:$.channels.plans.decision.closed.messages.plans.decision.closed.v1",
        "plans.decision.opened.v1": "$ref:$.channels.plans.decision.opened.messages.plans.decision.opened.v1",
        "plans.decision.recognised.v1": "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1",
        "plans.group.registered.v1": "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
        "plans.group.updated.v1": "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1",
        "plans.plan.adopted.v1": "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1",
        "plans.plan.amended.v1": "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1",
        "plans.task.assigned.v1": "$ref:$.channels.plans.task.assigned.messages.plans.task.assigned.v1",
        "plans.task.completed.v1": "$ref:$.channels.plans.task.completed.messages.plans.task.completed.v1",
        "plans.task.overdue.v1": "$ref:$.channels.plans.task.overdue.messages.plans.task.overdue.v1",
        "plans.task.progressed.v1": "$ref:$.channels.plans.task.progressed.messages.plans.task.progressed.v1",
        "publicity.comment.received.v1": "$ref:$.channels.publicity.comment.received.messages.publicity.comment.received.v1",
        "publicity.consultation.closed.v1": "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1",
        "publicity.consultation.opened.v1": "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1",
        "publicity.posting.amended.v1": "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1",
        "publicity.posting.expired.v1": "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1",
        "publicity.posting.published.v1": "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1",
        "publicity.posting.withdrawn.v1": "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1"
      },
      "x-parser-unique-object-id": "consumer.gateway-webhooks"
    },
    "dlq.gateway-webhooks": {
      "address": "dlq.{ward}.gateway-webhooks",
      "title": "gateway-webhooks dead letters",
      "description": "Messages the consumer gateway-webhooks could not apply (stream QCDC_DLQ).",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "dead_letter": "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      },
      "x-parser-unique-object-id": "dlq.gateway-webhooks"
    },
    "consumer.oversight-detector": {
      "address": "qcdc.{ward}.>",
      "title": "oversight-detector (subscription)",
      "description": "What the durable consumer oversight-detector reads from the stream QCDC_{WARD} (filter subject qcdc.{ward}.>).",
      "messages": {
        "oversight.finding.recorded.v1": "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1",
        "oversight.inspection.opened.v1": "$ref:$.channels.oversight.inspection.opened.messages.oversight.inspection.opened.v1",
        "oversight.recommendation.answered.v1": "$ref:$.channels.oversight.recommendation.answered.messages.oversight.recommendation.answered.v1",
        "oversight.recommendation.issued.v1": "$ref:$.channels.oversight.recommendation.issued.messages.oversight.recommendation.issued.v1",
        "oversight.recommendation.overdue.v1": "$ref:$.channels.oversight.recommendation.overdue.messages.oversight.recommendation.overdue.v1",
        "oversight.recommendation.received.v1": "$ref:$.channels.oversight.recommendation.received.messages.oversight.recommendation.received.v1",
        "oversight.violation.detected.v1": "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1",
        "oversight.violation.resolved.v1": "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1",
        "petitions.petition.accepted.v1": "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1",
        "petitions.petition.answered.v1": "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1",
        "petitions.petition.assigned.v1": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1",
        "petitions.petition.assigned.v2": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2",
        "petitions.petition.closed.v1": "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1",
        "petitions.petition.decision_published.v1": "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1",
        "petitions.petition.denouncer_notified.v1": "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1",
        "petitions.petition.escalated.v1": "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1",
        "petitions.petition.forwarded.v1": "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1",
        "petitions.petition.overdue.v1": "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1",
        "petitions.petition.received.v1": "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1",
        "petitions.petition.refused.v1": "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1",
        "petitions.petition.resumed.v1": "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1",
        "petitions.petition.suspended.v1": "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1",
        "petitions.petition.withdrawn.v1": "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1",
        "petitions.reception.held.v1": "$ref:$.channels.petitions.reception.held.messages.petitions.reception.held.v1",
        "petitions.reception.scheduled.v1": "$ref:$.channels.petitions.reception.scheduled.messages.petitions.reception.scheduled.v1",
        "plans.conference.held.v1": "$ref:$.channels.plans.conference.held.messages.plans.conference.held.v1",
        "plans.decision.closed.v1": "$ref:$.channels.plans.decision.closed.messages.plans.decision.closed.v1",
        "plans.decision.opened.v1": "$ref:$.channels.plans.decision.opened.messages.plans.decision.opened.v1",
        "plans.decision.recognised.v1": "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1",
        "plans.group.registered.v1": "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
        "plans.group.updated.v1": "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1",
        "plans.plan.adopted.v1": "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1",
        "plans.plan.amended.v1": "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1",
        "plans.task.assigned.v1": "$ref:$.channels.plans.task.assigned.messages.plans.task.assigned.v1",
        "plans.task.completed.v1": "$ref:$.channels.plans.task.completed.messages.plans.task.completed.v1",
        "plans.task.overdue.v1": "$ref:$.channels.plans.task.overdue.messages.plans.task.overdue.v1",
        "plans.task.progressed.v1": "$ref:$.channels.plans.task.progressed.messages.plans.task.progressed.v1",
        "publicity.comment.received.v1": "$ref:$.channels.publicity.comment.received.messages.publicity.comment.received.v1",
        "publicity.consultation.closed.v1": "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1",
        "publicity.consultation.opened.v1": "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1",
        "publicity.posting.amended.v1": "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1",
        "publicity.posting.expired.v1": "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1",
        "publicity.posting.published.v1": "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1",
        "publicity.posting.withdrawn.v1": "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1"
      },
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "x-parser-unique-object-id": "consumer.oversight-detector"
    },
    "dlq.oversight-detector": {
      "address": "dlq.{ward}.oversight-detector",
      "title": "oversight-detector dead letters",
      "description": "Messages the consumer oversight-detector could not apply (stream QCDC_DLQ).",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "dead_letter": "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      },
      "x-parser-unique-object-id": "dlq.oversight-detector"
    },
    "consumer.oversight-groups": {
      "address": "qcdc.{ward}.plans.group.>",
      "title": "oversight-groups (subscription)",
      "description": "What the durable consumer oversight-groups reads from the stream QCDC_{WARD} (filter subject qcdc.{ward}.plans.group.>).",
      "messages": {
        "plans.group.registered.v1": "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
        "plans.group.updated.v1": "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1"
      },
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "x-parser-unique-object-id": "consumer.oversight-groups"
    },
    "dlq.oversight-groups": {
      "address": "dlq.{ward}.oversight-groups",
      "title": "oversight-groups dead letters",
      "description": "Messages the consumer oversight-groups could not apply (stream QCDC_DLQ).",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "dead_letter": "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      },
      "x-parser-unique-object-id": "dlq.oversight-groups"
    },
    "consumer.publicity-decision-results": {
      "address": "qcdc.{ward}.plans.decision.recognised",
      "title": "publicity-decision-results (subscription)",
      "description": "What the durable consumer publicity-decision-results reads from the stream QCDC_{WARD} (filter subject qcdc.{ward}.plans.decision.recognised).",
      "messages": {
        "plans.decision.recognised.v1": "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1"
      },
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "x-parser-unique-object-id": "consumer.publicity-decision-results"
    },
    "dlq.publicity-decision-results": {
      "address": "dlq.{ward}.publicity-decision-results",
      "title": "publicity-decision-results dead letters",
      "description": "Messages the consumer publicity-decision-results could not apply (stream QCDC_DLQ).",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "dead_letter": "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      },
      "x-parser-unique-object-id": "dlq.publicity-decision-results"
    },
    "consumer.publicity-public-answers": {
      "address": "qcdc.{ward}.petitions.petition.answered",
      "title": "publicity-public-answers (subscription)",
      "description": "What the durable consumer publicity-public-answers reads from the stream QCDC_{WARD} (filter subject qcdc.{ward}.petitions.petition.answered).",
      "messages": {
        "petitions.petition.answered.v1": "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1"
      },
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "x-parser-unique-object-id": "consumer.publicity-public-answers"
    },
    "dlq.publicity-public-answers": {
      "address": "dlq.{ward}.publicity-public-answers",
      "title": "publicity-public-answers dead letters",
      "description": "Messages the consumer publicity-public-answers could not apply (stream QCDC_DLQ).",
      "parameters": {
        "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
      },
      "messages": {
        "dead_letter": "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      },
      "x-parser-unique-object-id": "dlq.publicity-public-answers"
    }
  },
  "operations": {
    "gateway.escalation.acknowledged.send": {
      "action": "send",
      "channel": "$ref:$.channels.gateway.escalation.acknowledged",
      "messages": [
        "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1"
      ],
      "x-parser-unique-object-id": "gateway.escalation.acknowledged.send"
    },
    "gateway.escalation.assigned.send": {
      "action": "send",
      "channel": "$ref:$.channels.gateway.escalation.assigned",
      "messages": [
        "$ref:$.channels.gateway.escalation.assigned.messages.gateway.escalation.assigned.v1",
        "$ref:$.channels.gateway.escalation.assigned.messages.gateway.escalation.assigned.v2"
      ],
      "x-parser-unique-object-id": "gateway.escalation.assigned.send"
    },
    "gateway.escalation.noted.send": {
      "action": "send",
      "channel": "$ref:$.channels.gateway.escalation.noted",
      "messages": [
        "$ref:$.channels.gateway.escalation.noted.messages.gateway.escalation.noted.v1"
      ],
      "x-parser-unique-object-id": "gateway.escalation.noted.send"
    },
    "gateway.escalation.resolved.send": {
      "action": "send",
      "channel": "$ref:$.channels.gateway.escalation.resolved",
      "messages": [
        "$ref:$.channels.gateway.escalation.resolved.messages.gateway.escalation.resolved.v1"
      ],
      "x-parser-unique-object-id": "gateway.escalation.resolved.send"
    },
    "oversight.finding.recorded.send": {
      "action": "send",
      "channel": "$ref:$.channels.oversight.finding.recorded",
      "messages": [
        "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1"
      ],
      "x-parser-unique-object-id": "oversight.finding.recorded.send"
    },
    "oversight.inspection.opened.send": {
      "action": "send",
      "channel": "$ref:$.channels.oversight.inspection.opened",
      "messages": [
        "$ref:$.channels.oversight.inspection.opened.messages.oversight.inspection.opened.v1"
      ],
      "x-parser-unique-object-id": "oversight.inspection.opened.send"
    },
    "oversight.recommendation.answered.send": {
      "action": "send",
      "channel": "$ref:$.channels.oversight.recommendation.answered",
      "messages": [
        "$ref:$.channels.oversight.recommendation.answered.messages.oversight.recommendation.answered.v1"
      ],
      "x-parser-unique-object-id": "oversight.recommendation.answered.send"
    },
    "oversight.recommendation.issued.send": {
      "action": "send",
      "channel": "$ref:$.channels.oversight.recommendation.issued",
      "messages": [
        "$ref:$.channels.oversight.recommendation.issued.messages.oversight.recommendation.issued.v1"
      ],
      "x-parser-unique-object-id": "oversight.recommendation.issued.send"
    },
    "oversight.recommendation.overdue.send": {
      "action": "send",
      "channel": "$ref:$.channels.oversight.recommendation.overdue",
      "messages": [
        "$ref:$.channels.oversight.recommendation.overdue.messages.oversight.recommendation.overdue.v1"
      ],
      "x-parser-unique-object-id": "oversight.recommendation.overdue.send"
    },
    "oversight.recommendation.received.send": {
      "action": "send",
      "channel": "$ref:$.channels.oversight.recommendation.received",
      "messages": [
        "$ref:$.channels.oversight.recommendation.received.messages.oversight.recommendation.received.v1"
      ],
      "x-parser-unique-object-id": "oversight.recommendation.received.send"
    },
    "oversight.violation.detected.send": {
      "action": "send",
      "channel": "$ref:$.channels.oversight.violation.detected",
      "messages": [
        "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1"
      ],
      "x-parser-unique-object-id": "oversight.violation.detected.send"
    },
    "oversight.violation.resolved.send": {
      "action": "send",
      "channel": "$ref:$.channels.oversight.violation.resolved",
      "messages": [
        "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1"
      ],
      "x-parser-unique-object-id": "oversight.violation.resolved.send"
    },
    "petitions.petition.accepted.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.accepted",
      "messages": [
        "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.accepted.send"
    },
    "petitions.petition.answered.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.answered",
      "messages": [
        "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.answered.send"
    },
    "petitions.petition.assigned.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.assigned",
      "messages": [
        "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1",
        "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2"
      ],
      "x-parser-unique-object-id": "petitions.petition.assigned.send"
    },
    "petitions.petition.closed.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.closed",
      "messages": [
        "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.closed.send"
    },
    "petitions.petition.decision_published.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.decision_published",
      "messages": [
        "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.decision_published.send"
    },
    "petitions.petition.denouncer_notified.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.denouncer_notified",
      "messages": [
        "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.denouncer_notified.send"
    },
    "petitions.petition.escalated.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.escalated",
      "messages": [
        "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.escalated.send"
    },
    "petitions.petition.forwarded.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.forwarded",
      "messages": [
        "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.forwarded.send"
    },
    "petitions.petition.overdue.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.overdue",
      "messages": [
        "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.overdue.send"
    },
    "petitions.petition.received.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.received",
      "messages": [
        "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.received.send"
    },
    "petitions.petition.refused.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.refused",
      "messages": [
        "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.refused.send"
    },
    "petitions.petition.resumed.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.resumed",
      "messages": [
        "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.resumed.send"
    },
    "petitions.petition.suspended.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.suspended",
      "messages": [
        "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.suspended.send"
    },
    "petitions.petition.withdrawn.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.petition.withdrawn",
      "messages": [
        "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1"
      ],
      "x-parser-unique-object-id": "petitions.petition.withdrawn.send"
    },
    "petitions.reception.held.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.reception.held",
      "messages": [
        "$ref:$.channels.petitions.reception.held.messages.petitions.reception.held.v1"
      ],
      "x-parser-unique-object-id": "petitions.reception.held.send"
    },
    "petitions.reception.scheduled.send": {
      "action": "send",
      "channel": "$ref:$.channels.petitions.reception.scheduled",
      "messages": [
        "$ref:$.channels.petitions.reception.scheduled.messages.petitions.reception.scheduled.v1"
      ],
      "x-parser-unique-object-id": "petitions.reception.scheduled.send"
    },
    "plans.conference.held.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.conference.held",
      "messages": [
        "$ref:$.channels.plans.conference.held.messages.plans.conference.held.v1"
      ],
      "x-parser-unique-object-id": "plans.conference.held.send"
    },
    "plans.decision.closed.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.decision.closed",
      "messages": [
        "$ref:$.channels.plans.decision.closed.messages.plans.decision.closed.v1"
      ],
      "x-parser-unique-object-id": "plans.decision.closed.send"
    },
    "plans.decision.opened.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.decision.opened",
      "messages": [
        "$ref:$.channels.plans.decision.opened.messages.plans.decision.opened.v1"
      ],
      "x-parser-unique-object-id": "plans.decision.opened.send"
    },
    "plans.decision.recognised.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.decision.recognised",
      "messages": [
        "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1"
      ],
      "x-parser-unique-object-id": "plans.decision.recognised.send"
    },
    "plans.group.registered.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.group.registered",
      "messages": [
        "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1"
      ],
      "x-parser-unique-object-id": "plans.group.registered.send"
    },
    "plans.group.updated.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.group.updated",
      "messages": [
        "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1"
      ],
      "x-parser-unique-object-id": "plans.group.updated.send"
    },
    "plans.plan.adopted.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.plan.adopted",
      "messages": [
        "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1"
      ],
      "x-parser-unique-object-id": "plans.plan.adopted.send"
    },
    "plans.plan.amended.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.plan.amended",
      "messages": [
        "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1"
      ],
      "x-parser-unique-object-id": "plans.plan.amended.send"
    },
    "plans.task.assigned.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.task.assigned",
      "messages": [
        "$ref:$.channels.plans.task.assigned.messages.plans.task.assigned.v1"
      ],
      "x-parser-unique-object-id": "plans.task.assigned.send"
    },
    "plans.task.completed.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.task.completed",
      "messages": [
        "$ref:$.channels.plans.task.completed.messages.plans.task.completed.v1"
      ],
      "x-parser-unique-object-id": "plans.task.completed.send"
    },
    "plans.task.overdue.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.task.overdue",
      "messages": [
        "$ref:$.channels.plans.task.overdue.messages.plans.task.overdue.v1"
      ],
      "x-parser-unique-object-id": "plans.task.overdue.send"
    },
    "plans.task.progressed.send": {
      "action": "send",
      "channel": "$ref:$.channels.plans.task.progressed",
      "messages": [
        "$ref:$.channels.plans.task.progressed.messages.plans.task.progressed.v1"
      ],
      "x-parser-unique-object-id": "plans.task.progressed.send"
    },
    "publicity.comment.received.send": {
      "action": "send",
      "channel": "$ref:$.channels.publicity.comment.received",
      "messages": [
        "$ref:$.channels.publicity.comment.received.messages.publicity.comment.received.v1"
      ],
      "x-parser-unique-object-id": "publicity.comment.received.send"
    },
    "publicity.consultation.closed.send": {
      "action": "send",
      "channel": "$ref:$.channels.publicity.consultation.closed",
      "messages": [
        "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1"
      ],
      "x-parser-unique-object-id": "publicity.consultation.closed.send"
    },
    "publicity.consultation.opened.send": {
      "action": "send",
      "channel": "$ref:$.channels.publicity.consultation.opened",
      "messages": [
        "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1"
      ],
      "x-parser-unique-object-id": "publicity.consultation.opened.send"
    },
    "publicity.posting.amended.send": {
      "action": "send",
      "channel": "$ref:$.channels.publicity.posting.amended",
      "messages": [
        "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1"
      ],
      "x-parser-unique-object-id": "publicity.posting.amended.send"
    },
    "publicity.posting.expired.send": {
      "action": "send",
      "channel": "$ref:$.channels.publicity.posting.expired",
      "messages": [
        "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1"
      ],
      "x-parser-unique-object-id": "publicity.posting.expired.send"
    },
    "publicity.posting.published.send": {
      "action": "send",
      "channel": "$ref:$.channels.publicity.posting.published",
      "messages": [
        "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1"
      ],
      "x-parser-unique-object-id": "publicity.posting.published.send"
    },
    "publicity.posting.withdrawn.send": {
      "action": "send",
      "channel": "$ref:$.channels.publicity.posting.withdrawn",
      "messages": [
        "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1"
      ],
      "x-parser-unique-object-id": "publicity.posting.withdrawn.send"
    },
    "gateway-projections.receive": {
      "action": "receive",
      "channel": "$ref:$.channels.consumer.gateway-projections",
      "title": "gateway: gateway-projections",
      "summary": "Durable JetStream pull consumer gateway-projections of QCDC_CITY.",
      "description": "Explicit ack; each event applied once (inbox, by event id) in one transaction with its effects, in stream order, 500 events per transaction. A poison message is terminated and sent to dlq.{ward}.gateway-projections.",
      "messages": [
        "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1",
        "$ref:$.channels.oversight.inspection.opened.messages.oversight.inspection.opened.v1",
        "$ref:$.channels.oversight.recommendation.answered.messages.oversight.recommendation.answered.v1",
        "$ref:$.channels.oversight.recommendation.issued.messages.oversight.recommendation.issued.v1",
        "$ref:$.channels.oversight.recommendation.overdue.messages.oversight.recommendation.overdue.v1",
        "$ref:$.channels.oversight.recommendation.received.messages.oversight.recommendation.received.v1",
        "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1",
        "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1",
        "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1",
        "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1",
        "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1",
        "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2",
        "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1",
        "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1",
        "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1",
        "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1",
        "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1",
        "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1",
        "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1",
        "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1",
        "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1",
        "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1",
        "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1",
        "$ref:$.channels.petitions.reception.held.messages.petitions.reception.held.v1",
        "$ref:$.channels.petitions.reception.scheduled.messages.petitions.reception.scheduled.v1",
        "$ref:$.channels.plans.conference.held.messages.plans.conference.held.v1",
        "$ref:$.channels.plans.decision.closed.messages.plans.decision.closed.v1",
        "$ref:$.channels.plans.decision.opened.messages.plans.decision.opened.v1",
        "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1",
        "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
        "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1",
        "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1",
        "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1",
        "$ref:$.channels.plans.task.assigned.messages.plans.task.assigned.v1",
        "$ref:$.channels.plans.task.completed.messages.plans.task.completed.v1",
        "$ref:$.channels.plans.task.overdue.messages.plans.task.overdue.v1",
        "$ref:$.channels.plans.task.progressed.messages.plans.task.progressed.v1",
        "$ref:$.channels.publicity.comment.received.messages.publicity.comment.received.v1",
        "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1",
        "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1",
        "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1",
        "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1",
        "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1",
        "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1"
      ],
      "x-qcdc-durable": "gateway-projections",
      "x-qcdc-stream": "QCDC_CITY",
      "x-qcdc-service": "gateway",
      "x-parser-unique-object-id": "gateway-projections.receive"
    },
    "dlq.gateway-projections.send": {
      "action": "send",
      "channel": "$ref:$.channels.dlq.gateway-projections",
      "summary": "gateway-projections dead-letters a poison message.",
      "messages": [
        "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      ],
      "x-parser-unique-object-id": "dlq.gateway-projections.send"
    },
    "gateway-webhooks.receive": {
      "action": "receive",
      "channel": "$ref:$.channels.consumer.gateway-webhooks",
      "title": "gateway: gateway-webhooks",
      "summary": "Durable JetStream pull consumer gateway-webhooks of QCDC_CITY.",
      "description": "Explicit ack; each event applied once (inbox, by event id) in one transaction with its effects, in stream order, 200 events per transaction. A poison message is terminated and sent to dlq.{ward}.gateway-webhooks.",
      "messages": [
        "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1",
        "$ref:$.channels.oversight.inspection.opened.messages.oversight.inspection.opened.v1",
        "$ref:$.channels.oversight.recommendation.answered.messages.oversight.recommendation.answered.v1",
        "$ref:$.channels.oversight.recommendation.issued.messages.oversight.recommendation.issued.v1",
        "$ref:$.channels.oversight.recommendation.overdue.messages.oversight.recommendation.overdue.v1",
        "$ref:$.channels.oversight.recommendation.received.messages.oversight.recommendation.received.v1",
        "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1",
        "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1",
        "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1",
        "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1",
        "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1",
        "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2",
        "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1",
        "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1",
        "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1",
        "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1",
        "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1",
        "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1",
        "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1",
        "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1",
        "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1",
        "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1",
        "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1",
        "$ref:$.channels.petitions.reception.held.messages.petitions.reception.held.v1",
        "$ref:$.channels.petitions.reception.scheduled.messages.petitions.reception.scheduled.v1",
        "$ref:$.channels.plans.conference.held.messages.plans.conference.held.v1",
        "$ref:$.channels.plans.decision.closed.messages.plans.decision.closed.v1",
        "$ref:$.channels.plans.decision.opened.messages.plans.decision.opened.v1",
        "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1",
        "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
        "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1",
        "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1",
        "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1",
        "$ref:$.channels.plans.task.assigned.messages.plans.task.assigned.v1",
        "$ref:$.channels.plans.task.completed.messages.plans.task.completed.v1",
        "$ref:$.channels.plans.task.overdue.messages.plans.task.overdue.v1",
        "$ref:$.channels.plans.task.progressed.messages.plans.task.progressed.v1",
        "$ref:$.channels.publicity.comment.received.messages.publicity.comment.received.v1",
        "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1",
        "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1",
        "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1",
        "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1",
        "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1",
        "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1"
      ],
      "x-qcdc-durable": "gateway-webhooks",
      "x-qcdc-stream": "QCDC_CITY",
      "x-qcdc-service": "gateway",
      "x-parser-unique-object-id": "gateway-webhooks.receive"
    },
    "dlq.gateway-webhooks.send": {
      "action": "send",
      "channel": "$ref:$.channels.dlq.gateway-webhooks",
      "summary": "gateway-webhooks dead-letters a poison message.",
      "messages": [
        "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      ],
      "x-parser-unique-object-id": "dlq.gateway-webhooks.send"
    },
    "oversight-detector.receive": {
      "action": "receive",
      "channel": "$ref:$.channels.consumer.oversight-detector",
      "title": "oversight: oversight-detector",
      "summary": "Durable JetStream pull consumer oversight-detector of QCDC_{WARD}.",
      "description": "Explicit ack; each event applied once (inbox, by event id) in one transaction with its effects, in stream order. A poison message is terminated and sent to dlq.{ward}.oversight-detector.",
      "messages": [
        "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1",
        "$ref:$.channels.oversight.inspection.opened.messages.oversight.inspection.opened.v1",
        "$ref:$.channels.oversight.recommendation.answered.messages.oversight.recommendation.answered.v1",
        "$ref:$.channels.oversight.recommendation.issued.messages.oversight.recommendation.issued.v1",
        "$ref:$.channels.oversight.recommendation.overdue.messages.oversight.recommendation.overdue.v1",
        "$ref:$.channels.oversight.recommendation.received.messages.oversight.recommendation.received.v1",
        "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1",
        "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1",
        "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1",
        "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1",
        "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1",
        "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2",
        "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1",
        "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1",
        "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1",
        "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1",
        "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1",
        "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1",
        "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1",
        "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1",
        "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1",
        "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1",
        "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1",
        "$ref:$.channels.petitions.reception.held.messages.petitions.reception.held.v1",
        "$ref:$.channels.petitions.reception.scheduled.messages.petitions.reception.scheduled.v1",
        "$ref:$.channels.plans.conference.held.messages.plans.conference.held.v1",
        "$ref:$.channels.plans.decision.closed.messages.plans.decision.closed.v1",
        "$ref:$.channels.plans.decision.opened.messages.plans.decision.opened.v1",
        "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1",
        "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
        "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1",
        "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1",
        "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1",
        "$ref:$.channels.plans.task.assigned.messages.plans.task.assigned.v1",
        "$ref:$.channels.plans.task.completed.messages.plans.task.completed.v1",
        "$ref:$.channels.plans.task.overdue.messages.plans.task.overdue.v1",
        "$ref:$.channels.plans.task.progressed.messages.plans.task.progressed.v1",
        "$ref:$.channels.publicity.comment.received.messages.publicity.comment.received.v1",
        "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1",
        "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1",
        "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1",
        "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1",
        "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1",
        "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1"
      ],
      "x-qcdc-durable": "oversight-detector",
      "x-qcdc-stream": "QCDC_{WARD}",
      "x-qcdc-service": "oversight",
      "x-parser-unique-object-id": "oversight-detector.receive"
    },
    "dlq.oversight-detector.send": {
      "action": "send",
      "channel": "$ref:$.channels.dlq.oversight-detector",
      "summary": "oversight-detector dead-letters a poison message.",
      "messages": [
        "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      ],
      "x-parser-unique-object-id": "dlq.oversight-detector.send"
    },
    "oversight-groups.receive": {
      "action": "receive",
      "channel": "$ref:$.channels.consumer.oversight-groups",
      "title": "oversight: oversight-groups",
      "summary": "Durable JetStream pull consumer oversight-groups of QCDC_{WARD}.",
      "description": "Explicit ack; each event applied once (inbox, by event id) in one transaction with its effects, in stream order. A poison message is terminated and sent to dlq.{ward}.oversight-groups.",
      "messages": [
        "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
        "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1"
      ],
      "x-qcdc-durable": "oversight-groups",
      "x-qcdc-stream": "QCDC_{WARD}",
      "x-qcdc-service": "oversight",
      "x-parser-unique-object-id": "oversight-groups.receive"
    },
    "dlq.oversight-groups.send": {
      "action": "send",
      "channel": "$ref:$.channels.dlq.oversight-groups",
      "summary": "oversight-groups dead-letters a poison message.",
      "messages": [
        "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      ],
      "x-parser-unique-object-id": "dlq.oversight-groups.send"
    },
    "publicity-decision-results.receive": {
      "action": "receive",
      "channel": "$ref:$.channels.consumer.publicity-decision-results",
      "title": "publicity: publicity-decision-results",
      "summary": "Durable JetStream pull consumer publicity-decision-results of QCDC_{WARD}.",
      "description": "Explicit ack; each event applied once (inbox, by event id) in one transaction with its effects, in stream order. A poison message is terminated and sent to dlq.{ward}.publicity-decision-results.",
      "messages": [
        "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1"
      ],
      "x-qcdc-durable": "publicity-decision-results",
      "x-qcdc-stream": "QCDC_{WARD}",
      "x-qcdc-service": "publicity",
      "x-parser-unique-object-id": "publicity-decision-results.receive"
    },
    "dlq.publicity-decision-results.send": {
      "action": "send",
      "channel": "$ref:$.channels.dlq.publicity-decision-results",
      "summary": "publicity-decision-results dead-letters a poison message.",
      "messages": [
        "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      ],
      "x-parser-unique-object-id": "dlq.publicity-decision-results.send"
    },
    "publicity-public-answers.receive": {
      "action": "receive",
      "channel": "$ref:$.channels.consumer.publicity-public-answers",
      "title": "publicity: publicity-public-answers",
      "summary": "Durable JetStream pull consumer publicity-public-answers of QCDC_{WARD}.",
      "description": "Explicit ack; each event applied once (inbox, by event id) in one transaction with its effects, in stream order. A poison message is terminated and sent to dlq.{ward}.publicity-public-answers.",
      "messages": [
        "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1"
      ],
      "x-qcdc-durable": "publicity-public-answers",
      "x-qcdc-stream": "QCDC_{WARD}",
      "x-qcdc-service": "publicity",
      "x-parser-unique-object-id": "publicity-public-answers.receive"
    },
    "dlq.publicity-public-answers.send": {
      "action": "send",
      "channel": "$ref:$.channels.dlq.publicity-public-answers",
      "summary": "publicity-public-answers dead-letters a poison message.",
      "messages": [
        "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
      ],
      "x-parser-unique-object-id": "dlq.publicity-public-answers.send"
    }
  },
  "components": {
    "parameters": {
      "ward": "$ref:$.channels.oversight.finding.recorded.parameters.ward"
    },
    "schemas": {
      "NatsHeaders": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1.headers",
      "DeadLetterHeaders": "$ref:$.channels.dlq.gateway-projections.messages.dead_letter.headers"
    },
    "messages": {
      "gateway.escalation.acknowledged.v1": "$ref:$.channels.gateway.escalation.acknowledged.messages.gateway.escalation.acknowledged.v1",
      "gateway.escalation.assigned.v1": "$ref:$.channels.gateway.escalation.assigned.messages.gateway.escalation.assigned.v1",
      "gateway.escalation.assigned.v2": "$ref:$.channels.gateway.escalation.assigned.messages.gateway.escalation.assigned.v2",
      "gateway.escalation.noted.v1": "$ref:$.channels.gateway.escalation.noted.messages.gateway.escalation.noted.v1",
      "gateway.escalation.resolved.v1": "$ref:$.channels.gateway.escalation.resolved.messages.gateway.escalation.resolved.v1",
      "oversight.finding.recorded.v1": "$ref:$.channels.oversight.finding.recorded.messages.oversight.finding.recorded.v1",
      "oversight.inspection.opened.v1": "$ref:$.channels.oversight.inspection.opened.messages.oversight.inspection.opened.v1",
      "oversight.recommendation.answered.v1": "$ref:$.channels.oversight.recommendation.answered.messages.oversight.recommendation.answered.v1",
      "oversight.recommendation.issued.v1": "$ref:$.channels.oversight.recommendation.issued.messages.oversight.recommendation.issued.v1",
      "oversight.recommendation.overdue.v1": "$ref:$.channels.oversight.recommendation.overdue.messages.oversight.recommendation.overdue.v1",
      "oversight.recommendation.received.v1": "$ref:$.channels.oversight.recommendation.received.messages.oversight.recommendation.received.v1",
      "oversight.violation.detected.v1": "$ref:$.channels.oversight.violation.detected.messages.oversight.violation.detected.v1",
      "oversight.violation.resolved.v1": "$ref:$.channels.oversight.violation.resolved.messages.oversight.violation.resolved.v1",
      "petitions.petition.accepted.v1": "$ref:$.channels.petitions.petition.accepted.messages.petitions.petition.accepted.v1",
      "petitions.petition.answered.v1": "$ref:$.channels.petitions.petition.answered.messages.petitions.petition.answered.v1",
      "petitions.petition.assigned.v1": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v1",
      "petitions.petition.assigned.v2": "$ref:$.channels.petitions.petition.assigned.messages.petitions.petition.assigned.v2",
      "petitions.petition.closed.v1": "$ref:$.channels.petitions.petition.closed.messages.petitions.petition.closed.v1",
      "petitions.petition.decision_published.v1": "$ref:$.channels.petitions.petition.decision_published.messages.petitions.petition.decision_published.v1",
      "petitions.petition.denouncer_notified.v1": "$ref:$.channels.petitions.petition.denouncer_notified.messages.petitions.petition.denouncer_notified.v1",
      "petitions.petition.escalated.v1": "$ref:$.channels.petitions.petition.escalated.messages.petitions.petition.escalated.v1",
      "petitions.petition.forwarded.v1": "$ref:$.channels.petitions.petition.forwarded.messages.petitions.petition.forwarded.v1",
      "petitions.petition.overdue.v1": "$ref:$.channels.petitions.petition.overdue.messages.petitions.petition.overdue.v1",
      "petitions.petition.received.v1": "$ref:$.channels.petitions.petition.received.messages.petitions.petition.received.v1",
      "petitions.petition.refused.v1": "$ref:$.channels.petitions.petition.refused.messages.petitions.petition.refused.v1",
      "petitions.petition.resumed.v1": "$ref:$.channels.petitions.petition.resumed.messages.petitions.petition.resumed.v1",
      "petitions.petition.suspended.v1": "$ref:$.channels.petitions.petition.suspended.messages.petitions.petition.suspended.v1",
      "petitions.petition.withdrawn.v1": "$ref:$.channels.petitions.petition.withdrawn.messages.petitions.petition.withdrawn.v1",
      "petitions.reception.held.v1": "$ref:$.channels.petitions.reception.held.messages.petitions.reception.held.v1",
      "petitions.reception.scheduled.v1": "$ref:$.channels.petitions.reception.scheduled.messages.petitions.reception.scheduled.v1",
      "plans.conference.held.v1": "$ref:$.channels.plans.conference.held.messages.plans.conference.held.v1",
      "plans.decision.closed.v1": "$ref:$.channels.plans.decision.closed.messages.plans.decision.closed.v1",
      "plans.decision.opened.v1": "$ref:$.channels.plans.decision.opened.messages.plans.decision.opened.v1",
      "plans.decision.recognised.v1": "$ref:$.channels.plans.decision.recognised.messages.plans.decision.recognised.v1",
      "plans.group.registered.v1": "$ref:$.channels.plans.group.registered.messages.plans.group.registered.v1",
      "plans.group.updated.v1": "$ref:$.channels.plans.group.updated.messages.plans.group.updated.v1",
      "plans.plan.adopted.v1": "$ref:$.channels.plans.plan.adopted.messages.plans.plan.adopted.v1",
      "plans.plan.amended.v1": "$ref:$.channels.plans.plan.amended.messages.plans.plan.amended.v1",
      "plans.task.assigned.v1": "$ref:$.channels.plans.task.assigned.messages.plans.task.assigned.v1",
      "plans.task.completed.v1": "$ref:$.channels.plans.task.completed.messages.plans.task.completed.v1",
      "plans.task.overdue.v1": "$ref:$.channels.plans.task.overdue.messages.plans.task.overdue.v1",
      "plans.task.progressed.v1": "$ref:$.channels.plans.task.progressed.messages.plans.task.progressed.v1",
      "publicity.comment.received.v1": "$ref:$.channels.publicity.comment.received.messages.publicity.comment.received.v1",
      "publicity.consultation.closed.v1": "$ref:$.channels.publicity.consultation.closed.messages.publicity.consultation.closed.v1",
      "publicity.consultation.opened.v1": "$ref:$.channels.publicity.consultation.opened.messages.publicity.consultation.opened.v1",
      "publicity.posting.amended.v1": "$ref:$.channels.publicity.posting.amended.messages.publicity.posting.amended.v1",
      "publicity.posting.expired.v1": "$ref:$.channels.publicity.posting.expired.messages.publicity.posting.expired.v1",
      "publicity.posting.published.v1": "$ref:$.channels.publicity.posting.published.messages.publicity.posting.published.v1",
      "publicity.posting.withdrawn.v1": "$ref:$.channels.publicity.posting.withdrawn.messages.publicity.posting.withdrawn.v1",
      "dead_letter": "$ref:$.channels.dlq.gateway-projections.messages.dead_letter"
    }
  },
  "x-parser-spec-parsed": true,
  "x-parser-api-version": 3,
  "x-parser-spec-stringified": true
};
    const config = {"show":{"sidebar":true},"sidebar":{"showOperations":"byDefault"}};
    const appRoot = document.getElementById('root');
    AsyncApiStandalone.render(
        { schema, config, }, appRoot
    );
  