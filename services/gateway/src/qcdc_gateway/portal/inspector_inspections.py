"""Inspections and their findings: ``/p/{ward}/giam-sat/kiem-tra``.

The board (inspector) files a plan (OVS-PLAN), opens it on its start day, records findings
with their evidence and closes it with a report (oversight api/inspections.py); the Front
reads them.
"""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from qcdc_gateway.portal.inspector_common import show
from qcdc_gateway.portal.rendering import translator
from qcdc_gateway.portal.staff import (
    OVERSIGHT,
    after,
    answering,
    create,
    cursor,
    gate,
    posted,
    read_one,
    read_page,
    refused_status,
    rule_figure,
    send,
    typed_of,
    with_optional,
)
from qcdc_gateway.portal.texts_inspector import EVIDENCE_KINDS
from qcdc_shared.auth import Principal, public
from qcdc_shared.registry import Ward

router = APIRouter()

PLAN: Final = "OVS-PLAN"
PLAN_FIELDS: Final = ("title", "scope", "start_on", "filed_on")
FINDING_FIELDS: Final = ("title", "detail", "evidence_kind", "evidence_id")
# What the oversight service may leave out of an inspection; the templates test each.
OPTIONAL: Final = (
    "scope",
    "start_on",
    "filed_on",
    "plan_deadline",
    "opened_at",
    "closed_at",
    "report",
    "findings",
)


async def inspections_page(
    request: Request,
    found: Ward,
    principal: Principal,
    *,
    typed: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    page = await read_page(request, found, "oversight", "/inspections", params=cursor(request))
    return show(
        request,
        "portal_oversight_inspections.html",
        {
            "ward": found,
            "inspections": [with_optional(item, OPTIONAL) for item in page["items"]],
            "total": page["total"],
            "next_cursor": page["next_cursor"],
            "figure": rule_figure(request, PLAN),
            "role": principal.role,
            "typed": typed or dict.fromkeys(PLAN_FIELDS, ""),
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/giam-sat/kiem-tra", response_class=HTMLResponse, **public())
@answering
async def inspections(ward: str, request: Request) -> Response:
    found, principal = gate(request, ward, OVERSIGHT)
    return await inspections_page(request, found, principal)


@router.post("/giam-sat/kiem-tra", **public())
@answering
async def file_plan(ward: str, request: Request) -> Response:
    found, principal, form = await posted(request, ward, OVERSIGHT)
    typed = typed_of(form, PLAN_FIELDS)
    made = await create(request, found, "oversight", "/inspections", typed, optional={"filed_on"})
    if isinstance(made, str):
        return after(f"/p/{ward}/giam-sat/kiem-tra/{quote(made, safe='')}", "filed")
    return await inspections_page(
        request,
        found,
        principal,
        typed=typed,
        error=made.message(translator(request).lang),
        status_code=refused_status(made),
    )


async def inspection_page(
    request: Request,
    found: Ward,
    principal: Principal,
    inspection_id: str,
    *,
    typed: dict[str, str] | None = None,
    error: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    path = f"/inspections/{quote(inspection_id, safe='')}"
    inspection = with_optional(await read_one(request, found, "oversight", path), OPTIONAL)
    return show(
        request,
        "portal_oversight_inspection.html",
        {
            "ward": found,
            "inspection": inspection,
            "role": principal.role,
            "evidence_kinds": EVIDENCE_KINDS,
            "typed": typed or {**dict.fromkeys(FINDING_FIELDS, ""), "report": ""},
            "error": error,
        },
        status_code=status_code,
    )


@router.get("/giam-sat/kiem-tra/{inspection_id}", response_class=HTMLResponse, **public())
@answering
async def inspection(ward: str, inspection_id: str, request: Request) -> Response:
    found, principal = gate(request, ward, OVERSIGHT)
    return await inspection_page(request, found, principal, inspection_id)


async def _act(
    request: Request,
    found: Ward,
    principal: Principal,
    inspection_id: str,
    *,
    action: str,
    done_key: str,
    body: Any = None,
    typed: dict[str, str] | None = None,
) -> Response:
    """One action on an inspection; its page again with the service's message if refused."""
    path = f"/inspections/{quote(inspection_id, safe='')}/{action}"
    reply = await send(request, found, "oversight", path, body)
    if reply.ok:
        return after(f"/p/{found.slug}/giam-sat/kiem-tra/{inspection_id}", done_key)
    return await inspection_page(
        request,
        found,
        principal,
        inspection_id,
        typed=typed,
        error={"form": action, "message": reply.message(translator(request).lang)},
        status_code=refused_status(reply),
    )


@router.post("/giam-sat/kiem-tra/{inspection_id}/bat-dau", **public())
@answering
async def open_inspection(ward: str, inspection_id: str, request: Request) -> Response:
    found, principal, _ = await posted(request, ward, OVERSIGHT)
    return await _act(request, found, principal, inspection_id, action="open", done_key="opened")


@router.post("/giam-sat/kiem-tra/{inspection_id}/phat-hien", **public())
@answering
async def record_finding(ward: str, inspection_id: str, request: Request) -> Response:
    found, principal, form = await posted(request, ward, OVERSIGHT)
    typed = typed_of(form, FINDING_FIELDS)
    evidence = (
        [{"kind": typed["evidence_kind"], "id": typed["evidence_id"]}]
        if typed["evidence_id"]
        else []
    )
    return await _act(
        request,
        found,
        principal,
        inspection_id,
        action="findings",
        done_key="finding",
        body={"title": typed["title"], "detail": typed["detail"], "evidence": evidence},
        typed={**typed, "report": ""},
    )


@router.post("/giam-sat/kiem-tra/{inspection_id}/ket-thuc", **public())
@answering
async def close_inspection(ward: str, inspection_id: str, request: Request) -> Response:
    found, principal, form = await posted(request, ward, OVERSIGHT)
    report = form.get("report", "").strip()
    return await _act(
        request,
        found,
        principal,
        inspection_id,
        action="close",
        done_key="closed",
        body={"report": report},
        typed={**dict.fromkeys(FINDING_FIELDS, ""), "report": report},
    )
