"""One delivery attempt over HTTP: the receiver's host resolved and every address checked
(SSRF, again at delivery: DNS may have changed since the subscription), the request sent to the
address checked (not resolved a second time, so a rebinding resolver cannot swap it), signed
per Standard Webhooks, no redirect followed, bounded in time and in what is read back."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from math import floor

import httpx
from standardwebhooks import Webhook

from qcdc_gateway.webhooks.cloudevent import CONTENT_TYPE
from qcdc_gateway.webhooks.domain import check_addresses, parse_url, succeeded
from qcdc_shared.refusals import Refused

Resolve = Callable[[str, int], Awaitable[list[str]]]

# Bounds of one attempt, not laws: a receiver should answer at once and queue its own work
# (Standard Webhooks advises a few seconds); a slow or chatty one fails the attempt, and the
# schedule tries again later rather than holding the dispatcher.
CONNECT_SECONDS = 3.0
READ_SECONDS = 5.0
TOTAL_SECONDS = 10.0  # a receiver dripping one byte at a time still ends here
MAX_RESPONSE_BYTES = 4096  # read, then dropped: only the status counts
MAX_ERROR = 500
USER_AGENT = "qcdc-webhooks/1"


async def resolve_host(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    found = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in found))


@dataclass(frozen=True)
class Outcome:
    status: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and succeeded(self.status)


def signed_headers(
    *, secret: str, msg_id: str, timestamp: dt.datetime, body: bytes
) -> dict[str, str]:
    return {
        "content-type": CONTENT_TYPE,
        "user-agent": USER_AGENT,
        "webhook-id": msg_id,
        "webhook-timestamp": str(floor(timestamp.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, timestamp, body),
    }


class Sender:
    def __init__(
        self,
        *,
        allow_private: bool,
        require_https: bool,
        resolve: Resolve = resolve_host,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.require_https = require_https
        self._resolve = resolve
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:  # made in the running loop, again after close()
            self._client = httpx.AsyncClient(
                follow_redirects=False,
                trust_env=False,  # no proxy from the environment between city and receiver
                timeout=httpx.Timeout(CONNECT_SECONDS, read=READ_SECONDS),
                # No connection kept: one opened for a host's checked address and name must
                # not carry a request for another host that resolves to the same address.
                limits=httpx.Limits(max_keepalive_connections=0),
                transport=self._transport,
            )
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def checked(self, url: str) -> tuple[str, dict[str, str], dict[str, object]]:
        """The URL to send to (the host replaced by its checked address), the Host header and
        the request extensions (TLS server name); :class:`Refused` when the URL or an address
        of its host is refused."""
        target = parse_url(url, require_https=self.require_https)
        try:
            addresses = await self._resolve(target.host, target.port)
        except OSError as error:
            raise Refused(
                f"Không phân giải được máy chủ {target.host}: {error}.",
                f"The host {target.host} does not resolve: {error}.",
            ) from None
        check_addresses(target.host, addresses, allow_private=self.allow_private)
        address = ipaddress.ip_address(addresses[0].split("%", 1)[0])
        literal = f"[{address}]" if address.version == 6 else str(address)
        default = 443 if target.scheme == "https" else 80
        host = f"[{target.host}]" if ":" in target.host else target.host
        headers = {"host": host if target.port == default else f"{host}:{target.port}"}
        extensions: dict[str, object] = {}
        if target.scheme == "https":
            extensions["sni_hostname"] = target.host  # the certificate must name the host
        return f"{target.scheme}://{literal}:{target.port}{target.path}", headers, extensions

    async def send(
        self, url: str, *, secret: str, msg_id: str, timestamp: dt.datetime, body: bytes
    ) -> Outcome:
        try:
            # The name's lookup is inside the attempt's time: a slow resolver fails this
            # attempt, never holds the dispatcher past its lease.
            async with asyncio.timeout(TOTAL_SECONDS):
                address, headers, extensions = await self.checked(url)
                headers |= signed_headers(
                    secret=secret, msg_id=msg_id, timestamp=timestamp, body=body
                )
                async with self._http().stream(
                    "POST", address, content=body, headers=headers, extensions=extensions
                ) as response:
                    read = 0
                    async for chunk in response.aiter_raw():
                        read += len(chunk)
                        if read >= MAX_RESPONSE_BYTES:
                            break
                    status = response.status_code
        except Refused as refused:
            return Outcome(status=None, error=f"refused: {refused.detail_en}"[:MAX_ERROR])
        except TimeoutError:
            return Outcome(status=None, error=f"timeout: no answer within {TOTAL_SECONDS:g} s")
        except (httpx.HTTPError, OSError, UnicodeError, ValueError) as error:
            # Whatever the receiver's side makes fail is this attempt's failure, recorded and
            # retried on the schedule: never a delivery stuck unrecorded ahead of its subject.
            return Outcome(status=None, error=f"{type(error).__name__}: {error}"[:MAX_ERROR])
        if succeeded(status):
            return Outcome(status=status, error=None)
        why = "redirect not followed" if 300 <= status < 400 else "not a 2xx"
        return Outcome(status=status, error=f"HTTP {status}: {why}")
