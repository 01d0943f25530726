"""Composition root of the petitions service: settings → database, NATS, clock, rule book,
identity sealer → app."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from qcdc_petitions.adapters.db import metadata
from qcdc_petitions.api import identity, petitions, reads, receptions
from qcdc_petitions.handlers.clocks import sweep_overdue
from qcdc_petitions.handlers.receptions import sweep_receptions
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import UnitOfWork
from qcdc_shared.sealing import Sealer
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


def build(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    rules = RuleBook.from_settings(settings)

    async def overdue(uow: UnitOfWork) -> None:
        await sweep_overdue(uow, rules)

    async def reception_clocks(uow: UnitOfWork) -> None:
        await sweep_receptions(uow, rules)

    definition = ServiceDefinition(
        name="petitions",
        title="Phản ánh, kiến nghị, khiếu nại, tố cáo",
        title_en="Petitions",
        # reads before commands: /petitions/counts and /petitions/track/… before /{id}.
        routers=[reads.router, petitions.router, identity.router, receptions.router],
        metadata=metadata,
        migrations=MIGRATIONS,
        rules=rules,
        sweeps=[overdue, reception_clocks],
    )
    app = create_app(definition, settings)
    # Built at start so a wrong identity key stops the service instead of a later request.
    app.state.sealer = Sealer.from_settings(settings)
    return app


app = build()
