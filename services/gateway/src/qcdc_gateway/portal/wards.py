"""How the portal reads a ward: the public routes of its services, over HTTP.

Behind :class:`WardReader` so the pages' tests use a fake, and so the ward-local portal
instance, which talks only to its own ward's services, hands in that ward's addresses. The
reader never sees a token: everything it asks is public, and a tracking code shows only what
the petitions service shows the holder of that code (``GET /petitions/track/{code}``).
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

    async def _get(
        self,
        ward: str,
        service: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        client: str | None = None,
    ) -> httpx.Response:
        headers = {"accept": "application/json"}
        if client:
            # The resident, not the gateway, is who the ward's rate limits count.
            headers["x-forwarded-for"] = client
        inject(headers)  # one trace from the resident's page into the ward's service
        try:
            reply = await self.client().get(
                f"{self._base(ward, service)}{path}",
                params=params,
                headers=headers,
                timeout=TIMEOUT,
            )
        except httpx.TransportError:  # refused, timed out or cut: all "try later" for a reader
            raise ServiceUnavailable(service) from None
        if reply.status_code >= 500:
            raise ServiceUnavailable(service)
        return reply

    async def current_postings(self, ward: str) -> list[dict[str, Any]]:
        reply = await self._get(
            ward, "publicity", "/postings", params={"status": "published", "limit": POSTINGS_LIMIT}
        )
        if reply.status_code != 200:
            raise ServiceUnavailable("publicity")
        items: list[dict[str, Any]] = reply.json()["items"]
        return items

    async def tracked_petition(self, ward: str, code: str, *, client: str) -> dict[str, Any] | None:
        path = f"/petitions/track/{quote(code, safe='')}"
        reply = await self._get(ward, "petitions", path, client=client)
        if reply.status_code in (404, 422):
            return None
        if reply.status_code == 429:
            raise TooManyLookups(reply.headers.get("retry-after"))
        if reply.status_code != 200:
            raise ServiceUnavailable("petitions")
        tracked: dict[str, Any] = reply.json()
        return tracked

    async def reception_schedule(self, ward: str, *, start: dt.date) -> list[dict[str, Any]]:
        reply = await self._get(
            ward,
            "petitions",
            "/receptions",
            params={"from": start.isoformat(), "limit": SESSIONS_LIMIT},
        )
        if reply.status_code != 200:
            raise ServiceUnavailable("petitions")
        items: list[dict[str, Any]] = reply.json()["items"]
        return items
