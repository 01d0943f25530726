"""The shape every service's ``main.py`` fills in: one call builds the FastAPI app whose
lifespan migrates the database, links to NATS, runs the outbox relay, the sweeper and the
durable consumers, and serves ``/health`` (DESIGN §2, §4, §7)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from faststream.nats import NatsBroker
from faststream.nats.security import NatsUserPassword
from nats.aio.client import Client
from sqlalchemy import MetaData, text

from qcdc_shared.api import install_openapi, install_problem_handlers
from qcdc_shared.api.contract import operation_id, service_version
from qcdc_shared.api.docs import install_docs
from qcdc_shared.api.limits import BodyLimit, RateLimits, StreamSlots
from qcdc_shared.auth import TokenVerifier, public
from qcdc_shared.bus import durable_subscriber, pull_in_batches
from qcdc_shared.clock import LOCAL_TZ, Clock
from qcdc_shared.db import infrastructure_metadata, make_engine, make_sessionmaker
from qcdc_shared.inbox import BatchHandler, Handler, IdempotentConsumer
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.metrics import ServiceMetrics, install_metrics
from qcdc_shared.migrations import require_head, upgrade
from qcdc_shared.outbox import OutboxRelay, outbox_backlog
from qcdc_shared.published_contracts import published_contracts
from qcdc_shared.readiness import RETRY_AFTER_SECONDS, CityStateHolder, RefuseWritesWhileBuilding
from qcdc_shared.registry import load_registry
from qcdc_shared.runtime import NatsLink, OnConnect, Runtime, SqlUnitOfWork, make_clock
from qcdc_shared.settings import Settings, StartRefused, get_settings
from qcdc_shared.streams import ensure_ward_streams
from qcdc_shared.sweeps import ItemSweep, sweep_each
from qcdc_shared.telemetry import configure_logging, nats_telemetry_middleware, setup_telemetry

log = logging.getLogger(__name__)

# A sweep finds what time has made true (overdue, expired) and records it in the unit of work.
# Given the service's own unit of work, committing its own work; or an ItemSweep, each item in
# a unit of work of its own. What a sweep returns (a count) is ignored.
Sweep = Callable[[Any], Awaitable[object]] | ItemSweep[Any]


@dataclass(frozen=True)
class Consumer:
    name: str  # the durable consumer's name, unique per stream
    stream: str
    subject: str
    handle: Handler
    # Called once each event's transaction has committed (e.g. to wake readers of what it
    # wrote), after the outbox relay's own wake-up.
    after_commit: Callable[[], None] | None = None
    # The wards whose events it believes (the gateway: the registry's); None: its own ward's.
    wards: Collection[str] | None = None
    # Given, a batch's events go to it at once rather than to ``handle`` one by one.
    handle_batch: BatchHandler | None = None
    # Events fetched and applied per transaction (over 1: bus.pull_in_batches): the gateway
    # folds the whole city's stream in batches; a ward's consumers see a few events a minute.
    batch_size: int = 1


@dataclass
class ServiceDefinition:
    name: str
    title: str  # Vietnamese first (DESIGN §6)
    title_en: str
    routers: Sequence[APIRouter] = ()
    metadata: MetaData | None = None
    migrations: Path | None = None
    sweeps: Sequence[Sweep] = ()
    consumers: Callable[[Runtime], Sequence[Consumer]] = lambda runtime: ()
    ward_scoped: bool = True  # the gateway serves the whole city
    sweep_interval: float = 1.0
    # Run once NATS answers, before the link counts as up (e.g. the gateway's own stream, which
    # the outbox relay needs before its first publish).
    on_connect: Sequence[OnConnect] = ()
    # Awaited at shutdown, before the consumers, relay and database stop (e.g. ending open
    # streaming responses).
    on_stop: Sequence[Callable[[FastAPI], Awaitable[None]]] = ()
    # The rule book the service's sweeps already hold; built from the settings when None.
    rules: RuleBook | None = None
    # The service's unit of work (its repositories over the runtime's database).
    unit_of_work: Callable[[Runtime], SqlUnitOfWork] = SqlUnitOfWork


def create_app(
    definition: ServiceDefinition,
    settings: Settings | None = None,
    *,
    uow_factory: Callable[[Runtime], Any] | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    """The composition root every ``main.build`` calls. ``uow_factory`` and ``clock`` replace
    the service's unit of work and the shared clock (tests); the rest comes from settings."""
    settings = settings or get_settings()
    settings = settings.model_copy(update={"service": definition.name})
    if definition.ward_scoped:
        _refuse_a_ward_it_cannot_serve(settings)
    configure_logging(definition.name, settings.ward if definition.ward_scoped else "city")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = await _start(app, definition, settings, uow_factory, clock)
        try:
            yield
        finally:
            for stop in definition.on_stop:
                await stop(app)
            await _stop(runtime)

    app = FastAPI(
        title=f"{definition.title} — {definition.title_en}",
        description=f"{definition.title_en} service"
        + (f" of ward {settings.ward}" if definition.ward_scoped else " of the city"),
        lifespan=lifespan,
        version=service_version(f"qcdc-{definition.name}"),
        # Hand-chosen, stable ids (contracts/openapi/*.operation-ids.txt), not FastAPI's.
        generate_unique_id_function=operation_id,
        # Served from the service's own files (offline), not FastAPI's CDN pages.
        docs_url=None,
        redoc_url=None,
    )
    app.state.ward = settings.ward if definition.ward_scoped else None
    # What `qcdc migrate` reads of the app an entry point declares (its revisions, its database).
    app.state.definition, app.state.settings = definition, settings
    app.state.verifier = TokenVerifier(settings)
    app.state.rules = definition.rules or RuleBook.from_settings(settings)
    app.state.city = CityStateHolder()
    app.add_middleware(RefuseWritesWhileBuilding, holder=app.state.city)
    app.state.rate_limits = RateLimits(settings)
    app.state.stream_slots = StreamSlots(
        per_client=settings.stream_connections_per_client, total=settings.stream_connections_total
    )
    app.add_middleware(BodyLimit, max_bytes=settings.request_body_max_bytes)
    install_problem_handlers(app)
    install_openapi(app)
    install_docs(app)
    app.include_router(_health_router(definition, settings))
    # After the other middleware: its request counts are the outermost (GET /metrics).
    install_metrics(
        app, service=definition.name, ward=settings.ward if definition.ward_scoped else "city"
    )
    for router in definition.routers:
        app.include_router(router)
    return app


def _refuse_a_ward_it_cannot_serve(settings: Settings) -> None:
    known: list[str] = []
    if settings.env == "production":
        try:
            known = [ward.slug for ward in load_registry(settings.registry_file).wards]
        except (OSError, ValueError) as error:
            raise StartRefused([f"QCDC_REGISTRY_FILE={settings.registry_file}: {error}"]) from None
    problems = settings.ward_problems(known)
    if problems:
        raise StartRefused(problems)


async def _start(
    app: FastAPI,
    definition: ServiceDefinition,
    settings: Settings,
    uow_factory: Callable[[Runtime], Any] | None,
    clock: Clock | None,
) -> Runtime:
    url = settings.database_url_for(service=definition.name)
    if settings.migrate_at_start:
        await upgrade(
            url,
            service_versions=definition.migrations,
            target_metadata=[m for m in (infrastructure_metadata, definition.metadata) if m],
        )
    else:  # a deployment's job migrated it (`qcdc migrate`): only check it did
        await require_head(
            url,
            service=definition.name,
            ward=settings.ward if definition.ward_scoped else None,
            service_versions=definition.migrations,
        )
    engine = make_engine(url)
    setup_telemetry(definition.name, ward=settings.ward, app=app, engine=engine)
    sessionmaker = make_sessionmaker(engine)
    link = NatsLink(
        settings.nats_url,
        name=f"qcdc-{settings.ward}-{definition.name}",
        credentials=settings.nats_credentials(),
    )
    if definition.ward_scoped:

        async def streams(client: Client) -> None:
            await ensure_ward_streams(client.jetstream(), settings.ward)

        link.on_connect(streams)
    for callback in definition.on_connect:
        link.on_connect(callback)
    runtime = Runtime(
        settings=settings,
        service=definition.name,
        engine=engine,
        sessionmaker=sessionmaker,
        clock=clock or make_clock(settings, link, app.state.city),
        link=link,
        relay=OutboxRelay(sessionmaker, link.publish),
        verifier=app.state.verifier,
        city=app.state.city,
        unit_of_work=uow_factory or definition.unit_of_work,
    )
    app.state.runtime = runtime
    app.state.metrics.attach(runtime)
    runtime.tasks += [
        asyncio.create_task(link.run(), name="nats-link"),
        asyncio.create_task(runtime.relay.run(), name="outbox-relay"),
    ]
    if definition.sweeps:
        runtime.tasks.append(
            asyncio.create_task(_sweep_forever(runtime, definition), name="sweeper")
        )
    consumers = definition.consumers(runtime)
    runtime.consumes = bool(consumers)
    if consumers:
        # Here, not in the consumers' task: a process that cannot find the contracts its
        # consumers check events against must fail to start, not run without consumers.
        published_contracts()
        consuming = _consume(runtime, consumers, app.state.metrics)
        runtime.tasks.append(asyncio.create_task(consuming, name="consumers"))
    return runtime


STOP_TIMEOUT_SECONDS = 5.0


async def _stop(runtime: Runtime) -> None:
    for task in runtime.tasks:
        task.cancel()
    # Bounded: a client library that swallows a cancellation must not hang the shutdown.
    _, stuck = await asyncio.wait(runtime.tasks, timeout=STOP_TIMEOUT_SECONDS)
    for task in stuck:
        log.error(
            "task %s ignored cancellation; abandoned at %s",
            task.get_name(),
            task.get_stack(limit=5),
        )
    await runtime.link.close()
    await runtime.engine.dispose()


async def _sweep_forever(runtime: Runtime, definition: ServiceDefinition) -> None:
    while True:
        for sweep in definition.sweeps:
            try:
                if isinstance(sweep, ItemSweep):
                    await sweep_each(runtime.uow, sweep)
                    continue
                async with runtime.uow() as uow:
                    await sweep(uow)
            except Exception:  # one failing sweep never blocks the others
                log.exception("sweep %s failed", getattr(sweep, "__name__", sweep))
        await asyncio.sleep(definition.sweep_interval)


async def _consume(
    runtime: Runtime, consumers: Sequence[Consumer], metrics: ServiceMetrics
) -> None:
    """Start the FastStream broker once NATS answers; its client reconnects by itself."""
    middleware = nats_telemetry_middleware()
    credentials = runtime.settings.nats_credentials()
    broker = NatsBroker(
        runtime.settings.nats_url,
        security=NatsUserPassword(credentials["user"], credentials["password"])
        if credentials
        else None,
        max_reconnect_attempts=-1,
        reconnect_time_wait=1,
        middlewares=[middleware] if middleware else [],
        # FastStream's "Received"/"Processed" lines per message: two INFO lines per event
        # cost more than folding it; they stay available at DEBUG.
        log_level=logging.DEBUG,
    )
    batched: list[tuple[Consumer, IdempotentConsumer]] = []
    for spec in consumers:
        consumer = IdempotentConsumer(
            name=spec.name,
            ward=runtime.ward if runtime.ward else "city",
            sessionmaker=runtime.sessionmaker,
            handle=spec.handle,
            publish=runtime.link.publish,
            after_commit=_after_commit(runtime, spec),
            wards=spec.wards,
            handle_batch=spec.handle_batch,
        )
        if spec.batch_size > 1:
            batched.append((spec, consumer))
        else:
            durable_subscriber(
                broker,
                consumer,
                stream=spec.stream,
                subject=spec.subject,
                deliveries=metrics.watch(name=spec.name, stream=spec.stream, consumer=consumer),
            )
    await runtime.link.wait_connected()
    client = runtime.link.client
    assert client is not None  # linked
    pullers = [
        asyncio.create_task(
            pull_in_batches(
                client,
                consumer,
                stream=spec.stream,
                subject=spec.subject,
                batch_size=spec.batch_size,
                deliveries=metrics.watch(name=spec.name, stream=spec.stream, consumer=consumer),
            ),
            name=f"consumer-{spec.name}",
        )
        for spec, consumer in batched
    ]
    if len(batched) == len(consumers):  # nothing for FastStream to run
        try:
            await asyncio.gather(*pullers)
        finally:
            for puller in pullers:
                puller.cancel()
        return
    delay = 0.5
    while True:
        try:
            await broker.start()
            break
        except Exception as error:  # the stream may not exist yet (the launcher makes it)
            log.warning("consumers not started (%s); retrying in %.1fs", error, delay)
            with contextlib.suppress(Exception):
                await broker.stop()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)
    try:
        await asyncio.Event().wait()
    finally:
        for puller in pullers:
            puller.cancel()
        # Stopping while FastStream still reconnects after a broker restart raises: the service
        # stops all the same, and nothing is left to acknowledge.
        with contextlib.suppress(Exception):
            await broker.stop()


def _after_commit(runtime: Runtime, spec: Consumer) -> Callable[[], None]:
    def committed() -> None:
        runtime.relay.notify()
        if spec.after_commit is not None:
            spec.after_commit()

    return committed


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def _runtime(request: Request) -> Runtime:
    # A coroutine, because FastAPI runs a plain ``def`` dependency in its thread pool: a thread
    # hop per request for a field read (``runtime_of`` stays plain for direct callers).
    return runtime_of(request)


RuntimeDep = Annotated[Runtime, Depends(_runtime)]


async def unit_of_work(request: Request) -> AsyncIterator[SqlUnitOfWork]:
    """The service's own unit of work for one request (a route types it with the service's
    protocol, e.g. ``Annotated[PublicityUnitOfWork, Depends(unit_of_work)]``)."""
    async with runtime_of(request).uow() as uow:
        yield uow


UnitOfWorkDep = Annotated[SqlUnitOfWork, Depends(unit_of_work)]


async def rule_book(request: Request) -> RuleBook:
    """The city's rule table and working calendar, built once per app by ``create_app``
    (a coroutine, so FastAPI does not hop to a thread for it)."""
    rules: RuleBook = request.app.state.rules
    return rules


RuleBookDep = Annotated[RuleBook, Depends(rule_book)]


def _health_router(definition: ServiceDefinition, settings: Settings) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/health", **public(), summary="Tình trạng dịch vụ — service health")
    async def health(runtime: RuntimeDep) -> dict[str, Any]:
        async with runtime.sessionmaker() as session:
            await session.execute(text("SELECT 1"))
            backlog = await outbox_backlog(session)
        stats = runtime.relay.stats
        return {
            "status": "ok" if runtime.link.connected else "degraded",
            "service": definition.name,
            "ward": settings.ward if definition.ward_scoped else None,
            "database": "ok",
            "nats": {"connected": runtime.link.connected},
            "outbox": {
                "backlog": backlog,
                "published": stats.published,
                "duplicates": stats.duplicates,
                "last_error": stats.last_error,
            },
            "clock": {"now": runtime.clock.now().astimezone(LOCAL_TZ).isoformat()},
            "city": runtime.city.state.public().model_dump(),
        }

    @router.get("/livez", **public(), summary="Tiến trình còn chạy — the process answers")
    async def livez() -> dict[str, str]:
        return {"status": "ok"}

    @router.get(
        "/readyz",
        **public(),
        summary="Sẵn sàng nhận yêu cầu ghi — ready for a user's writes",
        responses={503: {"description": "Not ready: the reasons are in `checks`."}},
    )
    async def readyz(runtime: RuntimeDep) -> JSONResponse:
        """Ready when a user's write would succeed: the database answers, the city is not
        being built (DESIGN §10), for a service with consumers NATS is linked, and in development
        the clock follows the shared clock."""
        checks: dict[str, Any] = {
            "database": "ok",
            "city": runtime.city.state.public().model_dump(),
        }
        ready = not runtime.city.state.building
        try:
            async with runtime.sessionmaker() as session:
                await session.execute(text("SELECT 1"))
        except Exception as error:  # the answer, not a crash: say which check failed
            checks["database"] = f"unavailable: {type(error).__name__}"
            ready = False
        if runtime.consumes:
            checks["nats"] = "ok" if runtime.link.connected else "not connected"
            ready = ready and runtime.link.connected
        # A development service dates by the shared clock: until its first word arrives the
        # machine's time would date a user's write wrongly (production follows nothing).
        followed = getattr(runtime.clock, "followed", True)
        checks["clock"] = "ok" if followed else "waiting for the shared clock"
        ready = ready and followed
        body = {"ready": ready, "service": definition.name, "checks": checks}
        headers = {} if ready else {"Retry-After": str(RETRY_AFTER_SECONDS)}
        return JSONResponse(body, status_code=200 if ready else 503, headers=headers)

    return router
