"""The Vietnamese working-day calendar every deadline is counted on (CAL-HOL, CAL-COUNT).

The base is the ``holidays`` package, country VN (Labour Code 2019 Art. 112): 1 January;
Tết as five weekdays (when a Tết day falls on a weekend the package moves it to the 29th of
the last lunar month or to the 5th of the first, so five days off remain); Hùng Kings' day
(observed on Monday when it falls on a Sunday); 30 April; 1 May; 2 September and an
adjacent day (1 or 3 September). The package also knows the swaps the government announced
for past years: a Saturday made a working day in exchange for a bridge day off (e.g.
Saturday 22 August 2026 worked for Monday 31 August 2026); those Saturdays count as working
days here as they do in the package. From 2026 it also lists 24 November (Vietnam Culture
Day), which DOMAIN.md's CAL-HOL list does not name; the package is the base, and a city
that does not observe a day lists it in ``calendar_extra_working_days``.

Saturdays and Sundays are off. The government announces each year's swaps late, so
configuration adds extra days off and extra working days (``Settings.calendar_extra_days_off``
and ``calendar_extra_working_days``, city-wide); configuration always wins over the package.
A date may not be in both lists.

Holiday names come in Vietnamese (user-facing) and English, for deadline explanations
(CAL-WHY).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal, Protocol

import holidays

Language = Literal["vi", "en"]

_ONE_DAY = dt.timedelta(days=1)
_PACKAGE_LANGUAGE: dict[Language, str] = {"vi": "vi", "en": "en_US"}
_CONFIGURED_DAY_OFF: dict[Language, str] = {
    "vi": "Ngày nghỉ theo thông báo (cấu hình thành phố)",
    "en": "Day off announced by the government (city configuration)",
}


class CalendarSettings(Protocol):
    """The two settings the calendar reads (see ``qcdc_shared.settings.Settings``)."""

    @property
    def calendar_extra_days_off(self) -> list[dt.date]: ...

    @property
    def calendar_extra_working_days(self) -> list[dt.date]: ...


class WorkingCalendar:
    """Working days in Viet Nam: weekdays that are not public holidays, with city overrides."""

    def __init__(
        self,
        extra_days_off: Iterable[dt.date] = (),
        extra_working_days: Iterable[dt.date] = (),
    ) -> None:
        self.extra_days_off: frozenset[dt.date] = frozenset(extra_days_off)
        self.extra_working_days: frozenset[dt.date] = frozenset(extra_working_days)
        clash = self.extra_days_off & self.extra_working_days
        if clash:
            days = ", ".join(sorted(d.isoformat() for d in clash))
            raise ValueError(f"CAL-HOL: {days} configured both as a day off and a working day")
        years = {d.year for d in self.extra_days_off | self.extra_working_days}
        # One object per language; each fills in further years on first lookup, so the
        # calendar never reads the wall clock (tests and sweepers inject their own).
        self._holidays = {
            lang: holidays.country_holidays("VN", years=sorted(years), language=code)
            for lang, code in _PACKAGE_LANGUAGE.items()
        }
        self._working: dict[dt.date, bool] = {}

    @classmethod
    def from_settings(cls, settings: CalendarSettings) -> WorkingCalendar:
        return cls(settings.calendar_extra_days_off, settings.calendar_extra_working_days)

    def is_working_day(self, day: dt.date) -> bool:
        # Remembered per day: every deadline and its explanation walk the calendar day by day,
        # and the package's lookup is the slow part of filing a petition (docs/performance.md).
        known = self._working.get(day)
        if known is None:
            known = self._working[day] = self._is_working_day(_as_date(day))
        return known

    def _is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        base = self._holidays["vi"]
        # Membership first: it populates the year, and with it the package's swapped days.
        is_holiday = day in base
        if day.weekday() >= 5:
            return day in base.weekend_workdays
        return not is_holiday

    def holiday_name(self, day: dt.date, language: Language = "vi") -> str | None:
        """Why a weekday is off (a holiday or a configured day off); None otherwise."""
        day = _as_date(day)
        if day in self.extra_working_days:
            return None
        if day in self.extra_days_off:
            return _CONFIGURED_DAY_OFF[language]
        name = self._holidays[language].get(day)
        return str(name) if name else None

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        day = _as_date(day) + _ONE_DAY
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day``."""
        day = _as_date(day) - _ONE_DAY
        while not self.is_working_day(day):
            day -= _ONE_DAY
        return day

    def roll_forward(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the next one (CAL-COUNT)."""
        day = _as_date(day)
        return day if self.is_working_day(day) else self.next_working_day(day)

    def roll_backward(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the previous one."""
        day = _as_date(day)
        return day if self.is_working_day(day) else self.previous_working_day(day)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (before it when n < 0); ``start`` not counted.

        CAL-COUNT: the day of the event is not counted, so 1 working day after a Friday is
        the Monday, whether or not the Friday itself was a working day.
        """
        day = _as_date(start)
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        for _ in range(abs(n)):
            day += step
            while not self.is_working_day(day):
                day += step
        return day

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; negative when b is before a.

        The inverse of :meth:`add_working_days`: ``working_days_between(a,
        add_working_days(a, n)) == n``.
        """
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        return sum(1 for day in _days(a, b) if self.is_working_day(day))

    def days_off_between(self, a: dt.date, b: dt.date) -> list[dt.date]:
        """The non-working days in (a, b], in order, for explanations."""
        a, b = _as_date(a), _as_date(b)
        lo, hi = min(a, b), max(a, b)
        return [day for day in _days(lo, hi) if not self.is_working_day(day)]

    def describe(self, language: Language = "vi") -> str:
        """The calendar in one sentence, for deadline explanations (CAL-WHY)."""
        off, work = len(self.extra_days_off), len(self.extra_working_days)
        if language == "vi":
            text = "lịch ngày làm việc Việt Nam (gói holidays, VN), nghỉ thứ Bảy và Chủ nhật"
            if off or work:
                text += f"; cấu hình thêm {off} ngày nghỉ và {work} ngày làm việc bù"
            return text
        text = "Vietnamese working-day calendar (holidays package, VN), Saturdays and Sundays off"
        if off or work:
            text += f"; configuration adds {off} day(s) off and {work} working day(s)"
        return text


def _as_date(day: dt.date) -> dt.date:
    # A datetime is a date subclass: mixing them would compare unequal to holiday keys.
    if isinstance(day, dt.datetime):
        raise TypeError("the calendar works on local dates; convert the instant first")
    return day


def _days(a: dt.date, b: dt.date) -> Iterable[dt.date]:
    day = a + _ONE_DAY
    while day <= b:
        yield day
        day += _ONE_DAY
