"""Sign-in with the city's OIDC provider (issue 19): the authorization code flow with PKCE
(RFC 7636), ``state`` and ``nonce``.

``/dang-nhap/oidc`` keeps the flow's state, nonce, PKCE verifier and return path on the server
under a random id in a short-lived cookie, and sends the browser to the provider;
``/dang-nhap/oidc/xong`` checks that the provider's ``state`` is the one this browser's flow
holds (a code sent to someone else's browser signs nobody in), redeems the code with the
verifier, checks the ID token (signature with the provider's keys, issuer, audience, nonce) and
keeps the **access token** — the one every ward service verifies (``TokenVerifier``) — in a
server-side session exactly as the development sign-in does. The provider is read from its
discovery document at each sign-in (a rare request; no cache to go stale). Every failure is a
page in the reader's language, never a 500.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote, quote_plus, urlencode

import httpx
import jwt
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from qcdc_gateway.portal.common import error_page
from qcdc_gateway.portal.rendering import render, translator
from qcdc_gateway.portal.session import (
    SESSION_COOKIE,
    new_csrf_cookie,
    safe_next,
    sessions,
    settings_of,
)
from qcdc_gateway.web.forms import SESSION_SECONDS
from qcdc_shared.auth import TokenError, TokenVerifier, public

router = APIRouter(tags=["portal"], include_in_schema=False)
log = logging.getLogger(__name__)

START: Final = "/dang-nhap/oidc"
CALLBACK: Final = "/dang-nhap/oidc/xong"
FLOW_COOKIE: Final = "qcdc_oidc"
FLOW_SECONDS: Final = 600  # time to sign in at the provider
FLOWS_KEPT: Final = 10_000  # anyone may start flows: the oldest go first beyond this
TIMEOUT: Final = httpx.Timeout(10.0)


class ProviderDown(Exception):
    """The provider did not answer, or answered what no provider should."""


class ProviderRefused(Exception):
    """The provider answered and said no (or its tokens do not check out)."""


@dataclass(frozen=True, slots=True)
class Flow:
    state: str
    nonce: str
    verifier: str
    next: str
    ends: float  # time.monotonic()


class Flows:
    """Sign-ins under way, by the sha256 of the id in the browser's flow cookie; each is taken
    once. In the process, like the portal's sessions."""

    def __init__(self) -> None:
        self._open: dict[str, Flow] = {}

    def open(self, flow: Flow) -> str:
        now = time.monotonic()
        self._open = {key: kept for key, kept in self._open.items() if kept.ends > now}
        while len(self._open) >= FLOWS_KEPT:
            self._open.pop(next(iter(self._open)))
        flow_id = secrets.token_urlsafe(32)
        self._open[_digest(flow_id)] = flow
        return flow_id

    def take(self, flow_id: str) -> Flow | None:
        flow = self._open.pop(_digest(flow_id), None)
        return flow if flow is not None and flow.ends > time.monotonic() else None


def _same(given: str, kept: str) -> bool:
    """Compared in constant time, as bytes: any text a browser sends is comparable."""
    return hmac.compare_digest(given.encode(), kept.encode())


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def flows(request: Request) -> Flows:
    state = request.app.state
    if not hasattr(state, "portal_oidc_flows"):
        state.portal_oidc_flows = Flows()
    found: Flows = state.portal_oidc_flows
    return found


def oidc_configured(request: Request) -> bool:
    return settings_of(request).oidc_configured


def sign_in_link(target: str) -> str:
    return f"{START}?{urlencode({'next': target})}"


def city_sign_in_page(request: Request, target: str) -> HTMLResponse:
    """Production's /dang-nhap: the one way in is the city's account."""
    return render(request, "portal_signin_city.html", {"ward": None, "next": target})


def _redirect_uri(request: Request) -> str:
    base = settings_of(request).portal_base_url or str(request.base_url)
    return base.rstrip("/") + CALLBACK


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class _Client:
    """The HTTP client to the provider: a test's (``app.state.oidc_client``), else one for this
    sign-in with a bounded timeout."""

    def __init__(self, request: Request) -> None:
        self._given: httpx.AsyncClient | None = getattr(request.app.state, "oidc_client", None)
        self._own: httpx.AsyncClient | None = None

    async def __aenter__(self) -> httpx.AsyncClient:
        if self._given is not None:
            return self._given
        self._own = httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False)
        return self._own

    async def __aexit__(self, *exc: object) -> None:
        if self._own is not None:
            await self._own.aclose()


async def _json(answer: httpx.Response) -> dict[str, Any]:
    if answer.status_code >= 500:
        raise ProviderDown(f"HTTP {answer.status_code}")
    try:
        body = answer.json()
    except ValueError as error:
        raise ProviderDown("not JSON") from error
    if not isinstance(body, dict):
        raise ProviderDown("not a JSON object")
    if answer.status_code >= 400:
        raise ProviderRefused(str(body.get("error", answer.status_code)))
    return body


async def _discovery(request: Request, http: httpx.AsyncClient) -> dict[str, Any]:
    issuer = settings_of(request).oidc_issuer or ""
    try:
        found = await _json(
            await http.get(issuer.rstrip("/") + "/.well-known/openid-configuration")
        )
    except (httpx.HTTPError, ProviderRefused) as error:
        raise ProviderDown(str(error)) from error
    needed = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
    if not all(isinstance(found.get(key), str) for key in needed):
        raise ProviderDown("the discovery document lacks an endpoint")
    if found["issuer"] != issuer:  # OpenID Connect Discovery §4.3
        raise ProviderDown("the discovery document names another issuer")
    return found


def _flow_cookie(request: Request, response: Response, value: str | None) -> None:
    # SameSite=Lax, not Strict: the provider sends the browser back with a cross-site,
    # top-level GET, on which a Strict cookie would not be sent and no flow could be found.
    # Lax still keeps it off cross-site POSTs and sub-requests; it lives for one sign-in,
    # only under /dang-nhap/oidc, and holds a random id, never the state or the verifier.
    secure = request.url.scheme == "https"
    if value is None:
        response.delete_cookie(
            FLOW_COOKIE, path=START, httponly=True, samesite="lax", secure=secure
        )
        return
    response.set_cookie(
        FLOW_COOKIE,
        value,
        max_age=FLOW_SECONDS,
        path=START,
        httponly=True,
        samesite="lax",
        secure=secure,
    )


def _failed(request: Request, status: int, key: str) -> HTMLResponse:
    response = error_page(request, None, status, translator(request)(key))
    _flow_cookie(request, response, None)
    return response


@router.get(START, response_class=HTMLResponse, **public())
async def start(request: Request) -> Response:
    if not oidc_configured(request):
        return _failed(request, 404, "oidc.unconfigured")
    settings = settings_of(request)
    try:
        async with _Client(request) as http:
            provider = await _discovery(request, http)
    except ProviderDown as error:
        log.warning("the OIDC provider's discovery failed: %s", error)
        return _failed(request, 503, "oidc.down")
    flow = Flow(
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        verifier=secrets.token_urlsafe(64),  # 86 characters: RFC 7636 asks 43..128
        next=safe_next(request.query_params.get("next"), "/"),
        ends=time.monotonic() + FLOW_SECONDS,
    )
    query = urlencode(
        {
            "response_type": "code",
            "client_id": settings.oidc_client_id,
            "redirect_uri": _redirect_uri(request),
            "scope": "openid profile",
            "state": flow.state,
            "nonce": flow.nonce,
            "code_challenge": _challenge(flow.verifier),
            "code_challenge_method": "S256",
        }
    )
    endpoint: str = provider["authorization_endpoint"]
    response = RedirectResponse(
        f"{endpoint}{'&' if '?' in endpoint else '?'}{query}", status_code=303
    )
    _flow_cookie(request, response, flows(request).open(flow))
    return response


@router.get(CALLBACK, response_class=HTMLResponse, **public())
async def finish(request: Request) -> Response:
    if not oidc_configured(request):
        return _failed(request, 404, "oidc.unconfigured")
    params = request.query_params
    flow_id = request.cookies.get(FLOW_COOKIE)
    flow = flows(request).take(flow_id) if flow_id else None  # taken once, whatever follows
    if flow is None or not _same(params.get("state", ""), flow.state):
        return _failed(request, 400, "oidc.expired")
    if params.get("error") or not params.get("code"):
        return _failed(request, 400, "oidc.refused")
    try:
        async with _Client(request) as http:
            provider = await _discovery(request, http)
            tokens = await _redeem(request, http, provider, params["code"], flow.verifier)
            await _check_id_token(request, http, provider, tokens, flow.nonce)
    except ProviderDown as error:
        log.warning("the OIDC provider did not answer the sign-in: %s", error)
        return _failed(request, 503, "oidc.down")
    except ProviderRefused as error:
        log.info("the OIDC sign-in was refused: %s", error)
        return _failed(request, 400, "oidc.refused")
    access = tokens.get("access_token")
    verifier: TokenVerifier = request.app.state.verifier
    try:  # the ward services will verify it so: a token they refuse opens no session
        await verifier.verified(access if isinstance(access, str) else "")
    except TokenError:
        return _failed(request, 403, "oidc.no_role")
    assert isinstance(access, str)
    return _signed_in(request, access, flow.next)


async def _redeem(
    request: Request, http: httpx.AsyncClient, provider: dict[str, Any], code: str, verifier: str
) -> dict[str, Any]:
    settings = settings_of(request)
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": _redirect_uri(request),
        "client_id": settings.oidc_client_id or "",
        "code_verifier": verifier,
    }
    headers = {"accept": "application/json"}
    secret = settings.oidc_client_secret
    if secret is not None:  # client_secret_basic: each part form-encoded (RFC 6749 §2.3.1)
        pair = f"{quote_plus(form['client_id'])}:{quote_plus(secret.get_secret_value())}"
        headers["authorization"] = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
    try:
        answer = await http.post(provider["token_endpoint"], data=form, headers=headers)
    except httpx.HTTPError as error:
        raise ProviderDown(str(error)) from error
    return await _json(answer)


async def _check_id_token(
    request: Request,
    http: httpx.AsyncClient,
    provider: dict[str, Any],
    tokens: dict[str, Any],
    nonce: str,
) -> None:
    settings = settings_of(request)
    id_token = tokens.get("id_token")
    if not isinstance(id_token, str):
        raise ProviderRefused("no ID token")
    try:
        keys = jwt.PyJWKSet.from_dict(await _json(await http.get(provider["jwks_uri"])))
    except (httpx.HTTPError, jwt.PyJWTError) as error:
        raise ProviderDown(str(error)) from error
    try:
        kid = jwt.get_unverified_header(id_token).get("kid")
        candidates = [key for key in keys.keys if kid is None or key.key_id == kid]
        if not candidates:
            raise ProviderRefused("the ID token's key is not in the provider's key set")
        claims = jwt.decode(
            id_token,
            candidates[0].key,
            algorithms=list(settings.jwt_algorithms),  # never the token's own choice
            audience=settings.oidc_client_id,
            issuer=provider["issuer"],
            options={"require": ["exp", "iat", "sub", "iss", "aud", "nonce"]},
        )
    except jwt.PyJWTError as error:
        raise ProviderRefused(str(error)) from error
    if not _same(str(claims["nonce"]), nonce):
        raise ProviderRefused("the ID token's nonce is not this sign-in's")


def _signed_in(request: Request, token: str, target: str) -> Response:
    settings = settings_of(request)
    lifetime = int(min(SESSION_SECONDS, settings.jwt_max_lifetime.total_seconds()))
    store = sessions(request)
    earlier = request.cookies.get(SESSION_COOKIE)
    if earlier:
        store.close(earlier)  # signing in again ends the session this browser had
    # Not a 303 to ``target``: that redirect would still belong to the navigation the provider
    # started on its own site, and browsers send no SameSite=Strict cookie on it, so the first
    # page would show nobody signed in. A page of this site that moves on by itself (the
    # Refresh header, no script) starts a same-site navigation, which carries the new cookie.
    moving_on = quote(target, safe=":/%#?=@[]!$&'()*+,;")
    response = render(
        request,
        "portal_signin_done.html",
        {"ward": None, "next": moving_on},
        headers={"Refresh": f"0;url={moving_on}"},
    )
    new_csrf_cookie(response)  # as at the trial sign-in: no earlier form token passes
    response.set_cookie(
        SESSION_COOKIE,
        store.open(token),
        max_age=lifetime,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    _flow_cookie(request, response, None)
    return response
