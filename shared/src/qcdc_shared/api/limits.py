"""How much one caller may send and how often (issue "Trust"): a request body over
``QCDC_REQUEST_BODY_MAX_BYTES`` is a 413, and the routes a stranger could abuse (filing,
tracking-code lookups, identity reads, ``as_of`` and exports) are counted per client address
and per account, a 429 with ``Retry-After`` past their limit.

Limits are configuration in the ``limits`` package's notation (``20/minute;200/hour``). Their
counters live in ``QCDC_RATE_LIMIT_STORAGE``: memory, per process, by default; a deployment
running several instances of one service gives them a shared store
(``async+redis://host:6379``) so that they count together. The client address is the one
uvicorn reports, which honours ``X-Forwarded-For`` only from ``--forwarded-allow-ips`` (the
gateway's ward proxy, an ingress).
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import time
from collections.abc import Callable, Coroutine
from typing import Any, Final, Literal

from fastapi import Depends, Request
from limits import RateLimitItem, parse_many
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qcdc_shared.api.access import EXTENSION as ACCESS
from qcdc_shared.api.problems import RATE_LIMIT, Problem, ProblemResponse
from qcdc_shared.auth import OptionalPrincipal
from qcdc_shared.readiness import CityStateHolder
from qcdc_shared.settings import Settings

Limited = Literal["filing", "lookup", "identity", "costly"]
NAMES: Final[tuple[Limited, ...]] = ("filing", "lookup", "identity", "costly")


def address_of(request: Request) -> str:
    """The caller's address; for IPv6 its /64, which one subscriber holds whole."""
    host = request.client.host if request.client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if address.version == 6 and not address.ipv4_mapped:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return host


def too_many(retry_after: int) -> Problem:
    return Problem.for_status(
        429,
        detail=f"Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau {retry_after} giây.",
        detail_en=f"Too many requests. Please try again in {retry_after} seconds.",
        headers={"Retry-After": str(retry_after)},
    )


class RateLimits:
    def __init__(self, settings: Settings) -> None:
        self._limiter = MovingWindowRateLimiter(storage_from_string(settings.rate_limit_storage))
        self._items: dict[str, list[RateLimitItem]] = {
            name: parse_many(getattr(settings, f"rate_limit_{name}")) for name in NAMES
        }

    async def spend(self, name: Limited, *callers: str) -> None:
        """Count one request of each caller, or refuse it with the wait before the next. A hit
        tests and counts at once in the store: concurrent requests cannot all pass a test
        before any of them is counted."""
        for caller in callers:
            for item in self._items[name]:
                if not await self._limiter.hit(item, name, caller):
                    stats = await self._limiter.get_window_stats(item, name, caller)
                    raise too_many(max(1, math.ceil(stats.reset_time - time.time())))


def _spender(
    name: Limited, when: Callable[[Request], bool] | None, *, signed_in: bool
) -> Callable[..., Coroutine[Any, Any, None]]:
    async def spend(request: Request, principal: OptionalPrincipal) -> None:
        if when is not None and not when(request):
            return
        if signed_in and principal is None:
            return  # refused as anonymous next: a stranger spends nobody's budget
        city: CityStateHolder = request.app.state.city
        if city.state.sent_by_builder(request):
            return  # the demo builder writes a city's history through the API, as the platform
        callers = [f"client:{address_of(request)}"]
        if principal is not None:
            callers.append(f"account:{principal.sub}")
        limits: RateLimits = request.app.state.rate_limits
        await limits.spend(name, *callers)

    return spend


def limited(
    name: Limited, route: dict[str, Any], *, when: Callable[[Request], bool] | None = None
) -> dict[str, Any]:
    """Route keyword arguments (``requires(...)`` or ``public()``) that also count each call
    against the limit ``name``; ``when`` narrows it to some calls (``?as_of=`` given)."""
    public = route.get("openapi_extra", {}).get(ACCESS, {}).get("public", False)
    spend = Depends(_spender(name, when, signed_in=not public))
    return {**_named(name, route), "dependencies": [*route.get("dependencies", ()), spend]}


def holds_a_stream(route: dict[str, Any]) -> dict[str, Any]:
    """Route keyword arguments of a stream that takes one of the ``StreamSlots`` while open."""
    return _named("streams", route)


def _named(limit: str, route: dict[str, Any]) -> dict[str, Any]:
    return {**route, "openapi_extra": {**route.get("openapi_extra", {}), RATE_LIMIT: limit}}


class StreamSlots:
    """Open event streams, per client and in all. A count of what is open now, which a rate
    limiter (requests per window) does not keep: a stream that stays open for hours is one
    request."""

    def __init__(self, *, per_client: int, total: int) -> None:
        self.per_client, self.total = per_client, total
        self._open: dict[str, int] = {}

    def take(self, client: str) -> None:
        if sum(self._open.values()) >= self.total or self._open.get(client, 0) >= self.per_client:
            raise too_many(RETRY_STREAM_SECONDS)
        self._open[client] = self._open.get(client, 0) + 1

    def give_back(self, client: str) -> None:
        left = self._open.get(client, 0) - 1
        if left > 0:
            self._open[client] = left
        else:
            self._open.pop(client, None)


RETRY_STREAM_SECONDS: Final = 30


class BodyLimit:
    """413 problem+json for a body over ``max_bytes``: by its Content-Length before anything is
    read, or as soon as a chunked body passes the limit, so nothing downstream (the gateway's
    ward proxy included) holds more. Not FastAPI's ``max_body_size``: it answers a declared
    length in plain text, outside the app's problem handlers."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        too_large = started = False

        async def counted() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if too_large:
                return  # the app's answer to a body it could not read (FastAPI: a 400)
            started = started or message["type"] == "http.response.start"
            await send(message)

        with contextlib.suppress(_TooLarge):
            await self.app(scope, counted, watched)
        if too_large and not started:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = {**Problem.for_status(413).to_dict(), "instance": scope.get("path", "")}
        await ProblemResponse(body, status_code=413)(scope, receive, send)


class _TooLarge(Exception):
    pass
