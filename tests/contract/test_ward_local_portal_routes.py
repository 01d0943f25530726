"""The ward-local portal (``qcdc portal --ward``, ``<ward>/portal`` in the hub-leaf topology)
serves only routes the gateway serves, each declaring the same access: the gateway's rows of
the access matrix are its rows too, and a portal page added at the city is added here with
nothing more to write."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from qcdc_gateway.portal.local import build_local_portal
from qcdc_shared.api import routes_without_access
from qcdc_shared.settings import Settings

from .test_access_matrix_lists_every_route import ROOT, app_of, served

pytestmark = pytest.mark.contract


def access(app: FastAPI) -> dict[tuple[str, str], object]:
    declared: dict[tuple[str, str], object] = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            for method in (route.methods or set()) - {"HEAD"}:
                declared[(method, str(context.path_format))] = (route.openapi_extra or {}).get(
                    "x-access"
                )
    return declared


def test_the_local_portal_serves_gateway_routes_with_the_gateways_access(
    tmp_path: Path,
) -> None:
    settings = Settings(env="development", registry_file=str(ROOT / "deploy" / "wards.toml"))
    local = build_local_portal(settings, "ben-thanh")
    gateway = app_of("gateway", tmp_path)
    # The gateway's rows list every gateway route (test_access_matrix_lists_every_route).
    assert served(local) <= served(gateway), sorted(served(local) - served(gateway))
    assert routes_without_access(local) == []
    mine, city = access(local), access(gateway)
    assert all(declared is not None for declared in mine.values())
    assert {key: value for key, value in mine.items() if city.get(key) != value} == {}
