"""Composition root of the plans service: settings → database, NATS, clock, rule book → app."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from qcdc_plans.adapters.tables import metadata
from qcdc_plans.api import register
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    rules = RuleBook.from_settings(settings)
    definition = ServiceDefinition(
        name="plans",
        title="Kế hoạch thực hiện QCDC",
        title_en="Plans",
        routers=[register.router],
        metadata=metadata,
        migrations=MIGRATIONS,
        sweeps=[],
    )
    app = create_app(definition, settings)
    app.state.rules = rules
    return app


app = build()
