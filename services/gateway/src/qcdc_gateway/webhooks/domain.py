"""Webhook rules, pure: which events a subscription wants, where it may be delivered (SSRF),
when a failed delivery is tried again, which delivery goes next. No framework, no I/O: the
addresses a host resolves to are given by the caller.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import urlsplit

from qcdc_shared.refusals import Refused

SubscriptionState = Literal["active", "paused", "deleted"]
DeliveryState = Literal["pending", "delivered", "cancelled"]

# The Standard Webhooks suggested schedule: the delay before each attempt after a failure
# (the first attempt is immediate). Its sum, about 27.6 hours, keeps retrying past a whole day,
# as issue 20 asks; after the last one the subscription is paused, its deliveries kept.
STANDARD_SCHEDULE: Final[tuple[dt.timedelta, ...]] = (
    dt.timedelta(0),
    dt.timedelta(seconds=5),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=5),
    dt.timedelta(hours=10),
    dt.timedelta(hours=10),
)

# Input bounds, not laws: a handful of patterns, a URL a browser would still take.
MAX_PATTERNS: Final = 20
MAX_URL: Final = 2048
_SEGMENT = r"[a-z0-9_]+"
PATTERN = re.compile(rf"^(\*|vn\.qcdc(\.({_SEGMENT}|\*))*)$")
FULL_TYPE = re.compile(rf"^vn\.qcdc\.{_SEGMENT}\.{_SEGMENT}\.{_SEGMENT}\.v[0-9]+$")


# -- which events -------------------------------------------------------------------------------


def check_patterns(patterns: Sequence[str]) -> None:
    """A pattern is a whole event type (``vn.qcdc.plans.decision.closed.v1``) or segments with
    ``*``: one segment inside, every remaining segment (one or more) at the end, so
    ``vn.qcdc.petitions.petition.*`` is every petition event of every version, ``*`` all."""
    if not patterns:
        raise Refused(
            "Cần ít nhất một mẫu loại sự kiện (ví dụ `*`).",
            "At least one event-type pattern is needed (e.g. `*`).",
        )
    if len(patterns) > MAX_PATTERNS:
        raise Refused(
            f"Tối đa {MAX_PATTERNS} mẫu loại sự kiện.",
            f"At most {MAX_PATTERNS} event-type patterns.",
        )
    for pattern in patterns:
        if not PATTERN.match(pattern) or ("*" not in pattern and not FULL_TYPE.match(pattern)):
            raise Refused(
                f"Mẫu loại sự kiện không hợp lệ: {pattern!r}; dùng một loại đầy đủ "
                "(vn.qcdc.<dịch vụ>.<đối tượng>.<sự kiện>.v<N>) hoặc các đoạn với `*`.",
                f"Invalid event-type pattern {pattern!r}: give a whole type "
                "(vn.qcdc.<service>.<aggregate>.<event>.v<N>) or segments with `*`.",
            )


def type_matches(pattern: str, event_type: str) -> bool:
    wanted, given = pattern.split("."), event_type.split(".")
    for index, segment in enumerate(wanted):
        last = index == len(wanted) - 1
        if segment == "*" and last:
            return len(given) > index
        if index >= len(given) or (segment != "*" and segment != given[index]):
            return False
    return len(given) == len(wanted)


def wants(
    *, patterns: Sequence[str], wards: Sequence[str] | None, event_type: str, ward: str
) -> bool:
    """Whether a subscription takes an event: one of its patterns matches the type, and the
    ward is in its ward filter (none: every ward)."""
    if wards and ward not in wards:
        return False
    return any(type_matches(pattern, event_type) for pattern in patterns)


# -- where it may go (SSRF) ---------------------------------------------------------------------

AddressKind = Literal[
    "public", "loopback", "private", "link-local", "multicast", "reserved", "unspecified"
]
# What QCDC_WEBHOOKS_ALLOW_PRIVATE opens (a receiver on the same machine or network, in
# development and tests). Multicast, reserved and unspecified addresses never take an HTTP POST.
ALLOWED_WHEN_PRIVATE: Final[frozenset[AddressKind]] = frozenset(
    {"public", "loopback", "private", "link-local"}
)
KIND_VI: Final[dict[AddressKind, str]] = {
    "public": "công khai",
    "loopback": "loopback (chính máy chủ)",
    "private": "mạng riêng",
    "link-local": "link-local",
    "multicast": "multicast",
    "reserved": "dành riêng",
    "unspecified": "không xác định",
}


def address_kind(address: str) -> AddressKind:
    """What an IP address is, for deciding whether the city may POST to it. An IPv4 address
    written as IPv6 (``::ffff:127.0.0.1``, 6to4, NAT64 well-known prefix) is judged as the IPv4
    address it carries: otherwise it would slip past as "IPv6, not loopback"."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        carried = ip.ipv4_mapped or ip.sixtofour
        if carried is None and ip in _NAT64:
            carried = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if carried is not None:
            return address_kind(str(carried))
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_multicast:  # before "global": Python 3.11 calls 224.0.0.1 global
        return "multicast"
    if ip.is_link_local:
        return "link-local"
    if ip.is_reserved:  # before "private": Python counts 240.0.0.0/4 as both
        return "reserved"
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:  # fec0::/10, not "private"
        return "private"
    if ip.is_private or not ip.is_global:  # the special-purpose ranges besides (RFC 6890)
        return "private"
    return "public"


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str  # with its query


def parse_url(url: str, *, require_https: bool) -> Target:
    """The parts of a receiver's URL, or why it is refused: http(s) only (https alone when
    ``require_https``), a host, no user:password (it would sit in logs and mislead readers of
    ``http://good@evil``)."""
    if len(url) > MAX_URL:
        raise _refused_url(url, "quá dài", "is too long")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _refused_url(url, "không đọc được", "cannot be parsed") from None
    schemes = ("https",) if require_https else ("http", "https")
    if parts.scheme not in schemes:
        allowed = " hoặc ".join(schemes)
        raise _refused_url(url, f"phải dùng {allowed}", f"must use {' or '.join(schemes)}")
    if not parts.hostname:
        raise _refused_url(url, "thiếu tên máy chủ", "has no host")
    if parts.username is not None or parts.password is not None:
        raise _refused_url(url, "không được chứa tên/mật khẩu", "may not carry a user or password")
    try:
        # A Vietnamese domain name (tiếpnhận.vn) travels in its ASCII form (IDNA).
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise _refused_url(url, "có tên máy chủ không hợp lệ", "has an invalid host name") from None
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(
        scheme=parts.scheme,
        host=host,
        port=port or (443 if parts.scheme == "https" else 80),
        path=path,
    )


def check_addresses(host: str, addresses: Iterable[str], *, allow_private: bool) -> None:
    """Every address ``host`` resolves to must be one the city may POST to: one bad address
    refuses the host (a resolver may answer either). None at all is refused too."""
    found = list(addresses)
    if not found:
        raise Refused(
            f"Không phân giải được máy chủ {host}.",
            f"The host {host} does not resolve.",
        )
    allowed = ALLOWED_WHEN_PRIVATE if allow_private else frozenset({"public"})
    for address in found:
        kind = address_kind(address)
        if kind not in allowed:
            raise Refused(
                f"Không gửi webhook tới {host}: địa chỉ {address} thuộc loại "
                f"{KIND_VI[kind]}, không được phép (chống SSRF; xem "
                "QCDC_WEBHOOKS_ALLOW_PRIVATE).",
                f"Webhooks may not go to {host}: address {address} is {kind}, which is "
                "refused (SSRF; see QCDC_WEBHOOKS_ALLOW_PRIVATE).",
            )


def _refused_url(url: str, why_vi: str, why_en: str) -> Refused:
    shown = url if len(url) <= 120 else url[:117] + "..."
    return Refused(f"Địa chỉ webhook {shown!r} {why_vi}.", f"The webhook URL {shown!r} {why_en}.")


# -- when it is tried again ---------------------------------------------------------------------


@dataclass(frozen=True)
class Retry:
    """After a failed attempt: when to try again, or ``None`` when the schedule is spent
    (the subscription pauses)."""

    step: int
    at: dt.datetime | None


def after_failure(step: int, *, failed_at: dt.datetime, schedule: Sequence[dt.timedelta]) -> Retry:
    """``step``: the attempt that failed, counted in this round from 0 (a resume starts a
    new round). The next attempt waits ``schedule[step + 1]``."""
    following = step + 1
    if following >= len(schedule):
        return Retry(step=following, at=None)
    return Retry(step=following, at=failed_at + schedule[following])


def succeeded(status: int) -> bool:
    """A 2xx only: a 3xx is a failure, since the city follows no redirect (SSRF)."""
    return 200 <= status < 300


# -- which goes next ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    id: int  # the order the city recorded it in
    subscription_id: str
    ward: str
    subject: str
    sequence: int
    due: dt.datetime


def heads(pending: Iterable[Pending], *, now: dt.datetime) -> list[Pending]:
    """The deliveries that may be attempted now: per subscription and aggregate (ward,
    subject), only the first undelivered one, by aggregate version then by the order recorded,
    and only once it is due. The event after a failed one for the same aggregate waits; other
    aggregates go on. (The SQL repository asks the same question of the database.)"""
    first: dict[tuple[str, str, str], Pending] = {}
    for item in pending:
        key = (item.subscription_id, item.ward, item.subject)
        held = first.get(key)
        if held is None or (item.sequence, item.id) < (held.sequence, held.id):
            first[key] = item
    return sorted((p for p in first.values() if p.due <= now), key=lambda p: (p.due, p.id))


def check_resumable(state: SubscriptionState) -> None:
    if state != "paused":
        raise Refused(
            "Chỉ tiếp tục được một đăng ký đang tạm dừng.",
            "Only a paused subscription can be resumed.",
            conflict=True,
        )


@dataclass(frozen=True)
class Subscription:
    id: str
    url: str
    event_types: tuple[str, ...]
    wards: tuple[str, ...] | None
    description: str
    state: SubscriptionState
    paused_reason: str | None
    created_at: dt.datetime
    paused_at: dt.datetime | None

    def wants(self, *, event_type: str, ward: str) -> bool:
        return wants(patterns=self.event_types, wards=self.wards, event_type=event_type, ward=ward)
