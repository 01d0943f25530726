"""The inspection board's and the Front's pages under /p/{ward}/giam-sat: an overview,
violations with their evidence events, recommendations with their answer clocks (OVS-ANSWER),
inspections and findings, the identity-access log (DEN-SECRET).

Only a signed-in inspector or Front member of the ward sees them (anyone else: the sign-in
page, or a 403 page); every read and action goes to the ward's services with the person's own
session token, so the services decide as they do for the API.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from qcdc_gateway.portal import (
    inspector_inspections,
    inspector_recommendations,
    inspector_violations,
)
from qcdc_gateway.portal.inspector_common import show
from qcdc_gateway.portal.inspector_inspections import OPTIONAL as INSPECTION_OPTIONAL
from qcdc_gateway.portal.inspector_recommendations import ANSWER, recommendation_view
from qcdc_gateway.portal.staff import (
    LIMIT,
    OVERSIGHT,
    answering,
    cursor,
    gate,
    read_page,
    rule_figure,
    today,
    with_optional,
)
from qcdc_shared.auth import public

router = APIRouter(prefix="/p/{ward}", tags=["portal"], include_in_schema=False)


@router.get("/giam-sat", response_class=HTMLResponse, **public())
@answering
async def overview(ward: str, request: Request) -> Response:
    found, principal = gate(request, ward, OVERSIGHT)

    async def total(path: str, status: str) -> int:
        page = await read_page(
            request, found, "oversight", path, params={"status": status, "limit": 1}
        )
        return int(page["total"])

    awaiting = await read_page(
        request, found, "oversight", "/recommendations", params={"status": "issued", "limit": LIMIT}
    )
    on = today(request)
    waiting = [recommendation_view(r, on) for r in awaiting["items"]]
    waiting.sort(key=lambda r: (r["clock"]["due"] is None, r["clock"]["due"] or on))
    under_way = await read_page(
        request, found, "oversight", "/inspections", params={"status": "open", "limit": LIMIT}
    )
    return show(
        request,
        "portal_oversight_home.html",
        {
            "ward": found,
            "role": principal.role,
            "open_violations": await total("/violations", "open"),
            "acknowledged_violations": await total("/violations", "acknowledged"),
            "proposed": await total("/recommendations", "proposed"),
            "awaiting": waiting,
            "awaiting_total": awaiting["total"],
            "inspections": [with_optional(i, INSPECTION_OPTIONAL) for i in under_way["items"]],
            "figure": rule_figure(request, ANSWER),
        },
    )


@router.get("/giam-sat/nhat-ky-danh-tinh", response_class=HTMLResponse, **public())
@answering
async def identity_access_log(ward: str, request: Request) -> Response:
    """Who opened, or tried to open, a sealed identity, when, for which petition, and with
    what outcome: the petitions service's log, read as the board or the Front (DEN-SECRET).
    The identity itself is never read here."""
    found, _ = gate(request, ward, OVERSIGHT)
    path = "/identity-access-log"
    page = await read_page(request, found, "petitions", path, params=cursor(request))
    return show(
        request,
        "portal_oversight_identity_log.html",
        {
            "ward": found,
            "entries": page["items"],
            "total": page["total"],
            "next_cursor": page["next_cursor"],
        },
    )


for area in (inspector_violations, inspector_recommendations, inspector_inspections):
    router.include_router(area.router)
