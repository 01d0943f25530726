"""Composition root of the city gateway: registry, projections database, QCDC_CITY consumer,
and the city's queue, whose events go to the city's own stream."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from nats.aio.client import Client
from nats.js import JetStreamContext

from qcdc_gateway import consumers, webhooks
from qcdc_gateway.adapters.tables import metadata
from qcdc_gateway.api import city, escalations, events, exports, open_data, proxy, rules, wards
from qcdc_gateway.api.contract_site import router as contract_site
from qcdc_gateway.computed import ComputedViews
from qcdc_gateway.open311 import router as open311
from qcdc_gateway.portal import routes as portal
from qcdc_gateway.source_keeper import SourceKeeper
from qcdc_gateway.unit_of_work import SqlGatewayUnitOfWork
from qcdc_gateway.web import STATIC, pages
from qcdc_shared.clock import Clock
from qcdc_shared.registry import load_registry
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer, ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings
from qcdc_shared.streams import ensure_city_events_stream, ensure_city_stream

MIGRATIONS = Path(__file__).resolve().parent / "migrations" / "versions"


async def city_events_stream(client: Client) -> None:
    # The outbox relay publishes qcdc.city.gateway.escalation.*: without a stream capturing
    # qcdc.city.> those publishes fail, so the gateway makes it itself, not only the launcher.
    await ensure_city_events_stream(client.jetstream())


def city_stream(settings: Settings, wards: list[str]) -> Callable[[JetStreamContext], Any]:
    """In the hub-leaf topology the gateway owns QCDC_CITY on the hub: every registry ward's
    stream as a source in its ward's domain (made at connect, kept by the source keeper)."""

    async def ensure(js: JetStreamContext) -> None:
        if settings.nats_topology == "hub-leaf":
            await ensure_city_stream(js, wards, domains={ward: ward for ward in wards})

    return ensure


def build(
    settings: Settings | None = None,
    *,
    uow_factory: Callable[[Runtime], Any] | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    registry = load_registry(settings.registry_file)
    city_wards = frozenset(ward.slug for ward in registry.wards)
    feed = events.EventFeed()
    views = ComputedViews()

    def committed() -> None:
        views.changed()
        feed.notify()

    keeper = SourceKeeper(ensure=city_stream(settings, [ward.slug for ward in registry.wards]))

    hooks = webhooks.Webhooks(settings, wards=city_wards)

    def consume(runtime: Runtime) -> list[Consumer]:
        hooks.start(runtime)  # the webhooks' dispatcher, a runtime task: their consumer wakes it
        return consumers.consumers(
            runtime, wards=city_wards, committed=committed, webhooks_recorded=hooks.wake
        )

    async def stop_streams(app: FastAPI) -> None:
        """End the open /api/stream responses before the service stops (uvicorn runs the
        shutdown only once open responses end, or once its graceful timeout cancels them)."""
        feed.close()
        await views.close()

    definition = ServiceDefinition(
        name="gateway",
        title="Cổng giám sát thành phố",
        title_en="City gateway",
        # The proxy's /api/wards/{ward}/{service}/{path} comes last, so fixed routes win.
        routers=[
            wards.router,
            city.router,
            escalations.router,
            events.router,
            exports.router,
            open_data.router,  # the catalogue and daily snapshots of the exports
            rules.router,
            webhooks.router,  # admins' subscriptions of external systems
            pages.router,  # the dashboard: /, /wards/{slug}, /queue, /rules
            portal.router,  # the ward portal: /p/{ward}/...
            open311,  # GeoReport v2 at /open311/v2, its API keys at /api/open311 (docs/open311.md)
            contract_site,  # /contracts/: AsyncAPI (HTML), schemas, OpenAPI, changelog
            proxy.router,
        ],
        metadata=metadata,
        migrations=MIGRATIONS,
        consumers=consume,
        ward_scoped=False,
        on_connect=[city_events_stream, keeper.start],
        on_stop=[stop_streams, proxy.close_client, keeper.stop, hooks.stop],
        unit_of_work=SqlGatewayUnitOfWork,
    )
    # The city's own database: the template's {ward} becomes "city".
    app = create_app(
        definition,
        settings.model_copy(update={"ward": "city"}),
        uow_factory=uow_factory,
        clock=clock,
    )
    app.state.registry = registry
    app.state.event_feed = feed
    app.state.views = views
    app.state.webhooks = hooks
    app.state.portal_settings = settings  # the portal's sign-in and CSRF key
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


app = build()
