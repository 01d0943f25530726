"""Composition root of the publicity service: settings → database, NATS, clock → app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from qcdc_publicity import consumers
from qcdc_publicity.adapters.tables import metadata
from qcdc_publicity.api import consultations, ledger, postings
from qcdc_publicity.handlers.postings import expire_postings
from qcdc_publicity.handlers.quarterly import publish_quarterly_list
from qcdc_publicity.unit_of_work import PublicityUnitOfWork, SqlPublicityUnitOfWork
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
    rules = RuleBook.from_settings(settings)

    async def expire(uow: PublicityUnitOfWork) -> None:
        await expire_postings(uow, rules)

    async def quarterly(uow: PublicityUnitOfWork) -> None:
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
        unit_of_work=SqlPublicityUnitOfWork,
    )
    return create_app(definition, settings, uow_factory=uow_factory, clock=clock)


app = build()
