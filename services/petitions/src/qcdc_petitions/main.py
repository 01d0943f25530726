"""Composition root of the petitions service: settings → database, NATS, clock, rule book,
identity sealer → app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from qcdc_petitions.adapters.tables import metadata
from qcdc_petitions.api import (
    complaints,
    identity,
    petitions,
    reads,
    reception_entries,
    receptions,
)
from qcdc_petitions.handlers.clocks import OVERDUE_SWEEP
from qcdc_petitions.handlers.receptions import sweep_receptions
from qcdc_petitions.settings import PetitionsSettings
from qcdc_petitions.unit_of_work import SqlPetitionsUnitOfWork
from qcdc_shared.clock import Clock
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.runtime import Runtime
from qcdc_shared.sealing import Sealer
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations" / "versions"


def build(
    settings: Settings | None = None,
    *,
    uow_factory: Callable[[Runtime], Any] | None = None,
    clock: Clock | None = None,
    ward_settings: PetitionsSettings | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    definition = ServiceDefinition(
        name="petitions",
        title="Phản ánh, kiến nghị, khiếu nại, tố cáo",
        title_en="Petitions",
        # reads before commands: /petitions/counts and /petitions/track/… before /{id}.
        routers=[
            reads.router,
            petitions.router,
            complaints.router,
            identity.router,
            receptions.router,
            reception_entries.router,
        ],
        metadata=metadata,
        migrations=MIGRATIONS,
        rules=RuleBook.from_settings(settings),
        sweeps=[OVERDUE_SWEEP, sweep_receptions],
        unit_of_work=SqlPetitionsUnitOfWork,
    )
    app = create_app(definition, settings, uow_factory=uow_factory, clock=clock)
    # Built at start so a wrong identity key stops the service instead of a later request.
    app.state.sealer = Sealer.from_settings(settings)
    app.state.ward_settings = ward_settings or PetitionsSettings()
    return app


app = build()
