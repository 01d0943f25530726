"""The one deadline function of the platform (CAL-COUNT, CAL-WHY).

:func:`compute_deadline` takes a rule id and the starting event and returns a
:class:`Deadline` that names its rule, the table version, and explains itself in Vietnamese
and English. Services compute a deadline once, when the starting event happens, and carry it
in their events; nobody recomputes it later (DESIGN §2).

Counting (Civil Code 2015 Arts. 147–148, CAL-COUNT):

- The row used is the one in force on the LOCAL date (Asia/Ho_Chi_Minh) of the starting
  event; a datetime start must be timezone-aware.
- The day of the event is not counted: N calendar days from 30 June end on N July.
- ``calendar_days`` and ``months`` periods whose last day is a weekend or holiday roll to
  the next working day; ``working_days`` periods count working days only, so they always end
  on one. A month period ends on the matching day of the last month, or that month's last
  day when it has no such day (31 January + 1 month = 28 February, in a common year).
- Extensions (CMP-RESOLVE complex, DEN-RESOLVE, INF-REQ.complex) run on from the unrolled
  end of the previous period, so N days extended by M equal N + M days from the start; only
  the final day rolls. Each must fit the row's ``extension`` (largest single extension, how
  many times) and ``max_amount`` (DEN-RESOLVE: never beyond its cap), or
  :class:`ExtensionRefused` names the rule.
- Suspensions (CMP-RESOLVE.suspension) stop a period for a span: each moves the end on by
  the days of its span, counted in the row's unit (calendar days, or working days for a
  working-day row): the days after the day it was suspended up to and including the day it
  resumed. They apply after the extensions and, like them, before the final day rolls; a
  suspension begun in the days off past the real end moves the rolled day instead, so the
  due day after a resumption is never before the day it resumed.
- Rows with ``direction = "before"`` (DEC-NOTICE, DEC-CONV30, REC-WEEK.schedule, OVS-PLAN,
  OVS-INV) give the last day a notice may be given: ``amount`` before the event, moved
  BACK to the previous working day when it falls on a day off, so the notice is never
  shorter than the law asks.
- ``working_hours`` is accepted by the table but no rule uses it and office hours are not
  modelled, so it is refused rather than guessed.

``due_at`` is the last representable instant of the due day, 23:59:59.999999+07:00, rather
than 24:00 written as the next day's 00:00: its local date is then the same ``due`` date in
every consumer, and a period is overdue when ``now > due_at``. Viet Nam has had no daylight
saving time since 1975, so a fixed +07:00 offset is exact and needs no tz database.
"""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from qcdc_shared.law.calendar import Language, WorkingCalendar
from qcdc_shared.law.rules import Rule, RuleTable, Unit

VN_TZ = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")
# The gateway's page of the rule table; each row id (dot suffix included) and each DOMAIN.md
# rule id is an anchor on it.
RULES_PAGE = "/rules"
_END_OF_DAY = dt.time(23, 59, 59, 999999, tzinfo=VN_TZ)
_UNIT_NAMES: dict[Language, dict[str, str]] = {
    "vi": {"calendar_days": "ngày", "working_days": "ngày làm việc", "months": "tháng"},
    "en": {"calendar_days": "day(s)", "working_days": "working day(s)", "months": "month(s)"},
}
_WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "vi": ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


class DeadlineError(ValueError):
    """A deadline that cannot be computed; ``rule`` feeds problem+json's ``rule`` field."""

    def __init__(self, rule: str, detail_en: str, detail_vi: str) -> None:
        super().__init__(f"{rule}: {detail_en}")
        self.rule = rule
        self.detail_en = detail_en
        self.detail_vi = detail_vi


class NotADeadline(DeadlineError):
    """The rule is a share or a count, or a unit this function does not count."""


class ExtensionRefused(DeadlineError):
    """An extension the rule does not allow (too long, too many, beyond the cap)."""


class Extension(BaseModel):
    """One granted extension, applied after the base period, with its reason."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    amount: int = Field(gt=0)
    unit: Unit
    reason: str = Field(min_length=1)


class Suspension(BaseModel):
    """A span during which a period stood still (CMP-RESOLVE.suspension), with its reason:
    suspended on one local day, resumed on the same or a later one."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    suspended_on: dt.date
    resumed_on: dt.date
    reason: str = Field(min_length=1)

    @model_validator(mode="after")
    def _in_order(self) -> Suspension:
        if self.resumed_on < self.suspended_on:
            raise ValueError("a suspension resumes on or after the day it began")
        return self


class Deadline(BaseModel):
    """A computed deadline: what is due, when, under which rule and table version."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    due: dt.date
    due_at: AwareDatetime
    table_version: str
    start: dt.datetime | dt.date
    start_date: dt.date
    amount: int
    unit: Unit
    basis: str
    extensions: tuple[Extension, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    explanation: str
    explanation_en: str

    def to_api(self) -> dict[str, str]:
        """The DESIGN §6 deadline shape, with the English explanation beside the Vietnamese
        and ``rule_url``, the rule's entry on the city gateway's ``/rules`` page."""
        return {
            "rule": self.rule,
            "rule_url": rule_url(self.rule),
            "due": self.due.isoformat(),
            "due_at": self.due_at.isoformat(),
            "explanation": self.explanation,
            "explanation_en": self.explanation_en,
        }


def rule_url(rule_id: str) -> str:
    """The link to a rule's entry on the rules page, e.g. ``/rules#CMP-RESOLVE.complex``.

    Relative to the city gateway, which serves ``/rules``: a ward service carries it as is in
    its JSON (it serves no such page itself), and a client joins it to the gateway's address.
    """
    return f"{RULES_PAGE}#{quote(rule_id, safe='')}"


def local_date(start: dt.datetime | dt.date) -> dt.date:
    """The Asia/Ho_Chi_Minh date of a starting event."""
    if isinstance(start, dt.datetime):
        if start.utcoffset() is None:
            raise ValueError("a starting instant must be timezone-aware")
        return start.astimezone(VN_TZ).date()
    return start


def start_of_day(day: dt.date) -> dt.datetime:
    """The first instant of a local day (a paper record that carries only its date)."""
    return dt.datetime.combine(day, dt.time(), VN_TZ)


def end_of_day(day: dt.date) -> dt.datetime:
    """The last instant of a local day (24:00 Asia/Ho_Chi_Minh, CAL-COUNT)."""
    return dt.datetime.combine(day, _END_OF_DAY)


def is_overdue(deadline: Deadline, now: dt.datetime) -> bool:
    """True once the due day has ended in Viet Nam."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now > deadline.due_at


def compute_deadline(
    rule_id: str,
    *,
    start: dt.datetime | dt.date,
    table: RuleTable,
    calendar: WorkingCalendar,
    extensions: Sequence[Extension | tuple[int, str, str]] = (),
    suspensions: Sequence[Suspension] = (),
) -> Deadline:
    """The deadline of ``rule_id`` for an event at ``start`` (see the module docstring)."""
    try:
        start_date = local_date(start)
    except ValueError as exc:
        raise DeadlineError(rule_id, str(exc), "Thời điểm bắt đầu phải có múi giờ.") from exc
    rule = table.rule(rule_id, on=start_date)
    if not rule.is_period or rule.unit == "working_hours":
        raise NotADeadline(
            rule.id,
            f"unit {rule.unit} is not a period this function counts",
            f"đơn vị {rule.unit} không phải là thời hạn tính được",
        )
    amount = rule.days()
    granted = tuple(_as_extension(e) for e in extensions)
    _check_extensions(rule, granted)

    steps: list[tuple[Extension, dt.date]] = []
    stops: list[tuple[Suspension, int, dt.date]] = []
    if rule.direction == "before":
        if suspensions:
            raise DeadlineError(
                rule.id,
                "a notice given ahead of its event cannot be suspended",
                "thời hạn thông báo trước sự kiện không tạm đình chỉ được",
            )
        end = _shift(start_date, -amount, rule.unit, calendar)
        due = calendar.roll_backward(end)
    else:
        end = _shift(start_date, amount, rule.unit, calendar)
        for extension in granted:
            end = _shift(end, extension.amount, extension.unit, calendar)
            steps.append((extension, end))
        for suspension in suspensions:
            if suspension.suspended_on > end:
                # Suspended in the days off the period's end was rolled over: what was left
                # ran to the rolled day, so the span moves that day, not the real end.
                end = calendar.roll_forward(end)
            days = _suspended_days(rule, suspension, calendar)
            end = _shift(end, days, rule.unit, calendar)
            stops.append((suspension, days, end))
        due = calendar.roll_forward(end)

    texts = {
        lang: _explain(lang, rule, table.version, start_date, steps, end, due, calendar, stops)
        for lang in ("vi", "en")
    }
    return Deadline(
        rule=rule.id,
        due=due,
        due_at=end_of_day(due),
        table_version=table.version,
        start=start,
        start_date=start_date,
        amount=amount,
        unit=rule.unit,
        basis=rule.basis,
        extensions=granted,
        suspensions=tuple(suspensions),
        explanation=texts["vi"],
        explanation_en=texts["en"],
    )


def _as_extension(value: Extension | tuple[int, str, str]) -> Extension:
    if isinstance(value, Extension):
        return value
    amount, unit, reason = value
    return Extension.model_validate({"amount": amount, "unit": unit, "reason": reason})


def _check_extensions(rule: Rule, granted: tuple[Extension, ...]) -> None:
    """Extensions must fit the row's ``extension`` and ``max_amount`` (e.g. DEN-RESOLVE's cap)."""
    if not granted:
        return
    spec = rule.extension
    if spec is None:
        raise ExtensionRefused(
            rule.id, "this period cannot be extended", "thời hạn không được gia hạn"
        )
    if len(granted) > spec.max_times:
        raise ExtensionRefused(
            rule.id,
            f"at most {spec.max_times} extension(s) ({rule.basis})",
            f"chỉ được gia hạn tối đa {spec.max_times} lần ({rule.basis})",
        )
    for extension in granted:
        if extension.unit != spec.unit or extension.amount > spec.amount:
            raise ExtensionRefused(
                rule.id,
                f"each extension is at most {spec.amount} {spec.unit} ({rule.basis})",
                f"mỗi lần gia hạn không quá {spec.amount} {_UNIT_NAMES['vi'][spec.unit]}"
                f" ({rule.basis})",
            )
    total = rule.days() + sum(extension.amount for extension in granted)
    if rule.max_amount is not None and total > rule.max_amount:
        raise ExtensionRefused(
            rule.id,
            f"{total} {rule.unit} in all exceeds the cap of {rule.max_amount} ({rule.basis})",
            f"tổng thời hạn {total} {_UNIT_NAMES['vi'][rule.unit]} vượt quá mức tối đa "
            f"{rule.max_amount} ({rule.basis})",
        )


def _suspended_days(rule: Rule, suspension: Suspension, calendar: WorkingCalendar) -> int:
    """The days of a suspension's span in the row's unit: (suspended_on, resumed_on]."""
    if rule.unit == "calendar_days":
        return (suspension.resumed_on - suspension.suspended_on).days
    if rule.unit == "working_days":
        # Resumed on a day off, the work resumes on the next working day.
        resumed = calendar.roll_forward(suspension.resumed_on)
        return calendar.working_days_between(suspension.suspended_on, resumed)
    # A span of days does not translate into months without a rule saying how.
    raise DeadlineError(
        rule.id,
        f"a period in {rule.unit} cannot be suspended",
        f"không tạm đình chỉ được thời hạn tính bằng {_UNIT_NAMES['vi'].get(rule.unit)}",
    )


def _shift(day: dt.date, amount: int, unit: str, calendar: WorkingCalendar) -> dt.date:
    if unit == "calendar_days":
        return day + dt.timedelta(days=amount)
    if unit == "working_days":
        return calendar.add_working_days(day, amount)
    if unit == "months":
        month_index = day.year * 12 + day.month - 1 + amount
        year, month = divmod(month_index, 12)
        last = _gregorian.monthrange(year, month + 1)[1]
        return dt.date(year, month + 1, min(day.day, last))
    raise NotADeadline(unit, f"cannot count {unit}", f"không tính được {unit}")


# An extension's or a suspension's reason stays out of the explanation: officers write it
# freely, and an explanation is shown to every role that sees the deadline (inspectors too).
_TEXT: dict[Language, dict[str, str]] = {
    "vi": {
        "head": "Quy tắc {rule} ({basis}; bảng quy tắc {version}): ",
        "after": "{amount} {unit} kể từ {start} ({event}), không tính ngày xảy ra sự kiện"
        " (CAL-COUNT).",
        "before": "ít nhất {amount} {unit} trước {start} ({event}).",
        "calendar": "Lịch: {calendar}.",
        "skipped": "Các ngày nghỉ không tính: {days}.",
        "extension": "Gia hạn thêm {amount} {unit}, đến {end}.",
        "suspension": "Tạm đình chỉ từ {since} đến {until}: {amount} {unit} không"
        " tính vào thời hạn, nên thời hạn kéo đến {end}.",
        "later": "Ngày cuối của thời hạn, {end}, là ngày nghỉ ({why}) nên hạn chuyển sang"
        " ngày làm việc tiếp theo.",
        "earlier": "Ngày {end} là ngày nghỉ ({why}) nên hạn lùi về ngày làm việc trước đó.",
        "due": "Hạn cuối: 24:00 {due} (giờ Việt Nam, UTC+07:00).",
        "weekend": "{n} ngày thứ Bảy, Chủ nhật",
        "weekend_day": "cuối tuần",
    },
    "en": {
        "head": "Rule {rule} ({basis}; rule table {version}): ",
        "after": "{amount} {unit} from {start} ({event}), the day of the event not counted"
        " (CAL-COUNT).",
        "before": "at least {amount} {unit} before {start} ({event}).",
        "calendar": "Calendar: {calendar}.",
        "skipped": "Days off not counted: {days}.",
        "extension": "Extended by {amount} {unit}, to {end}.",
        "suspension": "Suspended from {since} to {until}: {amount} {unit} not"
        " counted, so the period runs to {end}.",
        "later": "The last day of the period, {end}, is a day off ({why}), so the deadline"
        " moves to the next working day.",
        "earlier": "{end} is a day off ({why}), so the deadline moves back to the previous"
        " working day.",
        "due": "Due by the end of {due} (24:00 Asia/Ho_Chi_Minh, UTC+07:00).",
        "weekend": "{n} Saturday(s)/Sunday(s)",
        "weekend_day": "weekend",
    },
}


def _explain(
    lang: Language,
    rule: Rule,
    version: str,
    start: dt.date,
    steps: Sequence[tuple[Extension, dt.date]],
    end: dt.date,
    due: dt.date,
    calendar: WorkingCalendar,
    stops: Sequence[tuple[Suspension, int, dt.date]] = (),
) -> str:
    """CAL-WHY: rule id, basis, table version, start, calendar, days skipped, extensions,
    suspensions."""
    text = _TEXT[lang]
    units = _UNIT_NAMES[lang]
    parts = [
        text["head"].format(rule=rule.id, basis=rule.basis, version=version)
        + text[rule.direction].format(
            amount=rule.amount,
            unit=units[rule.unit],
            start=_d(lang, start),
            event=rule.counted_from,
        ),
        text["calendar"].format(calendar=calendar.describe(lang)),
    ]
    if rule.unit == "working_days" or any(e.unit == "working_days" for e, _ in steps):
        # Days off inside the period, the event day itself left out, whichever way it runs.
        skipped = [d for d in calendar.days_off_between(start, end) if d != start]
        if skipped:
            parts.append(text["skipped"].format(days=_list_days_off(lang, skipped, calendar)))
    for extension, extended_to in steps:
        parts.append(
            text["extension"].format(
                amount=extension.amount,
                unit=units[extension.unit],
                end=_d(lang, extended_to),
            )
        )
    for suspension, days, moved_to in stops:
        parts.append(
            text["suspension"].format(
                since=_d(lang, suspension.suspended_on),
                until=_d(lang, suspension.resumed_on),
                amount=days,
                unit=units[rule.unit],
                end=_d(lang, moved_to),
            )
        )
    if due != end:
        why = calendar.holiday_name(end, lang) or text["weekend_day"]
        parts.append(text["later" if due > end else "earlier"].format(end=_d(lang, end), why=why))
    parts.append(text["due"].format(due=_d(lang, due)))
    return " ".join(parts)


def _list_days_off(lang: Language, days: Iterable[dt.date], calendar: WorkingCalendar) -> str:
    weekend, named = 0, []
    for day in days:
        name = calendar.holiday_name(day, lang)
        if name:
            named.append(f"{_d(lang, day)} ({name})")
        else:
            weekend += 1
    head = [_TEXT[lang]["weekend"].format(n=weekend)] if weekend else []
    return "; ".join(head + named)


def _d(lang: Language, day: dt.date) -> str:
    weekday = _WEEKDAYS[lang][day.weekday()]
    return f"{weekday} {day:%d/%m/%Y}" if lang == "vi" else f"{weekday} {day.isoformat()}"
