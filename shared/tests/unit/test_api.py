"""problem+json, deadline shape and access declarations (qcdc_shared.api)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from sqlalchemy.exc import OperationalError
from starlette.types import ASGIApp, Receive, Scope, Send

from qcdc_shared.api import (
    LAST_DAY,
    MEDIA_TYPE,
    Day,
    DeadlineOut,
    Instant,
    access,
    conflict,
    forbidden,
    install_openapi,
    install_problem_handlers,
    not_found,
    routes_without_access,
    rule_violation,
    unauthorized,
)

pytestmark = pytest.mark.unit


class PostingIn(BaseModel):
    title: str = Field(min_length=3)
    days: int = Field(ge=1)


def build_app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/postings", **access(roles=["officer"]))
    async def create(body: PostingIn) -> dict[str, Any]:
        if body.days < 30:
            raise rule_violation(
                "PUB-MIN30",
                "Thời gian niêm yết tối thiểu là 30 ngày.",
                "A posting stays up at least 30 days.",
            )
        return {"ok": True}

    @app.get("/postings/{posting_id}", **access(public=True))
    async def read(posting_id: int) -> dict[str, Any]:
        raise not_found()

    @app.get("/boom", **access(roles=["admin"]))
    async def boom() -> None:
        raise RuntimeError("secret connection string postgresql://user:pw@db")

    @app.get("/busy", **access(public=True))
    async def locked() -> None:
        # What SQLite answers a writer that waited out its busy timeout behind another.
        error = sqlite3.OperationalError("database is locked")
        raise OperationalError("INSERT INTO petitions ...", {}, error)

    @app.get("/traced", **access(public=True))
    async def traced() -> None:
        raise conflict()

    return app


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    # raise_app_exceptions=False: Starlette re-raises after answering 500, as a server would log.
    transport = httpx.ASGITransport(app=build_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"].startswith(MEDIA_TYPE)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    for member in ("type", "title", "detail", "title_en", "detail_en"):
        assert isinstance(body[member], str) and body[member], member
    assert body["title"] != body["title_en"]
    return body


async def test_malformed_json_is_a_bilingual_422(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/postings", content=b'{"title": "abc", ', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 422)
    assert body["title"] == "Dữ liệu không hợp lệ"
    assert body["detail_en"] == "The request body is not valid JSON."
    assert body["errors"][0]["type"] == "json_invalid"
    assert body["errors"][0]["location"][0] == "body"


async def test_invalid_fields_are_listed_without_echoing_input(client: httpx.AsyncClient) -> None:
    response = await client.post("/postings", json={"title": "Nguyễn Văn A", "days": "many"})
    body = assert_problem(response, 422)
    errors = {tuple(e["location"]): e for e in body["errors"]}
    assert set(errors) == {("body", "days")}
    assert errors[("body", "days")]["message"] == "Phải là số nguyên"
    assert "integer" in errors[("body", "days")]["message_en"]
    assert "many" not in response.text

    missing = assert_problem(await client.post("/postings", json={}), 422)
    assert {tuple(e["location"]) for e in missing["errors"]} == {
        ("body", "title"),
        ("body", "days"),
    }
    assert {e["message"] for e in missing["errors"]} == {"Thiếu trường bắt buộc"}


async def test_rule_refusal_names_the_rule(client: httpx.AsyncClient) -> None:
    body = assert_problem(
        await client.post("/postings", json={"title": "Kế hoạch", "days": 10}), 422
    )
    assert body["rule"] == "PUB-MIN30"
    assert body["type"].endswith("rule-violation")
    assert "30 ngày" in body["detail"] and "30 days" in body["detail_en"]
    assert body["instance"] == "/postings"


async def test_success_has_no_rule_and_problem_without_rule_omits_it(
    client: httpx.AsyncClient,
) -> None:
    ok = await client.post("/postings", json={"title": "Kế hoạch", "days": 30})
    assert ok.status_code == 200 and ok.json() == {"ok": True}
    body = assert_problem(await client.get("/postings/7"), 404)
    assert "rule" not in body
    assert body["title"] == "Không tìm thấy"


async def test_unknown_route_and_wrong_method_are_problems(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/no/such/route"), 404)
    assert body["title_en"] == "Not found"
    assert body["instance"] == "/no/such/route"

    wrong = await client.delete("/postings")
    assert_problem(wrong, 405)
    assert "POST" in wrong.headers["allow"]


async def test_path_parameter_of_wrong_type_is_422(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/postings/abc"), 422)
    assert body["errors"][0]["location"] == ["path", "posting_id"]


async def test_unexpected_error_is_500_without_internals(client: httpx.AsyncClient) -> None:
    response = await client.get("/boom")
    body = assert_problem(response, 500)
    assert body["title"] == "Lỗi hệ thống"
    assert "postgresql" not in response.text and "RuntimeError" not in response.text


async def test_a_busy_database_is_503_to_try_again(client: httpx.AsyncClient) -> None:
    response = await client.get("/busy")
    body = assert_problem(response, 503)
    assert response.headers["retry-after"] == "1"
    assert body["title_en"] == "Service unavailable"
    assert "INSERT" not in response.text and "database is locked" not in response.text


async def test_problem_carries_trace_id_of_active_span() -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("test")

    class RequestSpan:
        # Stands in for the FastAPI instrumentation's server span around the handlers.
        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            with tracer.start_as_current_span("request"):
                await self.app(scope, receive, send)

    app = build_app()
    app.add_middleware(RequestSpan)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        body = assert_problem(await c.get("/traced"), 409)
    (span,) = exporter.get_finished_spans()
    assert span.context is not None
    assert body["trace_id"] == format(span.context.trace_id, "032x")


async def test_no_trace_id_without_span(client: httpx.AsyncClient) -> None:
    assert "trace_id" not in assert_problem(await client.get("/traced"), 409)


def test_convenience_constructors() -> None:
    assert unauthorized().headers["WWW-Authenticate"] == "Bearer"
    assert forbidden().status == 403 and forbidden().title == "Không có quyền"
    p = not_found("Không có bài niêm yết 7.", "No posting 7.")
    assert (p.detail, p.detail_en) == ("Không có bài niêm yết 7.", "No posting 7.")
    with pytest.raises(ValueError, match="both"):
        not_found("chỉ tiếng Việt")
    refused = rule_violation("PET-SECRET", "vi", "en", status=409)
    assert refused.to_dict()["rule"] == "PET-SECRET" and refused.status == 409


def test_problem_extension_members_are_serialised() -> None:
    body = conflict(current_state="closed").to_dict()
    assert body["current_state"] == "closed" and body["status"] == 409


def test_deadline_out_from_attributes_in_vietnam_time() -> None:
    source = SimpleNamespace(
        rule="CMP-RESOLVE.complex",
        due=dt.date(2026, 3, 16),
        due_at=dt.datetime(2026, 3, 16, 10, 0, tzinfo=dt.UTC),
        explanation="10 ngày làm việc kể từ ngày thụ lý",
        explanation_en="10 working days from acceptance",
        table_version="2026.1",
        start=dt.date(2026, 3, 2),
    )
    out = DeadlineOut.model_validate(source)
    data = out.model_dump(mode="json")
    assert data == {
        "rule": "CMP-RESOLVE.complex",
        # The rule's entry on the city gateway's /rules page, relative to the gateway.
        "rule_url": "/rules#CMP-RESOLVE.complex",
        "due": "2026-03-16",
        "due_at": "2026-03-16T17:00:00+07:00",
        "explanation": "10 ngày làm việc kể từ ngày thụ lý",
        "explanation_en": "10 working days from acceptance",
    }
    with pytest.raises(ValueError):
        DeadlineOut.model_validate({**vars(source), "due_at": dt.datetime(2026, 3, 16, 17)})


def test_access_declared_in_openapi() -> None:
    app = build_app()
    paths = app.openapi()["paths"]
    assert paths["/postings/{posting_id}"]["get"]["x-access"] == {"public": True}
    assert paths["/postings"]["post"]["x-access"] == {"public": False, "roles": ["officer"]}
    assert routes_without_access(app) == []

    @app.get("/forgotten")
    async def forgotten() -> None: ...

    assert routes_without_access(app) == ["GET /forgotten"]

    included = APIRouter(prefix="/ward")

    @included.get("/also-forgotten")
    async def also_forgotten() -> None: ...

    app.include_router(included)
    assert routes_without_access(app) == ["GET /forgotten", "GET /ward/also-forgotten"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "name the roles"),
        ({"public": True, "roles": ["officer"]}, "public route"),
        ({"roles": ["mayor"]}, "unknown roles"),
    ],
)
def test_access_refuses_unclear_declarations(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        access(**kwargs)


def test_openapi_documents_the_problems_each_operation_can_send() -> None:
    app = build_app()
    install_openapi(app)
    openapi = app.openapi()
    paths = openapi["paths"]
    write = paths["/postings"]["post"]["responses"]
    read = paths["/postings/{posting_id}"]["get"]["responses"]
    assert sorted(write) == ["200", "400", "401", "403", "404", "409", "413", "422", "503"]
    assert sorted(read) == ["200", "404", "422"]  # 429 only where a limit is named
    assert set(write["422"]["content"]) == {MEDIA_TYPE}
    assert write["422"]["content"][MEDIA_TYPE]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert "rule" in openapi["components"]["schemas"]["Problem"]["properties"]
    assert "HTTPValidationError" not in openapi["components"]["schemas"]  # never sent


@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:24+01:02", "9999-12-31T23:59:59-05:00", "1899-12-31T23:59:59Z"]
)
def test_instants_outside_the_calendar_are_refused_not_overflowed(value: str) -> None:
    # schemathesis found a decision noticed at year 1 (+01:02) answering 500: UTC underflowed.
    with pytest.raises(ValidationError) as refused:
        TypeAdapter(Instant).validate_python(value)
    assert {e["type"] for e in refused.value.errors()} <= {"greater_than_equal", "less_than"}
    assert TypeAdapter(Day).validate_python("2100-12-31") == LAST_DAY
    with pytest.raises(ValidationError):
        TypeAdapter(Day).validate_python("9999-12-31")
