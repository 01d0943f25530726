"""Every app a city runs, by service name, each built from settings as its ``main`` builds it
(for the suites that visit them all: the access matrix, hostile input, limits)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI

from qcdc_gateway.main import build as build_gateway
from qcdc_oversight.main import build as build_oversight
from qcdc_petitions.main import build as build_petitions
from qcdc_plans.main import build as build_plans
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.settings import Settings

BUILDERS: dict[str, Callable[[Settings], FastAPI]] = {
    "plans": build_plans,
    "petitions": build_petitions,
    "publicity": build_publicity,
    "oversight": build_oversight,
    "gateway": build_gateway,
}
