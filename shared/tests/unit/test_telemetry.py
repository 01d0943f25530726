"""Telemetry switch, trace propagation helpers and trace-aware JSON logs (DESIGN §7)."""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from faststream.nats import NatsBroker
from faststream.nats.opentelemetry import NatsTelemetryMiddleware
from opentelemetry import trace
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from opentelemetry.util._once import Once
from sqlalchemy import text

from qcdc_shared import telemetry
from qcdc_shared.db import make_engine
from qcdc_shared.telemetry import (
    batch_span,
    configure_logging,
    current_trace_context,
    nats_telemetry_middleware,
    publish_span,
    requested_exporters,
    setup_telemetry,
    trace_id_hex,
)

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def no_otel_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("OTEL_"):
            monkeypatch.delenv(name)


@pytest.fixture
def fresh_global_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    # OpenTelemetry sets the global provider once per process; undo it after the test.
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", None)
    monkeypatch.setattr(trace, "_TRACER_PROVIDER_SET_ONCE", Once())


@pytest.fixture
def tracer() -> trace.Tracer:
    return TracerProvider().get_tracer("test")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, []),
        ({"OTEL_TRACES_EXPORTER": "console"}, ["console"]),
        ({"OTEL_TRACES_EXPORTER": "otlp, console,otlp"}, ["otlp", "console"]),
        ({"OTEL_TRACES_EXPORTER": "none"}, []),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"}, ["otlp"]),
        ({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://c:4318/v1/traces"}, ["otlp"]),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_TRACES_EXPORTER": "none"}, []),
        ({"OTEL_TRACES_EXPORTER": "console", "OTEL_SDK_DISABLED": "TRUE"}, []),
        ({"OTEL_TRACES_EXPORTER": "console", "OTEL_SDK_DISABLED": "false"}, ["console"]),
        ({"OTEL_SERVICE_NAME": "x", "OTEL_RESOURCE_ATTRIBUTES": "a=b"}, []),
    ],
)
def test_requested_exporters(env: dict[str, str], expected: list[str]) -> None:
    assert requested_exporters(env) == expected


def test_unknown_exporter_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="zipkin"):
        requested_exporters({"OTEL_TRACES_EXPORTER": "zipkin"})


def test_grpc_protocol_is_refused(
    monkeypatch: pytest.MonkeyPatch, fresh_global_provider: None
) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "otlp")
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
    with pytest.raises(ValueError, match="http/protobuf"):
        setup_telemetry("plans", ward="ben-thanh")


def test_endpoint_alone_switches_on_otlp_over_http(
    monkeypatch: pytest.MonkeyPatch, fresh_global_provider: None
) -> None:
    # Port 9 (discard): nothing is exported unless a span ends, and none does here.
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9")
    provider = setup_telemetry("gateway", ward="ben-thanh")
    try:
        assert isinstance(provider, TracerProvider)
        assert provider.resource.attributes["service.name"] == "qcdc-gateway"
        assert trace.get_tracer_provider() is provider
    finally:
        assert provider is not None
        provider.shutdown()


async def test_off_without_otel_variables_installs_nothing(tmp_path: Path) -> None:
    before = trace.get_tracer_provider()
    app = FastAPI()
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/t.db")
    try:
        assert setup_telemetry("plans", ward="ben-thanh", app=app, engine=engine) is None
        assert trace.get_tracer_provider() is before
        assert not getattr(app, "_is_instrumented_by_opentelemetry", False)
        assert not SQLAlchemyInstrumentor().is_instrumented_by_opentelemetry
    finally:
        await engine.dispose()


async def test_console_traces_http_and_database_in_one_trace(
    monkeypatch: pytest.MonkeyPatch,
    fresh_global_provider: None,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "console")
    # The exporter's default stream is bound at import time, out of reach of capsys.
    console = io.StringIO()
    monkeypatch.setattr(telemetry, "ConsoleSpanExporter", lambda: ConsoleSpanExporter(out=console))
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/t.db")
    app = FastAPI()

    @app.get("/ping")
    async def ping() -> dict[str, Any]:
        async with engine.connect() as conn:
            one = await conn.scalar(text("SELECT 1"))
        return {"one": one, "traceparent": current_trace_context().get("traceparent")}

    provider = setup_telemetry("petitions", ward="ben-thanh", app=app, engine=engine)
    try:
        assert isinstance(provider, TracerProvider)
        assert provider.resource.attributes["service.name"] == "qcdc-petitions"
        assert provider.resource.attributes["qcdc.ward"] == "ben-thanh"
        assert trace.get_tracer_provider() is provider
        spans = InMemorySpanExporter()
        provider.add_span_processor(SimpleSpanProcessor(spans))

        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            body = (await client.get("/ping")).json()

        finished = spans.get_finished_spans()
        server = next(s for s in finished if s.kind == SpanKind.SERVER)
        database = [s for s in finished if s.attributes and "SELECT" in str(s.name)]
        assert server.context is not None and database, [s.name for s in finished]
        trace_id = server.context.trace_id
        assert {s.context.trace_id for s in database if s.context} == {trace_id}
        assert body["one"] == 1 and body["traceparent"].split("-")[1] == f"{trace_id:032x}"
        assert '"service.name": "qcdc-petitions"' in console.getvalue()
    finally:
        FastAPIInstrumentor.uninstrument_app(app)
        SQLAlchemyInstrumentor().uninstrument()
        if provider is not None:
            provider.shutdown()
        await engine.dispose()


def test_an_earlier_global_provider_is_kept(
    monkeypatch: pytest.MonkeyPatch, fresh_global_provider: None
) -> None:
    earlier = TracerProvider()
    trace.set_tracer_provider(earlier)
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "console")
    provider = setup_telemetry("oversight", ward="ben-thanh")
    try:
        assert isinstance(provider, TracerProvider) and provider is not earlier
        assert trace.get_tracer_provider() is earlier
    finally:
        assert provider is not None
        provider.shutdown()


def test_current_trace_context_and_trace_id(tracer: trace.Tracer) -> None:
    assert current_trace_context() == {}
    assert trace_id_hex() is None
    with tracer.start_as_current_span("write") as span:
        carrier = current_trace_context()
        trace_id = trace_id_hex()
    context = span.get_span_context()
    version, trace_hex, span_hex, flags = carrier["traceparent"].split("-")
    assert version == "00" and int(flags, 16) & 0x01  # sampled
    assert (trace_hex, span_hex) == (f"{context.trace_id:032x}", f"{context.span_id:016x}")
    assert trace_id == f"{context.trace_id:032x}"
    # The relay hop: a consumer reading the outbox headers continues the same trace.
    parent = trace.get_current_span(TraceContextTextMapPropagator().extract(carrier))
    assert parent.get_span_context().trace_id == context.trace_id


def test_a_batch_span_links_every_message_trace(
    tracer: trace.Tracer, fresh_global_provider: None
) -> None:
    """The gateway folds many wards' events in one transaction: its span links each event's
    own trace (from the traceparent the producer's outbox row carried)."""
    spans = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(spans))
    trace.set_tracer_provider(provider)
    carriers: list[dict[str, str] | None] = []
    for ward in ("ben-thanh", "sai-gon"):
        with tracer.start_as_current_span(f"{ward} write"):
            carriers.append(current_trace_context())
    carriers.append(None)  # a message with no headers: no link, no error

    with batch_span("QCDC_CITY process", carriers):
        pass

    (span,) = spans.get_finished_spans()
    assert span.name == "QCDC_CITY process" and span.kind == trace.SpanKind.CONSUMER
    linked = [link.context.trace_id for link in span.links]
    expected = [int(carrier["traceparent"].split("-")[1], 16) for carrier in carriers if carrier]
    assert linked == expected and span.context.trace_id not in linked
    assert span.attributes is not None
    assert span.attributes["messaging.batch.message_count"] == 3


def test_a_publish_span_is_the_child_of_the_rows_writer_and_its_own_parent_for_the_message(
    tracer: trace.Tracer, fresh_global_provider: None
) -> None:
    spans = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(spans))
    trace.set_tracer_provider(provider)
    with tracer.start_as_current_span("POST /petitions") as writer:
        row_headers = current_trace_context()

    with publish_span("qcdc.ben-thanh.petitions.petition.received", "e-1", row_headers) as sent:
        pass

    (span,) = spans.get_finished_spans()
    assert span.kind == trace.SpanKind.PRODUCER and span.parent is not None
    assert span.context.trace_id == writer.get_span_context().trace_id
    assert span.parent.span_id == writer.get_span_context().span_id
    # The message carries the publish span's context: a consumer's span is the publish's child.
    _, trace_hex, span_hex, _ = sent["traceparent"].split("-")
    assert (int(trace_hex, 16), int(span_hex, 16)) == (span.context.trace_id, span.context.span_id)
    assert span.attributes is not None and set(span.attributes) == {
        "messaging.system",
        "messaging.operation",
        "messaging.destination.name",
        "messaging.message.id",
    }


def test_without_a_tracer_the_message_carries_the_rows_own_context(
    tracer: trace.Tracer, fresh_global_provider: None
) -> None:
    # No provider installed (telemetry off): the publish records nothing and passes the
    # writer's context on unchanged.
    with tracer.start_as_current_span("POST /petitions"):
        row_headers = current_trace_context()
    with publish_span("qcdc.ben-thanh.petitions.petition.received", "e-1", row_headers) as sent:
        pass
    assert sent == row_headers
    with publish_span("qcdc.ben-thanh.petitions.petition.received", "e-2", None) as none:
        pass
    assert none == {}


def test_nats_telemetry_middleware_fits_a_broker() -> None:
    middleware = nats_telemetry_middleware(TracerProvider())
    assert isinstance(middleware, NatsTelemetryMiddleware)
    NatsBroker(middlewares=[middleware])


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_logs_carry_trace_ids_inside_a_span(
    root_logger: logging.Logger, tracer: trace.Tracer
) -> None:
    stream = io.StringIO()
    configure_logging("petitions", "ben-thanh", stream=io.StringIO())
    configure_logging("petitions", "ben-thanh", stream=stream)
    log = logging.getLogger("qcdc.test")

    log.info("outside %s", "span")
    with tracer.start_as_current_span("handle") as span:
        log.warning("tiếp nhận đơn", extra={"petition": "p-42"})
        try:
            raise KeyError("boom")
        except KeyError:
            log.exception("failed")

    outside, inside, failed = (json.loads(line) for line in stream.getvalue().splitlines())
    assert outside["message"] == "outside span" and "trace_id" not in outside
    context = span.get_span_context()
    assert inside["trace_id"] == f"{context.trace_id:032x}"
    assert inside["span_id"] == f"{context.span_id:016x}"
    assert inside["message"] == "tiếp nhận đơn" and inside["petition"] == "p-42"
    assert (inside["service"], inside["ward"], inside["level"]) == (
        "petitions",
        "ben-thanh",
        "WARNING",
    )
    assert "KeyError" in failed["exception"] and failed["trace_id"] == inside["trace_id"]
    assert sum(type(h).__name__ == "_QcdcHandler" for h in root_logger.handlers) == 1


async def test_spans_carry_the_route_never_the_code_the_body_or_sql_parameters(
    monkeypatch: pytest.MonkeyPatch,
    fresh_global_provider: None,
    tmp_path: Path,
) -> None:
    """A tracking code in the path or the query, a name in the body, a name bound to a SQL
    statement: a span keeps the route's template and the statement's placeholders only."""
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "console")
    monkeypatch.setattr(
        telemetry, "ConsoleSpanExporter", lambda: ConsoleSpanExporter(out=io.StringIO())
    )
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/t.db")
    app = FastAPI()

    @app.post("/petitions/track/{code}")
    async def track(code: str, request: Request) -> dict[str, Any]:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE IF NOT EXISTS p (name TEXT)"))
            await conn.execute(text("INSERT INTO p VALUES (:name)"), {"name": await request.body()})
        return {"ok": True}

    provider = setup_telemetry("petitions", ward="ben-thanh", app=app, engine=engine)
    try:
        assert provider is not None
        spans = InMemorySpanExporter()
        provider.add_span_processor(SimpleSpanProcessor(spans))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            sent = await client.post(
                "/petitions/track/QX7K-2M9P-TRAC?code=QX7K-2M9P-TRAC&name=Blixter",
                content="Trần Văn Blixter",
            )
            missed = await client.get("/no/such/QX7K-2M9P-TRAC")
        assert (sent.status_code, missed.status_code) == (200, 404)

        finished = spans.get_finished_spans()
        exported = [span.to_json() for span in finished]
        assert any("INSERT INTO p" in text_ for text_ in exported), [s.name for s in finished]
        server = next(s for s in finished if s.kind == SpanKind.SERVER and "track" in s.name)
        assert server.name == "POST /petitions/track/{code}"
        assert server.attributes is not None
        assert server.attributes["http.target"] == "/petitions/track/{code}"
        leaked = [t for t in exported if "QX7K" in t or "Blixter" in t]
        assert leaked == [], leaked
    finally:
        FastAPIInstrumentor.uninstrument_app(app)
        SQLAlchemyInstrumentor().uninstrument()
        provider.shutdown() if provider is not None else None
        await engine.dispose()
