"""Properties of the deadline engine over every period row of the rule table (CAL-COUNT,
CAL-HOL, CAL-WHY), checked by hypothesis on generated starts, calendars and extensions:

- a due day is a working day: never a weekend (unless the government swapped it into a
  working day) and never a holiday or a day off the city configured;
- an extension never moves a deadline earlier, and one the row does not allow is refused;
- the same inputs give the same deadline, whatever the day the suite runs: the engine takes
  its dates as inputs, never reads the clock, and does not depend on what was computed before.

Every figure (amounts, extension caps, effective dates) is read from the rule table; the
working-day oracle below reads the ``holidays`` package and the configuration directly, not
the engine's calendar, so the rolling and counting are checked against CAL-HOL itself.
"""

from __future__ import annotations

import datetime as dt
import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import Any

import holidays
import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qcdc_shared.clock import SystemClock
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.deadlines import (
    VN_TZ,
    Deadline,
    Extension,
    ExtensionRefused,
    Suspension,
    compute_deadline,
    local_date,
)
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule, load_rule_table
from qcdc_shared.testing.properties import PROPERTY

pytestmark = pytest.mark.unit


TABLE = load_rule_table()
BASE = WorkingCalendar()
# The engine counts the units it can; ``working_hours`` is refused by design (no office hours).
PERIODS: tuple[str, ...] = tuple(
    sorted({row.id for row in TABLE.rules if row.is_period and row.unit != "working_hours"})
)
EXTENSIBLE: tuple[str, ...] = tuple(
    sorted({row.id for row in TABLE.rules if row.extension is not None})
)
# Starts up to the end of 2035: every deadline then falls in years the package computes.
LAST_START = dt.date(2035, 12, 31)
ZONES = st.sampled_from(
    [
        dt.UTC,
        VN_TZ,
        dt.timezone(dt.timedelta(hours=-10)),
        dt.timezone(dt.timedelta(hours=14)),
    ]
)
HYPOTHESIS_DIR = str(Path(hypothesis.__file__).parent)
# Names of C functions that read a clock: datetime.now/utcnow/today, time.time/...
CLOCK_READS = frozenset(
    {
        "now",
        "utcnow",
        "today",
        "time",
        "time_ns",
        "monotonic",
        "monotonic_ns",
        "perf_counter",
        "perf_counter_ns",
        "localtime",
        "gmtime",
        "ctime",
        "clock_gettime",
        "clock_gettime_ns",
    }
)


def first_day(rule_id: str) -> dt.date:
    return TABLE.rows(rule_id)[0].effective_from


@st.composite
def starts(draw: st.DrawFn, rule_id: str) -> dt.date | dt.datetime:
    """A starting event on or after the row's first effective date: a local date (a paper
    record) or an aware instant in any zone (its Vietnamese date is the one counted)."""
    # Two days of margin: UTC+14 puts an instant's Vietnamese date up to a day earlier.
    lowest = first_day(rule_id) + dt.timedelta(days=2)
    day = draw(st.dates(min_value=lowest, max_value=LAST_START))
    if draw(st.booleans()):
        return day
    naive = draw(
        st.datetimes(
            min_value=dt.datetime.combine(day, dt.time()),
            max_value=dt.datetime.combine(day, dt.time(23, 59, 59)),
        )
    )
    return naive.replace(tzinfo=draw(ZONES))


@st.composite
def calendars(draw: st.DrawFn, around: dt.date, hits: dt.date | None = None) -> WorkingCalendar:
    """The base calendar, or one with city-configured days off and swapped working days
    close enough to ``around`` to fall inside the periods counted from it; days off cluster
    on ``hits`` (the due day on the base calendar) so the configuration moves the result."""
    if draw(st.booleans()):
        return BASE
    near = st.dates(
        min_value=around - dt.timedelta(days=100), max_value=around + dt.timedelta(days=200)
    )
    if hits is not None:
        near = st.sampled_from([hits + dt.timedelta(days=k) for k in range(-3, 4)]) | near
    days_off = draw(st.frozensets(near, max_size=25))
    working = draw(st.frozensets(weekend_days(near), max_size=10))
    return WorkingCalendar(days_off - working, working)


def weekend_days(days: st.SearchStrategy[dt.date]) -> st.SearchStrategy[dt.date]:
    """The Saturday or the Sunday of a drawn day's week (a day a swap could make worked)."""
    return st.tuples(days, st.booleans()).map(
        lambda pair: pair[0] + dt.timedelta(days=5 + pair[1] - pair[0].weekday())
    )


def spec_of(rule_id: str, on: dt.date) -> Rule:
    return TABLE.rule(rule_id, on)


@st.composite
def allowed_extensions(draw: st.DrawFn, row: Rule) -> list[Extension]:
    """Extensions the row allows: each at most its largest, at most its count, the total
    within its cap; amounts and caps all from the row."""
    spec = row.extension
    assert spec is not None
    count = draw(st.integers(min_value=1, max_value=spec.max_times))
    granted: list[Extension] = []
    total = row.days()
    for _ in range(count):
        room = spec.amount if row.max_amount is None else min(spec.amount, row.max_amount - total)
        if room < 1:
            break
        amount = draw(st.integers(min_value=1, max_value=room))
        total += amount
        granted.append(Extension(amount=amount, unit=spec.unit, reason="vụ việc phức tạp"))
    return granted


@lru_cache(maxsize=64)
def package_year(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=[year])


def is_day_off_by_law(day: dt.date, calendar: WorkingCalendar) -> bool:
    """CAL-HOL from its sources, not from the engine: configuration first, then the
    ``holidays`` package's public holidays and the Saturdays it says were worked."""
    if day in calendar.extra_working_days:
        return False
    if day in calendar.extra_days_off:
        return True
    year = package_year(day.year)
    if day.weekday() >= 5:
        return day not in year.weekend_workdays
    return day in year


def due(
    rule_id: str,
    start: dt.date | dt.datetime,
    calendar: WorkingCalendar,
    extensions: list[Extension] | tuple[Extension, ...] = (),
) -> Deadline:
    return compute_deadline(
        rule_id, start=start, table=TABLE, calendar=calendar, extensions=extensions
    )


@contextmanager
def refusing_the_clock() -> Iterator[list[str]]:
    """Records every call of a C function that reads a clock while the block runs."""
    reads: list[str] = []
    previous = sys.getprofile()

    def watch(frame: FrameType, event: str, arg: Any) -> None:
        if event != "c_call" or getattr(arg, "__name__", None) not in CLOCK_READS:
            return
        # Hypothesis times garbage collections from a gc callback: the harness, not the code.
        if not frame.f_code.co_filename.startswith(HYPOTHESIS_DIR):
            owner = getattr(arg, "__self__", None)
            where = f"{frame.f_code.co_filename}:{frame.f_lineno}"
            reads.append(f"{getattr(owner, '__name__', owner)}.{arg.__name__} at {where}")

    sys.setprofile(watch)
    try:
        yield reads
    finally:
        sys.setprofile(previous)


@PROPERTY
@given(data=st.data(), rule_id=st.sampled_from(PERIODS))
def test_a_due_day_is_never_a_weekend_a_holiday_or_a_configured_day_off(
    data: st.DataObject, rule_id: str
) -> None:
    start = data.draw(starts(rule_id), label="start")
    row = spec_of(rule_id, local_date(start))
    extensions = data.draw(allowed_extensions(row), label="extensions") if row.extension else []
    on_base = due(rule_id, start, BASE, extensions).due
    calendar = data.draw(calendars(local_date(start), hits=on_base), label="calendar")

    deadline = due(rule_id, start, calendar, extensions)

    assert not is_day_off_by_law(deadline.due, calendar), deadline.explanation_en
    assert deadline.due_at.astimezone(VN_TZ).date() == deadline.due
    # CAL-COUNT: never the day of the event itself, and on the side of it the row says.
    if row.direction == "after":
        assert deadline.due > deadline.start_date
    else:
        assert deadline.due < deadline.start_date


@PROPERTY
@given(data=st.data(), rule_id=st.sampled_from(EXTENSIBLE))
def test_an_allowed_extension_never_moves_a_deadline_earlier(
    data: st.DataObject, rule_id: str
) -> None:
    start = data.draw(starts(rule_id), label="start")
    calendar = data.draw(calendars(local_date(start)), label="calendar")
    row = spec_of(rule_id, local_date(start))
    extensions = data.draw(allowed_extensions(row), label="extensions")

    # Each further extension granted keeps or moves the due day, never earlier.
    dues = [due(rule_id, start, calendar, extensions[:n]).due for n in range(len(extensions) + 1)]
    assert dues == sorted(dues)
    # A longer extension in place of a shorter one never gives an earlier day either.
    shorter = [e.model_copy(update={"amount": e.amount - 1}) for e in extensions if e.amount > 1]
    if len(shorter) == len(extensions):
        assert due(rule_id, start, calendar, shorter).due <= dues[-1]
    # The extension really extends: at least its days, less the days off the unextended
    # due was rolled over (the extension runs on from the period's real end, CAL-COUNT).
    unextended = due(rule_id, start, calendar).due
    added = sum(e.amount for e in extensions)
    if row.extension is not None and row.extension.unit == "calendar_days" and added:
        assert (dues[-1] - unextended).days >= added - _roll_slack(calendar, unextended)


def _roll_slack(calendar: WorkingCalendar, rolled: dt.date) -> int:
    """How far the unextended due was rolled past the period's real end (days off before
    it), which an extension counted from that real end may reclaim."""
    slack, day = 0, rolled - dt.timedelta(days=1)
    while not calendar.is_working_day(day):
        slack += 1
        day -= dt.timedelta(days=1)
    return slack


# Every period counted in days forward can be suspended by the engine; the law says which may
# (CMP-RESOLVE.suspension), the arithmetic must hold for all.
SUSPENDABLE: tuple[str, ...] = tuple(
    sorted(
        {
            row.id
            for row in TABLE.rules
            if row.unit in ("calendar_days", "working_days") and row.direction == "after"
        }
    )
)


@PROPERTY
@given(data=st.data(), rule_id=st.sampled_from(SUSPENDABLE))
def test_after_a_resumption_the_due_day_is_never_before_it_nor_earlier_than_before(
    data: st.DataObject, rule_id: str
) -> None:
    start = data.draw(starts(rule_id), label="start")
    calendar = data.draw(calendars(local_date(start)), label="calendar")
    current = due(rule_id, start, calendar)
    spans: list[Suspension] = []
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="suspensions")):
        # Suspended on a day of the running period (up to its due day), resumed then or later.
        since = data.draw(
            st.dates(min_value=current.start_date, max_value=current.due), label="suspended_on"
        )
        until = data.draw(
            st.dates(min_value=since, max_value=since + dt.timedelta(days=60)), label="resumed_on"
        )
        spans.append(Suspension(suspended_on=since, resumed_on=until, reason="chờ kết quả"))
        moved = compute_deadline(
            rule_id, start=start, table=TABLE, calendar=calendar, suspensions=spans
        )
        assert moved.due >= current.due, moved.explanation_en
        assert moved.due >= until, moved.explanation_en
        assert not is_day_off_by_law(moved.due, calendar)
        current = moved


any_extension = st.builds(
    Extension,
    amount=st.integers(min_value=1, max_value=400),
    unit=st.sampled_from(["calendar_days", "working_days", "months"]),
    reason=st.just("lý do"),
)


@PROPERTY
@given(
    data=st.data(),
    rule_id=st.sampled_from(PERIODS),
    extensions=st.lists(any_extension, min_size=1, max_size=4),
)
def test_any_extension_is_refused_or_gives_a_day_no_earlier(
    data: st.DataObject, rule_id: str, extensions: list[Extension]
) -> None:
    start = data.draw(starts(rule_id), label="start")
    row = spec_of(rule_id, local_date(start))
    unextended = due(rule_id, start, BASE)
    try:
        extended = due(rule_id, start, BASE, extensions)
    except ExtensionRefused as refused:
        assert refused.rule == row.id
        return
    spec = row.extension
    assert spec is not None, f"{row.id} has no extension in the table, yet one was granted"
    assert len(extensions) <= spec.max_times
    assert all(e.unit == spec.unit and e.amount <= spec.amount for e in extensions)
    if row.max_amount is not None:
        assert row.days() + sum(e.amount for e in extensions) <= row.max_amount
    assert extended.due >= unextended.due


@PROPERTY
@given(
    data=st.data(),
    rule_id=st.sampled_from(PERIODS),
    others=st.lists(st.sampled_from(PERIODS), max_size=5),
)
def test_the_same_inputs_give_the_same_deadline_without_reading_the_clock(
    data: st.DataObject, rule_id: str, others: list[str]
) -> None:
    start = data.draw(starts(rule_id), label="start")
    day = local_date(start)
    near = st.dates(day, day + dt.timedelta(days=60))
    days_off = data.draw(st.frozensets(near, max_size=5), label="days off")
    working = data.draw(st.frozensets(weekend_days(near), max_size=3), label="worked")
    extras = (days_off - working, working)
    row = spec_of(rule_id, day)
    extensions = data.draw(allowed_extensions(row)) if row.extension else []

    # A calendar that has answered other questions first (other rules, other years)...
    warmed = WorkingCalendar(*extras)
    for other in others:
        due(other, start if first_day(other) < day else first_day(other), warmed)
    # ...and a fresh one, both asked while any read of a clock is recorded.
    with refusing_the_clock() as reads:
        first = due(rule_id, start, WorkingCalendar(*extras), extensions)
        second = due(rule_id, start, warmed, extensions)
        third = RuleBook(load_rule_table(), WorkingCalendar(*extras)).deadline(
            rule_id, start, extensions
        )

    assert reads == []
    assert first == second == third


def test_the_engine_takes_its_dates_as_inputs_and_no_clock() -> None:
    """Structure: nothing in the signatures could carry the day the code runs, so only the
    start given (and the table and calendar) can decide the deadline."""
    assert list(inspect.signature(compute_deadline).parameters) == [
        "rule_id",
        "start",
        "table",
        "calendar",
        "extensions",
        # A suspension's span is two dates given by the caller (CMP-RESOLVE.suspension).
        "suspensions",
    ]
    assert list(inspect.signature(RuleBook.deadline).parameters) == [
        "self",
        "rule_id",
        "start",
        "extensions",
        "suspensions",
    ]
    # The recorder used above does catch a clock read (it is not vacuous): the system clock's,
    # called by name, is the read it must see.
    with refusing_the_clock() as reads:
        SystemClock().now()
    assert reads and reads[0].startswith("datetime.now")
