"""The civic pages' data as a resident reads it, from the ward services' JSON: pure functions
over the publicity and plans services' answers, the rule table and the shared clock's day.

Nothing here adds what a service does not already publish: a comment carries the name its
author chose to show (or "Ẩn danh"), a task's owner is shown by position and organisation,
never by name or account, and a decision shows its counts, never who chose what.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import UnknownRule

# A page stays under 100 kB: the start of a long draft, the newest comments.
DRAFT_SHOWN: Final = 20_000
COMMENTS_SHOWN: Final = 50


def _day(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def consultation_view(consultation: dict[str, Any], *, lang: str) -> dict[str, Any]:
    """A consultation with its closing day (CON-MIN20's end), its draft as paragraphs, its
    newest comments and, once closed, what the ward accepted and rejected."""
    draft = str(consultation.get("draft") or "")
    cut = len(draft) > DRAFT_SHOWN
    shown = draft[:DRAFT_SHOWN]
    comments = sorted(
        consultation.get("comments") or [], key=lambda c: str(c["received_at"]), reverse=True
    )
    english = lang == "en"
    minimum = consultation.get("minimum_end") or {}
    return {
        "id": consultation["id"],
        "title": consultation["title"],
        "status": consultation["status"],
        "open": consultation["status"] == "open",
        "opened_at": consultation["opened_at"],
        "until": minimum.get("due"),
        "rule": minimum.get("rule") or "CON-MIN20",
        "closed_at": consultation.get("closed_at"),
        "paragraphs": [p.strip() for p in shown.split("\n\n") if p.strip()],
        "cut": cut,
        "comments_received": consultation.get("comments_received", len(comments)),
        "comments": [
            {
                "text": c["text"],
                "author": c.get("author_en" if english else "author") or c.get("author"),
                "anonymous": c.get("anonymous", False),
                "received_at": c["received_at"],
            }
            for c in comments[:COMMENTS_SHOWN]
        ],
        "comments_total": len(comments),
        "accepted": consultation.get("accepted") or [],
        "rejected": consultation.get("rejected") or [],
        "result_posting_id": consultation.get("result_posting_id"),
    }


def consultations_by_closing(items: list[dict[str, Any]], *, lang: str) -> list[dict[str, Any]]:
    """Open ones closing soonest first; closed ones most recently closed first."""
    views = [consultation_view(c, lang=lang) for c in items]
    open_ = sorted((v for v in views if v["open"]), key=lambda v: str(v["until"]))
    closed = sorted(
        (v for v in views if not v["open"]), key=lambda v: str(v["closed_at"]), reverse=True
    )
    return open_ + closed


def _rule_row(rules: RuleBook, rule_id: str, on: dt.date, lang: str) -> dict[str, str] | None:
    try:
        row = rules.rule(rule_id, on)
    except UnknownRule:
        return None
    return {"id": row.id, "summary": row.summary_vi if lang == "vi" else row.summary}


def decision_rules(decision: dict[str, Any], rules: RuleBook, *, lang: str) -> list[dict[str, str]]:
    """The rows that measured this decision, with their summaries from the table in force on
    its vote day: the passing share (DEC-PASS, the row the service applied), the quorum of a
    meeting where a row covers the topic (DEC-FORM.quorum), and the record (DEC-RECORD)."""
    on = _day((decision.get("result") or {}).get("decided_on")) or _day(decision["vote_at"])
    assert on is not None
    found: list[dict[str, str]] = []
    topic = int(decision["topic"])
    passing = decision.get("rule")
    if passing:
        row = _rule_row(rules, passing, on, lang)
    else:
        covering = rules.row_covering("DEC-PASS", to=topic, on=on)
        row = _rule_row(rules, covering.id, on, lang) if covering else None
    if row:
        found.append({**row, "what": "pass_rule"})
    if decision.get("form") == "meeting":
        quorum = _rule_row(rules, "DEC-FORM.quorum", on, lang)
        if quorum and rules.applies("DEC-FORM.quorum", to=topic, on=on):
            found.append({**quorum, "what": "quorum_rule"})
    record = _rule_row(rules, "DEC-RECORD", on, lang)
    if record:
        found.append({**record, "what": "record_rule"})
    return found


def decision_view(
    decision: dict[str, Any], rules: RuleBook, *, groups: dict[str, str], lang: str
) -> dict[str, Any]:
    group = decision.get("group")
    return {
        **decision,
        "group_name": groups.get(group, group) if group else None,
        "rule_rows": decision_rules(decision, rules, lang=lang),
    }


def task_state(task: dict[str, Any], *, today: dt.date) -> str:
    """Done, cancelled, overdue (its due day has ended and it is not done: 24:00 local time,
    CAL-COUNT), or in progress, by the shared clock's day."""
    if task["status"] == "completed":
        return "done"
    if task["status"] == "cancelled":
        return "cancelled"
    due = _day(task["due_on"])
    return "overdue" if due is not None and today > due else "in_progress"


def owner_of(owner: str, members: dict[str, dict[str, Any]]) -> dict[str, str | None]:
    """A task's owner as the public reads them: a title or a position, and an organisation."""
    member = members.get(owner)
    if member is None:
        return {"title": None, "position": None, "organisation": None}
    return {
        "title": member.get("title"),
        "position": member.get("position"),
        "organisation": member.get("organisation"),
    }


def plan_view(
    plan: dict[str, Any], *, today: dt.date, members: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    groups = []
    for group in plan.get("task_groups", []):
        tasks = []
        for task in sorted(group.get("tasks", []), key=lambda t: (str(t["due_on"]), t["title"])):
            latest = task.get("latest_progress") or {}
            tasks.append(
                {
                    "id": task["id"],
                    "title": task["title"],
                    "deliverable": task.get("deliverable"),
                    "due_on": task["due_on"],
                    "percent": task.get("percent", 0),
                    "state": task_state(task, today=today),
                    "owner": owner_of(task["owner"], members),
                    "latest_at": latest.get("at"),
                    "latest_note": latest.get("note"),
                }
            )
        counts = {
            state: sum(1 for t in tasks if t["state"] == state)
            for state in ("done", "in_progress", "overdue")
        }
        groups.append({**group, "tasks": tasks, "counts": counts})
    return {**plan, "task_groups": groups}
