"""How the portal reads a ward: the public routes of its services, over HTTP.

Behind :class:`WardReader` so the pages' tests use a fake, and so the ward-local portal
instance, which talks only to its own ward's services, hands in that ward's addresses. What
it reads for anyone is public, and a tracking code shows only what the petitions service shows
the holder of that code (``GET /petitions/track/{code}``). What a signed-in person reads or does
(:meth:`WardReader.get`, :meth:`WardReader.send`) carries their own session's token, so the ward's
service, not the portal, decides what they may do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

import httpx
from opentelemetry.propagate import inject

# Shorter than the proxy's: a resident waits for a page, and a slow ward gets the "try later"
# page rather than a spinner. Connecting is quick on a healthy machine.
TIMEOUT = httpx.Timeout(5.0, connect=2.0)
# The most reception sessions a page lists: months ahead of a ward's schedule.
SESSIONS_LIMIT = 100
# The most postings a page lists: the ward's current postings fit in one page of the
# publicity service's list (its page-size cap), and a page stays well under 100 kB.
POSTINGS_LIMIT = 200


class ServiceUnavailable(Exception):
    """A ward service is not running, did not answer in time, or failed (a 5xx)."""

    def __init__(self, service: str) -> None:
        super().__init__(service)
        self.service = service


class TooManyLookups(Exception):
    """The petitions service's per-client lookup limit said no (429)."""

    def __init__(self, retry_after: str | None) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Reply:
    """A ward service's answer to a signed-in person's read or action: its status and JSON body
    (a problem+json document when refused, RFC 9457 with ``detail``/``detail_en``)."""

    status: int
    body: Any

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def message(self, lang: str) -> str:
        """The service's own explanation of a refusal, in the page's language, with each
        invalid field's message, so a form shows why it was not taken."""
        body = self.body if isinstance(self.body, dict) else {}
        english = lang == "en"
        detail = body.get("detail_en" if english else "detail") or body.get("detail") or ""
        fields = [
            str(error.get("message_en" if english else "message") or "")
            + (
                f" ({'.'.join(str(p) for p in error.get('location', [])[1:])})"
                if error.get("location")
                else ""
            )
            for error in body.get("errors", [])
            if isinstance(error, dict)
        ]
        return " ".join([str(detail), *fields]).strip() or str(self.status)


class WardReader(Protocol):
    async def current_postings(self, ward: str) -> list[dict[str, Any]]:
        """The ward's postings on display now (status published), newest first."""
        ...

    async def tracked_petition(self, ward: str, code: str, *, client: str) -> dict[str, Any] | None:
        """What the holder of ``code`` sees of their petition, or None for no such code.
        ``client`` is the resident's address: the ward's lookup limit counts them."""
        ...

    async def reception_schedule(self, ward: str, *, start: dt.date) -> list[dict[str, Any]]:
        """The posted citizen-reception sessions on ``start`` or later, soonest first."""
        ...

    async def get(
        self,
        ward: str,
        service: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        token: str | None = None,
    ) -> Reply:
        """Any read of a ward service, as the holder of ``token`` (None: as the public)."""
        ...

    async def send(
        self,
        ward: str,
        service: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        token: str | None = None,
        client: str | None = None,
    ) -> Reply:
        """An action on a ward service (POST, PUT, PATCH, DELETE) as the holder of ``token``;
        ``client`` is the resident's address, which the ward's rate limits count."""
        ...


@dataclass(frozen=True)
class HttpWardReader:
    """Reads each ward's services at the addresses ``urls()`` gives (the launcher's topology
    file at the city, read per request since a restarted service may move port)."""

    urls: Callable[[], Mapping[str, Mapping[str, str]]]
    client: Callable[[], httpx.AsyncClient]

    def _base(self, ward: str, service: str) -> str:
        base = self.urls().get(ward, {}).get(service)
        if not base:
            raise ServiceUnavailable(service)
        return base.rstrip("/")

    async def _call(
        self,
        ward: str,
        service: str,
        path: str,
        *,
        method: str = "GET",
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        client: str | None = None,
        token: str | None = None,
    ) -> httpx.Response:
        headers = {"accept": "application/json"}
        if client:
            # The resident, not the gateway, is who the ward's rate limits count.
            headers["x-forwarded-for"] = client
        if token:
            headers["authorization"] = f"Bearer {token}"
        inject(headers)  # one trace from the resident's page into the ward's service
        try:
            reply = await self.client().request(
                method,
                f"{self._base(ward, service)}{path}",
                params=params,
                json=json,
                headers=headers,
                timeout=TIMEOUT,
            )
        except httpx.TransportError:  # refused, timed out or cut: all "try later" for a reader
            raise ServiceUnavailable(service) from None
        if reply.status_code >= 500:
            raise ServiceUnavailable(service)
        return reply

    async def current_postings(self, ward: str) -> list[dict[str, Any]]:
        reply = await self._call(
            ward, "publicity", "/postings", params={"status": "published", "limit": POSTINGS_LIMIT}
        )
        if reply.status_code != 200:
            raise ServiceUnavailable("publicity")
        items: list[dict[str, Any]] = reply.json()["items"]
        return items

    async def tracked_petition(self, ward: str, code: str, *, client: str) -> dict[str, Any] | None:
        path = f"/petitions/track/{quote(code, safe='')}"
        reply = await self._call(ward, "petitions", path, client=client)
        if reply.status_code in (404, 422):
            return None
        if reply.status_code == 429:
            raise TooManyLookups(reply.headers.get("retry-after"))
        if reply.status_code != 200:
            raise ServiceUnavailable("petitions")
        tracked: dict[str, Any] = reply.json()
        return tracked

    async def reception_schedule(self, ward: str, *, start: dt.date) -> list[dict[str, Any]]:
        reply = await self._call(
            ward,
            "petitions",
            "/receptions",
            params={"from": start.isoformat(), "limit": SESSIONS_LIMIT},
        )
        if reply.status_code != 200:
            raise ServiceUnavailable("petitions")
        items: list[dict[str, Any]] = reply.json()["items"]
        return items

    async def get(
        self,
        ward: str,
        service: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        token: str | None = None,
    ) -> Reply:
        reply = await self._call(ward, service, path, params=params, token=token)
        return Reply(reply.status_code, _json(reply))

    async def send(
        self,
        ward: str,
        service: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        token: str | None = None,
        client: str | None = None,
    ) -> Reply:
        reply = await self._call(
            ward, service, path, method=method, json=json, token=token, client=client
        )
        return Reply(reply.status_code, _json(reply))


def _json(reply: httpx.Response) -> Any:
    try:
        return reply.json()
    except ValueError:  # an empty 204, or a proxy's HTML error page
        return None
