"""Swagger UI (``/docs``) and ReDoc (``/redoc``) served from the service's own files, so the
API's documentation works with no network beyond the service (a city office offline, an air-
gapped review). FastAPI's defaults load both from a CDN and show a blank page offline.

Swagger UI comes from the ``swagger-ui-bundle-v2`` wheel (pinned in ``uv.lock``); ReDoc, which
is published on npm only, is vendored with its licence in ``static/`` (see its README).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from fastapi import FastAPI
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

ASSETS: Final = "/docs/assets"  # both viewers' files, one mount (one access-matrix row)
DOCS: Final = "/docs"
OAUTH2_REDIRECT: Final = "/docs/oauth2-redirect"
REDOC: Final = "/redoc"
VENDORED: Final = Path(__file__).parent / "static"
REDOC_VERSION: Final = "2.5.4"
REDOC_SHA256: Final = "dcaf76612bc4a3fbcc923a8966dee2f6146a5f32e5ce1b6f02dd60cbbf89500b"

# The viewers load nothing from another origin: a browser that honours the policy refuses it
# even if a future bundle tried. Both start from an inline script and style with inline
# styles (FastAPI's pages, styled-components); ReDoc searches in a blob: worker.
SECURITY_HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        "worker-src 'self' blob:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
}


def install_docs(app: FastAPI) -> None:
    """Serve ``/docs``, ``/docs/oauth2-redirect``, ``/redoc`` and their assets; build the app
    with ``docs_url=None, redoc_url=None`` so FastAPI's CDN pages are not added too."""
    assert app.docs_url is None and app.redoc_url is None, "FastAPI's CDN pages are on"
    app.mount(ASSETS, _assets(), name="docs-assets")

    def prefix(request: Request) -> str:
        # Behind a proxy that sets root_path, links must carry it (as FastAPI's own pages do).
        return str(request.scope.get("root_path", "")).rstrip("/")

    async def swagger_ui(request: Request) -> HTMLResponse:
        root = prefix(request)
        page = get_swagger_ui_html(
            openapi_url=root + str(app.openapi_url),
            title=f"{app.title} — Swagger UI",
            swagger_js_url=f"{root}{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS}/favicon-32x32.png",
            oauth2_redirect_url=root + OAUTH2_REDIRECT,
        )
        page.headers.update(SECURITY_HEADERS)
        return page

    async def oauth2_redirect(request: Request) -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    async def redoc(request: Request) -> HTMLResponse:
        root = prefix(request)
        page = get_redoc_html(
            openapi_url=root + str(app.openapi_url),
            title=f"{app.title} — ReDoc",
            redoc_js_url=f"{root}{ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS}/favicon-32x32.png",
            with_google_fonts=False,
        )
        page.headers.update(SECURITY_HEADERS)
        return page

    app.add_route(DOCS, swagger_ui, include_in_schema=False)
    app.add_route(OAUTH2_REDIRECT, oauth2_redirect, include_in_schema=False)
    app.add_route(REDOC, redoc, include_in_schema=False)


def _assets() -> StaticFiles:
    # One mount over both folders: the wheel's Swagger UI first, then the vendored ReDoc.
    swagger = Path(str(swagger_ui_path))
    return StaticFiles(
        packages=[
            ("swagger_ui_bundle", str(swagger.relative_to(swagger.parents[1]))),
            (__package__ or "qcdc_shared.api", VENDORED.name),
        ]
    )
