"""Composition root of the petitions service: settings → database, NATS, clock → app.

Alive with its database, migrations, outbox relay and health; its domain arrives with its
own issue.
"""

from __future__ import annotations

from fastapi import FastAPI

from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

DEFINITION = ServiceDefinition(
    name="petitions", title="Phản ánh, kiến nghị, khiếu nại, tố cáo", title_en="Petitions"
)


def build(settings: Settings | None = None) -> FastAPI:
    return create_app(DEFINITION, settings or get_settings())


app = build()
