"""The city's queue as plain HTML forms for a signed-in city monitor: sign in with a token,
held by a server-side session whose random id is an HttpOnly cookie (eight hours at most;
signing out ends it on the server), act on an item through the queue's handlers (the same
commands, audit and events as ``POST /api/escalations/...``), and come back to the list with a
message.

Forms post with a cookie, so each post is checked for cross-site forgery three ways: the
cookie is SameSite=Strict, the Origin (or Referer) must be this host, and a form carries a
token derived from the session's own id, which another site cannot read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from typing import Final

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError

from qcdc_gateway.adapters.queue import EscalationRepository
from qcdc_gateway.api.common import GatewayUoW
from qcdc_gateway.api.escalations import AssignIn, NoteIn, ResolveIn, run_queue_command
from qcdc_gateway.domain.queue import ACTING_ROLES, ALLOWED, Action
from qcdc_gateway.web.forms import (
    SESSION_SECONDS,
    BadForm,
    Sessions,
    form_fields,
    kept_sessions,
    same_origin,
)
from qcdc_gateway.web.i18n import Translator
from qcdc_gateway.web.rendering import error_page, render, translator
from qcdc_shared.api import PageParams, Problem
from qcdc_shared.auth import Principal, TokenError, TokenVerifier, public
from qcdc_shared.service import RuntimeDep

router = APIRouter(include_in_schema=False)

TOKEN_COOKIE: Final = "qcdc_token"
FLASH_COOKIE: Final = "qcdc_flash"
COOKIE_PATH: Final = "/queue"  # the cookie goes to the queue's pages and nowhere else
ROLES: Final = ACTING_ROLES  # as requires("city_monitor") admits
PAGE_SIZE: Final = 100
_UUID: Final = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# Each action's form field and the API's body model for it (the same bounds and trimming).
FIELDS: Final[dict[Action, tuple[str, type[BaseModel]] | None]] = {
    "acknowledge": None,
    "assign": ("assignee", AssignIn),
    "note": ("text", NoteIn),
    "resolve": ("resolution", ResolveIn),
}
FIELD_LABELS: Final = {
    "assignee": "field.assignee",
    "text": "field.note",
    "resolution": "field.resolution",
}
VI, EN = Translator("vi"), Translator("en")


def csrf_token(session_id: str) -> str:
    """A form token only a page that holds the session can know (HMAC keyed by its id)."""
    return hmac.new(session_id.encode(), b"qcdc-dashboard-form", hashlib.sha256).hexdigest()


def sessions(request: Request) -> Sessions:
    return kept_sessions(request, "queue_sessions")


async def signed_in(request: Request) -> tuple[Principal, str] | None:
    """The session's principal and id (the form tokens are keyed by the id)."""
    session_id = request.cookies.get(TOKEN_COOKIE)
    token = sessions(request).token(session_id) if session_id else None
    if not session_id or not token:
        return None
    verifier: TokenVerifier = request.app.state.verifier
    try:
        principal = await verifier.verified(token)
    except TokenError:
        return None
    return (principal, session_id) if principal.role in ROLES else None


def _read_flash(request: Request, t: Translator) -> dict[str, str] | None:
    raw = request.cookies.get(FLASH_COOKIE)
    if not raw:
        return None
    try:
        found = json.loads(base64.urlsafe_b64decode(raw.encode()))
        first, second = t.both(str(found["vi"]), str(found["en"]))
        return {"kind": str(found["kind"]), "text": first, "other": second}
    except (ValueError, KeyError, TypeError):
        return None


def _back(request: Request, kind: str, vi: str, en: str) -> Response:
    response = RedirectResponse("/queue", status_code=303)
    value = base64.urlsafe_b64encode(json.dumps({"kind": kind, "vi": vi, "en": en}).encode())
    response.set_cookie(
        FLASH_COOKIE,
        value.decode(),
        max_age=60,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


def _refused_cross_site(request: Request) -> HTMLResponse:
    t = translator(request)
    return error_page(request, 403, t("csrf"))


def _sign_in_page(request: Request, *, error: str | None = None, status: int = 200) -> Response:
    return render(request, "sign_in.html", {"error": error}, status_code=status, private=True)


@router.get("/queue", response_class=HTMLResponse, **public())
async def queue_page(request: Request, runtime: RuntimeDep) -> Response:
    session = await signed_in(request)
    if session is None:
        response = _sign_in_page(request)
        if TOKEN_COOKIE in request.cookies:  # expired, or no longer a monitor's: forget it
            response.delete_cookie(TOKEN_COOKIE, path=COOKIE_PATH)
        return response
    principal, session_id = session
    t = translator(request)
    try:
        params = PageParams(limit=PAGE_SIZE, cursor=request.query_params.get("cursor") or None)
    except Problem:
        params = PageParams(limit=PAGE_SIZE)
    async with runtime.sessionmaker() as db:
        page = await EscalationRepository(db).page(params=params)
    response = render(
        request,
        "queue.html",
        {
            "principal": principal,
            "items": page.items,
            "total": page.total,
            "next_cursor": page.next_cursor,
            "allowed": ALLOWED,
            "csrf": csrf_token(session_id),
            "flash": _read_flash(request, t),
        },
        private=True,
    )
    if FLASH_COOKIE in request.cookies:  # shown once
        response.delete_cookie(FLASH_COOKIE, path=COOKIE_PATH)
    return response


@router.post("/queue/sign-in", response_class=HTMLResponse, **public())
async def sign_in(request: Request) -> Response:
    if not same_origin(request):
        return _refused_cross_site(request)
    t = translator(request)
    try:
        token = (await form_fields(request)).get("token", "").strip()
    except BadForm:
        return _sign_in_page(request, error=t("sign_in.invalid"), status=413)
    verifier: TokenVerifier = request.app.state.verifier
    try:
        principal = await verifier.verified(token)
    except TokenError:
        return _sign_in_page(request, error=t("sign_in.invalid"), status=401)
    if principal.role not in ROLES:
        return _sign_in_page(request, error=t("sign_in.role", role=principal.role), status=403)
    response = RedirectResponse("/queue", status_code=303)
    response.set_cookie(
        TOKEN_COOKIE,
        sessions(request).open(token),
        max_age=SESSION_SECONDS,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/queue/sign-out", response_class=HTMLResponse, **public())
async def sign_out(request: Request) -> Response:
    session = await signed_in(request)
    try:
        fields = await form_fields(request)
    except BadForm:
        fields = {}
    if not same_origin(request) or (
        session is not None
        and not hmac.compare_digest(fields.get("csrf", ""), csrf_token(session[1]))
    ):
        return _refused_cross_site(request)
    if session is not None:
        sessions(request).close(session[1])
    response = RedirectResponse("/queue", status_code=303)
    response.delete_cookie(TOKEN_COOKIE, path=COOKIE_PATH)
    return response


def _action(name: str) -> Action | None:
    for action in FIELDS:
        if action == name:
            return action
    return None


@router.post("/queue/{escalation_id}/{name}", response_class=HTMLResponse, **public())
async def act(escalation_id: str, name: str, request: Request, uow: GatewayUoW) -> Response:
    t = translator(request)
    action = _action(name)
    if action is None or not _UUID.match(escalation_id):
        return error_page(request, 404, t("error.404"))
    if not same_origin(request):
        return _refused_cross_site(request)
    session = await signed_in(request)
    if session is None:
        return _sign_in_page(request, error=t("sign_in.invalid"), status=401)
    principal, session_id = session
    try:
        fields = await form_fields(request)
    except BadForm:
        return error_page(request, 413, t("error.422"))
    if not hmac.compare_digest(fields.get("csrf", ""), csrf_token(session_id)):
        return _refused_cross_site(request)
    value = ""
    spec = FIELDS[action]
    if spec is not None:
        field, model = spec
        try:
            value = str(getattr(model.model_validate({field: fields.get(field, "")}), field))
        except ValidationError:
            label = FIELD_LABELS[field]
            return _back(
                request, "error", VI("invalid", field=VI(label)), EN("invalid", field=EN(label))
            )
    try:
        # The queue's own handler: the same audit, checks and events as the API.
        await run_queue_command(uow, principal, action, escalation_id, value)
    except Problem as problem:  # the refusal, in both languages, as the API would say it
        return _back(request, "error", problem.detail, problem.detail_en)
    # The message names the assignee, never a note's or a resolution's text (it is a cookie).
    done = {"id": escalation_id, "assignee": value if action == "assign" else ""}
    return _back(request, "ok", VI(f"done.{action}", **done), EN(f"done.{action}", **done))


@router.get("/queue/{rest:path}", response_class=HTMLResponse, **public())
async def back_to_queue(rest: str, request: Request) -> Response:
    """A page a form post answered (a refusal, the sign-in form again) has the post's address:
    its language switch asks for that address with GET, which means the queue."""
    lang = request.query_params.get("lang")
    return RedirectResponse(
        "/queue" + (f"?lang={lang}" if lang in ("vi", "en") else ""), status_code=303
    )
