"""The resident's civic pages: consultations with comments, decisions and their results, the plan
by task group, and verifying a posting's ledger proof.

Reading needs no sign-in. A comment is sent as the signed-in resident (their session's token),
so the publicity service decides who may comment and which name, if any, is shown. The two
``.json`` routes only relay what the ward's publicity service publishes (a posting's proof, the
ledger's head): the browser cannot reach a ward service, and it recomputes every hash itself
(``static/verify.js``), so the portal is trusted with nothing.
"""

from __future__ import annotations

import re
from typing import Any, Final
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from qcdc_gateway.portal.civic_views import (
    consultation_view,
    consultations_by_closing,
    decision_view,
    plan_view,
)
from qcdc_gateway.portal.common import (
    error_page,
    now_of,
    reader_of,
    rules_of,
    unavailable,
    ward_of,
    whole_number,
)
from qcdc_gateway.portal.rendering import render, translator
from qcdc_gateway.portal.session import checked_form, session_token, sign_in_first, signed_in
from qcdc_gateway.portal.texts_civic import (
    DECISION_FORMS,
    DECISION_STATUSES,
    DECISION_TOPICS,
    PLAN_STATUSES,
    POSITIONS,
    TASK_GROUPS_EN,
    TASK_STATES,
)
from qcdc_gateway.portal.wards import Reply, ServiceUnavailable
from qcdc_gateway.web.rendering import SECURITY_HEADERS
from qcdc_shared.api.limits import address_of
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.registry import Ward

router = APIRouter(prefix="/p/{ward}", tags=["portal"], include_in_schema=False)

# An id as the ward services make them (UUIDs) or as a test names them; anything else never
# reaches a ward service.
ID: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
OPEN_SHOWN: Final = 50
CLOSED_SHOWN: Final = 20
DECISIONS_SHOWN: Final = 50
PLANS_LISTED: Final = 20
COMMENT_MAX: Final = 5_000  # the publicity service's own bound decides; this sizes the box


WORDS: Final = {
    "topics": DECISION_TOPICS,
    "forms": DECISION_FORMS,
    "statuses": DECISION_STATUSES,
    "plan_statuses": PLAN_STATUSES,
    "task_states": TASK_STATES,
    "positions": POSITIONS,
    "groups_en": TASK_GROUPS_EN,
}


def _page(
    request: Request, template: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    return render(request, template, {**context, "civic": WORDS}, status_code=status_code)


async def _read(
    request: Request, ward: str, service: str, path: str, params: dict[str, Any] | None = None
) -> Any | None:
    """A public read's JSON, None for a 404; any other refusal counts as the service down."""
    reply = await reader_of(request).get(ward, service, path, params=params)
    if reply.status == 404:
        return None
    if not reply.ok:
        raise ServiceUnavailable(service)
    return reply.body


def _valid(identifier: str) -> bool:
    return bool(ID.match(identifier))


# --- consultations ---------------------------------------------------------------------


@router.get("/gop-y", response_class=HTMLResponse, **public())
async def consultations(ward: str, request: Request) -> HTMLResponse:
    found = ward_of(request, ward)
    if isinstance(found, HTMLResponse):
        return found
    lang = translator(request).lang
    try:
        opened = await _read(
            request, ward, "publicity", "/consultations", {"status": "open", "limit": OPEN_SHOWN}
        )
        closed = await _read(
            request,
            ward,
            "publicity",
            "/consultations",
            {"status": "closed", "limit": CLOSED_SHOWN},
        )
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    views = consultations_by_closing(
        [*(opened or {}).get("items", []), *(closed or {}).get("items", [])], lang=lang
    )
    return _page(
        request,
        "portal_civic_consultations.html",
        {
            "ward": found,
            "open": [v for v in views if v["open"]],
            "closed": [v for v in views if not v["open"]],
        },
    )


async def _consultation_page(
    request: Request,
    found: Ward,
    consultation_id: str,
    *,
    typed: str = "",
    show_name: bool = False,
    message: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    t = translator(request)
    if not _valid(consultation_id):
        return error_page(request, found, 404, t("civic.consultation.unknown"))
    try:
        path = f"/consultations/{quote(consultation_id, safe='')}"
        body = await _read(request, found.slug, "publicity", path)
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    if body is None:
        return error_page(request, found, 404, t("civic.consultation.unknown"))
    return _page(
        request,
        "portal_civic_consultation.html",
        {
            "ward": found,
            "c": consultation_view(body, lang=t.lang),
            "typed": typed,
            "show_name": show_name,
            "message": message,
            "sent": request.query_params.get("gui") == "ok" and message is None,
            "comment_max": COMMENT_MAX,
        },
        status_code=status_code,
    )


@router.get("/gop-y/{consultation_id}", response_class=HTMLResponse, **public())
async def consultation(ward: str, consultation_id: str, request: Request) -> HTMLResponse:
    found = ward_of(request, ward)
    if isinstance(found, HTMLResponse):
        return found
    return await _consultation_page(request, found, consultation_id)


def _refusal_status(reply: Reply) -> int:
    # A form the service refuses is re-shown: 422 for what was typed, the service's own
    # status for who sent it (403), a closed consultation (409) or the filing limit (429).
    return 422 if reply.status in (400, 422) else reply.status


@router.post("/gop-y/{consultation_id}", response_class=HTMLResponse, **public())
async def comment(ward: str, consultation_id: str, request: Request) -> Response:
    found = ward_of(request, ward)
    if isinstance(found, HTMLResponse):
        return found
    t = translator(request)
    form = await checked_form(request)
    if form is None:
        return error_page(request, found, 403, t("csrf.refused"))
    if signed_in(request) is None:
        return sign_in_first(request)
    if not _valid(consultation_id):
        return error_page(request, found, 404, t("civic.consultation.unknown"))
    typed = form.get("text", "")
    show_name = form.get("show_name") == "yes"
    path = f"/consultations/{quote(consultation_id, safe='')}/comments"
    try:
        reply = await reader_of(request).send(
            ward,
            "publicity",
            "POST",
            path,
            json={"text": typed, "show_name": show_name},
            token=session_token(request),
            client=address_of(request),
        )
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    if not reply.ok:
        return await _consultation_page(
            request,
            found,
            consultation_id,
            typed=typed,
            show_name=show_name,
            message=reply.message(t.lang),
            status_code=_refusal_status(reply),
        )
    target = f"/p/{ward}/gop-y/{quote(consultation_id, safe='')}?gui=ok#y-kien"
    return RedirectResponse(target, status_code=303)


# --- residents' decisions --------------------------------------------------------------


async def _group_names(request: Request, ward: str) -> dict[str, str]:
    groups = await _read(request, ward, "plans", "/groups") or {}
    return {g["code"]: g["name"] for g in groups.get("items", [])}


@router.get("/quyet-dinh", response_class=HTMLResponse, **public())
async def decisions(ward: str, request: Request) -> HTMLResponse:
    found = ward_of(request, ward)
    if isinstance(found, HTMLResponse):
        return found
    t = translator(request)
    try:
        page = await _read(request, ward, "plans", "/decisions", {"limit": DECISIONS_SHOWN})
        names = await _group_names(request, ward)
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    rules = rules_of(request)
    shown = [
        decision_view(d, rules, groups=names, lang=t.lang)
        for d in (page or {}).get("items", [])
        if d.get("status") != "open"  # the public list has none; a staff session's might
    ]
    return _page(request, "portal_civic_decisions.html", {"ward": found, "decisions": shown})


@router.get("/quyet-dinh/{decision_id}", response_class=HTMLResponse, **public())
async def decision(ward: str, decision_id: str, request: Request) -> HTMLResponse:
    found = ward_of(request, ward)
    if isinstance(found, HTMLResponse):
        return found
    t = translator(request)
    if not _valid(decision_id):
        return error_page(request, found, 404, t("civic.decision.unknown"))
    try:
        body = await _read(request, ward, "plans", f"/decisions/{quote(decision_id, safe='')}")
        names = await _group_names(request, ward) if body else {}
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    if body is None or body.get("status") == "open":
        return error_page(request, found, 404, t("civic.decision.unknown"))
    shown = decision_view(body, rules_of(request), groups=names, lang=t.lang)
    return _page(request, "portal_civic_decision.html", {"ward": found, "d": shown})


# --- the plan --------------------------------------------------------------------------


def _year_asked(request: Request) -> int | None:
    raw = request.query_params.get("nam", "")
    return whole_number(raw, low=1000, high=9999)


@router.get("/ke-hoach", response_class=HTMLResponse, **public())
async def plan(ward: str, request: Request) -> HTMLResponse:
    found = ward_of(request, ward)
    if isinstance(found, HTMLResponse):
        return found
    today = local_date(now_of(request))
    asked = _year_asked(request)
    try:
        listed = (await _read(request, ward, "plans", "/plans", {"limit": PLANS_LISTED})) or {}
        plans = [p for p in listed.get("items", []) if p.get("status") != "draft"]
        chosen = _chosen_plan(plans, asked or today.year)
        detail = (
            await _read(request, ward, "plans", f"/plans/{quote(chosen['id'], safe='')}")
            if chosen
            else None
        )
        members = (
            await _read(request, ward, "plans", "/committee/members", {"history": "true"})
            if detail
            else None
        ) or {}
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    shown = None
    if detail is not None:
        by_id = {m["id"]: m for m in members.get("items", [])}
        shown = plan_view(detail, today=today, members=by_id)
    return _page(
        request,
        "portal_civic_plan.html",
        {"ward": found, "plan": shown, "plans": plans, "today": today},
    )


def _chosen_plan(plans: list[dict[str, Any]], year: int) -> dict[str, Any] | None:
    """The plan of ``year``, else the newest (the list is newest year first)."""
    return next((p for p in plans if p.get("year") == year), plans[0] if plans else None)


# --- verifying a posting: the two documents the browser re-checks ----------------------


def _relay(reply: Reply) -> JSONResponse:
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-store"}
    media = "application/problem+json" if not reply.ok else "application/json"
    return JSONResponse(reply.body, status_code=reply.status, headers=headers, media_type=media)


def _down(service: str) -> JSONResponse:
    body = {"status": 503, "title": "Service Unavailable", "service": service}
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-store", "Retry-After": "30"}
    return JSONResponse(
        body, status_code=503, headers=headers, media_type="application/problem+json"
    )


def _known(request: Request, ward: str) -> bool:
    return request.app.state.registry.ward(ward) is not None


def _not_found() -> JSONResponse:
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-store"}
    body = {"status": 404, "title": "Not Found"}
    return JSONResponse(
        body, status_code=404, headers=headers, media_type="application/problem+json"
    )


@router.get("/bang-tin/{posting_id}/bang-chung.json", **public())
async def posting_proof(ward: str, posting_id: str, request: Request) -> JSONResponse:
    """The ward's proof of the posting's latest version (or ``?version=``), as its publicity
    service serves it."""
    if not _known(request, ward) or not _valid(posting_id):
        return _not_found()
    raw = request.query_params.get("version", "")
    version = whole_number(raw, high=999_999_999)
    if raw and version is None:
        return _not_found()  # no version goes by that name ("abc", "²")
    params = {"version": version} if version is not None else None
    path = f"/postings/{quote(posting_id, safe='')}/proof"
    try:
        return _relay(await reader_of(request).get(ward, "publicity", path, params=params))
    except ServiceUnavailable as down:
        return _down(down.service)


@router.get("/so-cai/dau-chuoi.json", **public())
async def ledger_head(ward: str, request: Request) -> JSONResponse:
    """The ward's ledger head, as its publicity service serves it."""
    if not _known(request, ward):
        return _not_found()
    try:
        return _relay(await reader_of(request).get(ward, "publicity", "/ledger/head"))
    except ServiceUnavailable as down:
        return _down(down.service)
