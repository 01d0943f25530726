"""Tracing switched on in a test as an operator switches it on, into an exporter the test reads."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from opentelemetry import trace
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.trace.export import SpanExporter
from opentelemetry.util._once import Once

from qcdc_shared import telemetry


@contextmanager
def traced_into(monkeypatch: pytest.MonkeyPatch, exporter: SpanExporter) -> Iterator[None]:
    """``OTEL_TRACES_EXPORTER=console`` with every service's spans going to ``exporter``
    instead of the console; the process-wide provider and instrumentation undone after."""
    for name in list(os.environ):
        if name.startswith("OTEL_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "console")
    monkeypatch.setattr(telemetry, "ConsoleSpanExporter", lambda: exporter)
    # OpenTelemetry sets the global provider once per process; undo it after the test.
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", None)
    monkeypatch.setattr(trace, "_TRACER_PROVIDER_SET_ONCE", Once())
    try:
        yield
    finally:
        # Instrumented once per process: only the first engine's statements are traced.
        SQLAlchemyInstrumentor().uninstrument()
