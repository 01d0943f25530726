"""The city's indicators: counts and rates over the facts of one ward, or of the whole city,
for a period of business dates (a year, a month, or all time) as known at an instant.

Every definition is in ``DEFINITIONS`` (and docs/indicators.md); each uses the deadlines and
outcomes the wards' events carry (``met``, ``on_time``, ``violations``), never a recomputed
deadline. A period filters on business dates (received_on, published_at...), never on when the
city heard of them; what is open or overdue is judged at ``now``.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from qcdc_gateway.domain.facts import Fact
from qcdc_shared.law.deadlines import VN_TZ

# A rate over fewer cases than this says little: such a ward is not ranked (and the answer
# says why). A statistical choice of the city, not a legal figure.
MINIMUM_SAMPLE = 10
OPEN_PETITION = frozenset({"received", "accepted", "assigned", "suspended"})
# A complaint whose resolution is suspended has no running clock (CMP-RESOLVE.suspension): it
# is open, never overdue, until it resumes with its due date moved.
CLOCK_STOPPED = frozenset({"suspended"})


class Calendar(Protocol):
    def working_days_between(self, a: dt.date, b: dt.date) -> int: ...


@dataclass(frozen=True)
class Period:
    """A year, a month of a year, or all time (both None)."""

    year: int | None = None
    month: int | None = None

    def contains(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        if self.year is not None and day.year != self.year:
            return False
        return self.month is None or day.month == self.month

    def holds(self, value: Any) -> bool:
        """Whether a date or instant an event carries falls in the period. All time (the
        default view) holds any the fact has, unparsed: parsing each was a quarter of the
        city's indicators' time."""
        if self.year is None and self.month is None:
            return value is not None
        return self.contains(_day(value))

    @property
    def label(self) -> str:
        if self.year is None:
            return "all"
        return f"{self.year}" if self.month is None else f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Definition:
    name: str
    vi: str
    en: str
    sample: str | None = None  # for a rate: the count it is a share of
    # A state at the time asked, whatever the period: left out of monthly trends, where it
    # would repeat today's value for every month.
    state: bool = False


DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "postings_published",
        "Số tin công khai có ngày công khai trong kỳ.",
        "Postings whose publication date falls in the period.",
    ),
    Definition(
        "postings_on_time",
        "Trong đó, số tin công khai đúng hạn (PUB-DUE).",
        "Of those, published by their PUB-DUE day.",
    ),
    Definition(
        "postings_on_time_pct",
        "Tỷ lệ tin công khai đúng hạn (%).",
        "Share of postings published on time (%).",
        "postings_published",
    ),
    Definition(
        "postings_withdrawn_early",
        "Số tin bị gỡ trước thời hạn tối thiểu (PUB-MIN30) trong kỳ.",
        "Postings withdrawn in the period before their PUB-MIN30 minimum ended.",
    ),
    Definition(
        "postings_current",
        "Số tin đang được công khai tại thời điểm xem.",
        "Postings on display at the time asked (published, not withdrawn or expired).",
        state=True,
    ),
    Definition(
        "petitions_received",
        "Số đơn nhận được trong kỳ (theo ngày nhận).",
        "Petitions received in the period (by receipt date).",
    ),
    Definition(
        "petitions_received_by_kind", "Số đơn nhận được theo loại.", "Petitions received, by kind."
    ),
    Definition(
        "petitions_open",
        "Trong số đơn nhận trong kỳ, số đơn đang giải quyết (đã nhận, thụ lý, giao xử lý, "
        "tạm đình chỉ) tại thời điểm xem.",
        "Of the petitions received in the period, those still being handled (received, "
        "accepted, assigned, suspended) at the time asked.",
    ),
    Definition(
        "petitions_overdue",
        "Trong đó, số đơn có thời hạn chưa hoàn thành đã quá (trừ khiếu nại đang tạm đình chỉ).",
        "Of the open ones, those with a deadline not yet met whose due instant has passed (not"
        " a suspended complaint, whose clock stands still).",
    ),
    Definition(
        "petitions_answered",
        "Số đơn được trả lời trong kỳ (theo ngày trả lời).",
        "Petitions answered in the period (by answer date).",
    ),
    Definition(
        "petitions_answered_on_time",
        "Trong đó, số đơn trả lời đúng hạn.",
        "Of those, answered before the deadline the ward computed.",
    ),
    Definition(
        "petitions_answered_on_time_pct",
        "Tỷ lệ đơn trả lời đúng hạn (%).",
        "Share of answers given on time (%).",
        "petitions_answered",
    ),
    Definition(
        "petitions_answer_working_days_median",
        "Trung vị số ngày làm việc từ ngày nhận đến ngày trả lời.",
        "Median working days from receipt to answer, of the petitions answered in the period.",
    ),
    Definition(
        "petitions_escalated",
        "Số lần đơn được chuyển lên thành phố trong kỳ (PET-ESC).",
        "Escalations of petitions to the city in the period (PET-ESC).",
    ),
    Definition(
        "tasks_total",
        "Số nhiệm vụ của kế hoạch đã ban hành có hạn trong kỳ.",
        "Tasks of adopted plans due in the period.",
    ),
    Definition(
        "tasks_completed",
        "Trong đó, số nhiệm vụ đã hoàn thành.",
        "Of those, completed by the time asked.",
    ),
    Definition(
        "tasks_overdue",
        "Trong đó, số nhiệm vụ quá hạn chưa hoàn thành.",
        "Of those, overdue and not completed by the time asked.",
    ),
    Definition(
        "tasks_completed_pct",
        "Tỷ lệ nhiệm vụ đã hoàn thành (%).",
        "Share of tasks completed (%).",
        "tasks_total",
    ),
    Definition(
        "tasks_progress_pct",
        "Tiến độ bình quân của các nhiệm vụ (%).",
        "Mean reported progress of the tasks (%).",
        "tasks_total",
    ),
    Definition(
        "decisions_held",
        "Số nội dung Nhân dân biểu quyết trong kỳ (theo ngày biểu quyết).",
        "Residents' decisions voted in the period (by vote date).",
    ),
    Definition(
        "decisions_passed",
        "Trong đó, số nội dung được thông qua (DEC-PASS).",
        "Of those, passed (DEC-PASS).",
    ),
    Definition(
        "decisions_recognised",
        "Trong đó, số nội dung được công nhận (DEC-RECORD).",
        "Of those, recognised by the committee or the front (DEC-RECORD).",
    ),
    Definition(
        "recommendations_open",
        "Số kiến nghị của Ban TTND chưa được trả lời tại thời điểm xem.",
        "Inspection-board recommendations unanswered at the time asked.",
        state=True,
    ),
    Definition(
        "recommendations_overdue",
        "Trong đó, số kiến nghị quá hạn trả lời (OVS-ANSWER).",
        "Of those, past their OVS-ANSWER day.",
        state=True,
    ),
    Definition(
        "violations_detected",
        "Số vi phạm phát hiện trong kỳ (OVS-DETECT).",
        "Violations detected in the period (OVS-DETECT).",
    ),
    Definition(
        "violations_open",
        "Số vi phạm chưa khắc phục tại thời điểm xem.",
        "Violations not resolved at the time asked.",
        state=True,
    ),
    Definition(
        "violations_open_by_rule",
        "Vi phạm chưa khắc phục theo quy tắc.",
        "Unresolved violations, by rule id.",
        state=True,
    ),
    Definition(
        "conferences_held",
        "Số hội nghị, đối thoại đã tổ chức trong kỳ (OVS-YEAR).",
        "Conferences and dialogues held in the period (OVS-YEAR).",
    ),
)
NAMES: tuple[str, ...] = tuple(d.name for d in DEFINITIONS)
FLOWS: tuple[str, ...] = tuple(d.name for d in DEFINITIONS if not d.state)
RANKED: tuple[Definition, ...] = tuple(
    d for d in DEFINITIONS if d.sample and d.name != "tasks_progress_pct"
)


def _day(value: Any) -> dt.date | None:
    """The local date of a business date or instant the events carry."""
    if value is None:
        return None
    text = str(value)
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text).astimezone(VN_TZ).date()


def _instant(value: Any) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(str(value))


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _by_kind(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    found: dict[str, list[Fact]] = {}
    for fact in facts:
        found.setdefault(fact.kind, []).append(fact)
    return found


def indicators(
    facts: Iterable[Fact], *, now: dt.datetime, period: Period, calendar: Calendar
) -> dict[str, Any]:
    """Every indicator of ``DEFINITIONS`` over ``facts`` (one ward's, or the whole city's)."""
    kinds = _by_kind(facts)
    found: dict[str, Any] = {}
    found |= _postings(kinds.get("posting", []), period)
    found |= _petitions(
        kinds.get("petition", []), kinds.get("escalation", []), now, period, calendar
    )
    found |= _tasks(kinds.get("task", []), period)
    found |= _decisions(kinds.get("decision", []), period)
    found |= _recommendations(kinds.get("recommendation", []))
    found |= _violations(kinds.get("violation", []), period)
    found["conferences_held"] = sum(
        1 for f in kinds.get("conference", []) if period.holds(f.fields.get("held_on"))
    )
    return {name: found[name] for name in NAMES}


def _postings(postings: list[Fact], period: Period) -> dict[str, Any]:
    published = [p for p in postings if period.holds(p.fields.get("published_at"))]
    on_time = sum(1 for p in published if p.fields.get("pub_due_met"))
    early = sum(
        1
        for p in postings
        if p.fields.get("withdrawn_early") and period.holds(p.fields.get("withdrawn_at"))
    )
    return {
        "postings_published": len(published),
        "postings_on_time": on_time,
        "postings_on_time_pct": _pct(on_time, len(published)),
        "postings_withdrawn_early": early,
        "postings_current": sum(1 for p in postings if p.fields.get("status") == "published"),
    }


def _petitions(
    petitions: list[Fact],
    escalations: list[Fact],
    now: dt.datetime,
    period: Period,
    calendar: Calendar,
) -> dict[str, Any]:
    received = [p for p in petitions if period.holds(p.fields.get("received_on"))]
    still_open = [p for p in received if p.fields.get("status") in OPEN_PETITION]
    overdue = [
        p
        for p in still_open
        if p.fields.get("status") not in CLOCK_STOPPED
        and any(
            d.get("met") is None and (due := _instant(d.get("due_at"))) is not None and due < now
            for d in p.fields.get("deadlines", [])
        )
    ]
    answered = [p for p in petitions if period.holds(p.fields.get("answered_at"))]
    on_time = sum(1 for p in answered if p.fields.get("answered_on_time"))
    days = [
        calendar.working_days_between(start, end)
        for p in answered
        if (start := _day(p.fields.get("received_on")))
        and (end := _day(p.fields.get("answered_at")))
    ]
    kinds = Counter(str(p.fields.get("petition_kind")) for p in received)
    return {
        "petitions_received": len(received),
        "petitions_received_by_kind": dict(sorted(kinds.items())),
        "petitions_open": len(still_open),
        "petitions_overdue": len(overdue),
        "petitions_answered": len(answered),
        "petitions_answered_on_time": on_time,
        "petitions_answered_on_time_pct": _pct(on_time, len(answered)),
        "petitions_answer_working_days_median": statistics.median(days) if days else None,
        "petitions_escalated": sum(
            1
            for e in escalations
            if e.fields.get("source") == "petition" and period.holds(e.fields.get("at"))
        ),
    }


def _tasks(tasks: list[Fact], period: Period) -> dict[str, Any]:
    due = [t for t in tasks if period.holds(t.fields.get("due_on"))]
    completed = sum(1 for t in due if t.fields.get("completed_at"))
    overdue = sum(1 for t in due if t.fields.get("overdue_at") and not t.fields.get("completed_at"))
    progress = [int(t.fields.get("percent") or 0) for t in due]
    return {
        "tasks_total": len(due),
        "tasks_completed": completed,
        "tasks_overdue": overdue,
        "tasks_completed_pct": _pct(completed, len(due)),
        "tasks_progress_pct": round(sum(progress) / len(progress), 1) if progress else None,
    }


def _decisions(decisions: list[Fact], period: Period) -> dict[str, Any]:
    held = [d for d in decisions if period.holds(d.fields.get("decided_on"))]
    return {
        "decisions_held": len(held),
        "decisions_passed": sum(1 for d in held if d.fields.get("passed")),
        "decisions_recognised": sum(1 for d in held if d.fields.get("recognition") == "recognised"),
    }


def _recommendations(recommendations: list[Fact]) -> dict[str, Any]:
    unanswered = [r for r in recommendations if not r.fields.get("answered_at")]
    return {
        "recommendations_open": len(unanswered),
        "recommendations_overdue": sum(1 for r in unanswered if r.fields.get("overdue")),
    }


def _violations(violations: list[Fact], period: Period) -> dict[str, Any]:
    still_open = [v for v in violations if v.fields.get("status") == "open"]
    return {
        "violations_detected": sum(
            1 for v in violations if period.holds(v.fields.get("detected_at"))
        ),
        "violations_open": len(still_open),
        "violations_open_by_rule": dict(
            sorted(Counter(str(v.fields["rule"]) for v in still_open).items())
        ),
    }


@dataclass(frozen=True)
class Rank:
    ward: str
    value: float | None
    sample: int
    rank: int | None
    note: str | None  # why a ward is not ranked


def rank(by_ward: Mapping[str, Mapping[str, Any]], definition: Definition) -> list[Rank]:
    """Wards by a rate, best first; a ward under ``MINIMUM_SAMPLE`` cases is listed unranked."""
    assert definition.sample is not None
    ranked, unranked = [], []
    for ward, values in by_ward.items():
        value, sample = values.get(definition.name), int(values.get(definition.sample) or 0)
        if value is None or sample < MINIMUM_SAMPLE:
            note = (
                f"mẫu {sample} < {MINIMUM_SAMPLE}: chưa xếp hạng — "
                f"sample {sample} below {MINIMUM_SAMPLE}: not ranked"
            )
            unranked.append(Rank(ward, value, sample, None, note))
        else:
            ranked.append((float(value), sample, ward))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
    places = [
        Rank(ward, value, sample, i, None) for i, (value, sample, ward) in enumerate(ranked, 1)
    ]
    return places + sorted(unranked, key=lambda r: r.ward)
