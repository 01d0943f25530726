"""``Period.holds`` skips parsing for all time: it must say what parsing the value says."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from qcdc_gateway.domain.indicators import Period, _day

periods = st.one_of(
    st.just(Period()),
    st.builds(Period, st.integers(2024, 2027), st.none() | st.integers(1, 12)),
)
values = st.one_of(
    st.none(),
    st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)).map(dt.date.isoformat),
    st.datetimes(
        dt.datetime(2024, 1, 1),
        dt.datetime(2027, 12, 31),
        timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=7))]),
    ).map(dt.datetime.isoformat),
)


@given(periods, values)
def test_holds_is_contains_of_the_parsed_day(period: Period, value: str | None) -> None:
    assert period.holds(value) == period.contains(_day(value))
