"""Identity (DESIGN §6): bearer JWTs with a role and, for ward staff, a ward claim.

Development tokens are HS256 with ``QCDC_JWT_KEY`` (``qcdc token`` mints them); deployments give
``QCDC_JWT_PUBLIC_KEY`` (PEM) and tokens are verified with RS256 only. Production refuses the
development key at start (``Settings``). Officers and inspectors act only in their own ward.
"""

from __future__ import annotations

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
    def __init__(self, settings: Settings) -> None:
        if settings.jwt_public_key:
            self._key: str = settings.jwt_public_key
            self._algorithm = "RS256"
        else:
            self._key = settings.jwt_key.get_secret_value()
            self._algorithm = "HS256"

    def verify(self, token: str) -> Principal:
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[self._algorithm],  # never let the token choose its algorithm
                audience=AUDIENCE,
                issuer=ISSUER,
                options={"require": ["exp", "sub", "iss", "aud"]},
            )
            return Principal.model_validate(claims, strict=False, extra="ignore")
        except (jwt.PyJWTError, ValidationError) as error:
            raise TokenError(str(error)) from error


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
        "iss": ISSUER,
        "aud": AUDIENCE,
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
    verifier: TokenVerifier = request.app.state.verifier
    try:
        return verifier.verify(credentials.credentials)
    except TokenError:
        raise unauthorized(
            "Mã thông báo không hợp lệ hoặc đã hết hạn.", "The token is invalid or has expired."
        ) from None


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
