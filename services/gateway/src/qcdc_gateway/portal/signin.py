"""The development sign-in (issue 19 item 5) at ``/dang-nhap``: choose a role, a ward and a
name, get the session cookie; ``/dang-xuat`` ends it. Refused with ``QCDC_ENV=production``,
where the page offers the city's account instead (``oidc.py``) once it is set up."""

from __future__ import annotations

import datetime as dt
from typing import Final

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from qcdc_gateway.portal.common import error_page
from qcdc_gateway.portal.oidc import city_sign_in_page, oidc_configured
from qcdc_gateway.portal.rendering import render, translator
from qcdc_gateway.portal.session import (
    SESSION_COOKIE,
    checked_form,
    development_sign_in,
    new_csrf_cookie,
    safe_next,
    sessions,
    settings_of,
)
from qcdc_gateway.portal.texts import ROLE_NAMES
from qcdc_gateway.web.forms import SESSION_SECONDS
from qcdc_shared.auth import WARD_SCOPED, mint_development_token, public
from qcdc_shared.registry import Registry

router = APIRouter(tags=["portal"], include_in_schema=False)

# As long as a server-side session lives; never longer than the tokens' configured cap.
SESSION_LIFETIME: Final = dt.timedelta(seconds=SESSION_SECONDS)
NAME_MAX: Final = 100


def _page(
    request: Request, *, status: int = 200, message: str | None = None, **values: str
) -> HTMLResponse:
    registry: Registry = request.app.state.registry
    target = safe_next(request.query_params.get("next") or values.get("next"), "/")
    context = {
        "ward": None,
        "wards": registry.wards,
        "roles": ROLE_NAMES,
        "next": target,
        "message": message,
        "oidc": oidc_configured(request),  # development with OIDC set up: both ways in
        "chosen": {"name": "", "role": "citizen", "ward": _ward_in(target) or "", **values},
    }
    return render(request, "portal_signin.html", context, status_code=status)


def _ward_in(path: str) -> str | None:
    """``/p/ben-thanh/...`` → ``ben-thanh``: the sign-in offers the ward the person came from."""
    parts = path.split("/")
    return parts[2] if len(parts) > 2 and parts[1] == "p" and parts[2] else None


@router.get("/dang-nhap", response_class=HTMLResponse, **public())
async def sign_in_page(request: Request) -> HTMLResponse:
    if not development_sign_in(request):
        if oidc_configured(request):  # production: the city's account is the way in
            return city_sign_in_page(request, safe_next(request.query_params.get("next"), "/"))
        return error_page(request, None, 403, translator(request)("signin.production"))
    return _page(request)


@router.post("/dang-nhap", response_class=HTMLResponse, **public())
async def sign_in(request: Request) -> Response:
    t = translator(request)
    if not development_sign_in(request):
        return error_page(request, None, 403, t("signin.production"))
    form = await checked_form(request)
    if form is None:
        return error_page(request, None, 403, t("csrf.refused"))
    name, role, ward = (form.get(key, "").strip() for key in ("name", "role", "ward"))
    chosen = {"name": name[:NAME_MAX], "role": role, "ward": ward, "next": form.get("next", "")}
    registry: Registry = request.app.state.registry
    if not name or len(name) > NAME_MAX:
        return _page(request, status=422, message=t("signin.name.missing"), **chosen)
    if role not in ROLE_NAMES:
        return _page(request, status=422, message=t("signin.role.unknown"), **chosen)
    if ward and registry.ward(ward) is None:
        return _page(request, status=422, message=t("signin.ward.unknown"), **chosen)
    if role in WARD_SCOPED and not ward:
        return _page(request, status=422, message=t("signin.ward.needed"), **chosen)
    settings = settings_of(request)
    lifetime = min(SESSION_LIFETIME, settings.jwt_max_lifetime)
    token = mint_development_token(settings, role=role, ward=ward or None, name=name, ttl=lifetime)
    home = f"/p/{ward}/" if ward else "/"
    earlier = request.cookies.get(SESSION_COOKIE)
    if earlier:
        sessions(request).close(earlier)  # signing in again ends the earlier session
    response = RedirectResponse(safe_next(form.get("next"), home), status_code=303)
    new_csrf_cookie(response)
    response.set_cookie(
        SESSION_COOKIE,
        sessions(request).open(token),
        max_age=int(lifetime.total_seconds()),
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/dang-xuat", response_class=HTMLResponse, **public())
async def sign_out(request: Request) -> Response:
    form = await checked_form(request)
    if form is None:
        return error_page(request, None, 403, translator(request)("csrf.refused"))
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        sessions(request).close(session_id)  # ended on the server, not only in this browser
    response = RedirectResponse(safe_next(form.get("next"), "/"), status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
