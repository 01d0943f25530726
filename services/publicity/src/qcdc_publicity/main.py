"""Composition root of the publicity service: settings → database, NATS, clock → app."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from qcdc_publicity.adapters.db import metadata
from qcdc_publicity.api import router
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"

DEFINITION = ServiceDefinition(
    name="publicity",
    title="Công khai thông tin",
    title_en="Publicity",
    routers=[router],
    metadata=metadata,
    migrations=MIGRATIONS,
)


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = create_app(DEFINITION, settings)
    app.state.rules = RuleBook.from_settings(settings)
    return app


app = build()
