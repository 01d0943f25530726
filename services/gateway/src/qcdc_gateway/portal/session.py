"""Who is using the portal, and proof that a form came from the portal's own page.

The session is a development sign-in (issue 19 item 5): ``/dang-nhap`` mints the same
development token ``qcdc token`` does and keeps it on the server, as the city queue's pages do
(:class:`~qcdc_gateway.web.forms.Sessions`); the browser's HttpOnly, SameSite=Strict cookie holds
only the session's random id, so a copied cookie is no bearer token and signing out ends the
session on the server. The portal forwards the token with every read and action of that person,
so each ward service decides what they may do exactly as it does for the API. With
``QCDC_ENV=production`` the trial sign-in is refused; residents and staff sign in with the city's
OIDC provider (``oidc.py``), whose access token is kept the same way, and without
``QCDC_OIDC_*`` no session is read there at all.

Every form carries a CSRF token: an HMAC, under a server-side key, of a random value kept in a
second HttpOnly, SameSite=Strict cookie and of the session's id (the double-submit pattern).
What protects a form: both cookies are SameSite=Strict, so another site's page cannot make the
browser send them; a post whose Origin or Referer names another host is refused
(``from_elsewhere``); and the token is bound to the session, so a token minted for one session
(or before signing in) does not pass in another, and a new value is set at every sign-in. The
HMAC by itself does not stop a sibling host that plants a nonce cookie and reads its token from
the portal's own page: bound to the session, such a token fails once the victim is signed in,
and for a signed-out form (the sign-in itself) the Origin/Referer check is what refuses it.
Nothing is sent to a ward service before all pass.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Collection
from typing import Final
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from qcdc_gateway.web.forms import (
    BadForm,
    Sessions,
    form_fields,
    from_elsewhere,
    kept_sessions,
)
from qcdc_shared.auth import Principal, TokenError, TokenVerifier
from qcdc_shared.settings import Settings

SESSION_COOKIE: Final = "qcdc_session"
CSRF_COOKIE: Final = "qcdc_csrf"
CSRF_FIELD: Final = "csrf"
_UNREAD: Final = object()


def settings_of(request: Request) -> Settings:
    """Set by the composition root (the gateway's, the ward-local portal's)."""
    settings: Settings = request.app.state.portal_settings
    return settings


def sessions_allowed(request: Request) -> bool:
    """Sessions are read in development, and in production once the portal signs in with the
    city's OIDC provider (there only that flow opens them: the trial form is refused)."""
    settings = settings_of(request)
    return settings.env != "production" or settings.oidc_configured


def development_sign_in(request: Request) -> bool:
    """The trial sign-in form of ``/dang-nhap``: development only."""
    return settings_of(request).env != "production"


def sessions(request: Request) -> Sessions:
    return kept_sessions(request, "portal_sessions")


def _stored_token(request: Request) -> str | None:
    session_id = request.cookies.get(SESSION_COOKIE)
    return sessions(request).token(session_id) if session_id else None


def session_token(request: Request) -> str | None:
    """The signed-in person's token, to forward to the ward's services; None if nobody is."""
    return _stored_token(request) if signed_in(request) is not None else None


def signed_in(request: Request) -> Principal | None:
    """The person the session cookie names, or None (no cookie, expired, forged, production)."""
    known = getattr(request.state, "portal_principal", _UNREAD)
    if known is not _UNREAD:
        assert known is None or isinstance(known, Principal)
        return known
    principal: Principal | None = None
    token = _stored_token(request)
    if token and sessions_allowed(request):
        verifier: TokenVerifier = request.app.state.verifier
        try:
            # HS256 in development: no network. With OIDC, the provider's keys were fetched
            # (off the loop) when the session opened and PyJWKClient keeps them a while.
            principal = verifier.verify(token)
        except TokenError:
            principal = None
    request.state.portal_principal = principal
    return principal


def _secret(request: Request) -> bytes:
    # Derived from the development signing key so every gateway process and the ward-local
    # portal agree; never the key itself, so a CSRF token says nothing about it.
    key = settings_of(request).jwt_key.get_secret_value().encode()
    return hmac.new(key, b"qcdc-portal-csrf", hashlib.sha256).digest()


def _nonce(request: Request) -> str:
    nonce = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "csrf_nonce", None)
    if not nonce:
        nonce = secrets.token_urlsafe(24)
        request.state.csrf_nonce = nonce  # set as a cookie on this request's response
    return str(nonce)


def csrf_token(request: Request) -> str:
    """The token this browser's forms carry in this session (the nonce made, with its cookie,
    on first use): HMAC(key, nonce + "|" + session id, or "" before signing in)."""
    bound = f"{_nonce(request)}|{request.cookies.get(SESSION_COOKIE) or ''}"
    return hmac.new(_secret(request), bound.encode(), hashlib.sha256).hexdigest()


def new_csrf_cookie(response: Response) -> None:
    """A fresh CSRF nonce (at sign-in): no token of the earlier one passes afterwards."""
    response.set_cookie(
        CSRF_COOKIE, secrets.token_urlsafe(24), path="/", httponly=True, samesite="strict"
    )


def keep_csrf_cookie(request: Request, response: Response) -> None:
    """Sets the CSRF cookie when this request made a new one."""
    nonce = getattr(request.state, "csrf_nonce", None)
    if nonce and not request.cookies.get(CSRF_COOKIE):
        response.set_cookie(CSRF_COOKIE, nonce, path="/", httponly=True, samesite="strict")


async def checked_form(request: Request) -> dict[str, str] | None:
    """The posted form's fields if its CSRF token matches this browser's cookie and it came
    from no other site, else None (nothing read further, nothing sent on)."""
    if from_elsewhere(request) or not request.cookies.get(CSRF_COOKIE):
        return None
    try:
        form = await form_fields(request)
    except BadForm:
        return None
    if not hmac.compare_digest(form.pop(CSRF_FIELD, ""), csrf_token(request)):
        return None
    return form


def sign_in_first(request: Request) -> RedirectResponse:
    """To the sign-in page, coming back to this page afterwards."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/dang-nhap?next={quote(target, safe='/')}", status_code=303)


def staff_of(request: Request, ward: str, roles: Collection[str]) -> Principal | None:
    """The signed-in person if they hold one of ``roles`` in ``ward``, else None."""
    principal = signed_in(request)
    if principal is None or principal.role not in roles or principal.ward != ward:
        return None
    return principal


def safe_next(target: str | None, default: str) -> str:
    """Only a path on this site: never ``//host`` or ``https://...`` (an open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default
