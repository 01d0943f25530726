"""One trace end to end (issue 21, item 6): a citizen's petition, posted to the petitions
service, is one trace across processes on a real nats-server and real databases.

The chain the code makes, asserted link by link:

- ``POST /petitions``: the server span (FastAPI's instrumentation);
- its database statements, the outbox row's ``INSERT`` among them, are its children (the row
  stores the server span's ``traceparent`` in ``headers``: ``outbox.add_to_outbox``);
- the relay's publish of that row: a producer span whose parent is the server span, read
  from the row (``telemetry.publish_span``); the message carries the publish's own
  ``traceparent``;
- oversight's consumer (``oversight-detector``, every event of the ward, FastStream): its
  process span's parent is the publish span;
- the gateway's ``gateway-projections`` (QCDC_CITY, batched): its batch span starts a trace
  of its own and LINKS the publish span (one batch, many traces).

No span carries the petitioner's identity."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager

import httpx
import nats
import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from sqlalchemy import select

from qcdc_gateway.main import build as build_gateway
from qcdc_oversight.main import build as build_oversight
from qcdc_oversight.testing import Oversight
from qcdc_petitions.testing import running as running_petitions
from qcdc_shared.db import drop_database
from qcdc_shared.settings import Settings
from qcdc_shared.streams import CITY_STREAM, ensure_city_topology
from qcdc_shared.tables import inbox
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import running
from qcdc_shared.testing.tracing import traced_into
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

WARD = "ben-thanh"
RECEIVED = f"qcdc.{WARD}.petitions.petition.received"
# Each part of the identity carries an ASCII token, so JSON's \u escapes cannot hide a leak.
PETITIONER = {
    "name": "Trương Thị Vexholm",
    "address": "21 Hẻm Quorrin, Bến Thành",
    "phone": "0911000021",
    "id_number": "079100000021",
}
NEEDLES = (*PETITIONER.values(), "Vexholm", "Quorrin")


class KeptSpans(InMemorySpanExporter):
    """Every service's provider exports here; a provider shut down must not close it for the
    others (an InMemorySpanExporter refuses spans once shut down)."""

    def shutdown(self) -> None:
        pass


@pytest.fixture
def spans(monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemorySpanExporter]:
    """Every service's spans in one in-memory exporter. Instrumented once per process: the
    first engine (the petitions service's, started first) is the one whose statements are
    traced."""
    exporter = KeptSpans()
    with traced_into(monkeypatch, exporter):
        yield exporter


@asynccontextmanager
async def gateway(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = build_gateway(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
            yield http


def span_id(span: ReadableSpan) -> int:
    assert span.context is not None
    return int(span.context.span_id)


def trace_id(span: ReadableSpan) -> int:
    assert span.context is not None
    return int(span.context.trace_id)


def parent_id(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent is not None else None


def statement(span: ReadableSpan) -> str:
    attributes = span.attributes or {}
    return str(attributes.get("db.statement") or attributes.get("db.query.text") or "")


def the_server_span(finished: Sequence[ReadableSpan]) -> ReadableSpan:
    (server,) = [s for s in finished if s.kind == SpanKind.SERVER and s.name == "POST /petitions"]
    return server


def publishes(finished: Sequence[ReadableSpan]) -> list[ReadableSpan]:
    return [s for s in finished if s.kind == SpanKind.PRODUCER and s.name == f"{RECEIVED} publish"]


def processes(finished: Sequence[ReadableSpan], publish: ReadableSpan) -> list[ReadableSpan]:
    """FastStream's process spans of the received event (only oversight's consumers run on
    FastStream here; the gateway's pull in batches)."""
    return [
        s
        for s in finished
        if s.kind == SpanKind.CONSUMER
        and s.name == f"{RECEIVED} process"
        and trace_id(s) == trace_id(publish)
    ]


def batches_linking(finished: Sequence[ReadableSpan], publish: ReadableSpan) -> list[ReadableSpan]:
    return [
        s
        for s in finished
        if s.name == f"{CITY_STREAM} process"
        and any(link.context.span_id == span_id(publish) for link in s.links)
    ]


async def test_a_petition_is_one_trace_from_request_to_consumers(
    nats_server: NatsServer, database_url: str, spans: InMemorySpanExporter
) -> None:
    client = await nats.connect(nats_server.url)
    await ensure_city_topology(client.jetstream(), [WARD])
    await client.close()
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    petitions_url = sibling_database_url(database_url, "petitions")
    city_url = sibling_database_url(database_url, "city")
    try:
        async with (
            # First: the SQLAlchemy instrumentation takes the first engine it is given.
            running_petitions(
                settings.model_copy(update={"database_url": petitions_url}), nats_server.url
            ) as petitions,
            running(Oversight, build_oversight, settings, nats_server.url) as oversight,
            gateway(settings.model_copy(update={"database_url": city_url})),
        ):
            submitted = await petitions.submit(
                kind="feedback",
                title="Vỉa hè bị lấn chiếm",
                body="Vỉa hè trước chợ bị lấn chiếm.",
                petitioner=PETITIONER,
            )
            assert submitted.status_code == 201, submitted.text

            async def traced_to_both_consumers() -> bool:
                finished = spans.get_finished_spans()
                sent = publishes(finished)
                return bool(
                    sent and processes(finished, sent[0]) and batches_linking(finished, sent[0])
                )

            await eventually(traced_to_both_consumers, within=20, what="both consumers' spans")
            # The process span is oversight-detector's: the event is in its inbox.
            (sent,) = publishes(spans.get_finished_spans())
            event_id = (sent.attributes or {})["messaging.message.id"]
            async with oversight.runtime.sessionmaker() as session:
                handled = set(
                    await session.scalars(
                        select(inbox.c.consumer).where(inbox.c.event_id == event_id)
                    )
                )
            assert handled == {"oversight-detector"}, handled
    finally:
        await drop_database(petitions_url)
        await drop_database(city_url)

    finished = spans.get_finished_spans()
    server = the_server_span(finished)
    one_trace = trace_id(server)
    in_trace = [s for s in finished if trace_id(s) == one_trace]

    # Request -> database: the outbox row is written under the request's span.
    outbox_insert = [s for s in in_trace if statement(s).upper().startswith("INSERT INTO OUTBOX")]
    assert outbox_insert, sorted(statement(s) for s in in_trace)
    assert all(parent_id(s) == span_id(server) for s in outbox_insert)

    # Outbox -> relay -> NATS: one publish, the child of the request's span.
    (publish,) = publishes(finished)
    assert trace_id(publish) == one_trace
    assert parent_id(publish) == span_id(server)
    assert (publish.attributes or {})["messaging.destination.name"] == RECEIVED

    # NATS -> oversight's consumer: its process span is the publish's child.
    (process,) = processes(finished, publish)
    assert parent_id(process) == span_id(publish)

    # NATS -> the gateway's batch (QCDC_CITY): a trace of its own, linking the petition's.
    linking = batches_linking(finished, publish)
    assert linking and all(trace_id(batch) != one_trace for batch in linking)
    assert all(
        next(
            link for link in batch.links if link.context.span_id == span_id(publish)
        ).context.trace_id
        == one_trace
        for batch in linking
    )

    # Across the three processes' spans, the petitioner's identity appears nowhere.
    exported = [json.dumps(json.loads(s.to_json()), ensure_ascii=False) for s in finished]
    leaked = [
        (needle, text[:300])
        for text in exported
        for needle in NEEDLES
        if needle.lower() in text.lower()
    ]
    assert len(exported) >= 5 and leaked == [], leaked
