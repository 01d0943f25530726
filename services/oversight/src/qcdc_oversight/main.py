"""Composition root of the oversight service: settings → database, NATS, clock, rule book →
app, with the detector consuming the ward's whole stream."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from qcdc_oversight import consumers
from qcdc_oversight.adapters.tables import metadata
from qcdc_oversight.api import board, inspections, recommendations, violations
from qcdc_oversight.handlers.recommendations import sweep_overdue_recommendations
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    rules = RuleBook.from_settings(settings)

    definition = ServiceDefinition(
        name="oversight",
        title="Giám sát, kiểm tra",
        title_en="Oversight",
        routers=[violations.router, board.router, inspections.router, recommendations.router],
        metadata=metadata,
        migrations=MIGRATIONS,
        rules=rules,
        sweeps=[sweep_overdue_recommendations],
        consumers=lambda runtime: consumers.consumers(runtime, rules),
    )
    app = create_app(definition, settings)
    return app


app = build()
