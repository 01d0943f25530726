"""Bearer JWTs: minting, verification (HS256 development, RS256 deployed) and route guards."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import http.server
import json
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fastapi import FastAPI
from pydantic import ValidationError

from qcdc_shared.api import MEDIA_TYPE, install_problem_handlers
from qcdc_shared.auth import (
    AUDIENCE,
    ISSUER,
    TokenError,
    TokenVerifier,
    mint_development_token,
    public,
    requires,
)
from qcdc_shared.clock import SystemClock
from qcdc_shared.settings import (
    DEVELOPMENT_JWT_KEY,
    Settings,
    StartRefused,
    get_settings,
    load_settings,
)
from qcdc_shared.testing.environment import isolate

pytestmark = pytest.mark.unit

OTHER_IDENTITY_KEY = "b3RoZXItaWRlbnRpdHkta2V5LWZvci10ZXN0cy0wMDA="


@pytest.fixture(autouse=True)
def _no_qcdc_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Settings read QCDC_* variables: a developer's shell must not change what is tested.
    isolate(monkeypatch)  # development: production is the default (tested below)
    yield


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="module")
def rsa_pair() -> tuple[str, str]:
    """(private PEM, public PEM) of a fresh 2048-bit key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public_pem = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public_pem


def claims(**overrides: Any) -> dict[str, Any]:
    now = SystemClock().now()  # tokens expire in real time, never on the shared clock
    base: dict[str, Any] = {
        "sub": "can-bo-01",
        "role": "officer",
        "ward": "ben-thanh",
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + dt.timedelta(minutes=5),
    }
    base.update(overrides)
    return base


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def hand_signed_hs256(payload: dict[str, Any], secret: bytes) -> str:
    """HS256 by hand: PyJWT refuses a PEM as an HMAC secret, an attacker does not."""
    body = {k: int(v.timestamp()) if isinstance(v, dt.datetime) else v for k, v in payload.items()}
    head = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    data = _b64(json.dumps(body).encode())
    signature = hmac.new(secret, f"{head}.{data}".encode(), hashlib.sha256).digest()
    return f"{head}.{data}.{_b64(signature)}"


def unsigned(payload: dict[str, Any]) -> str:
    return jwt.encode(payload, "", algorithm="none")


# --- minting and verifying ------------------------------------------------------------------


def test_minted_token_verifies_with_its_role_ward_and_subject(settings: Settings) -> None:
    token = mint_development_token(
        settings, role="officer", ward="ben-thanh", sub="can-bo-07", name="Nguyễn Văn A"
    )
    principal = TokenVerifier(settings).verify(token)
    assert (principal.sub, principal.role, principal.ward) == ("can-bo-07", "officer", "ben-thanh")
    assert principal.name == "Nguyễn Văn A"


def test_citizen_token_needs_no_ward_and_gets_a_subject(settings: Settings) -> None:
    principal = TokenVerifier(settings).verify(mint_development_token(settings, role="citizen"))
    assert principal.role == "citizen"
    assert principal.ward is None
    assert principal.sub.startswith("dev-citizen-")


def test_expired_token_is_refused(settings: Settings) -> None:
    token = mint_development_token(
        settings, role="officer", ward="ben-thanh", ttl=dt.timedelta(seconds=-10)
    )
    with pytest.raises(TokenError, match="expired"):
        TokenVerifier(settings).verify(token)


def test_token_signed_with_another_key_is_refused(settings: Settings) -> None:
    other = Settings(jwt_key="another-development-key-of-another-city-000000000")
    token = mint_development_token(other, role="officer", ward="ben-thanh")
    assert TokenVerifier(other).verify(token).role == "officer"
    with pytest.raises(TokenError):
        TokenVerifier(settings).verify(token)


def test_token_for_another_audience_is_refused(settings: Settings) -> None:
    token = jwt.encode(claims(aud="someone-else"), DEVELOPMENT_JWT_KEY, algorithm="HS256")
    with pytest.raises(TokenError):
        TokenVerifier(settings).verify(token)


def test_unknown_role_is_refused(settings: Settings) -> None:
    token = jwt.encode(claims(role="mayor"), DEVELOPMENT_JWT_KEY, algorithm="HS256")
    with pytest.raises(TokenError):
        TokenVerifier(settings).verify(token)


def test_unsigned_token_is_refused_by_the_development_verifier(settings: Settings) -> None:
    with pytest.raises(TokenError):
        TokenVerifier(settings).verify(unsigned(claims(role="admin")))


@pytest.mark.parametrize("role", ["officer", "inspector", "front"])
def test_ward_staff_tokens_need_a_ward(settings: Settings, role: str) -> None:
    with pytest.raises(TokenError, match="need --ward"):
        mint_development_token(settings, role=role)


def test_minting_refuses_an_unknown_role(settings: Settings) -> None:
    with pytest.raises(ValidationError):
        mint_development_token(settings, role="mayor")


# --- RS256, as deployed ---------------------------------------------------------------------


def test_rs256_token_signed_with_the_private_key_verifies(rsa_pair: tuple[str, str]) -> None:
    private, public_pem = rsa_pair
    verifier = TokenVerifier(Settings(jwt_public_key=public_pem))
    token = jwt.encode(claims(role="inspector", sub="tt-02"), private, algorithm="RS256")
    principal = verifier.verify(token)
    assert (principal.sub, principal.role, principal.ward) == ("tt-02", "inspector", "ben-thanh")


def test_rs256_verifier_refuses_a_token_of_another_key_pair(rsa_pair: tuple[str, str]) -> None:
    _, public_pem = rsa_pair
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jwt.encode(claims(), stranger, algorithm="RS256")
    with pytest.raises(TokenError):
        TokenVerifier(Settings(jwt_public_key=public_pem)).verify(token)


def test_rs256_verifier_requires_issuer_and_audience(rsa_pair: tuple[str, str]) -> None:
    private, public_pem = rsa_pair
    verifier = TokenVerifier(Settings(jwt_public_key=public_pem))
    for bad in (claims(iss="elsewhere"), claims(aud="elsewhere")):
        with pytest.raises(TokenError):
            verifier.verify(jwt.encode(bad, private, algorithm="RS256"))
    without_issuer = claims()
    del without_issuer["iss"]
    with pytest.raises(TokenError):
        verifier.verify(jwt.encode(without_issuer, private, algorithm="RS256"))


def test_rs256_verifier_refuses_alg_none(rsa_pair: tuple[str, str]) -> None:
    _, public_pem = rsa_pair
    with pytest.raises(TokenError):
        TokenVerifier(Settings(jwt_public_key=public_pem)).verify(unsigned(claims(role="admin")))


def test_rs256_verifier_refuses_hs256_even_with_the_development_key(
    rsa_pair: tuple[str, str], settings: Settings
) -> None:
    _, public_pem = rsa_pair
    token = mint_development_token(settings, role="admin")
    assert TokenVerifier(settings).verify(token).role == "admin"
    with pytest.raises(TokenError):
        TokenVerifier(Settings(jwt_public_key=public_pem)).verify(token)


def test_rs256_verifier_refuses_hs256_signed_with_the_public_key(
    rsa_pair: tuple[str, str],
) -> None:
    # The classic algorithm confusion: the public key, known to all, used as an HMAC secret.
    _, public_pem = rsa_pair
    token = hand_signed_hs256(claims(role="admin"), public_pem.encode())
    with pytest.raises(TokenError):
        TokenVerifier(Settings(jwt_public_key=public_pem)).verify(token)


# --- production -----------------------------------------------------------------------------


OTHER_PSEUDONYM_KEY = "pseudonyms-of-another-city-0000000000000000"


def production(**overrides: Any) -> Settings:
    """Settings of a deployment that gives everything production asks for, but ``overrides``."""
    given: dict[str, Any] = {
        "env": "production",
        "identity_key": OTHER_IDENTITY_KEY,
        "pseudonym_key": OTHER_PSEUDONYM_KEY,
    }
    return Settings(**{**given, **overrides})


def test_production_is_the_default_and_names_each_missing_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("QCDC_ENV")
    get_settings.cache_clear()
    try:
        with pytest.raises(StartRefused) as refused:
            get_settings()
    finally:
        get_settings.cache_clear()
    assert refused.value.code == str(refused.value)  # what the process prints as it exits
    assert [problem.split(" ", 1)[0] for problem in refused.value.problems] == [
        "QCDC_JWT_JWKS_URL",
        "QCDC_IDENTITY_KEY",
        "QCDC_PSEUDONYM_KEY",
    ]


def test_production_refuses_hs256_whatever_its_key() -> None:
    with pytest.raises(ValidationError, match="QCDC_JWT_JWKS_URL or QCDC_JWT_PUBLIC_KEY"):
        production(jwt_key="a-long-and-secret-key-of-this-city-only-00000000000")


@pytest.mark.parametrize("setting", ["identity_key", "pseudonym_key"])
def test_production_refuses_the_development_keys_of_petitioners(
    rsa_pair: tuple[str, str], setting: str
) -> None:
    development = Settings()
    with pytest.raises(ValidationError, match=f"QCDC_{setting.upper()} is missing"):
        production(jwt_public_key=rsa_pair[1], **{setting: getattr(development, setting)})
    with pytest.raises(ValidationError, match=f"QCDC_{setting.upper()} is missing"):
        production(jwt_public_key=rsa_pair[1], **{setting: ""})


def test_production_refuses_to_mint_development_tokens(rsa_pair: tuple[str, str]) -> None:
    with pytest.raises(TokenError, match="production"):
        mint_development_token(production(jwt_public_key=rsa_pair[1]), role="admin")


def test_production_verifies_the_identity_providers_key_only(rsa_pair: tuple[str, str]) -> None:
    private, public_pem = rsa_pair
    verifier = TokenVerifier(production(jwt_public_key=public_pem))
    assert verifier.verify(jwt.encode(claims(), private, algorithm="RS256")).role == "officer"
    development = mint_development_token(Settings(), role="admin")
    with pytest.raises(TokenError):
        verifier.verify(development)


@pytest.mark.parametrize(
    ("ward", "env", "problem"),
    [
        ("", "development", "QCDC_WARD is empty"),
        ("  ", "production", "QCDC_WARD is empty"),
        ("xa-khong-co", "production", "QCDC_WARD=xa-khong-co is not a ward of the registry"),
        ("ben-thanh", "production", None),
        ("xa-khong-co", "development", None),  # development cities may name their own wards
    ],
)
def test_a_ward_process_refuses_an_empty_or_unknown_ward(
    rsa_pair: tuple[str, str], ward: str, env: str, problem: str | None
) -> None:
    settings = production(env=env, ward=ward, jwt_public_key=rsa_pair[1])
    found = settings.ward_problems(["ben-thanh", "sai-gon"])
    assert found == ([] if problem is None else [found[0]])
    if problem is not None:
        assert found[0].startswith(problem)


def test_production_needs_the_ward_named(rsa_pair: tuple[str, str]) -> None:
    settings = production(jwt_public_key=rsa_pair[1])  # the default ward, not asked for
    assert settings.ward_problems(["ben-thanh"]) == ["QCDC_WARD is missing"]


# --- the identity provider's tokens (OIDC) ----------------------------------------------------


def test_a_token_living_longer_than_the_maximum_is_refused(settings: Settings) -> None:
    now = SystemClock().now()
    long_lived = claims(iat=now, exp=now + settings.jwt_max_lifetime + dt.timedelta(minutes=1))
    with pytest.raises(TokenError, match="QCDC_JWT_MAX_LIFETIME"):
        TokenVerifier(settings).verify(jwt.encode(long_lived, DEVELOPMENT_JWT_KEY, "HS256"))
    without_iat = claims()
    del without_iat["iat"]
    with pytest.raises(TokenError, match="iat"):
        TokenVerifier(settings).verify(jwt.encode(without_iat, DEVELOPMENT_JWT_KEY, "HS256"))
    with pytest.raises(TokenError, match="at most"):
        mint_development_token(
            settings, role="citizen", ttl=settings.jwt_max_lifetime + dt.timedelta(seconds=1)
        )


def test_production_refuses_a_custom_role_claim_without_a_map(rsa_pair: tuple[str, str]) -> None:
    with pytest.raises(ValidationError, match="QCDC_JWT_ROLE_MAP is missing"):
        production(jwt_public_key=rsa_pair[1], jwt_role_claim="realm_access.roles")


def test_a_mistyped_environment_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QCDC_ENV", "prod")
    with pytest.raises(StartRefused) as refused:
        load_settings()
    assert refused.value.problems[0].startswith("QCDC_ENV: Input should be")


def test_roles_and_wards_are_read_where_the_provider_puts_them(
    rsa_pair: tuple[str, str],
) -> None:
    private, public_pem = rsa_pair
    settings = production(
        jwt_public_key=public_pem,
        jwt_issuer="https://id.tphcm.gov.vn/realms/qcdc",
        jwt_audience="qcdc-portal",
        jwt_role_claim="realm_access.roles",
        jwt_ward_claim="qcdc.ward",
        jwt_role_map={"can-bo-phuong": "officer", "nguoi-dan": "citizen"},
    )
    provider = claims(
        iss="https://id.tphcm.gov.vn/realms/qcdc",
        aud="qcdc-portal",
        realm_access={"roles": ["offline_access", "nguoi-dan", "can-bo-phuong"]},
        qcdc={"ward": "sai-gon"},
    )
    del provider["role"], provider["ward"]
    principal = TokenVerifier(settings).verify(jwt.encode(provider, private, "RS256"))
    assert (principal.role, principal.ward) == ("officer", "sai-gon")
    # A role the map does not name is no role here, even if it is spelled like one of ours.
    unmapped = {**provider, "realm_access": {"roles": ["admin", "offline_access"]}}
    with pytest.raises(TokenError, match="none of the platform's roles"):
        TokenVerifier(settings).verify(jwt.encode(unmapped, private, "RS256"))


def test_es256_keys_from_the_providers_jwks_url(jwks: tuple[Any, str]) -> None:
    private, url = jwks
    with pytest.raises(ValidationError, match="must be https://"):
        production(jwt_jwks_url=url)  # a local test server: plain HTTP, development only
    verifier = TokenVerifier(Settings(jwt_jwks_url=url))
    token = jwt.encode(claims(), private, algorithm="ES256", headers={"kid": "city-2026"})
    assert verifier.fetches_keys
    assert verifier.verify(token).sub == "can-bo-01"
    stranger = ec.generate_private_key(ec.SECP256R1())
    forged = jwt.encode(claims(role="admin"), stranger, "ES256", headers={"kid": "city-2026"})
    with pytest.raises(TokenError):
        verifier.verify(forged)


@pytest.fixture
def jwks() -> Iterator[tuple[Any, str]]:
    """An ES256 key and the URL of a local JWKS document publishing its public half."""
    key = ec.generate_private_key(ec.SECP256R1())
    public_jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(key.public_key()))
    document = json.dumps({"keys": [{**public_jwk, "kid": "city-2026", "use": "sig"}]}).encode()

    class Keys(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(document)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Keys)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield key, f"http://127.0.0.1:{server.server_port}/certs"
    finally:
        server.shutdown()
        server.server_close()


# --- HTTP guards ----------------------------------------------------------------------------


def build_app(settings: Settings) -> FastAPI:
    app = FastAPI()
    app.state.verifier = TokenVerifier(settings)
    app.state.ward = "ben-thanh"
    install_problem_handlers(app)

    @app.post("/x", **requires("officer"))
    async def officers_only() -> dict[str, str]:
        return {"ok": "x"}

    @app.get("/p", **public())
    async def anyone() -> dict[str, str]:
        return {"ok": "p"}

    return app


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=build_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        yield c


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(MEDIA_TYPE)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["title_en"] and body["detail"] and body["detail_en"]
    return body


async def test_no_token_is_401_with_a_bearer_challenge(client: httpx.AsyncClient) -> None:
    response = await client.post("/x")
    problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


async def test_garbage_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/x", headers=bearer("not.a.jwt"))
    body = problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert "hết hạn" in body["detail"]


async def test_expired_token_is_401(client: httpx.AsyncClient, settings: Settings) -> None:
    token = mint_development_token(
        settings, role="officer", ward="ben-thanh", ttl=dt.timedelta(seconds=-10)
    )
    problem(await client.post("/x", headers=bearer(token)), 401)


async def test_officer_of_this_ward_passes(client: httpx.AsyncClient, settings: Settings) -> None:
    token = mint_development_token(settings, role="officer", ward="ben-thanh")
    response = await client.post("/x", headers=bearer(token))
    assert response.status_code == 200
    assert response.json() == {"ok": "x"}


async def test_officer_of_another_ward_is_403_in_both_languages(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    token = mint_development_token(settings, role="officer", ward="sai-gon")
    body = problem(await client.post("/x", headers=bearer(token)), 403)
    assert body["detail"] == "Tài khoản thuộc phường sai-gon, không phải phường ben-thanh."
    assert body["detail_en"] == "This account belongs to ward sai-gon, not ben-thanh."


@pytest.mark.parametrize(("role", "ward"), [("citizen", None), ("inspector", "ben-thanh")])
async def test_other_roles_are_403(
    client: httpx.AsyncClient, settings: Settings, role: str, ward: str | None
) -> None:
    token = mint_development_token(settings, role=role, ward=ward)
    body = problem(await client.post("/x", headers=bearer(token)), 403)
    assert role in body["detail"] and role in body["detail_en"]


@pytest.mark.parametrize("ward", [None, "sai-gon", "ben-thanh"])
async def test_admin_of_any_ward_passes(
    client: httpx.AsyncClient, settings: Settings, ward: str | None
) -> None:
    token = mint_development_token(settings, role="admin", ward=ward)
    assert (await client.post("/x", headers=bearer(token))).status_code == 200


async def test_public_route_needs_no_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/p")
    assert response.status_code == 200
    assert response.json() == {"ok": "p"}


async def test_openapi_declares_who_may_call_each_route(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert paths["/x"]["post"]["x-access"] == {"public": False, "roles": ["officer"]}
    assert paths["/p"]["get"]["x-access"] == {"public": True}
