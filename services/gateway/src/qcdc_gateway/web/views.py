"""What the dashboard's pages show, shaped from the indicators and facts: pure functions, no
HTTP and no database, so the pages stay templates and a test can read these directly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from qcdc_gateway.domain.facts import READERS, Fact
from qcdc_gateway.domain.indicators import (
    DEFINITIONS,
    MINIMUM_SAMPLE,
    NAMES,
    RANKED,
    Rank,
    rank,
)
from qcdc_gateway.web import charts
from qcdc_gateway.web.i18n import Translator

# The overview's columns and key figures (the DOM contract names them).
TABLE: Final = (
    "postings_current",
    "postings_published",
    "postings_on_time_pct",
    "petitions_received",
    "petitions_overdue",
    "petitions_answered_on_time_pct",
    "tasks_completed_pct",
    "decisions_held",
    "violations_open",
)
RANKED_NAMES: Final = tuple(d.name for d in RANKED)
# Indicators that are maps (by kind, by rule): the ward page lists its open violations instead.
SCALARS: Final = tuple(
    name for name in NAMES if name not in {"petitions_received_by_kind", "violations_open_by_rule"}
)
# Shown with one decimal, so a live update (JSON 95.0 parses as 95) reads like the page did.
DECIMAL: Final = frozenset(
    {d.name for d in DEFINITIONS if d.name.endswith("_pct")}
    | {"petitions_answer_working_days_median"}
)
# Colour thresholds: a presentation choice of the dashboard, not a legal figure (the legend
# says so). A rate is good from GOOD_PCT, fair from FAIR_PCT; a count of things overdue or in
# breach is good at zero and fair up to FEW.
GOOD_PCT: Final = 90.0
FAIR_PCT: Final = 70.0
FEW: Final = 2
HIGHER_IS_BETTER: Final = frozenset(DECIMAL - {"petitions_answer_working_days_median"})
LOWER_IS_BETTER: Final = frozenset(
    {
        "petitions_overdue",
        "tasks_overdue",
        "recommendations_overdue",
        "violations_open",
        "postings_withdrawn_early",
    }
)
Grade = Literal["good", "fair", "poor", "na"]
RECENT_EVENTS: Final = 20
POSTINGS_SHOWN: Final = 50
# What /api/stream names its messages (the event type): an EventSource listens per name, so
# the page lists every type that can change a fact and so a number on it.
LIVE_TYPES: Final = tuple(
    sorted(
        f"vn.qcdc.{service}.{aggregate}.{name}.v1"
        for (service, aggregate), (_, _, names) in READERS.items()
        for name in names
    )
)
CHARTS: Final = (
    ("postings_published", "bar"),
    ("petitions_received", "bar"),
    ("petitions_answered_on_time_pct", "line"),
    ("violations_detected", "bar"),
)


def grading(name: str) -> str | None:
    """How the page's script grades a live value: ``higher``, ``lower`` or not at all."""
    if name in HIGHER_IS_BETTER:
        return "higher"
    if name in LOWER_IS_BETTER:
        return "lower"
    return None


def grade(name: str, value: Any) -> Grade | None:
    rule = grading(name)
    if rule is None:
        return None
    if value is None:
        return "na"
    if rule == "higher":
        return "good" if value >= GOOD_PCT else "fair" if value >= FAIR_PCT else "poor"
    return "good" if value == 0 else "fair" if value <= FEW else "poor"


def shown(name: str, value: Any) -> str:
    if value is None:
        return "—"
    if name in DECIMAL:
        return f"{float(value):.1f}"
    return str(value)


def raw(value: Any) -> str:
    """For ``data-value``: what a script sorts by (empty: no value, sorted last)."""
    return "" if value is None else str(value)


def rankings(by_ward: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Rank]]:
    """Each ranked rate's places, by ward (``rank`` is None under the minimum sample)."""
    return {d.name: {r.ward: r for r in rank(by_ward, d)} for d in RANKED}


def unranked_reason(t: Translator, place: Rank) -> str:
    return t("unranked.why", sample=place.sample, minimum=MINIMUM_SAMPLE)


def chart_svgs(
    t: Translator, months: Sequence[Mapping[str, Any]], *, year: int, prefix: str
) -> list[dict[str, Any]]:
    """The monthly trend charts, each with its figures for the table under it."""
    found = []
    for name, kind in CHARTS:
        points: list[charts.Point] = [
            (str(int(str(row["month"])[5:7])), row.get(name)) for row in months
        ]
        chart_id, title = f"{prefix}-{name}", t(f"chart.{name}", year=year)
        month, empty = t("chart.month"), t("chart.no_data")
        if kind == "line":
            svg = charts.line_chart(
                points,
                chart_id=chart_id,
                title=title,
                x_caption=month,
                empty_text=empty,
                unit="%",
                top=100.0,
            )
        else:
            svg = charts.bar_chart(
                points, chart_id=chart_id, title=title, x_caption=month, empty_text=empty
            )
        found.append(
            {
                "name": name,
                "title": title,
                "svg": svg,
                "rows": [(label, shown(name, value)) for label, value in points],
            }
        )
    return found


def _of(facts: Iterable[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


def _newest_first(facts: list[Fact], field: str) -> list[Fact]:
    return sorted(facts, key=lambda f: (str(f.fields.get(field) or ""), f.subject), reverse=True)


def open_violations(facts: Iterable[Fact]) -> list[Fact]:
    found = [f for f in _of(facts, "violation") if f.fields.get("status") == "open"]
    return _newest_first(found, "detected_at")


def violation_subject(fact: Fact) -> str:
    subject = fact.fields.get("subject")
    if isinstance(subject, dict):
        return f"{subject.get('kind', '')} {subject.get('id', '')}".strip()
    return str(subject or "")


def postings(facts: Iterable[Fact]) -> list[Fact]:
    return _newest_first(_of(facts, "posting"), "published_at")


def decisions(facts: Iterable[Fact]) -> list[Fact]:
    return _newest_first(_of(facts, "decision"), "decided_on")


@dataclass(frozen=True)
class TaskGroup:
    group: int | None
    total: int
    completed: int
    overdue: int
    mean_percent: float | None

    @property
    def completed_pct(self) -> float:
        return round(100 * self.completed / self.total, 1) if self.total else 0.0


def _due_year(fact: Fact) -> int | None:
    due = fact.fields.get("due_on")
    try:
        return dt.date.fromisoformat(str(due)).year if due else None
    except ValueError:
        return None


def plan_progress(facts: Iterable[Fact], *, year: int) -> list[TaskGroup]:
    """Tasks due in ``year`` by task group, counted as ``tasks_*`` count them (due_on)."""
    groups: dict[int | None, list[Fact]] = {}
    for task in _of(facts, "task"):
        if _due_year(task) == year:
            group = task.fields.get("task_group")
            groups.setdefault(group if isinstance(group, int) else None, []).append(task)
    found = []
    for group, tasks in sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or 0)):
        percents = [int(t.fields.get("percent") or 0) for t in tasks]
        found.append(
            TaskGroup(
                group=group,
                total=len(tasks),
                completed=sum(1 for t in tasks if t.fields.get("completed_at")),
                overdue=sum(
                    1
                    for t in tasks
                    if t.fields.get("overdue_at") and not t.fields.get("completed_at")
                ),
                mean_percent=round(sum(percents) / len(percents), 1) if percents else None,
            )
        )
    return found
