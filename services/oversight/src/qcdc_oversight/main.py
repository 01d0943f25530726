"""Composition root of the oversight service: settings → database, NATS, clock → app.

Alive with its database, migrations, outbox relay and health; its domain arrives with its
own issue.
"""

from __future__ import annotations

from fastapi import FastAPI

from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings, get_settings

DEFINITION = ServiceDefinition(name="oversight", title="Giám sát, kiểm tra", title_en="Oversight")


def build(settings: Settings | None = None) -> FastAPI:
    return create_app(DEFINITION, settings or get_settings())


app = build()
