"""Composition root of the oversight service: settings → database, NATS, clock, rule book →
app, with the detector consuming the ward's whole stream."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from qcdc_oversight import consumers
from qcdc_oversight.adapters.tables import metadata
from qcdc_oversight.api import board, inspections, recommendations, violations
from qcdc_oversight.handlers.recommendations import escalate_overdue
from qcdc_oversight.unit_of_work import SqlOversightUnitOfWork
from qcdc_shared.clock import Clock
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import Consumer, ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations" / "versions"


def build(
    settings: Settings | None = None,
    *,
    uow_factory: Callable[[Runtime], Any] | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    rules = RuleBook.from_settings(settings)

    def consume(runtime: Runtime) -> list[Consumer]:
        return consumers.consumers(runtime, rules)

    definition = ServiceDefinition(
        name="oversight",
        title="Giám sát, kiểm tra",
        title_en="Oversight",
        routers=[violations.router, board.router, inspections.router, recommendations.router],
        metadata=metadata,
        migrations=MIGRATIONS,
        rules=rules,
        sweeps=[escalate_overdue],
        consumers=consume,
        unit_of_work=SqlOversightUnitOfWork,
    )
    return create_app(definition, settings, uow_factory=uow_factory, clock=clock)


app = build()
