"""Composition root of the publicity service: settings → database, NATS, clock → app."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from qcdc_publicity import consumers
from qcdc_publicity.adapters.db import metadata
from qcdc_publicity.api import consultations, ledger, postings
from qcdc_publicity.handlers.postings import expire_postings
from qcdc_publicity.handlers.quarterly import publish_quarterly_list
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import Runtime, UnitOfWork
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    rules = RuleBook.from_settings(settings)

    async def expire(uow: UnitOfWork) -> None:
        await expire_postings(uow, rules)

    async def quarterly(uow: UnitOfWork) -> None:
        await publish_quarterly_list(uow, rules)

    def consume(runtime: Runtime) -> list[consumers.Consumer]:
        return consumers.consumers(runtime, rules)

    definition = ServiceDefinition(
        name="publicity",
        title="Công khai thông tin",
        title_en="Publicity",
        routers=[postings.router, consultations.router, ledger.router],
        metadata=metadata,
        migrations=MIGRATIONS,
        rules=rules,
        sweeps=[expire, quarterly],
        consumers=consume,
    )
    app = create_app(definition, settings)
    return app


app = build()
