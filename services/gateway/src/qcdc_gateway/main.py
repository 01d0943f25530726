"""Composition root of the city gateway: registry, projections database, QCDC_CITY consumer."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from qcdc_gateway.adapters.db import metadata
from qcdc_gateway.api import city, wards
from qcdc_gateway.consumers import consumers
from qcdc_shared.calendar import WorkingCalendar
from qcdc_shared.registry import load_registry
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"

DEFINITION = ServiceDefinition(
    name="gateway",
    title="Cổng giám sát thành phố",
    title_en="City gateway",
    routers=[wards.router, city.router],
    metadata=metadata,
    migrations=MIGRATIONS,
    consumers=consumers,
    ward_scoped=False,
)


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    # The city's own database: the template's {ward} becomes "city".
    app = create_app(DEFINITION, settings.model_copy(update={"ward": "city"}))
    app.state.registry = load_registry(settings.registry_file)
    app.state.calendar = WorkingCalendar.from_settings(settings)
    return app


app = build()
