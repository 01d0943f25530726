"""The docs pages and what makes the OpenAPI a contract (qcdc_shared.api.docs, .contract), on a
small app of their own; every service's app is checked in tests/contract/test_openapi_contracts."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import BaseModel

from qcdc_shared.api import access, install_openapi, install_problem_handlers
from qcdc_shared.api.contract import duplicate_operation_ids, operation_id, operation_ids
from qcdc_shared.api.docs import ASSETS, REDOC_SHA256, VENDORED, install_docs
from qcdc_shared.api.problems import MEDIA_TYPE


class Note(BaseModel):
    text: str


def small_app() -> FastAPI:
    app = FastAPI(generate_unique_id_function=operation_id, docs_url=None, redoc_url=None)
    install_problem_handlers(app)
    install_openapi(app)
    install_docs(app)

    @app.get("/api/notes/{note_id}", **access(public=True))
    async def read_note(note_id: int) -> Note:
        return Note(text=str(note_id))

    @app.post("/api/notes", status_code=201, **access(roles=["officer"]))
    async def add_note(note: Note) -> Note:
        return note

    return app


def test_the_vendored_redoc_is_the_pinned_file() -> None:
    digest = hashlib.sha256((VENDORED / "redoc.standalone.js").read_bytes()).hexdigest()
    assert digest == REDOC_SHA256
    assert "MIT License" in (VENDORED / "redoc.LICENSE").read_text(encoding="utf-8")


def test_operation_ids_are_the_route_functions_names() -> None:
    spec = small_app().openapi()
    assert operation_ids(spec) == ["add_note POST /api/notes", "read_note GET /api/notes/{note_id}"]
    assert duplicate_operation_ids(spec) == []


def test_4xx_are_problem_json_with_examples_and_no_fastapi_validation_error() -> None:
    spec = small_app().openapi()
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and "ValidationError" not in schemas
    post: dict[str, Any] = spec["paths"]["/api/notes"]["post"]
    assert {"401", "403", "409", "422"} <= set(post["responses"])
    invalid = post["responses"]["422"]["content"][MEDIA_TYPE]
    assert invalid["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert invalid["examples"]["rule-violation"]["value"]["rule"] == "PUB-MIN30"
    assert invalid["examples"]["invalid-input"]["value"]["errors"][0]["location"] == [
        "body",
        "title",
    ]
    not_found = spec["paths"]["/api/notes/{note_id}"]["get"]["responses"]["404"]
    example = not_found["content"][MEDIA_TYPE]["examples"]["not-found"]["value"]
    assert example["status"] == 404 and example["title_en"] == "Not found"


async def test_the_docs_pages_load_their_assets_from_the_service() -> None:
    app = small_app()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        swagger = await http.get("/docs")
        redoc = await http.get("/redoc")
        assert f"{ASSETS}/swagger-ui-bundle.js" in swagger.text
        assert f"{ASSETS}/redoc.standalone.js" in redoc.text
        assert "https://" not in swagger.text and "https://" not in redoc.text
        js = await http.get(f"{ASSETS}/redoc.standalone.js")
        css = await http.get(f"{ASSETS}/swagger-ui.css")
        assert js.status_code == css.status_code == 200
        assert "javascript" in js.headers["content-type"]
        assert css.headers["content-type"].startswith("text/css")
        redirect = await http.get("/docs/oauth2-redirect")
        assert redirect.status_code == 200
