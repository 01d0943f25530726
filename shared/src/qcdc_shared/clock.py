"""Injectable clocks (DESIGN §2). Time-driven events come from sweepers that ask a clock.

In development and tests one shared clock moves the whole city: ``qcdc clock set|advance|reset``
writes an offset (seconds, as text) to the NATS key-value bucket ``qcdc_clock``, which every
service watches. Production never reads the bucket and the command refuses to write it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Protocol
from zoneinfo import ZoneInfo

from nats.js import JetStreamContext
from nats.js.api import KeyValueConfig, StorageType
from nats.js.errors import BucketNotFoundError, KeyNotFoundError
from nats.js.kv import KeyValue

log = logging.getLogger(__name__)

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CLOCK_BUCKET = "qcdc_clock"
OFFSET_KEY = "offset_seconds"


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FixedClock:
    """For unit tests: time moves only when the test says so."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, delta: dt.timedelta) -> None:
        self.at += delta


class OffsetClock:
    """Real time plus an offset that the shared development clock sets. ``followed`` is false
    while a service's clock still waits for the shared clock's first word: until then it shows
    the machine's time, and /readyz says not ready (decision 0006)."""

    def __init__(self, offset: dt.timedelta = dt.timedelta(0), *, followed: bool = True) -> None:
        self.offset = offset
        self.followed = followed

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset


def local_today(clock: Clock) -> dt.date:
    return clock.now().astimezone(LOCAL_TZ).date()


_DURATION = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(w|d|h|m|s)\s*$")
_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> dt.timedelta:
    """``3d``, ``12h``, ``30m``, ``2w``, ``45s``, or several joined (``1d12h``)."""
    parts = re.findall(r"-?\d+(?:\.\d+)?\s*[wdhms]", text)
    if not parts or "".join(parts).replace(" ", "") != text.replace(" ", ""):
        raise ValueError(f"not a duration: {text!r} (use e.g. 3d, 12h, 30m, 1d12h)")
    seconds = 0.0
    for part in parts:
        match = _DURATION.match(part)
        assert match is not None
        seconds += float(match.group(1)) * _UNITS[match.group(2)]
    return dt.timedelta(seconds=seconds)


def parse_instant(text: str) -> dt.datetime:
    """A date (08:00 local that day) or an ISO instant (naive means local time)."""
    text = text.strip()
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(8, 0), LOCAL_TZ)
        instant = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"not a date or an ISO instant: {text!r} (e.g. 2027-02-05 or 2026-12-31T23:30+07:00)"
        ) from None
    return instant if instant.tzinfo else instant.replace(tzinfo=LOCAL_TZ)


def offset_to_reach(target: dt.datetime | dt.date, *, real_now: dt.datetime) -> dt.timedelta:
    """The offset that makes ``now`` equal ``target`` (a date means 08:00 local that day)."""
    if not isinstance(target, dt.datetime):
        target = dt.datetime.combine(target, dt.time(8, 0), LOCAL_TZ)
    if target.tzinfo is None:
        target = target.replace(tzinfo=LOCAL_TZ)
    return target - real_now


async def clock_bucket(js: JetStreamContext) -> KeyValue:
    try:
        return await js.key_value(CLOCK_BUCKET)
    except BucketNotFoundError:
        return await js.create_key_value(
            KeyValueConfig(bucket=CLOCK_BUCKET, history=16, storage=StorageType.FILE)
        )


async def read_offset(js: JetStreamContext) -> dt.timedelta:
    kv = await clock_bucket(js)
    try:
        entry = await kv.get(OFFSET_KEY)
    except KeyNotFoundError:
        return dt.timedelta(0)
    return dt.timedelta(seconds=float(entry.value or b"0"))


async def write_offset(js: JetStreamContext, offset: dt.timedelta) -> None:
    kv = await clock_bucket(js)
    await kv.put(OFFSET_KEY, str(offset.total_seconds()).encode())


async def watch_key(
    js: JetStreamContext,
    key: str,
    apply: Callable[[bytes | None], None],
    current: Callable[[], None] | None = None,
) -> None:
    """Call ``apply`` with the key's value (``None`` once deleted), now and at every change,
    until cancelled; ``current`` once the key's present value (or its absence) is applied."""
    kv = await clock_bucket(js)
    watcher = await kv.watch(key)
    try:
        async for entry in watcher:
            if entry is None:  # end of the initial values
                if current is not None:
                    current()
                continue
            apply(entry.value if entry.operation is None else None)
    finally:
        with contextlib.suppress(Exception):
            await watcher.stop()  # type: ignore[no-untyped-call]


async def watch_offset(js: JetStreamContext, clock: OffsetClock) -> None:
    """Keep ``clock.offset`` equal to the bucket's value until cancelled."""

    def apply(value: bytes | None) -> None:
        clock.offset = dt.timedelta(seconds=float(value or b"0"))
        log.info("shared clock offset now %s", clock.offset)

    def current() -> None:
        clock.followed = True

    await watch_key(js, OFFSET_KEY, apply, current)


def describe(clock: Clock) -> str:
    now = clock.now().astimezone(LOCAL_TZ)
    return now.isoformat(timespec="seconds")
