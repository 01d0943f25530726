"""The working-day calendar (CAL-HOL): holidays of the VN package, weekends, configuration.

Dates are checked against a printed calendar: 1 Jan 2026 is a Thursday, 1 Jul 2026 a
Wednesday, 1 Feb 2027 a Monday. Tết (1st day of the lunar year) falls on Tue 17 Feb 2026
and Sat 6 Feb 2027.
"""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


def test_tet_2026_is_five_weekdays_off(cal: WorkingCalendar) -> None:
    tet = [D(2026, 2, day) for day in range(16, 21)]  # Mon 16 (eve) .. Fri 20
    assert [cal.is_working_day(day) for day in tet] == [False] * 5
    assert cal.holiday_name(D(2026, 2, 17)) == "Tết Nguyên Đán"
    assert cal.holiday_name(D(2026, 2, 17), "en") == "Lunar New Year"
    # With the weekends either side, 14–22 Feb is nine days off; both edges are worked.
    assert cal.is_working_day(D(2026, 2, 13)) and cal.is_working_day(D(2026, 2, 23))
    assert cal.days_off_between(D(2026, 2, 13), D(2026, 2, 22)) == [
        D(2026, 2, day) for day in range(14, 23)
    ]


def test_tet_2027_keeps_five_days_off_when_two_fall_on_a_weekend(cal: WorkingCalendar) -> None:
    # Tết Sat 6 Feb 2027: the package moves the weekend days to Thu 4 and Wed 10 Feb.
    weekdays_off = [
        day
        for day in (D(2027, 2, n) for n in range(1, 15))
        if day.weekday() < 5 and not cal.is_working_day(day)
    ]
    assert weekdays_off == [
        D(2027, 2, 4),
        D(2027, 2, 5),
        D(2027, 2, 8),
        D(2027, 2, 9),
        D(2027, 2, 10),
    ]
    assert cal.is_working_day(D(2027, 2, 3)) and cal.is_working_day(D(2027, 2, 11))


@pytest.mark.parametrize(
    ("year", "days_off"),
    [
        (2026, [D(2026, 9, 1), D(2026, 9, 2)]),  # Tue and Wed
        (2027, [D(2027, 9, 2), D(2027, 9, 3)]),  # Thu and Fri
    ],
)
def test_national_day_and_an_adjacent_day(
    cal: WorkingCalendar, year: int, days_off: list[dt.date]
) -> None:
    window = [D(year, 8, 31) + dt.timedelta(days=n) for n in range(5)]
    off = [day for day in window if day.weekday() < 5 and not cal.is_working_day(day)]
    # 2026 also has Mon 31 Aug off, swapped with Sat 22 Aug (below).
    assert [day for day in off if day.month == 9] == days_off


def test_other_public_holidays_of_2026(cal: WorkingCalendar) -> None:
    # 1 Jan; Hùng Kings' day Sun 26 Apr observed Mon 27 Apr; 30 Apr; 1 May.
    for day in [D(2026, 1, 1), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1)]:
        assert not cal.is_working_day(day), day
        assert cal.holiday_name(day), day


def test_the_package_swap_of_august_2026_is_honoured(cal: WorkingCalendar) -> None:
    assert cal.is_working_day(D(2026, 8, 22))  # a Saturday worked ...
    assert not cal.is_working_day(D(2026, 8, 31))  # ... for Monday 31 August off


def test_weekends_are_off_and_weekdays_work(cal: WorkingCalendar) -> None:
    assert not cal.is_working_day(D(2026, 7, 4))  # Saturday
    assert not cal.is_working_day(D(2026, 7, 5))  # Sunday
    assert cal.is_working_day(D(2026, 7, 6))
    assert cal.holiday_name(D(2026, 7, 4)) is None  # a weekend is not a holiday
    assert cal.holiday_name(D(2026, 7, 6)) is None


def test_add_working_days_skips_the_weekend_and_not_the_start(cal: WorkingCalendar) -> None:
    assert cal.add_working_days(D(2026, 7, 2), 3) == D(2026, 7, 7)  # Fri 3, Mon 6, Tue 7
    assert cal.add_working_days(D(2026, 7, 3), 1) == D(2026, 7, 6)
    assert cal.add_working_days(D(2026, 7, 8), -5) == D(2026, 7, 1)  # Tue..Thu, Fri 3, Wed 1
    assert cal.add_working_days(D(2026, 7, 4), 0) == D(2026, 7, 4)


def test_add_working_days_across_tet(cal: WorkingCalendar) -> None:
    assert cal.add_working_days(D(2026, 2, 12), 3) == D(2026, 2, 24)  # Fri 13, Mon 23, Tue 24
    assert cal.add_working_days(D(2026, 2, 14), 1) == D(2026, 2, 23)  # start inside Tết
    assert cal.add_working_days(D(2027, 2, 3), 1) == D(2027, 2, 11)


def test_working_days_between_inverts_add_working_days(cal: WorkingCalendar) -> None:
    assert cal.working_days_between(D(2026, 7, 2), D(2026, 7, 7)) == 3
    assert cal.working_days_between(D(2026, 2, 12), D(2026, 2, 24)) == 3
    assert cal.working_days_between(D(2026, 2, 24), D(2026, 2, 12)) == -3
    for n in (0, 1, 7, 40):
        start = D(2026, 12, 28)
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


def test_next_previous_and_rolling(cal: WorkingCalendar) -> None:
    assert cal.next_working_day(D(2026, 2, 13)) == D(2026, 2, 23)
    assert cal.previous_working_day(D(2026, 2, 23)) == D(2026, 2, 13)
    assert cal.next_working_day(D(2026, 7, 6)) == D(2026, 7, 7)  # strictly after
    assert cal.roll_forward(D(2026, 7, 6)) == D(2026, 7, 6)
    assert cal.roll_forward(D(2026, 7, 4)) == D(2026, 7, 6)
    assert cal.roll_backward(D(2026, 7, 4)) == D(2026, 7, 3)


def test_configured_day_off_is_not_worked() -> None:
    cal = WorkingCalendar(extra_days_off=[D(2026, 7, 6)])
    assert not cal.is_working_day(D(2026, 7, 6))
    assert cal.holiday_name(D(2026, 7, 6)) is not None
    assert cal.add_working_days(D(2026, 7, 2), 3) == D(2026, 7, 8)  # Fri 3, Tue 7, Wed 8


def test_configured_working_day_is_worked_even_over_a_package_holiday() -> None:
    saturday, culture_day = D(2026, 7, 4), D(2026, 11, 24)
    assert not WorkingCalendar().is_working_day(culture_day)
    cal = WorkingCalendar(extra_working_days=[saturday, culture_day])
    assert cal.is_working_day(saturday) and cal.is_working_day(culture_day)
    assert cal.holiday_name(culture_day) is None
    assert cal.add_working_days(D(2026, 7, 2), 3) == D(2026, 7, 6)  # Fri 3, Sat 4, Mon 6


def test_a_date_cannot_be_both_off_and_worked() -> None:
    with pytest.raises(ValueError, match="CAL-HOL"):
        WorkingCalendar(extra_days_off=[D(2026, 7, 6)], extra_working_days=[D(2026, 7, 6)])


def test_calendar_from_settings() -> None:
    settings = Settings(
        calendar_extra_days_off=[D(2026, 7, 6)], calendar_extra_working_days=[D(2026, 7, 4)]
    )
    cal = WorkingCalendar.from_settings(settings)
    assert not cal.is_working_day(D(2026, 7, 6)) and cal.is_working_day(D(2026, 7, 4))
    assert "1" in cal.describe("en") and "cấu hình" in cal.describe("vi")


def test_the_calendar_refuses_instants(cal: WorkingCalendar) -> None:
    with pytest.raises(TypeError):
        cal.is_working_day(dt.datetime(2026, 7, 6, 12, tzinfo=dt.UTC))
