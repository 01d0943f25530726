"""The portal's sign-in with the city's OIDC provider (issue 19), against a real minimal provider
served in the test (discovery, authorize, token with PKCE, JWKS; RS256 keys made here): the
flow ends with the provider's access token in a server-side session and the person signed in
with the role and ward the provider gave; a wrong state, a wrong nonce, an ID token of another
issuer, a refusal or the provider down end on a page and open no session. Production offers
the city's account at /dang-nhap once it is set up, and still refuses the trial form."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse

from qcdc_gateway.portal.oidc import FLOW_COOKIE
from qcdc_gateway.portal.session import SESSION_COOKIE
from qcdc_shared.auth import TokenVerifier
from qcdc_shared.settings import Settings

from .portal_fakes import FakeWard, build_portal, settings_of
from .portal_session import csrf_of

pytestmark = pytest.mark.unit

ISSUER = "https://id.example/realms/hcmc"
CLIENT_ID = "qcdc-portal"
PORTAL = "https://cong.example"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PEM = (
    KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


@dataclass
class Provider:
    """The city's identity provider, as little of it as the flow needs. ``claims`` are the
    access token's (role and ward as the platform reads them); the other fields spoil one
    thing on purpose."""

    claims: dict[str, Any] = field(
        default_factory=lambda: {"role": "officer", "ward": "ben-thanh", "name": "Lê Văn Cường"}
    )
    id_issuer: str = ISSUER
    wrong_nonce: bool = False
    token_status: int = 200
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    authorized: list[dict[str, str]] = field(default_factory=list)

    def sign(self, claims: dict[str, Any]) -> str:
        now = int(time.time())  # the tokens' clock is the real one, as PyJWT checks it
        body = {"iat": now, "exp": now + 600, "sub": "citizen-7f3a", **claims}
        return jwt.encode(body, KEY, algorithm="RS256", headers={"kid": "k1"})

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/realms/hcmc/.well-known/openid-configuration")
        async def discovery() -> dict[str, str]:
            return {
                "issuer": ISSUER,
                "authorization_endpoint": f"{ISSUER}/auth",
                "token_endpoint": f"{ISSUER}/token",
                "jwks_uri": f"{ISSUER}/certs",
            }

        @app.get("/realms/hcmc/auth")
        async def authorize(request: Request) -> RedirectResponse:
            asked = dict(request.query_params)
            self.authorized.append(asked)
            code = secrets.token_urlsafe(16)
            self.codes[code] = asked
            back = {"code": code, "state": asked["state"]}
            return RedirectResponse(f"{asked['redirect_uri']}?{urlencode(back)}", status_code=302)

        @app.post("/realms/hcmc/token")
        async def token(request: Request) -> JSONResponse:
            form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
            asked = self.codes.pop(form.get("code", ""), None)
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if (
                asked is None
                or form.get("grant_type") != "authorization_code"
                or form.get("redirect_uri") != asked["redirect_uri"]
                or form.get("client_id") != asked["client_id"]
                or challenge != asked["code_challenge"]
            ):
                return JSONResponse({"error": "invalid_grant"}, status_code=400)
            if self.token_status != 200:
                return JSONResponse({"error": "unavailable"}, status_code=self.token_status)
            nonce = "another-nonce" if self.wrong_nonce else asked["nonce"]
            identity = {"iss": self.id_issuer, "aud": CLIENT_ID, "nonce": nonce}
            access = {"iss": ISSUER, "aud": "qcdc", **self.claims}
            return JSONResponse(
                {
                    "token_type": "Bearer",
                    "id_token": self.sign(identity),
                    "access_token": self.sign(access),
                    "expires_in": 600,
                }
            )

        @app.get("/realms/hcmc/certs")
        async def certs() -> dict[str, Any]:
            public = jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key(), as_dict=True)
            return {"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}

        return app


def production(settings: Settings, **more: Any) -> Settings:
    return settings.model_copy(
        update={
            "env": "production",
            "jwt_public_key": PEM,
            "jwt_issuer": ISSUER,
            "jwt_audience": "qcdc",
            **more,
        }
    )


def with_oidc(settings: Settings) -> Settings:
    return production(
        settings, oidc_issuer=ISSUER, oidc_client_id=CLIENT_ID, portal_base_url=PORTAL
    )


@pytest.fixture
def provider() -> Provider:
    return Provider()


@pytest.fixture
def app(tmp_path: Path, provider: Provider) -> Any:
    built = build_portal(tmp_path, FakeWard())
    settings = with_oidc(settings_of(tmp_path))
    built.state.portal_settings = settings
    built.state.verifier = TokenVerifier(settings)
    built.state.oidc_client = httpx.AsyncClient(transport=httpx.ASGITransport(app=provider.app()))
    return built


async def to_provider(portal: httpx.AsyncClient, provider: Provider, target: str) -> str:
    """Starts the sign-in and plays the browser at the provider: the callback's path+query."""
    start = await portal.get("/dang-nhap/oidc", params={"next": target})
    assert start.status_code == 303, start.text[:300]
    cookie = [c for c in start.headers.get_list("set-cookie") if c.startswith(f"{FLOW_COOKIE}=")]
    assert cookie and "httponly" in cookie[0].lower() and "samesite=lax" in cookie[0].lower()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=provider.app())) as browser:
        answer = await browser.get(start.headers["location"])
    assert answer.status_code == 302
    back = urlsplit(answer.headers["location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == f"{PORTAL}/dang-nhap/oidc/xong"
    return f"{back.path}?{back.query}"


def no_session(answer: httpx.Response, portal: httpx.AsyncClient, app: Any) -> None:
    assert SESSION_COOKIE not in answer.headers.get("set-cookie", "")
    assert not portal.cookies.get(SESSION_COOKIE)
    assert not getattr(app.state, "portal_sessions", None) or not app.state.portal_sessions._open


async def test_the_city_sign_in_ends_signed_in_as_the_provider_says(
    portal: httpx.AsyncClient, app: Any, provider: Provider
) -> None:
    callback = await to_provider(portal, provider, "/p/ben-thanh/can-bo")
    asked = provider.authorized[0]
    assert asked["response_type"] == "code" and asked["client_id"] == CLIENT_ID
    assert asked["scope"] == "openid profile" and asked["code_challenge_method"] == "S256"
    assert asked["state"] and asked["nonce"] and asked["code_challenge"]
    done = await portal.get(callback)
    assert done.status_code == 200
    assert done.headers["refresh"] == "0;url=/p/ben-thanh/can-bo"
    assert 'href="/p/ben-thanh/can-bo"' in done.text
    cookie = [c for c in done.headers.get_list("set-cookie") if c.startswith(f"{SESSION_COOKIE}=")]
    assert len(cookie) == 1
    assert "httponly" in cookie[0].lower() and "samesite=strict" in cookie[0].lower()
    kept = app.state.portal_sessions.token(portal.cookies[SESSION_COOKIE])
    assert jwt.decode(kept, PEM, algorithms=["RS256"], audience="qcdc")["iss"] == ISSUER
    page = await portal.get("/p/ben-thanh/tra-cuu")
    assert "Đang đăng nhập: Lê Văn Cường (Cán bộ phường)" in page.text
    # The same callback again (a replayed link) signs nobody in: the flow was taken once.
    again = await portal.get(callback)
    assert again.status_code == 400


async def test_a_state_that_is_not_this_browsers_opens_no_session(
    portal: httpx.AsyncClient, app: Any, provider: Provider
) -> None:
    callback = await to_provider(portal, provider, "/")
    state = parse_qs(urlsplit(callback).query)["state"][0]
    answer = await portal.get(callback.replace(state, "tr%E1%BA%A1ng-th%C3%A1i"))  # not ASCII
    assert answer.status_code == 400
    assert "Lượt đăng nhập đã hết hạn" in answer.text
    no_session(answer, portal, app)
    # Nor does the right link in another browser (someone else's code sent to a victim).
    other = await to_provider(portal, provider, "/")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as victim:
        assert (await victim.get(other)).status_code == 400
        assert not victim.cookies.get(SESSION_COOKIE)


@pytest.mark.parametrize(
    ("spoil", "status", "words"),
    [
        ({"wrong_nonce": True}, 400, "không xác nhận"),
        ({"id_issuer": "https://evil.example"}, 400, "không xác nhận"),
        ({"token_status": 503}, 503, "đang không trả lời"),
        ({"claims": {"role": "chief"}}, 403, "chưa có vai trò"),
    ],
)
async def test_a_token_that_does_not_check_out_opens_no_session(
    portal: httpx.AsyncClient,
    app: Any,
    provider: Provider,
    spoil: dict[str, Any],
    status: int,
    words: str,
) -> None:
    for name, value in spoil.items():
        setattr(provider, name, value)
    answer = await portal.get(await to_provider(portal, provider, "/"))
    assert answer.status_code == status
    assert words in answer.text
    no_session(answer, portal, app)


async def test_a_refusal_at_the_provider_is_a_page(
    portal: httpx.AsyncClient, app: Any, provider: Provider
) -> None:
    callback = await to_provider(portal, provider, "/")
    state = parse_qs(urlsplit(callback).query)["state"][0]
    answer = await portal.get(
        "/dang-nhap/oidc/xong", params={"error": "access_denied", "state": state}
    )
    assert answer.status_code == 400
    no_session(answer, portal, app)
    english = await portal.get("/dang-nhap/oidc/xong", params={"lang": "en"})
    assert english.status_code == 400 and "did not start in this browser" in english.text


async def test_the_provider_down_is_a_page_not_a_500(portal: httpx.AsyncClient, app: Any) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    app.state.oidc_client = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    answer = await portal.get("/dang-nhap/oidc", params={"next": "/"})
    assert answer.status_code == 503
    assert "đang không trả lời" in answer.text
    no_session(answer, portal, app)


async def test_production_with_oidc_offers_the_city_account_and_refuses_the_trial_form(
    portal: httpx.AsyncClient,
) -> None:
    page = await portal.get("/dang-nhap", params={"next": "/p/ben-thanh/gui-phan-anh"})
    assert page.status_code == 200
    assert "Đăng nhập bằng tài khoản của thành phố" in page.text
    assert 'href="/dang-nhap/oidc?next=/p/ben-thanh/gui-phan-anh"' in page.text
    assert 'name="role"' not in page.text  # no trial form
    form = {"csrf": "0" * 64, "name": "An", "role": "admin", "ward": ""}
    assert (await portal.post("/dang-nhap", data=form)).status_code == 403


async def test_production_without_oidc_keeps_refusing(
    portal: httpx.AsyncClient, app: Any, tmp_path: Path
) -> None:
    app.state.portal_settings = production(settings_of(tmp_path))
    page = await portal.get("/dang-nhap")
    assert page.status_code == 403 and "chỉ có ở bản phát triển" in page.text
    assert "/dang-nhap/oidc" not in page.text
    assert (await portal.get("/dang-nhap/oidc")).status_code == 404


async def test_development_with_oidc_shows_both_ways_in(
    portal: httpx.AsyncClient, app: Any, tmp_path: Path
) -> None:
    app.state.portal_settings = settings_of(tmp_path).model_copy(
        update={"oidc_issuer": ISSUER, "oidc_client_id": CLIENT_ID}
    )
    await csrf_of(portal, "/dang-nhap")  # the trial form is there
    page = await portal.get("/dang-nhap")
    assert "Đăng nhập bằng tài khoản của thành phố" in page.text and 'name="role"' in page.text


def test_production_names_what_a_half_set_up_sign_in_lacks() -> None:
    assert not [p for p in Settings(env="development").production_problems() if "OIDC" in p]
    half = Settings(env="development", oidc_issuer="http://id.example").production_problems()
    assert any("QCDC_OIDC_CLIENT_ID is missing" in p for p in half)
    assert any("QCDC_PORTAL_BASE_URL is missing" in p for p in half)
    assert any("QCDC_OIDC_ISSUER must be https://" in p for p in half)
    whole = Settings(
        env="development", oidc_issuer=ISSUER, oidc_client_id=CLIENT_ID, portal_base_url=PORTAL
    ).production_problems()
    assert not [p for p in whole if "OIDC" in p or "PORTAL" in p]
