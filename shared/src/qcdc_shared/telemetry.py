"""OpenTelemetry wiring and trace-aware JSON logs (DESIGN §7). Off unless OTEL_* asks.

Tracing is on when, and only when, ``OTEL_SDK_DISABLED`` is not ``true`` and either
``OTEL_TRACES_EXPORTER`` names ``otlp`` and/or ``console`` (comma-separated; ``none`` means
off), or it is unset and ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` or
``OTEL_EXPORTER_OTLP_ENDPOINT`` is set (then ``otlp``). Unlike the OpenTelemetry default
(``otlp`` when nothing is said), nothing is exported when nothing is configured, so a ward
machine without a collector never retries into the void. ``otlp`` is OTLP/HTTP with protobuf,
the only transport installed; the exporter itself reads the endpoint, headers and timeout
from the standard ``OTEL_EXPORTER_OTLP_*`` variables.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import IO, TYPE_CHECKING, Any, Final

from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.sdk.resources import SERVICE_NAME, SERVICE_NAMESPACE, Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
)
from opentelemetry.trace import Span
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from faststream.nats.opentelemetry import NatsTelemetryMiddleware

logger = logging.getLogger(__name__)

EXPORTERS: Final = frozenset({"otlp", "console"})
_PROPAGATOR: Final = TraceContextTextMapPropagator()


def requested_exporters(environ: Mapping[str, str] | None = None) -> list[str]:
    """Trace exporters the environment asks for; empty means telemetry stays off."""
    env = os.environ if environ is None else environ
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return []
    named = env.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if named:
        wanted = [n.strip() for n in named.split(",") if n.strip()]
        if "none" in wanted:
            return []
        unknown = sorted(set(wanted) - EXPORTERS)
        if unknown:
            raise ValueError(f"OTEL_TRACES_EXPORTER: unsupported {unknown}; use otlp, console")
        return list(dict.fromkeys(wanted))
    endpoints = ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")
    return ["otlp"] if any(env.get(name, "").strip() for name in endpoints) else []


def _processor(name: str, env: Mapping[str, str]) -> SpanProcessor:
    if name == "console":
        # Immediate, so a developer sees the span as the request ends.
        return SimpleSpanProcessor(ConsoleSpanExporter())
    protocol = (
        env.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") or env.get("OTEL_EXPORTER_OTLP_PROTOCOL")
    ) or "http/protobuf"
    if protocol.strip().lower() != "http/protobuf":
        raise ValueError(f"OTLP protocol {protocol!r} is not installed; use http/protobuf")
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    return BatchSpanProcessor(OTLPSpanExporter())


def setup_telemetry(
    service_name: str,
    *,
    ward: str,
    app: FastAPI | None = None,
    engine: AsyncEngine | None = None,
) -> TracerProvider | None:
    """Install tracing for one service process when OTEL_* asks for it; else do nothing.

    The provider becomes the global one unless another was installed first (OpenTelemetry
    allows one per process); the instrumentations use it either way.
    """
    exporters = requested_exporters()
    if not exporters:
        return None
    resource = Resource.create(
        {SERVICE_NAME: f"qcdc-{service_name}", SERVICE_NAMESPACE: "qcdc", "qcdc.ward": ward}
    )
    provider = TracerProvider(resource=resource)
    for name in exporters:
        provider.add_span_processor(_processor(name, os.environ))
    if isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider):
        trace.set_tracer_provider(provider)
    else:
        logger.warning("a global tracer provider is already set; keeping it")

    if app is not None:
        from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

        FastAPIInstrumentor.instrument_app(
            app, tracer_provider=provider, server_request_hook=only_the_route
        )
    if engine is not None:
        from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

        # It records the statement with its placeholders, never the bound parameters (checked
        # by shared/tests/unit/test_telemetry). It declares sqlalchemy < 2.1 and refuses 2.1.x
        # (only logging an error) without skip_dep_check; its hooks work on 2.1 (same tests).
        SQLAlchemyInstrumentor().instrument(
            engine=engine.sync_engine, tracer_provider=provider, skip_dep_check=True
        )
    return provider


# What the ASGI instrumentation records of the request's address. A path or a query may
# carry a tracking code (``/petitions/track/{code}``) or a searched name: a span keeps the
# route's template instead (``http.route`` already holds it), never the address asked.
_ADDRESS_ATTRIBUTES: Final = ("http.target", "http.url", "url.path", "url.full")
_QUERY_ATTRIBUTES: Final = ("url.query",)
UNMATCHED_ROUTE: Final = "(unmatched)"


def only_the_route(span: Span, scope: Mapping[str, Any]) -> None:
    """FastAPI's ``server_request_hook``: replace the raw path and URL the instrumentation set
    on a server span with the route's template (a path parameter's value never reaches a span;
    request bodies never do, the instrumentation records none)."""
    if not span.is_recording():
        return
    attributes: Mapping[str, Any] = getattr(span, "attributes", None) or {}
    route = str(attributes.get("http.route") or UNMATCHED_ROUTE)
    for name in _ADDRESS_ATTRIBUTES:
        if name in attributes:
            span.set_attribute(name, route)
    for name in _QUERY_ATTRIBUTES:
        if name in attributes:
            span.set_attribute(name, "")


def current_trace_context() -> dict[str, str]:
    """W3C ``traceparent`` (and ``tracestate``) of the current span, for an outbox row."""
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier)
    return carrier


def trace_id_hex() -> str | None:
    context = trace.get_current_span().get_span_context()
    return trace.format_trace_id(context.trace_id) if context.is_valid else None


@contextmanager
def publish_span(
    subject: str, message_id: str, carrier: Mapping[str, str] | None
) -> Iterator[dict[str, str]]:
    """A producer span for the outbox relay's publish of one row, the child of the span that
    wrote the row (its ``traceparent``, in ``carrier``), not of whatever the relay's task runs
    in; yields the span's own trace context for the message's headers. Only the subject (a
    ward and an event type) and the event id are recorded, never the payload."""
    parent = _PROPAGATOR.extract(dict(carrier or {}))
    with trace.get_tracer(__name__).start_as_current_span(
        f"{subject} publish",
        context=parent,
        kind=trace.SpanKind.PRODUCER,
        attributes={
            "messaging.system": "nats",
            "messaging.operation": "publish",
            "messaging.destination.name": subject,
            "messaging.message.id": message_id,
        },
    ):
        yield current_trace_context()


def batch_span(
    name: str, carriers: Sequence[Mapping[str, str] | None]
) -> AbstractContextManager[Span]:
    """A consumer span for a batch of messages, linked to each message's own trace (the
    ``traceparent`` its producer's outbox row carried): one batch, many traces, so links and
    not a parent (OpenTelemetry's messaging conventions for batch receiving). The SDK keeps
    the first 128 links of a span unless ``OTEL_SPAN_LINK_COUNT_LIMIT`` says otherwise."""
    links = []
    for carrier in carriers:
        context = trace.get_current_span(_PROPAGATOR.extract(dict(carrier or {})))
        if context.get_span_context().is_valid:
            links.append(trace.Link(context.get_span_context()))
    return trace.get_tracer(__name__).start_as_current_span(
        name,
        kind=trace.SpanKind.CONSUMER,
        links=links,
        attributes={"messaging.system": "nats", "messaging.batch.message_count": len(carriers)},
    )


def nats_telemetry_middleware(
    tracer_provider: TracerProvider | None = None,
) -> NatsTelemetryMiddleware | None:
    """FastStream's NATS telemetry middleware, for ``NatsBroker(middlewares=[...])``."""
    try:
        from faststream.nats.opentelemetry import NatsTelemetryMiddleware
    except ImportError:  # faststream installed without its otel extra
        return None
    return NatsTelemetryMiddleware(tracer_provider=tracer_provider)


# Attributes every LogRecord has; anything else came from ``extra=`` and is worth keeping.
_STANDARD: Final = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}


class JsonFormatter(logging.Formatter):
    """One JSON object per line, with ``trace_id``/``span_id`` when a span is active."""

    def __init__(self, *, service: str, ward: str) -> None:
        super().__init__()
        self.service = service
        self.ward = ward

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "service": self.service,
            "ward": self.ward,
        }
        # Read at format time: a StreamHandler formats in the logging call's own context.
        context = trace.get_current_span().get_span_context()
        if context.is_valid:
            line["trace_id"] = trace.format_trace_id(context.trace_id)
            line["span_id"] = trace.format_span_id(context.span_id)
        for name, value in vars(record).items():
            if name not in _STANDARD and name not in line:
                line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class _QcdcHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Marks the handler configure_logging installed, so a second call replaces it."""


def configure_logging(
    service: str, ward: str, *, level: int | str = logging.INFO, stream: IO[str] | None = None
) -> logging.Handler:
    """Send the root logger's records as JSON lines to ``stream`` (stderr by default)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _QcdcHandler)]:
        root.removeHandler(handler)
    handler = _QcdcHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(service=service, ward=ward))
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request's full URL at INFO: the gateway's proxy would log each
    # tracking-code lookup (``/petitions/track/{code}``) it forwards. Its warnings stay.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return handler
