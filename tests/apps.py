"""Every app a city runs, by service name, each built from settings as its ``main`` builds it,
and who calls them (for the suites that visit them all: the access matrix, hostile input,
limits)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI

from qcdc_gateway.main import build as build_gateway
from qcdc_oversight.main import build as build_oversight
from qcdc_petitions.main import build as build_petitions
from qcdc_plans.main import build as build_plans
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.auth import ROLES_IN_ORDER
from qcdc_shared.settings import Settings

BUILDERS: dict[str, Callable[[Settings], FastAPI]] = {
    "plans": build_plans,
    "petitions": build_petitions,
    "publicity": build_publicity,
    "oversight": build_oversight,
    "gateway": build_gateway,
}

# Who may call each route: docs/access-matrix.csv, one column per caller, a role's token of the
# route's own ward or of another (docs/access-matrix.md).
MATRIX = Path(__file__).resolve().parents[1] / "docs" / "access-matrix.csv"
CALLERS = (
    "anonymous",
    *(f"{role}.{where}" for role in ROLES_IN_ORDER for where in ("own", "other")),
)
