"""Identity (DESIGN §6): bearer JWTs with a role and, for ward staff, a ward claim.

Development tokens are HS256 with ``QCDC_JWT_KEY`` (``qcdc token`` mints them). Production
verifies the city's OIDC provider's RS256/ES256 tokens, its keys from ``QCDC_JWT_JWKS_URL`` or
``QCDC_JWT_PUBLIC_KEY``, and refuses to start without them (``Settings``); every token has a
maximum lifetime. Officers, inspectors and the Front act only in their own ward.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, Literal

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ValidationError

from qcdc_shared.api import access, forbidden, unauthorized
from qcdc_shared.settings import DEVELOPMENT_JWT_KEY, Settings

Role = Literal["citizen", "officer", "inspector", "front", "city_monitor", "admin"]
ROLES_IN_ORDER: tuple[str, ...] = (
    "citizen",
    "officer",
    "inspector",
    "front",
    "city_monitor",
    "admin",
)
ISSUER = "qcdc"
AUDIENCE = "qcdc"
# Ward staff: a token without this ward's claim cannot act here.
WARD_SCOPED: frozenset[str] = frozenset({"officer", "inspector", "front"})


class Principal(BaseModel):
    sub: str
    role: Role
    ward: str | None = None
    name: str | None = None


class TokenError(ValueError):
    pass


class TokenVerifier:
    """Development: HS256 with ``QCDC_JWT_KEY``. Otherwise the identity provider's RS256/ES256
    keys, from its JWKS URL (fetched once, then cached) or one configured PEM key; the role and
    ward are read where the provider puts them and mapped to the platform's names."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        # PyJWKClient's key-set cache expires (300 s): a key the provider withdraws stops
        # verifying within minutes, not at the next restart.
        self._jwks = jwt.PyJWKClient(settings.jwt_jwks_url) if settings.jwt_jwks_url else None
        self._algorithms: list[str] = list(settings.jwt_algorithms)
        self._key: str = settings.jwt_public_key or ""
        if not (self._jwks or self._key):
            if settings.env == "production":
                raise TokenError("production verifies only the identity provider's keys")
            self._key, self._algorithms = settings.jwt_key.get_secret_value(), ["HS256"]

    @property
    def fetches_keys(self) -> bool:
        """True when verifying may wait on the network (the first token of a JWKS key)."""
        return self._jwks is not None

    async def verified(self, token: str) -> Principal:
        """:meth:`verify` for async code: PyJWKClient fetches with urllib, never on the loop."""
        if self.fetches_keys:
            return await asyncio.to_thread(self.verify, token)
        return self.verify(token)

    def verify(self, token: str) -> Principal:
        settings = self._settings
        try:
            key: Any = self._key
            if self._jwks is not None:
                key = self._jwks.get_signing_key_from_jwt(token).key
            claims = jwt.decode(
                token,
                key,
                algorithms=self._algorithms,  # never let the token choose its algorithm
                audience=settings.jwt_audience,
                issuer=settings.jwt_issuer,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise TokenError(str(error)) from error
        lifetime = claims["exp"] - claims["iat"]
        if lifetime > settings.jwt_max_lifetime.total_seconds():
            raise TokenError(f"the token lives {lifetime} s, more than QCDC_JWT_MAX_LIFETIME")
        return self._principal(claims)

    def _principal(self, claims: dict[str, Any]) -> Principal:
        settings = self._settings
        found = _claim(claims, settings.jwt_role_claim)
        named = found if isinstance(found, list) else [found]
        if settings.jwt_role_map:
            named = [settings.jwt_role_map.get(str(name)) for name in named]
        roles = [name for name in named if name in ROLES_IN_ORDER]
        if not roles:
            raise TokenError("the token carries none of the platform's roles")
        ward = _claim(claims, settings.jwt_ward_claim)
        try:
            return Principal(
                sub=claims["sub"],
                # Several roles: the token acts with the broadest, as its holder would expect.
                role=max(roles, key=ROLES_IN_ORDER.index),
                ward=ward if isinstance(ward, str) and ward else None,
                name=claims.get("name"),
            )
        except ValidationError as error:
            raise TokenError(str(error)) from error


def _claim(claims: dict[str, Any], path: str) -> Any:
    """The value at a dotted path (``realm_access.roles``), or None."""
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def mint_development_token(
    settings: Settings,
    *,
    role: str,
    ward: str | None = None,
    sub: str | None = None,
    name: str | None = None,
    ttl: dt.timedelta = dt.timedelta(hours=12),
) -> str:
    if settings.env == "production":
        raise TokenError("development tokens are refused when QCDC_ENV=production")
    if ttl > settings.jwt_max_lifetime:
        raise TokenError(
            f"a token may live at most {settings.jwt_max_lifetime} (QCDC_JWT_MAX_LIFETIME)"
        )
    principal = Principal.model_validate(
        {
            "sub": sub or f"dev-{role}-{uuid.uuid4().hex[:6]}",
            "role": role,
            "ward": ward,
            "name": name,
        }
    )
    if principal.role in WARD_SCOPED and not principal.ward:
        raise TokenError(f"{principal.role} tokens need --ward")
    now = dt.datetime.now(dt.UTC)
    claims = {
        **principal.model_dump(exclude_none=True),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + ttl,
    }
    key = settings.jwt_key.get_secret_value() or DEVELOPMENT_JWT_KEY
    return jwt.encode(claims, key, algorithm="HS256")


_bearer = HTTPBearer(auto_error=False)


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorized(
            "Cần đăng nhập: gửi mã thông báo Bearer.", "Sign-in required: send a Bearer token."
        )
    # Once per request, though both a route's guard and its rate limit ask.
    known: Principal | None = getattr(request.state, "principal", None)
    if known is not None:
        return known
    verifier: TokenVerifier = request.app.state.verifier
    try:
        principal = await verifier.verified(credentials.credentials)
    except TokenError:
        raise unauthorized(
            "Mã thông báo không hợp lệ hoặc đã hết hạn.", "The token is invalid or has expired."
        ) from None
    request.state.principal = principal
    return principal


async def optional_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    """For public routes that show more to staff: no token is a member of the public; a bad
    token is still a 401, so a mistyped token is not silently treated as anonymous."""
    if credentials is None:
        return None
    return await current_principal(request, credentials)


def is_ward_staff(principal: Principal | None, request: Request, *roles: str) -> bool:
    """An admin, or a holder of one of ``roles`` (by default every ward-scoped role: officer,
    inspector, front) whose ward claim is this service's ward."""
    if principal is None:
        return False
    if principal.role == "admin":
        return True
    allowed = roles or WARD_SCOPED
    return principal.role in allowed and principal.ward == getattr(request.app.state, "ward", None)


def _guard(roles: frozenset[str]) -> Callable[..., Coroutine[Any, Any, Principal]]:
    async def check(
        request: Request, principal: Annotated[Principal, Depends(current_principal)]
    ) -> Principal:
        if principal.role == "admin":
            return principal
        if principal.role not in roles:
            raise forbidden(
                f"Vai trò {principal.role} không được thực hiện thao tác này.",
                f"The role {principal.role} may not do this.",
            )
        here: str | None = getattr(request.app.state, "ward", None)
        if here and principal.role in WARD_SCOPED and principal.ward != here:
            raise forbidden(
                f"Tài khoản thuộc phường {principal.ward}, không phải phường {here}.",
                f"This account belongs to ward {principal.ward}, not {here}.",
            )
        return principal

    return check


def requires(*roles: str) -> dict[str, Any]:
    """Route keyword arguments: the OpenAPI ``x-access`` declaration and its enforcement."""
    kwargs = access(roles=roles)
    kwargs["dependencies"] = [Depends(_guard(frozenset(roles)))]
    return kwargs


def public() -> dict[str, Any]:
    return access(public=True)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]
