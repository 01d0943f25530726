"""Composition root of the city gateway: registry, projections database, QCDC_CITY consumer,
and the city's queue, whose events go to the city's own stream."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from nats.aio.client import Client

from qcdc_gateway.adapters.db import metadata
from qcdc_gateway.api import city, escalations, wards
from qcdc_gateway.consumers import consumers
from qcdc_shared.calendar import WorkingCalendar
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
    routers=[wards.router, city.router, escalations.router],
    metadata=metadata,
    migrations=MIGRATIONS,
    consumers=consumers,
    ward_scoped=False,
    on_connect=[city_events_stream],
)


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    # The city's own database: the template's {ward} becomes "city".
    app = create_app(DEFINITION, settings.model_copy(update={"ward": "city"}))
    app.state.registry = load_registry(settings.registry_file)
    app.state.calendar = WorkingCalendar.from_settings(settings)
    return app


app = build()
