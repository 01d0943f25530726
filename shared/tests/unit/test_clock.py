"""The injectable clocks and the shared development clock's arithmetic."""

import datetime as dt

import pytest

from qcdc_shared.clock import (
    LOCAL_TZ,
    FixedClock,
    OffsetClock,
    local_today,
    offset_to_reach,
    parse_duration,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("3d", 3 * 86400),
        ("12h", 43200),
        ("30m", 1800),
        ("2w", 14 * 86400),
        ("1d12h", 129600),
        ("45s", 45),
        ("-1d", -86400),
    ],
)
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["", "3", "3x", "d3", "1d garbage", "P3D"])
def test_parse_duration_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)


def test_a_date_is_reached_at_eight_in_the_morning_local_time() -> None:
    real_now = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)  # 08:00 in Ho Chi Minh City
    offset = offset_to_reach(dt.date(2027, 2, 1), real_now=real_now)
    clock = OffsetClock(offset)
    assert offset == dt.datetime(2027, 2, 1, 1, 0, tzinfo=dt.UTC) - real_now
    assert (real_now + clock.offset).astimezone(LOCAL_TZ).hour == 8


def test_local_today_uses_vietnam_time_not_utc() -> None:
    late_evening_utc = FixedClock(dt.datetime(2026, 6, 30, 18, 0, tzinfo=dt.UTC))
    assert local_today(late_evening_utc) == dt.date(2026, 7, 1)


def test_fixed_clock_refuses_naive_time_and_moves_on_request() -> None:
    with pytest.raises(ValueError):
        FixedClock(dt.datetime(2026, 1, 1))
    clock = FixedClock(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    clock.advance(dt.timedelta(days=2))
    assert clock.now() == dt.datetime(2026, 1, 3, tzinfo=dt.UTC)
