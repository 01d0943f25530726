"""The webhooks' rules: which events a subscription takes, where the city may POST (SSRF),
when a failure is tried again, and which delivery goes next."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from standardwebhooks import Webhook

from qcdc_gateway.webhooks.cloudevent import cloudevent_body
from qcdc_gateway.webhooks.domain import (
    STANDARD_SCHEDULE,
    Pending,
    address_kind,
    after_failure,
    check_addresses,
    check_patterns,
    check_resumable,
    heads,
    parse_url,
    succeeded,
    type_matches,
    wants,
)
from qcdc_gateway.webhooks.handlers import new_secret
from qcdc_gateway.webhooks.sender import Sender, signed_headers
from qcdc_shared.clock import SystemClock
from qcdc_shared.refusals import Refused

RECEIVED = "vn.qcdc.petitions.petition.received.v1"
CLOSED = "vn.qcdc.plans.decision.closed.v1"
T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("pattern", "event_type", "matched"),
    [
        ("*", RECEIVED, True),
        ("vn.qcdc.petitions.petition.*", RECEIVED, True),
        ("vn.qcdc.petitions.*", RECEIVED, True),
        ("vn.qcdc.petitions.petition.*", CLOSED, False),
        ("vn.qcdc.*.petition.received.v1", RECEIVED, True),
        ("vn.qcdc.*.petition.received.v1", CLOSED, False),
        (RECEIVED, RECEIVED, True),
        (RECEIVED, "vn.qcdc.petitions.petition.received.v2", False),
        ("vn.qcdc.petitions.petition.received.*", RECEIVED, True),
        # whole segments only: "pet" is not "petitions"
        ("vn.qcdc.pet.*", RECEIVED, False),
        # a trailing * needs at least one segment
        ("vn.qcdc.petitions.petition.received.v1.*", RECEIVED, False),
    ],
)
def test_an_event_type_pattern_matches_whole_segments(
    pattern: str, event_type: str, matched: bool
) -> None:
    check_patterns([pattern])
    assert type_matches(pattern, event_type) is matched


@pytest.mark.parametrize(
    "patterns",
    [
        [],
        ["vn.qcdc.petitions"],  # no * and not a whole type: it would never match
        ["qcdc.>"],
        ["vn.qcdc.Petitions.*"],
        ["*"] * 21,
    ],
)
def test_a_pattern_that_could_never_match_or_too_many_are_refused(patterns: list[str]) -> None:
    with pytest.raises(Refused) as refused:
        check_patterns(patterns)
    assert refused.value.detail_vi and refused.value.detail_en


def test_the_ward_filter_narrows_a_subscription_and_none_means_every_ward() -> None:
    patterns = ["vn.qcdc.petitions.*"]
    assert wants(patterns=patterns, wards=None, event_type=RECEIVED, ward="sai-gon")
    assert wants(patterns=patterns, wards=["sai-gon"], event_type=RECEIVED, ward="sai-gon")
    assert not wants(patterns=patterns, wards=["ben-thanh"], event_type=RECEIVED, ward="sai-gon")
    assert not wants(patterns=patterns, wards=None, event_type=CLOSED, ward="sai-gon")


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("93.184.216.34", "public"),
        ("2606:4700::6810:85e5", "public"),
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "private"),  # carrier-grade NAT
        ("fd00::1", "private"),
        ("fec0::1", "private"),  # IPv6 site-local (deprecated; Python 3.11 calls it global)
        ("169.254.169.254", "link-local"),  # the cloud metadata endpoint
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("192.0.2.1", "private"),  # documentation: special-purpose, not global
        # IPv4 hidden in IPv6 is judged as the IPv4 address it carries
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 of 169.254.169.254
    ],
)
def test_addresses_are_classified(address: str, kind: str) -> None:
    assert address_kind(address) == kind


def test_only_public_addresses_unless_private_ones_are_allowed() -> None:
    check_addresses("example.vn", ["93.184.216.34"], allow_private=False)
    for bad in (["127.0.0.1"], ["93.184.216.34", "10.0.0.1"], []):
        with pytest.raises(Refused):
            check_addresses("example.vn", bad, allow_private=False)
    check_addresses("localhost", ["127.0.0.1", "::1"], allow_private=True)
    check_addresses("nas", ["192.168.1.5", "fe80::1"], allow_private=True)
    for never in (["0.0.0.0"], ["224.0.0.1"], ["240.0.0.1"]):
        with pytest.raises(Refused):
            check_addresses("odd", never, allow_private=True)


def test_a_url_needs_http_or_https_a_host_and_no_credentials() -> None:
    target = parse_url("https://hook.example.vn:8443/in?x=1", require_https=True)
    assert (target.scheme, target.host, target.port, target.path) == (
        "https",
        "hook.example.vn",
        8443,
        "/in?x=1",
    )
    assert parse_url("http://[::1]/", require_https=False).host == "::1"
    assert parse_url("http://h.vn", require_https=False).port == 80
    for bad in (
        "ftp://h.vn/",
        "file:///etc/passwd",
        "http:///nohost",
        "http://user:pw@h.vn/",
        "http://h.vn:99999/",
        "https://h.vn/" + "x" * 3000,
    ):
        with pytest.raises(Refused):
            parse_url(bad, require_https=False)
    with pytest.raises(Refused):
        parse_url("http://h.vn/", require_https=True)


def test_the_standard_schedule_retries_for_more_than_a_day_then_pauses() -> None:
    assert STANDARD_SCHEDULE[0] == dt.timedelta(0)
    assert sum(STANDARD_SCHEDULE, dt.timedelta(0)) > dt.timedelta(hours=24)
    at, step, tries = T0, 0, 1
    while (retry := after_failure(step, failed_at=at, schedule=STANDARD_SCHEDULE)).at:
        assert retry.at - at == STANDARD_SCHEDULE[retry.step]
        at, step, tries = retry.at, retry.step, tries + 1
    assert tries == len(STANDARD_SCHEDULE) == 8
    assert at - T0 > dt.timedelta(hours=24)


def test_only_a_2xx_is_a_success_a_redirect_is_a_failure() -> None:
    assert succeeded(200) and succeeded(204)
    assert not any(succeeded(status) for status in (301, 302, 307, 308, 400, 410, 500, 503))


def _pending(
    id: int, subject: str, sequence: int, due: dt.datetime = T0, sub: str = "s"
) -> Pending:
    return Pending(
        id=id, subscription_id=sub, ward="ben-thanh", subject=subject, sequence=sequence, due=due
    )


def test_per_aggregate_only_the_first_waiting_delivery_may_go_and_others_go_on() -> None:
    later = T0 + dt.timedelta(minutes=5)
    waiting = [
        _pending(1, "p-1", 1, due=later),  # failed once, waits five minutes
        _pending(2, "p-1", 2),  # due now, but behind p-1's first: it waits too
        _pending(3, "p-2", 1),
        _pending(4, "p-2", 2),
        _pending(5, "p-3", 3),
        _pending(6, "p-3", 2),  # recorded later, an earlier version: it goes first
        _pending(7, "p-1", 1, sub="other"),  # another subscription is not held back
    ]
    assert [p.id for p in heads(waiting, now=T0)] == [3, 6, 7]
    assert [p.id for p in heads(waiting, now=later)] == [3, 6, 7, 1]


def test_only_a_paused_subscription_resumes() -> None:
    check_resumable("paused")
    for state in ("active", "deleted"):
        with pytest.raises(Refused) as refused:
            check_resumable(state)
        assert refused.value.conflict


def test_a_delivery_is_the_cloudevent_as_the_log_keeps_it_and_verifies() -> None:
    body = cloudevent_body(
        event_id="0b0f6a8e-1d7c-4c44-9a43-2d2f1f1e5a11",
        ward="ben-thanh",
        event_type="vn.qcdc.petitions.petition.assigned.v1",
        subject="pet-1",
        sequence=3,
        time=dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        data={"petition_id": "pet-1", "handler": "officer-7", "status": "assigned"},
    )
    event = json.loads(body)
    assert event["time"] == "2026-12-01T02:00:00Z"
    assert event["source"] == "/wards/ben-thanh/petitions"
    assert event["dataschema"] == "urn:qcdc:contracts:events:petitions.petition.assigned:v1"
    assert event["aggregateversion"] == event["sequence"] == 3
    assert "handler" not in event["data"]  # the account the city's log never keeps

    secret = new_secret()
    assert secret.startswith("whsec_") and len(secret) > 40
    # The dispatcher's signing clock: a receiver checks the timestamp against its real clock,
    # whatever the platform's shared clock says.
    now = SystemClock().now()
    headers = signed_headers(secret=secret, msg_id=event["id"], timestamp=now, body=body.encode())
    assert headers["webhook-id"] == event["id"]
    assert Webhook(secret).verify(body.encode(), headers) == event
    with pytest.raises(Exception, match="signature"):
        Webhook(new_secret()).verify(body.encode(), headers)


def test_a_vietnamese_host_name_travels_in_its_ascii_form() -> None:
    target = parse_url("https://tiếpnhận.vn/hook", require_https=True)
    assert target.host == "xn--tipnhn-ff8bpf.vn" and target.host.isascii()


async def test_a_delivery_to_a_vietnamese_name_goes_out_and_a_failing_one_is_recorded() -> None:
    hosts: list[str] = []

    def receiver(request: httpx.Request) -> httpx.Response:
        hosts.append(request.headers["host"])
        if request.url.path == "/broken":
            raise ValueError("a failure no one foresaw")
        return httpx.Response(204, stream=httpx.ByteStream(b""))

    async def public(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    sender = Sender(
        allow_private=False,
        require_https=False,
        resolve=public,
        transport=httpx.MockTransport(receiver),
    )
    signed_at = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)  # nobody verifies it here
    sent = {"secret": "whsec_" + "A" * 43, "msg_id": "m-1", "timestamp": signed_at}
    try:
        delivered = await sender.send("http://tiếpnhận.vn/hook", body=b"{}", **sent)
        # Whatever fails on the receiver's side is this attempt's failure, recorded and retried
        # on the schedule, never an exception that leaves the delivery stuck unrecorded.
        failed = await sender.send("http://tiếpnhận.vn/broken", body=b"{}", **sent)
    finally:
        await sender.close()
    assert delivered.ok and hosts[0] == "xn--tipnhn-ff8bpf.vn"
    assert not failed.ok and failed.error is not None and "ValueError" in failed.error
