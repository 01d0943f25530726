"""Every request body a service documents comes with an example an outside system can send as
is (issue 20, item 5), and the example is held to the route's own body model: a field renamed,
a bound tightened or a value left out of an enum fails here, not in a client's first call.

The examples live on the body models (``json_schema_extra``), so the OpenAPI shows them in the
schema the request body refers to, where Swagger UI and ReDoc take their sample from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import Body, FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import ConfigDict, Field, TypeAdapter, ValidationError

from qcdc_shared.api.commands import StrictBody

from ..apps import BUILDERS
from .test_access_matrix_lists_every_route import app_of

pytestmark = pytest.mark.contract

Operation = tuple[str, str]  # (METHOD, path)


def body_examples(spec: dict[str, Any], operation: dict[str, Any]) -> list[Any]:
    """The examples of an operation's JSON request body: the media type's own, or those of the
    schema it names (through ``$ref`` and, for an optional body, ``anyOf``)."""
    media = operation["requestBody"]["content"]["application/json"]
    if "examples" in media:
        return [example["value"] for example in media["examples"].values()]
    if "example" in media:
        return [media["example"]]
    return schema_examples(spec, media.get("schema", {}))


def schema_examples(spec: dict[str, Any], schema: dict[str, Any]) -> list[Any]:
    if "examples" in schema:
        return list(schema["examples"])
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return schema_examples(spec, spec["components"]["schemas"][name])
    for alternative in schema.get("anyOf", []):
        if found := schema_examples(spec, alternative):
            return found
    return []


def bodies(app: FastAPI) -> tuple[dict[str, Any], dict[Operation, Any]]:
    """The app's OpenAPI, and the body type of each operation that takes a body."""
    spec = app.openapi()
    found: dict[Operation, Any] = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or route.body_field is None:
            continue
        assert context.path_format is not None, route
        for method in context.methods or set():
            found[(method, context.path_format)] = route.body_field.field_info.annotation
    return spec, found


def refused_examples(spec: dict[str, Any], types: dict[Operation, Any]) -> list[str]:
    """Each example its route's body type refuses, with pydantic's reasons."""
    refused = []
    for (method, path), annotation in sorted(types.items()):
        adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        for example in body_examples(spec, spec["paths"][path][method.lower()]):
            try:  # as a client sends it: through JSON, dates as strings
                adapter.validate_python(json.loads(json.dumps(example)))
            except ValidationError as error:
                refused.append(f"{method} {path}: {error}")
    return refused


@pytest.mark.parametrize("service", BUILDERS)
def test_every_request_body_has_an_example(service: str, tmp_path: Path) -> None:
    spec, types = bodies(app_of(service, tmp_path))
    documented = {
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "requestBody" in operation
    }
    assert documented == set(types), "a documented body without its route, or the reverse"
    missing = [
        f"{method} {path}"
        for method, path in sorted(documented)
        if not body_examples(spec, spec["paths"][path][method.lower()])
    ]
    assert missing == [], f"{service}: request bodies without an example: {missing}"


@pytest.mark.parametrize("service", BUILDERS)
def test_every_example_is_a_body_the_route_accepts(service: str, tmp_path: Path) -> None:
    spec, types = bodies(app_of(service, tmp_path))
    refused = refused_examples(spec, types)
    assert refused == [], "\n".join(refused)


class DriftedGroupIn(StrictBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"code": "TDP-05", "households": 182}]}
    )
    code: str
    households: int = Field(ge=1)
    name: str  # a field added after the example was written


def test_an_example_that_drifted_from_its_model_is_refused() -> None:
    app = FastAPI()

    @app.post("/groups")
    async def add_group(body: DriftedGroupIn) -> None: ...

    @app.post("/groups/{code}/close")
    async def close_group(
        code: str, body: Annotated[DriftedGroupIn | None, Body()] = None
    ) -> None: ...

    refused = refused_examples(*bodies(app))
    assert [line.split(":")[0] for line in refused] == [
        "POST /groups",
        "POST /groups/{code}/close",
    ]
    assert all("name" in line and "Field required" in line for line in refused)


class UndocumentedIn(StrictBody):
    reason: str


def test_a_body_without_an_example_is_found() -> None:
    app = FastAPI()

    @app.post("/close")
    async def close(body: UndocumentedIn) -> None: ...

    spec, types = bodies(app)
    assert list(types) == [("POST", "/close")]
    assert body_examples(spec, spec["paths"]["/close"]["post"]) == []
