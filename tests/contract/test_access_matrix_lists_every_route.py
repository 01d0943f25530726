"""The access matrix (``docs/access-matrix.csv``) lists exactly the routes the apps serve: a new
route without its row fails here, and so does a row whose route is gone. Its cells are checked
against running services by ``tests/integration/test_access_matrix.py``."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import Mount

from qcdc_shared.api import routes_without_access
from qcdc_shared.settings import Settings

from ..apps import BUILDERS, CALLERS, MATRIX

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]
VERDICTS = {"401", "403", "ok"}


def matrix() -> list[dict[str, str]]:
    with MATRIX.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def app_of(service: str, tmp_path: Path) -> FastAPI:
    """The app as its process builds it; built, never started (no database, no broker)."""
    settings = Settings(
        env="development",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{service}}.db",
        registry_file=str(ROOT / "deploy" / "wards.toml"),
    )
    return BUILDERS[service](settings)


def served(app: FastAPI) -> set[tuple[str, str]]:
    """``(METHOD, path)`` of everything the app answers: its API and pages, the OpenAPI
    document and its viewers, and mounted static files (HEAD goes with GET)."""
    found: set[tuple[str, str]] = set()
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, Mount):
            found.add(("GET", f"{route.path}/{{path}}"))
            continue
        path = context.path_format
        assert path is not None, route
        found |= {(method, path) for method in (context.methods or set()) - {"HEAD"}}
    return found


@pytest.mark.parametrize("service", BUILDERS)
def test_the_matrix_lists_every_route_and_only_those(service: str, tmp_path: Path) -> None:
    app = app_of(service, tmp_path)
    listed = {(row["method"], row["path"]) for row in matrix() if row["service"] == service}
    live = served(app)
    unlisted, gone = sorted(live - listed), sorted(listed - live)
    assert (unlisted, gone) == ([], []), (
        f"{service}: routes the table lacks {unlisted}; rows for routes gone {gone} "
        f"({MATRIX.relative_to(ROOT)})"
    )
    assert routes_without_access(app) == []
    assert all(
        "x-access" in (context.original_route.openapi_extra or {})
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute)
    ), "every page declares its access too, shown in OpenAPI or not"


def test_every_row_is_one_route_and_every_cell_a_verdict() -> None:
    rows = matrix()
    assert set(rows[0]) == {"service", "method", "path", *CALLERS, "note"}
    keys = Counter((row["service"], row["method"], row["path"]) for row in rows)
    assert [key for key, count in keys.items() if count > 1] == []
    assert {row["service"] for row in rows} == set(BUILDERS)
    bad = [
        (row["service"], row["method"], row["path"], caller, row[caller])
        for row in rows
        for caller in CALLERS
        if row[caller] not in VERDICTS
    ]
    assert bad == []
    # No token can be the wrong role: an anonymous caller is refused with 401 or let in. The
    # portal's forms are the exception: without the form's CSRF token and cookie, which no
    # caller of the matrix has, each is refused with 403 whoever sends it.
    assert [row["path"] for row in rows if row["anonymous"] == "403" and not portal_form(row)] == []


def portal_form(row: dict[str, str]) -> bool:
    path = row["path"]
    return (
        row["service"] == "gateway"
        and row["method"] == "POST"
        and (path in ("/dang-nhap", "/dang-xuat") or path.startswith("/p/{ward}/"))
    )


def test_the_matrix_page_counts_the_rows_of_the_csv() -> None:
    # docs/access-matrix.md states the size of the matrix; a route added without it goes stale.
    page = (ROOT / "docs" / "access-matrix.md").read_text(encoding="utf-8")
    found = re.search(r"(\d+) routes × (\d+)\s+callers = \*\*([\d,]+) cells\*\*", page)
    assert found, "docs/access-matrix.md no longer states the matrix's size"
    routes, callers, cells = (int(group.replace(",", "")) for group in found.groups())
    assert (routes, callers) == (len(matrix()), len(CALLERS))
    assert cells == routes * callers
