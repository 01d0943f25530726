"""Filing a petition from the portal (issue 19 item 2): the forms at ``/p/{ward}/gui-phan-anh``,
one per kind, send to the ward's petitions service; the receipt shows the tracking code and the
due date.

Who may file is the petitions service's rule: ``POST /petitions`` takes a citizen's token (or an
officer's, for paper), and has no public route. So the portal mints nothing for strangers: a
resident signs in, and the form is sent with their session's own token. Filing anonymously is a
signed-in resident ticking "anonymous" where the law allows it (:data:`ANONYMOUS_KINDS`); the
service then keys the petition to itself, never to the account, and no name or address is sent.

The receipt (``/gui-phan-anh/da-nhan?ma=CODE``, after a 303) reads the petition back by its code
through the tracking route: the code is what the resident holds and the only thing in the URL,
and the receipt shows only what tracking shows (never the name, address or text), so a reload,
a bookmark or a shared screen leaks nothing more than the code itself does. A signed cookie
carrying the due date would show a stale date after the ward acts, and one more secret to keep.
"""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from qcdc_gateway.api.wards import RegistryDep
from qcdc_gateway.portal.common import (
    error_page,
    now_of,
    reader_of,
    rules_of,
    unavailable,
    unknown_ward,
)
from qcdc_gateway.portal.kinds import ANONYMOUS_KINDS, KIND_RULES, ONLY_FOR, clocks
from qcdc_gateway.portal.pages import CODE, CODE_MAX, normalise
from qcdc_gateway.portal.rendering import render, translator
from qcdc_gateway.portal.session import checked_form, session_token, signed_in
from qcdc_gateway.portal.texts import KIND_HELP, KINDS, ROLE_NAMES
from qcdc_gateway.portal.wards import ServiceUnavailable, TooManyLookups
from qcdc_shared.api.limits import address_of
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.registry import Ward

router = APIRouter(prefix="/p/{ward}", tags=["portal"], include_in_schema=False)

# What a form sends, each bounded as its input is (the service bounds them again).
FIELDS: Final[dict[str, int]] = {
    "title": 300,
    "body": 20_000,
    "act_date": 10,
    "location": 500,
    "group": 64,
    "name": 200,
    "address": 500,
    "phone": 20,
}


def forms_page(
    request: Request,
    ward: Ward,
    *,
    status: int = 200,
    failed: str | None = None,
    typed: dict[str, Any] | None = None,
    message: str | None = None,
) -> HTMLResponse:
    """The forms, one per kind, with the clocks of the table in force today; after a refusal,
    the refused form keeps what was typed and says why."""
    t = translator(request)
    today = local_date(now_of(request))
    kinds = [
        {
            "kind": kind,
            "name": t.word(KINDS, kind),
            "help": t.word(KIND_HELP, kind),
            "clocks": clocks(kind, rules=rules_of(request), on=today, lang=t.lang),
            "anonymous": kind in ANONYMOUS_KINDS,
            "typed": (typed or {}) if kind == failed else {},
        }
        for kind in KIND_RULES
    ]
    principal = signed_in(request)
    context = {
        "ward": ward,
        "kinds": kinds,
        "today": today,
        "can_send": principal is not None and principal.role == "citizen",
        "failed": failed,
        "message": message,
    }
    return render(request, "portal_file.html", context, status_code=status)


@router.get("/gui-phan-anh", response_class=HTMLResponse, **public())
async def file_forms(ward: str, request: Request, registry: RegistryDep) -> HTMLResponse:
    found = registry.ward(ward)
    if found is None:
        return unknown_ward(request, ward)
    return forms_page(request, found)


def petition_of(kind: str, typed: dict[str, Any]) -> dict[str, Any]:
    """The petitions service's ``PetitionIn`` from a form: empty fields left out, and no
    petitioner at all when anonymous, whatever was typed in those fields."""
    sent: dict[str, Any] = {
        "kind": kind,
        "title": typed["title"],
        "body": typed["body"],
        "anonymous": typed["anonymous"],
    }
    for field in ("act_date", "location", "group"):
        if typed[field] and ONLY_FOR.get(field, kind) == kind:
            sent[field] = typed[field]
    if not typed["anonymous"] and any(typed[f] for f in ("name", "address", "phone")):
        sent["petitioner"] = {
            "name": typed["name"],
            "address": typed["address"],
            **({"phone": typed["phone"]} if typed["phone"] else {}),
        }
    return sent


@router.post("/gui-phan-anh", response_class=HTMLResponse, **public())
async def file_petition(ward: str, request: Request, registry: RegistryDep) -> Response:
    t = translator(request)
    found = registry.ward(ward)
    if found is None:
        return unknown_ward(request, ward)
    form = await checked_form(request)
    if form is None:
        return error_page(request, found, 403, t("csrf.refused"))
    kind = form.get("kind", "")
    if kind not in KIND_RULES:
        return forms_page(request, found, status=422, message=t("filing.kind.unknown"))
    typed: dict[str, Any] = {key: form.get(key, "").strip()[:cap] for key, cap in FIELDS.items()}
    typed["anonymous"] = form.get("anonymous") == "true"

    def refused(status: int, message: str) -> HTMLResponse:
        return forms_page(request, found, status=status, failed=kind, typed=typed, message=message)

    principal = signed_in(request)
    if principal is None:
        return refused(403, t("filing.signed_out.refused"))
    if principal.role != "citizen":
        role = t.word(ROLE_NAMES, principal.role)
        return refused(403, t("filing.residents_only", role=role))
    if typed["anonymous"] and kind not in ANONYMOUS_KINDS:
        return refused(422, t("filing.anonymous.refused"))
    try:
        reply = await reader_of(request).send(
            ward,
            "petitions",
            "POST",
            "/petitions",
            json=petition_of(kind, typed),
            token=session_token(request),
            client=address_of(request),  # the ward's filing limit counts the resident
        )
    except ServiceUnavailable as down:
        return unavailable(request, found, down)
    if not reply.ok:
        return refused(reply.status if reply.status in (403, 429) else 422, reply.message(t.lang))
    code = reply.body.get("tracking_code") if isinstance(reply.body, dict) else None
    if not isinstance(code, str) or not code:
        # Taken (2xx) but unreadable: say so, rather than a code we do not have.
        return error_page(request, found, 502, t("filing.unreadable"))
    return RedirectResponse(
        f"/p/{ward}/gui-phan-anh/da-nhan?ma={quote(code, safe='')}", status_code=303
    )


@router.get("/gui-phan-anh/da-nhan", response_class=HTMLResponse, **public())
async def receipt(ward: str, request: Request, registry: RegistryDep) -> Response:
    found = registry.ward(ward)
    if found is None:
        return unknown_ward(request, ward)
    t = translator(request)
    typed = request.query_params.get("ma", "")
    if not typed.strip():
        return RedirectResponse(f"/p/{ward}/gui-phan-anh", status_code=303)
    code = normalise(typed)
    if len(code) > CODE_MAX or not CODE.match(code):
        return error_page(request, found, 404, t("track.malformed"))
    context: dict[str, Any] = {"ward": found, "code": code, "petition": None, "due": None}
    try:
        petition = await reader_of(request).tracked_petition(ward, code, client=address_of(request))
    except ServiceUnavailable:
        # The petition is filed: the code must still reach its holder, the dates can wait.
        context["message"] = t("filing.receipt.later")
        headers = {"Retry-After": "30"}
        return render(
            request, "portal_file_receipt.html", context, status_code=503, headers=headers
        )
    except TooManyLookups as limited:
        context["message"] = t("filing.receipt.later")
        headers = {"Retry-After": limited.retry_after} if limited.retry_after else {}
        return render(
            request, "portal_file_receipt.html", context, status_code=429, headers=headers
        )
    if petition is None:
        return error_page(request, found, 404, t("track.unknown", code=code))
    running = [d for d in petition.get("deadlines", []) if d.get("met") is None]
    due = min(running, key=lambda d: str(d["due_at"]), default=None)
    context |= {"petition": petition, "due": due, "message": None}
    return render(request, "portal_file_receipt.html", context)
