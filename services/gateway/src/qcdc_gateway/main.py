"""Composition root of the city gateway: registry, projections database, QCDC_CITY consumer,
and the city's queue, whose events go to the city's own stream."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from nats.aio.client import Client

from qcdc_gateway.adapters.db import metadata
from qcdc_gateway.api import city, escalations, events, exports, proxy, wards
from qcdc_gateway.consumers import consumers
from qcdc_gateway.web import STATIC, pages
from qcdc_shared.registry import load_registry
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings
from qcdc_shared.streams import ensure_city_events_stream

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


async def city_events_stream(client: Client) -> None:
    # The outbox relay publishes qcdc.city.gateway.escalation.*: without a stream capturing
    # qcdc.city.> those publishes fail, so the gateway makes it itself, not only the launcher.
    await ensure_city_events_stream(client.jetstream())


DEFINITION = ServiceDefinition(
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
        pages.router,  # the dashboard: /, /wards/{slug}, /queue
        proxy.router,
    ],
    metadata=metadata,
    migrations=MIGRATIONS,
    consumers=consumers,
    ward_scoped=False,
    on_connect=[city_events_stream],
)


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    feed = events.EventFeed()
    definition = replace(DEFINITION, consumers=partial(consumers, committed=feed.notify))
    # The city's own database: the template's {ward} becomes "city".
    app = create_app(definition, settings.model_copy(update={"ward": "city"}))
    app.state.registry = load_registry(settings.registry_file)
    app.state.event_feed = feed
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _stop_streams_and_proxy_first(app, feed)
    return app


def _stop_streams_and_proxy_first(app: FastAPI, feed: events.EventFeed) -> None:
    """At shutdown, end the open /api/stream responses and close the proxy's connections
    before the service stops its consumer and database. (uvicorn runs the shutdown only once
    open responses end, or once its --timeout-graceful-shutdown has cancelled them.)"""
    service_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with service_lifespan(app):
            try:
                yield
            finally:
                feed.close()
                await proxy.close_client(app)

    app.router.lifespan_context = lifespan


app = build()
