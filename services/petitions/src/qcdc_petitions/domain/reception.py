"""Citizen reception (tiếp công dân): the posted schedule, sessions held, visits and replies.

REC-WEEK: the ward chair receives citizens on a number of days a week (a month from
2026-07-01, Law 136/2025) and the party secretary on a number of days a month; the schedule
is posted ahead (REC-WEEK.schedule). REC-REPLY: every visit gets a reply within a number of
working days. Every figure and period comes from the rule table handed in; nothing here does
I/O.

A visitor's identity never lives here in plain: the handler seals it before the domain sees
it, and an entry only knows whether a sealed identity exists.
"""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_petitions.domain.reception_forms import Form, check_form, counts_toward
from qcdc_shared.law.deadlines import Deadline, local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule, UnknownRule
from qcdc_shared.refusals import Refused

Host = Literal["chair", "party_secretary", "other_leader"]
SessionStatus = Literal["scheduled", "held", "not_held"]

HOST_NAMES_VI: dict[str, str] = {
    "chair": "Chủ tịch UBND phường",
    "party_secretary": "Bí thư Đảng ủy phường",
    "other_leader": "Lãnh đạo khác",
}
# Hosts the law counts per period (REC-WEEK, REC-WEEK.party-secretary): one session a day.
COUNTED_HOSTS: frozenset[str] = frozenset({"chair", "party_secretary"})


class ReceptionRefused(Refused):
    """A request the law or the session's state refuses."""


@dataclass(frozen=True)
class Reception:
    """One session on the ward's reception schedule."""

    id: str
    ward: str
    host: Host
    session_on: dt.date
    posted_on: dt.date
    schedule: Deadline  # REC-WEEK.schedule: the last day the schedule could be posted
    created_at: dt.datetime
    location: str | None = None
    form: Form = "in_person"  # or online (REC-WEEK.online)
    status: SessionStatus = "scheduled"
    held_recorded_at: dt.datetime | None = None
    not_held_reason: str | None = None
    version: int = 1

    @property
    def on_time(self) -> bool:
        """REC-WEEK.schedule: posted no later than the last day the rule allows."""
        return self.posted_on <= self.schedule.due

    @property
    def counts(self) -> bool:
        """A session counts towards REC-WEEK unless it was recorded as not held."""
        return self.status != "not_held"


@dataclass(frozen=True)
class Reply:
    text: str
    replied_at: dt.datetime
    replied_by: str
    on_time: bool


@dataclass(frozen=True)
class Entry:
    """One visit logged at a session, with its REC-REPLY clock."""

    id: str
    reception_id: str
    subject: str
    received_at: dt.datetime
    reply_deadline: Deadline  # REC-REPLY
    created_at: dt.datetime
    petition_id: str | None = None
    # Sealer output, held only until stored; reads leave it out and keep ``has_visitor``.
    visitor_sealed: str | None = None
    has_visitor: bool = False
    reply: Reply | None = None
    overdue_since: dt.datetime | None = None  # set once by the sweeper

    def is_overdue(self, now: dt.datetime) -> bool:
        """No reply and the REC-REPLY day has ended in Viet Nam."""
        return self.reply is None and now > self.reply_deadline.due_at


def schedule(
    *,
    reception_id: str,
    ward: str,
    host: Host,
    session_on: dt.date,
    posted_on: dt.date,
    now: dt.datetime,
    rules: RuleBook,
    same_day: Sequence[Reception] = (),
    location: str | None = None,
    form: Form = "in_person",
) -> Reception:
    """Put a session on the posted schedule; a late posting is kept and flagged, not refused.

    ``same_day``: sessions already scheduled on ``session_on``; the chair and the party
    secretary count by days, so one of them twice on the same day is refused.
    """
    check_form(form, session_on, rules, ReceptionRefused)
    today = local_date(now)
    if posted_on > today:
        raise ReceptionRefused(
            "Ngày niêm yết lịch tiếp công dân không thể ở tương lai.",
            "The day the schedule was posted cannot be in the future.",
        )
    if posted_on > session_on:
        raise ReceptionRefused(
            "Lịch tiếp công dân phải được niêm yết trước buổi tiếp.",
            "The reception schedule is posted before the session, not after it.",
            rule="REC-WEEK.schedule",
        )
    if host in COUNTED_HOSTS and any(
        s.host == host and s.session_on == session_on and s.counts for s in same_day
    ):
        raise ReceptionRefused(
            f"{HOST_NAMES_VI[host]} đã có lịch tiếp công dân ngày {session_on:%d/%m/%Y}.",
            f"The {host.replace('_', ' ')} already has a reception on {session_on.isoformat()}.",
            conflict=True,
        )
    return Reception(
        id=reception_id,
        ward=ward,
        host=host,
        session_on=session_on,
        posted_on=posted_on,
        schedule=rules.deadline("REC-WEEK.schedule", session_on),
        created_at=now,
        location=location.strip() if location and location.strip() else None,
        form=form,
    )


def record_held(
    reception: Reception, *, held: bool, entries: int, now: dt.datetime, reason: str | None = None
) -> Reception:
    """Record once whether the session took place; a session with visits logged was held."""
    if reception.status != "scheduled":
        raise ReceptionRefused(
            "Buổi tiếp này đã được ghi nhận kết quả.",
            "This session's outcome is already recorded.",
            conflict=True,
        )
    if reception.session_on > local_date(now):
        raise ReceptionRefused(
            "Chưa đến ngày tiếp công dân, chưa thể ghi nhận kết quả.",
            "The session's day has not come yet; its outcome cannot be recorded.",
        )
    if not held and entries:
        raise ReceptionRefused(
            f"Buổi tiếp đã có {entries} lượt công dân được ghi nhận,"
            " không thể ghi là không tổ chức.",
            f"{entries} visit(s) are logged at this session: it cannot be recorded as not held.",
            conflict=True,
        )
    return replace(
        reception,
        status="held" if held else "not_held",
        held_recorded_at=now,
        not_held_reason=None if held or not reason or not reason.strip() else reason.strip(),
        version=reception.version + 1,
    )


def add_entry(
    reception: Reception,
    *,
    entry_id: str,
    subject: str,
    received_at: dt.datetime,
    now: dt.datetime,
    rules: RuleBook,
    petition_id: str | None = None,
    visitor_sealed: str | None = None,
) -> tuple[Reception, Entry]:
    """Log a visit with its REC-REPLY clock, counted from the visit.

    The session comes back with a new version when it was already recorded as held, so the
    published visit count (``reception.held``) stays the session's current state.
    """
    if reception.status == "not_held":
        raise ReceptionRefused(
            "Buổi tiếp đã được ghi nhận là không tổ chức.",
            "This session was recorded as not held.",
            conflict=True,
        )
    if received_at > now:
        raise ReceptionRefused(
            "Thời điểm tiếp công dân không thể ở tương lai.",
            "The time of the visit cannot be in the future.",
        )
    if local_date(received_at) != reception.session_on:
        raise ReceptionRefused(
            f"Lượt tiếp phải diễn ra trong ngày của buổi tiếp ({reception.session_on:%d/%m/%Y}).",
            f"A visit is logged on the session's day ({reception.session_on.isoformat()}).",
        )
    if not subject.strip():
        raise ReceptionRefused(
            "Cần nêu nội dung công dân trình bày.", "Give the subject of the visit."
        )
    entry = Entry(
        id=entry_id,
        reception_id=reception.id,
        subject=subject.strip(),
        received_at=received_at,
        reply_deadline=rules.deadline("REC-REPLY", received_at),
        created_at=now,
        petition_id=petition_id,
        visitor_sealed=visitor_sealed,
        has_visitor=visitor_sealed is not None,
    )
    if reception.status == "held":
        reception = replace(reception, version=reception.version + 1)
    return reception, entry


def reply(
    entry: Entry, *, text: str, replied_at: dt.datetime, replied_by: str, now: dt.datetime
) -> Entry:
    """Answer a visit once (REC-REPLY); a late reply is kept and marked late."""
    if entry.reply is not None:
        raise ReceptionRefused(
            "Lượt tiếp này đã được trả lời.", "This visit already has its reply.", conflict=True
        )
    if not text.strip():
        raise ReceptionRefused("Cần nội dung trả lời.", "The reply needs its text.")
    if replied_at > now:
        raise ReceptionRefused(
            "Thời điểm trả lời không thể ở tương lai.", "The reply time cannot be in the future."
        )
    if replied_at < entry.received_at:
        raise ReceptionRefused(
            "Không thể trả lời trước khi tiếp công dân.", "A reply cannot come before the visit."
        )
    on_time = replied_at <= entry.reply_deadline.due_at
    return replace(entry, reply=Reply(text.strip(), replied_at, replied_by, on_time))


def mark_overdue(entry: Entry, *, now: dt.datetime) -> Entry | None:
    """REC-REPLY passed without a reply: the entry is marked once; None when nothing changes."""
    if entry.overdue_since is not None or not entry.is_overdue(now):
        return None
    return replace(entry, overdue_since=now)


# ---- REC-WEEK: sessions missing from the schedule --------------------------------------------


@dataclass(frozen=True)
class Gap:
    """A week or a month with fewer sessions of a host than the rule asks."""

    rule: str  # REC-WEEK (the chair) or REC-WEEK.party-secretary, per week or month
    effective_from: dt.date  # the row of the rule that asks (REC-WEEK changed on 2026-07-01)
    host: Host
    period: str  # ISO week "2027-W06" or month "2027-02"
    start: dt.date
    end: dt.date
    required: int
    counted: int  # distinct days with a session of the host, scheduled or held
    ended: bool  # the period is over; otherwise sessions may still be scheduled
    table_version: str


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=_gregorian.monthrange(day.year, day.month)[1])


def reception_window(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The days whose sessions :func:`missing_sessions` needs: whole weeks and whole months."""
    return (
        min(_monday(start), start.replace(day=1)),
        max(_monday(end) + dt.timedelta(days=6), _month_end(end)),
    )


def _weeks(start: dt.date, end: dt.date) -> Iterable[tuple[str, dt.date, dt.date]]:
    monday = _monday(start)
    while monday <= end:
        year, week, _ = monday.isocalendar()
        yield f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6)
        monday += dt.timedelta(days=7)


def _months(start: dt.date, end: dt.date) -> Iterable[tuple[str, dt.date, dt.date]]:
    first = start.replace(day=1)
    while first <= end:
        yield f"{first:%Y-%m}", first, _month_end(first)
        first = _month_end(first) + dt.timedelta(days=1)


def _row_counting(rules: RuleBook, rule_id: str, on: dt.date, kind: str) -> Rule | None:
    """The row in force ``on`` if it counts periods of ``kind``; None when it counts another
    kind (REC-WEEK: weekly until 2026-06-30, monthly after) or none is in force yet."""
    try:
        row = rules.rule(rule_id, on)
    except UnknownRule:
        return None
    return row if (row.period or "week") == kind and row.amount is not None else None


# The hosts the law counts, by the row that counts them.
COUNTED: tuple[tuple[str, Host], ...] = (
    ("REC-WEEK", "chair"),
    ("REC-WEEK.party-secretary", "party_secretary"),
)
PERIODS = {"week": _weeks, "month": _months}


def missing_sessions(
    sessions: Iterable[Reception], *, start: dt.date, end: dt.date, today: dt.date, rules: RuleBook
) -> list[Gap]:
    """Weeks and months touching [start, end] with too few sessions (REC-WEEK).

    Whole periods are judged: a chair session on the Monday before ``start`` still covers its
    week. Sessions recorded as not held do not count; scheduled ones do (the schedule is the
    promise), in the forms the row counts (``session_forms``). The row in force on a
    period's first day gives the amount and whether the period is a week or a month. A week
    without a single working day (a long holiday) cannot hold a session and is never a gap.
    """
    if end < start:
        raise ValueError("the range ends before it starts")
    days: dict[str, set[tuple[dt.date, str]]] = {host: set() for host in COUNTED_HOSTS}
    for session in sessions:
        if session.host in COUNTED_HOSTS and session.counts:
            days[session.host].add((session.session_on, session.form))

    gaps: list[Gap] = []
    periods: list[tuple[Rule, Host, str, dt.date, dt.date]] = []
    for rule_id, host in COUNTED:
        for kind, spans in PERIODS.items():
            for period, first, last in spans(start, end):
                row = _row_counting(rules, rule_id, first, kind)
                if row is None:
                    continue
                if kind == "week" and not any(
                    rules.calendar.is_working_day(first + dt.timedelta(days=i)) for i in range(7)
                ):
                    continue
                periods.append((row, host, period, first, last))
    for row, host, period, first, last in periods:
        required = int(row.amount or 0)
        # Distinct days with a session of a form the row counts (REC-WEEK: in person).
        counted = len(
            {day for day, form in days[host] if first <= day <= last and counts_toward(row, form)}
        )
        if counted < required:
            gaps.append(
                Gap(
                    rule=row.id,
                    effective_from=row.effective_from,
                    host=host,
                    period=period,
                    start=first,
                    end=last,
                    required=required,
                    counted=counted,
                    ended=last < today,
                    table_version=rules.table.version,
                )
            )
    return gaps
