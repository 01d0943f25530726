"""One delivery attempt against a real local HTTP server: a redirect is a failure and is not
followed, a receiver that talks back at length is read a few KB and no more, and the SSRF rule
holds again at delivery, after DNS resolution (a name that now resolves to a private address
is refused without a request)."""

from __future__ import annotations

import asyncio

import pytest
from standardwebhooks import Webhook

from qcdc_gateway.webhooks.handlers import new_secret
from qcdc_gateway.webhooks.sender import Outcome, Sender
from qcdc_shared.clock import SystemClock

from .webhook_receiver import Receiver

pytestmark = pytest.mark.integration

BODY = b'{"specversion":"1.0","id":"0b0f6a8e-1d7c-4c44-9a43-2d2f1f1e5a11"}'
MSG = "0b0f6a8e-1d7c-4c44-9a43-2d2f1f1e5a11"


async def send(sender: Sender, url: str, secret: str) -> Outcome:
    # Signed by the dispatcher's signing clock: the receiver verifies against its real clock.
    return await sender.send(
        url, secret=secret, msg_id=MSG, timestamp=SystemClock().now(), body=BODY
    )


async def test_a_redirect_is_a_failure_and_is_not_followed() -> None:
    receiver = Receiver(status=307, headers=[(b"location", b"/elsewhere")])
    await receiver.start()
    sender = Sender(allow_private=True, require_https=False)
    try:
        outcome = await send(sender, f"{receiver.url}/hook", new_secret())
    finally:
        await sender.close()
        await receiver.stop()
    assert not outcome.ok and outcome.status == 307
    assert "redirect" in (outcome.error or "")
    assert [r.path for r in receiver.received] == ["/hook"]


async def test_a_long_answer_is_read_a_few_kilobytes_only_and_the_request_is_signed() -> None:
    # An answer without end: only a sender that stops reading after a few KB is done with it
    # (one that read on would meet its own time limit and count the attempt failed).
    receiver = Receiver(status=200, body_chunks=-1)
    await receiver.start()
    sender = Sender(allow_private=True, require_https=False)
    secret = new_secret()
    try:
        async with asyncio.timeout(10):
            outcome = await send(sender, f"{receiver.url}/hook?x=1", secret)
    finally:
        await sender.close()
        await receiver.stop()
    assert outcome.ok
    (request,) = receiver.received
    assert request.headers["host"] == f"127.0.0.1:{receiver.port}"
    assert request.headers["webhook-id"] == MSG
    assert Webhook(secret).verify(request.body, request.headers, json_parse=False) is None


async def test_the_ssrf_rule_holds_at_delivery_after_resolution() -> None:
    receiver = Receiver()
    await receiver.start()

    async def rebound(host: str, port: int) -> list[str]:
        # A name that resolved to a public address at subscription and now points inside.
        return ["93.184.216.34", "10.0.0.7"] if host == "hooks.example.vn" else ["127.0.0.1"]

    strict = Sender(allow_private=False, require_https=False)
    rebinding = Sender(allow_private=False, require_https=False, resolve=rebound)
    https_only = Sender(allow_private=True, require_https=True)
    try:
        loopback = await send(strict, f"{receiver.url}/hook", new_secret())
        private = await send(rebinding, "http://hooks.example.vn/hook", new_secret())
        plain = await send(https_only, f"{receiver.url}/hook", new_secret())
    finally:
        for sender in (strict, rebinding, https_only):
            await sender.close()
        await receiver.stop()
    assert receiver.received == []
    assert "loopback" in (loopback.error or "")
    assert "10.0.0.7" in (private.error or "")
    assert "https" in (plain.error or "")
    assert not any(o.ok for o in (loopback, private, plain))
