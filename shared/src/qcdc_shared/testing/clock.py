"""The tests' "now": one instant, chosen by the harness, that every service of a test agrees on.

``QCDC_TEST_NOW`` (an ISO instant such as ``2026-12-31T23:30+07:00``; a date alone means 08:00
local that day) pins the city's shared clock: the ``nats_server`` fixture writes the offset
that makes every service's clock read that instant when the test starts, and the clock then
runs on at real speed. Unset, the offset is zero and tests run at the real now.

Tests compute their dates from :class:`TestClock` (the ``city_clock`` fixture) or from a
service harness (``harness.now()``), never from ``datetime.now()`` or ``date.today()``: a suite
that reads the real date drifts away from services that read the shared clock, and then the
day the suite runs decides whether it passes (DESIGN §11).
"""

from __future__ import annotations

import datetime as dt
import os

import nats

from qcdc_shared.clock import (
    LOCAL_TZ,
    OffsetClock,
    offset_to_reach,
    parse_instant,
    read_offset,
    write_offset,
)

TEST_NOW_VARIABLE = "QCDC_TEST_NOW"


def pinned_instant() -> dt.datetime | None:
    """The instant ``QCDC_TEST_NOW`` names, or ``None`` for the real now."""
    text = os.environ.get(TEST_NOW_VARIABLE, "").strip()
    try:
        return parse_instant(text) if text else None
    except ValueError as error:
        raise ValueError(f"{TEST_NOW_VARIABLE}: {error}") from None


def clock_at_arguments() -> list[str]:
    """``qcdc run`` pinned where the harness pins every test (QCDC_TEST_NOW), if anywhere."""
    at = pinned_instant()
    return ["--clock-at", at.isoformat()] if at else []


class TestClock(OffsetClock):
    """The city's shared clock as the harness sees it: the pinned instant, then real speed."""

    __test__ = False  # not a test class, whatever pytest thinks of its name

    @classmethod
    def pinned(cls) -> TestClock:
        at = pinned_instant()
        real_now = dt.datetime.now(dt.UTC)
        return cls(offset_to_reach(at, real_now=real_now) if at else dt.timedelta(0))

    def today(self) -> dt.date:
        """The local date (Asia/Ho_Chi_Minh), which is not the UTC date between 17:00 and
        24:00 UTC."""
        return self.now().astimezone(LOCAL_TZ).date()

    def offset_to(self, instant: dt.datetime) -> dt.timedelta:
        return offset_to_reach(instant, real_now=dt.datetime.now(dt.UTC))

    async def write(self, nats_url: str) -> None:
        """Make the broker's shared clock (what every service follows) equal this clock."""
        client = await nats.connect(nats_url)
        try:
            await write_offset(client.jetstream(), self.offset)
        finally:
            await client.close()

    async def follow(self, nats_url: str) -> None:
        """Take the broker's current offset (another test step may have moved it)."""
        client = await nats.connect(nats_url)
        try:
            self.offset = await read_offset(client.jetstream())
        finally:
            await client.close()
