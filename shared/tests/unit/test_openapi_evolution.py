"""What counts as breaking an OpenAPI document's clients (``make contracts`` refuses it without
a version bump): one test per rule, on a small document shaped as FastAPI writes them."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from qcdc_shared.tooling.openapi_evolution import allows_breaking, breaking_changes

pytestmark = pytest.mark.unit

Doc = dict[str, Any]


def document() -> Doc:
    """``GET /tasks?status=`` listing tasks, ``POST /tasks`` creating one."""
    status = {"enum": ["open", "done"], "type": "string"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Plans", "version": "0.1.0"},
        "paths": {
            "/tasks": {
                "get": {
                    "operationId": "list_tasks",
                    "parameters": [
                        {
                            "in": "query",
                            "name": "status",
                            "required": False,
                            "schema": {"anyOf": [status, {"type": "null"}]},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "Successful Response",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "items": {"$ref": "#/components/schemas/TaskOut"},
                                        "type": "array",
                                    }
                                }
                            },
                        }
                    },
                },
                "post": {
                    "operationId": "create_task",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/TaskIn"}}
                        },
                    },
                    "responses": {"201": {"description": "Created"}},
                },
            }
        },
        "components": {
            "schemas": {
                "TaskIn": {
                    "properties": {
                        "title": {"maxLength": 200, "type": "string"},
                        "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                        "status": status,
                    },
                    "required": ["title"],
                    "type": "object",
                },
                "TaskOut": {
                    "properties": {
                        "id": {"format": "uuid", "type": "string"},
                        "title": {"type": "string"},
                        "status": status,
                        "due": {"format": "date", "type": "string"},
                    },
                    "required": ["id", "title", "status", "due"],
                    "type": "object",
                },
            }
        },
    }


def changed(edit: Callable[[Doc], object]) -> list[str]:
    new = copy.deepcopy(document())
    edit(new)
    return breaking_changes(document(), new)


def _schemas(doc: Doc) -> dict[str, Any]:
    schemas: dict[str, Any] = doc["components"]["schemas"]
    return schemas


def _query(doc: Doc) -> list[dict[str, Any]]:
    parameters: list[dict[str, Any]] = doc["paths"]["/tasks"]["get"]["parameters"]
    return parameters


def test_the_same_document_breaks_nothing() -> None:
    assert breaking_changes(document(), document()) == []


def test_words_and_examples_may_change() -> None:
    def edit(doc: Doc) -> None:
        doc["paths"]["/tasks"]["get"]["summary"] = "Danh sách — the tasks"
        _schemas(doc)["TaskOut"]["properties"]["title"]["description"] = "Tên"

    assert changed(edit) == []


def test_an_operation_removed_breaks() -> None:
    assert changed(lambda doc: doc["paths"]["/tasks"].pop("post")) == [
        "POST /tasks: operation removed"
    ]


def test_an_operation_renamed_breaks() -> None:
    def edit(doc: Doc) -> None:
        doc["paths"]["/tasks"]["post"]["operationId"] = "add_task"

    assert changed(edit) == ["POST /tasks: operationId create_task became add_task"]


def test_an_operation_added_does_not_break() -> None:
    def edit(doc: Doc) -> None:
        doc["paths"]["/tasks/{id}"] = {"get": {"responses": {}}}

    assert changed(edit) == []


def test_a_new_required_parameter_breaks_and_an_optional_one_does_not() -> None:
    def required(doc: Doc) -> None:
        _query(doc).append({"in": "query", "name": "ward", "required": True, "schema": {}})

    def optional(doc: Doc) -> None:
        _query(doc).append({"in": "query", "name": "ward", "required": False, "schema": {}})

    assert changed(required) == ["GET /tasks query parameter ward: required, new"]
    assert changed(optional) == []


def test_a_parameter_made_required_breaks() -> None:
    assert changed(lambda doc: _query(doc)[0].update(required=True)) == [
        "GET /tasks query parameter status: newly required"
    ]


def test_a_parameter_retyped_breaks() -> None:
    def edit(doc: Doc) -> None:
        _query(doc)[0]["schema"] = {"type": "integer"}

    assert changed(edit) == [
        "GET /tasks query parameter status: no longer accepts ['null', 'string']"
    ]


def test_a_request_enum_value_removed_breaks_and_one_added_does_not() -> None:
    def removed(doc: Doc) -> None:
        _schemas(doc)["TaskIn"]["properties"]["status"] = {"enum": ["open"], "type": "string"}

    def added(doc: Doc) -> None:
        values = ["open", "done", "dropped"]
        _schemas(doc)["TaskIn"]["properties"]["status"] = {"enum": values, "type": "string"}

    assert changed(removed) == ["POST /tasks request body.status: enum values removed ['done']"]
    assert changed(added) == []


def test_a_required_body_field_added_breaks_and_an_optional_one_does_not() -> None:
    def required(doc: Doc) -> None:
        _schemas(doc)["TaskIn"]["properties"]["ward"] = {"type": "string"}
        _schemas(doc)["TaskIn"]["required"].append("ward")

    def optional(doc: Doc) -> None:
        _schemas(doc)["TaskIn"]["properties"]["ward"] = {"type": "string"}

    assert changed(required) == ["POST /tasks request body.ward: required, new"]
    assert changed(optional) == []


def test_a_body_field_removed_breaks_only_where_unknown_fields_are_refused() -> None:
    def removed(doc: Doc) -> None:
        del _schemas(doc)["TaskIn"]["properties"]["note"]

    def removed_from_closed(doc: Doc) -> None:
        removed(doc)
        _schemas(doc)["TaskIn"]["additionalProperties"] = False

    assert changed(removed) == []  # a client still sending it is not refused
    assert changed(removed_from_closed) == [
        "POST /tasks request body.note: no longer accepted (unknown fields refused)"
    ]


def test_a_body_field_made_required_breaks() -> None:
    assert changed(lambda doc: _schemas(doc)["TaskIn"]["required"].append("note")) == [
        "POST /tasks request body.note: newly required"
    ]


def test_a_body_field_retyped_breaks_and_a_widened_one_does_not() -> None:
    def retyped(doc: Doc) -> None:
        _schemas(doc)["TaskIn"]["properties"]["title"] = {"type": "integer"}

    def widened(doc: Doc) -> None:
        _schemas(doc)["TaskIn"]["properties"]["title"] = {
            "anyOf": [{"type": "string"}, {"type": "null"}]
        }

    assert changed(retyped) == ["POST /tasks request body.title: no longer accepts ['string']"]
    assert changed(widened) == []


def test_a_response_field_removed_breaks_and_one_added_does_not() -> None:
    def removed(doc: Doc) -> None:
        del _schemas(doc)["TaskOut"]["properties"]["due"]
        _schemas(doc)["TaskOut"]["required"].remove("due")

    def added(doc: Doc) -> None:
        _schemas(doc)["TaskOut"]["properties"]["ward"] = {"type": "string"}
        _schemas(doc)["TaskOut"]["required"].append("ward")

    assert changed(removed) == ["GET /tasks 200 application/json[].due: removed"]
    assert changed(added) == []


def test_a_response_field_no_longer_always_sent_breaks() -> None:
    assert changed(lambda doc: _schemas(doc)["TaskOut"]["required"].remove("due")) == [
        "GET /tasks 200 application/json[].due: no longer always sent"
    ]


def test_a_response_field_that_may_now_be_null_or_changed_format_breaks() -> None:
    def nullable(doc: Doc) -> None:
        due = {"anyOf": [{"format": "date", "type": "string"}, {"type": "null"}]}
        _schemas(doc)["TaskOut"]["properties"]["due"] = due

    def reformatted(doc: Doc) -> None:
        _schemas(doc)["TaskOut"]["properties"]["due"]["format"] = "date-time"

    assert changed(nullable) == ["GET /tasks 200 application/json[].due: may now send ['null']"]
    assert changed(reformatted) == [
        "GET /tasks 200 application/json[].due: may now send ['string/date-time']"
    ]


def test_a_response_enum_value_added_breaks_and_one_removed_does_not() -> None:
    def removed(doc: Doc) -> None:
        _schemas(doc)["TaskOut"]["properties"]["status"] = {"enum": ["open"], "type": "string"}

    def added(doc: Doc) -> None:
        values = ["open", "done", "late"]
        _schemas(doc)["TaskOut"]["properties"]["status"] = {"enum": values, "type": "string"}

    assert changed(removed) == []
    assert changed(added) == [
        "GET /tasks 200 application/json[].status: may now send enum values ['late']"
    ]


def test_a_success_response_removed_breaks() -> None:
    def edit(doc: Doc) -> None:
        responses = doc["paths"]["/tasks"]["post"]["responses"]
        responses["200"] = responses.pop("201")

    assert changed(edit) == ["POST /tasks 201: response removed"]


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("0.1.0", "0.1.1", False),  # a patch never carries a break
        ("0.1.0", "0.2.0", True),  # 0.x: the minor is enough
        ("0.1.0", "1.0.0", True),
        ("1.2.0", "1.3.0", False),  # from 1.0 on, only the major
        ("1.2.0", "2.0.0", True),
        ("2.0.0", "1.9.0", False),
        ("0+unknown", "0.2.0", False),  # a tree that is not installed proves nothing
    ],
)
def test_a_break_needs_the_major_or_while_0x_the_minor(old: str, new: str, allowed: bool) -> None:
    assert allows_breaking(old, new) is allowed
