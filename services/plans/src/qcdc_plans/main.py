"""Composition root of the plans service: settings → database, NATS, clock, rule book → app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from qcdc_plans.adapters.tables import metadata
from qcdc_plans.api import conferences, decisions, initiatives, plans, register
from qcdc_plans.handlers.plans import OVERDUE_TASKS
from qcdc_plans.unit_of_work import SqlPlansUnitOfWork
from qcdc_shared.clock import Clock
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations" / "versions"


def build(
    settings: Settings | None = None,
    *,
    uow_factory: Callable[[Runtime], Any] | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    definition = ServiceDefinition(
        name="plans",
        title="Kế hoạch thực hiện QCDC",
        title_en="Plans",
        routers=[
            register.router,
            plans.router,
            decisions.router,
            conferences.router,
            initiatives.router,
        ],
        metadata=metadata,
        migrations=MIGRATIONS,
        rules=RuleBook.from_settings(settings),
        sweeps=[OVERDUE_TASKS],
        unit_of_work=SqlPlansUnitOfWork,
    )
    return create_app(definition, settings, uow_factory=uow_factory, clock=clock)


app = build()
