"""Each route declares in OpenAPI who may call it (``x-access``); checking tokens is elsewhere."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

ROLES: Final = frozenset({"citizen", "officer", "inspector", "front", "city_monitor", "admin"})
EXTENSION: Final = "x-access"


def access(*, public: bool = False, roles: Iterable[str] = ()) -> dict[str, Any]:
    """Keyword arguments for a route decorator: ``@app.get("/x", **access(public=True))``."""
    wanted = sorted(set(roles))
    if public and wanted:
        raise ValueError("a public route needs no roles")
    if not public and not wanted:
        raise ValueError("name the roles of a non-public route, or make it public")
    unknown = set(wanted) - ROLES
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    declared: dict[str, Any] = {"public": True} if public else {"public": False, "roles": wanted}
    return {"openapi_extra": {EXTENSION: declared}}


def routes_without_access(app: FastAPI) -> list[str]:
    """``METHOD path`` of every API route that does not declare its access (for tests)."""
    missing: list[str] = []
    # FastAPI keeps an included router as one entry of ``app.routes``: walk into each.
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and route.include_in_schema:
            if EXTENSION not in (route.openapi_extra or {}):
                missing.extend(f"{method} {context.path}" for method in sorted(route.methods or ()))
    return missing
