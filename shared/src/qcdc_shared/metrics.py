"""``/metrics``: what an operator scrapes, in Prometheus text, through OpenTelemetry metrics
(DESIGN §7, issue 21).

Each app has its own ``MeterProvider`` and its own Prometheus ``CollectorRegistry``, made by
``create_app`` and never at import: the fork server (``tooling/forked.py``) imports this module
once for every service it forks, and tests build many apps in one process, where the
process-wide default registry would refuse a second collector of the same names.

What is read from elsewhere (the outbox's unpublished rows from the database, the consumers'
pending counts from JetStream) is read when a scrape asks, before the observable instruments'
callbacks run, since those callbacks cannot await: the database once per scrape, JetStream at
most once per ``LAG_CACHE_SECONDS``. Nothing personal is in a label: a request is counted by
its route's template (``/petitions/track/{code}``), never the address asked.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from opentelemetry.exporter.prometheus import PrometheusMetricReader
from opentelemetry.metrics import CallbackOptions, Observation
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.resources import SERVICE_NAME, SERVICE_NAMESPACE, Resource
from prometheus_client import CollectorRegistry, ProcessCollector
from prometheus_client.exposition import choose_encoder
from sqlalchemy import func, select
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qcdc_shared.auth import public
from qcdc_shared.bus import Deliveries
from qcdc_shared.tables import outbox
from qcdc_shared.telemetry import UNMATCHED_ROUTE

access_log = logging.getLogger("qcdc.access")
PROBES: Final = frozenset({"/livez", "/readyz", "/health", "/metrics"})

if TYPE_CHECKING:
    from qcdc_shared.inbox import IdempotentConsumer
    from qcdc_shared.runtime import Runtime

# OpenTelemetry's advice for http.server.request.duration, in seconds.
LATENCY_BUCKETS_SECONDS: Final = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
# Consumer lag costs one JetStream request per consumer: a scrape every few seconds (several
# Prometheus replicas, a curl in a loop) asks the server at most this often.
LAG_CACHE_SECONDS: Final = 5.0
# A scrape answers within this even when the database or NATS hangs (the outbox's series are
# then missing, a consumer's lag keeps its last value).
READ_TIMEOUT_SECONDS: Final = 2.0
# A method label is one of these or "_OTHER" (OpenTelemetry's convention): a client sending
# made-up methods must not grow a series per method.
KNOWN_METHODS: Final = frozenset(
    {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"}
)

_UNPUBLISHED = select(func.count(), func.min(outbox.c.recorded_at)).where(
    outbox.c.sent_at.is_(None)
)


@dataclass(frozen=True)
class WatchedConsumer:
    name: str  # the durable consumer's
    stream: str
    consumer: IdempotentConsumer
    deliveries: Deliveries


@dataclass(frozen=True)
class OutboxReading:
    backlog: int
    oldest_age_seconds: float


@dataclass(frozen=True)
class ConsumerReading:
    pending: int  # in the stream, not yet delivered to the consumer (JetStream's num_pending)
    ack_pending: int  # delivered, not yet acknowledged


class ServiceMetrics:
    """One app's instruments, provider and registry (``app.state.metrics``)."""

    def __init__(self, *, service: str, ward: str) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        # process_cpu_seconds_total, process_resident_memory_bytes...: the sizing figures.
        ProcessCollector(registry=self.registry)
        reader = PrometheusMetricReader(registry=self.registry, scope_info_enabled=False)
        resource = Resource.create(
            {SERVICE_NAME: f"qcdc-{service}", SERVICE_NAMESPACE: "qcdc", "qcdc.ward": ward}
        )
        # No exit hook: an app's provider has only this pull reader, nothing to flush.
        self.provider = MeterProvider(
            metric_readers=[reader], resource=resource, shutdown_on_exit=False
        )
        meter = self.provider.get_meter("qcdc_shared.metrics")
        self.requests = meter.create_counter(
            "qcdc_http_server_requests",
            unit="{request}",
            description="HTTP requests answered, by route template, method and status.",
        )
        self.duration = meter.create_histogram(
            "qcdc_http_server_request_duration",
            unit="s",
            description="Time to answer an HTTP request (a stream's: its whole life).",
            explicit_bucket_boundaries_advisory=LATENCY_BUCKETS_SECONDS,
        )
        self.runtime: Runtime | None = None
        self.consumers: list[WatchedConsumer] = []
        self.outbox: OutboxReading | None = None
        self.database_up: bool | None = None
        self.lags: dict[str, ConsumerReading] = {}
        self._lags_read_at = float("-inf")
        self._observe(meter)

    def _observe(self, meter: Any) -> None:
        gauges = {
            "qcdc_outbox_backlog": (
                "{event}",
                "Outbox rows not yet published to NATS.",
                lambda: [Observation(self.outbox.backlog)] if self.outbox else [],
            ),
            "qcdc_outbox_oldest_unpublished_age": (
                "s",
                "Age of the oldest outbox row not yet published (0 when none waits).",
                lambda: [Observation(self.outbox.oldest_age_seconds)] if self.outbox else [],
            ),
            "qcdc_database_up": (
                "",
                "1 when the service's database answered this scrape, else 0.",
                lambda: [] if self.database_up is None else [Observation(int(self.database_up))],
            ),
            "qcdc_nats_connected": (
                "",
                "1 while the service's NATS link is up, else 0.",
                lambda: [Observation(int(self.runtime.link.connected))] if self.runtime else [],
            ),
            "qcdc_consumer_lag": (
                "{message}",
                "Messages in the stream not yet delivered to the durable consumer "
                "(JetStream's num_pending; the last value read while NATS is away).",
                lambda: self._per_consumer(lambda c: self._lag(c, "pending")),
            ),
            "qcdc_consumer_ack_pending": (
                "{message}",
                "Messages delivered to the durable consumer and not yet acknowledged.",
                lambda: self._per_consumer(lambda c: self._lag(c, "ack_pending")),
            ),
        }
        for name, (unit, description, read) in gauges.items():
            meter.create_observable_gauge(
                name, callbacks=[_callback(read)], unit=unit, description=description
            )
        counters = {
            "qcdc_outbox_published": (
                "{event}",
                "Events the outbox relay published (JetStream acknowledged them).",
                lambda: self._relay("published"),
            ),
            "qcdc_outbox_duplicates": (
                "{event}",
                "Publishes JetStream acknowledged as already stored (a resend after a crash).",
                lambda: self._relay("duplicates"),
            ),
            "qcdc_outbox_publish_failures": (
                "{failure}",
                "Relay drains that failed (NATS or the database away); rows are kept.",
                lambda: self._relay("failures"),
            ),
            "qcdc_consumer_processed": (
                "{event}",
                "Events a durable consumer applied.",
                lambda: self._per_consumer(lambda c: c.consumer.processed),
            ),
            "qcdc_consumer_redeliveries": (
                "{message}",
                "Deliveries the server made again (after a retry, an ack wait or a crash).",
                lambda: self._per_consumer(lambda c: c.deliveries.redelivered),
            ),
            "qcdc_consumer_dead_letters": (
                "{message}",
                "Messages a durable consumer sent to its dead letters.",
                lambda: self._per_consumer(lambda c: c.consumer.dead_lettered),
            ),
        }
        for name, (unit, description, read) in counters.items():
            meter.create_observable_counter(
                name, callbacks=[_callback(read)], unit=unit, description=description
            )

    def _relay(self, field: str) -> list[Observation]:
        if self.runtime is None:
            return []
        return [Observation(getattr(self.runtime.relay.stats, field))]

    def _per_consumer(self, value: Any) -> list[Observation]:
        observed = []
        for watched in self.consumers:
            found = value(watched)
            if found is not None:
                labels = {"consumer": watched.name, "stream": watched.stream}
                observed.append(Observation(found, labels))
        return observed

    def _lag(self, watched: WatchedConsumer, field: str) -> int | None:
        reading = self.lags.get(watched.name)
        return None if reading is None else int(getattr(reading, field))

    def attach(self, runtime: Runtime) -> None:
        """A (re)started lifespan's runtime; its consumers are watched as they start."""
        self.runtime = runtime
        self.consumers = []
        self.lags = {}
        self._lags_read_at = float("-inf")

    def watch(self, *, name: str, stream: str, consumer: IdempotentConsumer) -> Deliveries:
        """Count a durable consumer; returns what its subscriber notes each delivery in."""
        deliveries = Deliveries()
        self.consumers.append(WatchedConsumer(name, stream, consumer, deliveries))
        return deliveries

    def observe_request(self, route: str, scope: Scope, status: int, seconds: float) -> None:
        method = scope.get("method", "")
        attributes = {
            "http.route": route,
            "http.request.method": method if method in KNOWN_METHODS else "_OTHER",
            "http.response.status_code": status,
        }
        self.requests.add(1, attributes)
        self.duration.record(seconds, attributes)
        # The access log says what the series say: the route's template, never the path asked
        # (a tracking code, a phone number typed in a URL) nor who asked. Probes, every few
        # seconds from the orchestrator, only at DEBUG.
        access_log.log(
            logging.DEBUG if route in PROBES else logging.INFO,
            "%s %s %d",
            attributes["http.request.method"],
            route,
            status,
            extra={
                "http_method": attributes["http.request.method"],
                "http_route": route,
                "http_status": status,
                "duration_ms": round(seconds * 1000, 1),
            },
        )

    async def scrape(self, accept: str | None) -> tuple[bytes, str]:
        """The exposition of this app's metrics, in the format ``accept`` asks for."""
        if self.runtime is not None:
            await asyncio.gather(self._read_outbox(self.runtime), self._read_lags(self.runtime))
        encoder, content_type = choose_encoder(accept or "")
        return encoder(self.registry), content_type

    async def _read_outbox(self, runtime: Runtime) -> None:
        try:
            async with asyncio.timeout(READ_TIMEOUT_SECONDS):
                async with runtime.sessionmaker() as session:
                    backlog, oldest = (await session.execute(_UNPUBLISHED)).one()
        except Exception:  # the database away: /readyz says why; here the gauge says so
            self.outbox, self.database_up = None, False
            return
        # recorded_at is the relay's own wall time (outbox.add_to_outbox), never the city clock.
        age = 0.0 if oldest is None else (dt.datetime.now(dt.UTC) - oldest).total_seconds()
        self.outbox, self.database_up = OutboxReading(int(backlog), max(age, 0.0)), True

    async def _read_lags(self, runtime: Runtime) -> None:
        client = runtime.link.client
        now = time.monotonic()
        if not self.consumers or client is None or not client.is_connected:
            return
        if now - self._lags_read_at < LAG_CACHE_SECONDS:
            return
        self._lags_read_at = now  # before awaiting: scrapes at the same moment ask once
        js = client.jetstream(timeout=READ_TIMEOUT_SECONDS)
        watched = list(self.consumers)
        infos = await asyncio.gather(
            *(js.consumer_info(c.stream, c.name) for c in watched), return_exceptions=True
        )
        for consumer, info in zip(watched, infos, strict=True):
            if isinstance(info, BaseException):  # not made yet, or NATS just went away
                continue
            self.lags[consumer.name] = ConsumerReading(
                pending=int(info.num_pending or 0), ack_pending=int(info.num_ack_pending or 0)
            )


def _callback(read: Any) -> Any:
    def observe(options: CallbackOptions) -> Iterable[Observation]:
        return list(read())

    return observe


def route_template(scope: Scope, *, root_path: str, mounts: Iterable[BaseRoute]) -> str:
    """The matched route's template (``/postings/{posting_id}``), a mount's (``/static/{path}``)
    or ``(unmatched)``: never the path asked, which may carry a tracking code.

    FastAPI leaves its route in the scope; a mount only extends the scope's ``root_path``
    (``root_path`` is what it was before routing), named by the mount's own template."""
    template = getattr(scope.get("route"), "path_format", None)
    if template:
        return str(template)
    mounted = str(scope.get("root_path", ""))
    if mounted != root_path and mounted.startswith(root_path):
        probe = {**scope, "root_path": root_path}  # the scope as the mount was matched
        for mount in mounts:
            if isinstance(mount, Mount) and mount.matches(probe)[0] is Match.FULL:
                return mount.path_format
    return UNMATCHED_ROUTE


class RequestMetrics:
    """Counts and times each HTTP request. Plain ASGI (not BaseHTTPMiddleware, which would
    buffer the gateway's Server-Sent Events); the outermost middleware, so a request another
    middleware refuses (a body too large, a city being built) is counted too."""

    def __init__(self, app: ASGIApp, metrics: ServiceMetrics, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.metrics = metrics
        self.routes = routes  # the app's, read at each request (mounts may come later)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        root_path = str(scope.get("root_path", ""))
        status = 500  # what the server answers if the app raises before answering

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = route_template(scope, root_path=root_path, mounts=self.routes)
            self.metrics.observe_request(route, scope, status, time.perf_counter() - started)


def install_metrics(app: FastAPI, *, service: str, ward: str) -> ServiceMetrics:
    """Give ``app`` its metrics, the request middleware (call after the other middleware, so
    it is the outermost) and ``GET /metrics``."""
    metrics = ServiceMetrics(service=service, ward=ward)
    app.state.metrics = metrics
    app.add_middleware(RequestMetrics, metrics=metrics, routes=app.router.routes)
    app.include_router(_router())
    return metrics


def _router() -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get(
        "/metrics",
        **public(),
        summary="Số đo vận hành — metrics for Prometheus",
        response_class=Response,
        responses={
            200: {
                "description": "Prometheus text (OpenMetrics when the Accept header asks).",
                "content": {"text/plain": {"schema": {"type": "string"}}},
            }
        },
    )
    async def metrics(request: Request) -> Response:
        """Requests by route template, the outbox's backlog and the age of its oldest row,
        each durable consumer's lag, redeliveries and dead letters, the relay's counts. No
        personal data: a public endpoint, like ``/livez``."""
        found: ServiceMetrics = request.app.state.metrics
        body, content_type = await found.scrape(request.headers.get("accept"))
        return Response(body, media_type=content_type)

    return router
