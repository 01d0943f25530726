"""Composition root of the plans service: settings → database, NATS, clock, rule book → app."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from qcdc_plans.adapters.tables import metadata
from qcdc_plans.api import conferences, decisions, initiatives, plan_reads, plans, register
from qcdc_plans.handlers.overdue import sweep_overdue_tasks
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import UnitOfWork
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    rules = RuleBook.from_settings(settings)

    async def overdue_tasks(uow: UnitOfWork) -> None:
        await sweep_overdue_tasks(uow)

    definition = ServiceDefinition(
        name="plans",
        title="Kế hoạch thực hiện QCDC",
        title_en="Plans",
        routers=[
            register.router,
            plans.router,
            plan_reads.router,
            decisions.router,
            conferences.router,
            initiatives.router,
        ],
        metadata=metadata,
        migrations=MIGRATIONS,
        rules=rules,
        sweeps=[overdue_tasks],
    )
    app = create_app(definition, settings)
    return app


app = build()
