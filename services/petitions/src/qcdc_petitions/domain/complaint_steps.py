"""The steps of a complaint beyond accept, extend and answer: its resolution suspended and
resumed (CMP-RESOLVE.suspension), the complaint withdrawn whole or in part
(CMP-RESOLVE.withdrawal, CMP-RESOLVE.withdrawal-partial), its decision published
(CMP-RESOLVE.publish, CMP-RESOLVE.publish-posting), and which resolution row a ward uses
(CMP-RESOLVE.remote in a remote area). Pure, like workflow.py.

Whether a step exists for a complaint is the rule table's answer for the day the complaint
started it: suspension by the row in force on the day it was accepted (the day its resolution
clock started), partial withdrawal by the row in force on the day it was received. An item
started before Law 136/2025/QH15 took effect keeps the earlier law, and the refusal cites the
row and the day it takes effect, both read from the table.

A suspension keeps nothing but the status and the history: the day it began is the last
``suspended`` step. On resumption the resolution deadline is recomputed by the shared deadline
function with the span as a :class:`~qcdc_shared.law.deadlines.Suspension`, so the new due
date and its explanation count the days left out in the row's own unit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Literal

from qcdc_petitions.domain.petition import (
    Actor,
    HistoryEntry,
    Petition,
    PetitionRefused,
    step,
)
from qcdc_petitions.domain.settling import PetitionDeadline, settle
from qcdc_shared.law.deadlines import Suspension, local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule, UnknownRule

SUSPENSION = "CMP-RESOLVE.suspension"
WITHDRAWAL = "CMP-RESOLVE.withdrawal"
PARTIAL_WITHDRAWAL = "CMP-RESOLVE.withdrawal-partial"
PUBLISH = "CMP-RESOLVE.publish"
POSTING = "CMP-RESOLVE.publish-posting"
# The row a complaint's resolution clock moves to when it is declared complex.
COMPLEX_OF: dict[str, str] = {
    "CMP-RESOLVE": "CMP-RESOLVE.complex",
    "CMP-RESOLVE.remote": "CMP-RESOLVE.remote-complex",
}
# Decree 124/2020/NĐ-CP: posted at the office or reception place, announced at a meeting, or
# in the media.
PublicationForm = Literal["posting", "meeting", "media"]
# A complaint may be withdrawn until its decision.
_BEFORE_DECISION = ("received", "accepted", "assigned", "suspended")


def resolution_rule(*, complex: bool, remote_area: bool) -> str:
    """CMP-RESOLVE, or .complex when declared complex with a reason; in a ward set as a
    remote area (vùng sâu, vùng xa), CMP-RESOLVE.remote and .remote-complex."""
    base = "CMP-RESOLVE.remote" if remote_area else "CMP-RESOLVE"
    return COMPLEX_OF[base] if complex else base


def _state(detail_vi: str, detail_en: str, rule: str) -> PetitionRefused:
    return PetitionRefused(detail_vi, detail_en, rule=rule, conflict=True)


def _complaint(petition: Petition, rule: str) -> None:
    if petition.kind != "complaint":
        raise PetitionRefused(
            "Bước này chỉ áp dụng cho khiếu nại.", "This step is for complaints only.", rule=rule
        )


def _in_force(rules: RuleBook, rule_id: str, on: dt.date, *, what_vi: str, what_en: str) -> Rule:
    """The row of ``rule_id`` in force on ``on``; before its first row, a refusal citing it."""
    try:
        return rules.rule(rule_id, on)
    except UnknownRule:
        first = rules.table.rows(rule_id)[0].effective_from
        raise _state(
            f"{what_vi}: quy định {rule_id} áp dụng cho khiếu nại từ ngày {first:%d/%m/%Y};"
            f" khiếu nại này (ngày {on:%d/%m/%Y}) theo quy định trước đó.",
            f"{what_en}: {rule_id} applies from {first.isoformat()}; this complaint"
            f" ({on.isoformat()}) keeps the earlier rule.",
            rule_id,
        ) from None


def check_running(petition: Petition, *, doing_vi: str, doing_en: str) -> None:
    """While suspended, the resolution waits: nothing is decided on it until it resumes."""
    if petition.status == "suspended":
        raise _state(
            f"Việc giải quyết khiếu nại đang tạm đình chỉ: không {doing_vi}. Tiếp tục giải quyết"
            " (resume) trước.",
            f"The complaint's resolution is suspended: it cannot be {doing_en}. Resume it first.",
            SUSPENSION,
        )


def suspend(
    petition: Petition, *, actor: Actor, now: dt.datetime, rules: RuleBook, reason: str
) -> Petition:
    """CMP-RESOLVE.suspension: an accepted complaint's resolution stops, with a reason, before
    its period ends; its clock stands still until :func:`resume`."""
    _complaint(petition, SUSPENSION)
    if petition.status == "suspended":
        raise _state(
            "Việc giải quyết khiếu nại đã đang tạm đình chỉ.",
            "The complaint's resolution is already suspended.",
            SUSPENSION,
        )
    current = petition.resolution
    if (
        petition.accepted_at is None
        or current is None
        or not current.is_open
        or petition.status not in ("accepted", "assigned")
    ):
        raise _state(
            "Chỉ tạm đình chỉ khiếu nại đã thụ lý và đang trong thời hạn giải quyết.",
            "Only an accepted complaint whose resolution period runs can be suspended.",
            SUSPENSION,
        )
    _in_force(
        rules,
        SUSPENSION,
        local_date(petition.accepted_at),
        what_vi="Không tạm đình chỉ được",
        what_en="Cannot suspend",
    )
    if now > current.due_at:
        raise _state(
            "Thời hạn giải quyết đã hết; tạm đình chỉ phải quyết định trước khi hết hạn.",
            "The resolution period has ended; a suspension is decided before it ends.",
            SUSPENSION,
        )
    return step(
        petition,
        action="suspended",
        actor=actor,
        now=now,
        detail={"rule": SUSPENSION, "resolution": current.rule, "reason": reason},
        status="suspended",
    )


def _suspended_since(petition: Petition) -> HistoryEntry:
    return next(e for e in reversed(petition.history) if e.action == "suspended")


def _resumed_deadlines(
    petition: Petition, now: dt.datetime, rules: RuleBook
) -> tuple[tuple[PetitionDeadline, ...], PetitionDeadline, Suspension]:
    """The deadlines with the resolution clock moved by the span suspended until ``now``."""
    current = petition.resolution
    assert current is not None  # a suspended complaint was accepted with one
    since = _suspended_since(petition)
    span = Suspension(
        suspended_on=local_date(since.at),
        resumed_on=local_date(now),
        reason=str(since.detail.get("reason") or SUSPENSION),
    )
    before = current.deadline
    moved = PetitionDeadline(
        rules.deadline(
            before.rule, before.start, before.extensions, suspensions=(*before.suspensions, span)
        )
    )
    return tuple(moved if d is current else d for d in petition.deadlines), moved, span


def _working_status(petition: Petition) -> Literal["accepted", "assigned"]:
    return "assigned" if petition.handler else "accepted"


def resume(petition: Petition, *, actor: Actor, now: dt.datetime, rules: RuleBook) -> Petition:
    """The resolution goes on: its due date moves by the days suspended, in the row's unit."""
    _complaint(petition, SUSPENSION)
    if petition.status != "suspended":
        raise _state(
            "Việc giải quyết khiếu nại không ở trạng thái tạm đình chỉ.",
            "The complaint's resolution is not suspended.",
            SUSPENSION,
        )
    deadlines, moved, span = _resumed_deadlines(petition, now, rules)
    return step(
        petition,
        action="resumed",
        actor=actor,
        now=now,
        detail={
            "rule": SUSPENSION,
            "resolution": moved.rule,
            "suspended_on": span.suspended_on.isoformat(),
            "due": moved.deadline.due.isoformat(),
        },
        status=_working_status(petition),
        deadlines=deadlines,
    )


def withdraw(
    petition: Petition,
    *,
    actor: Actor,
    now: dt.datetime,
    rules: RuleBook,
    whole: bool,
    request_on: dt.date,
    part: str | None = None,
) -> Petition:
    """The complainant's written withdrawal, recorded by an officer before the decision.

    Whole (CMP-RESOLVE.withdrawal): the complaint ends, status ``withdrawn``, its clocks
    settled (a suspended one first moved by the days it stood still). In part
    (CMP-RESOLVE.withdrawal-partial, for complaints received from its row's date): what was
    withdrawn is recorded and the rest keeps its clock."""
    rule = WITHDRAWAL if whole else PARTIAL_WITHDRAWAL
    _complaint(petition, rule)
    if petition.status not in _BEFORE_DECISION:
        raise _state(
            f"Khiếu nại ở trạng thái {petition.status}: chỉ rút được trước khi có quyết định"
            " giải quyết.",
            f"A complaint that is {petition.status} can no longer be withdrawn; withdrawal"
            " comes before the decision.",
            rule,
        )
    if not petition.received_on <= request_on <= local_date(now):
        raise PetitionRefused(
            "Ngày của văn bản rút khiếu nại phải từ ngày nhận khiếu nại đến hôm nay.",
            "The written withdrawal is dated between the complaint's receipt and today.",
            rule=rule,
        )
    if whole == bool(part):
        raise PetitionRefused(
            "Rút một phần thì ghi rõ phần được rút; rút toàn bộ thì không ghi phần.",
            "A partial withdrawal says which part is withdrawn; a whole one gives no part.",
            rule=rule,
        )
    _in_force(
        rules,
        rule,
        petition.received_on,
        what_vi="Không rút " + ("khiếu nại" if whole else "một phần khiếu nại") + " được",
        what_en="Cannot withdraw " + ("the complaint" if whole else "part of the complaint"),
    )
    detail: dict[str, object] = {"rule": rule, "whole": whole, "request_on": request_on.isoformat()}
    if not whole:
        return step(
            petition,
            action="withdrawn_in_part",
            actor=actor,
            now=now,
            detail={**detail, "part": part},
        )
    deadlines = petition.deadlines
    if petition.status == "suspended":
        deadlines = _resumed_deadlines(petition, now, rules)[0]
    return step(
        petition,
        action="withdrawn",
        actor=actor,
        now=now,
        detail=detail,
        status="withdrawn",
        deadlines=settle(deadlines, now),
    )


def start_publication(petition: Petition, *, rules: RuleBook) -> Petition:
    """CMP-RESOLVE.publish: a complaint's decision (its answer) is published within the row's
    period from its issue. Added to the answered version; no clock for a decision issued
    before the row took effect."""
    if petition.kind != "complaint" or petition.answer is None or petition.deadline(PUBLISH):
        return petition
    try:
        clock = PetitionDeadline(rules.deadline(PUBLISH, petition.answer.answered_at))
    except UnknownRule:
        return petition
    return replace(petition, deadlines=(*petition.deadlines, clock))


def publish_decision(
    petition: Petition,
    *,
    actor: Actor,
    now: dt.datetime,
    rules: RuleBook,
    form: PublicationForm,
    published_at: dt.datetime | None = None,
) -> Petition:
    """The decision was published (posted, announced at a meeting, or in the media) at
    ``published_at`` (default: now; an officer may record it afterwards): the
    CMP-RESOLVE.publish clock settles, met or late by that instant; a posting stays up at
    least until the end of CMP-RESOLVE.publish-posting from the day of publication. What is
    published is the decision, never the complainant's identity: the platform records the
    fact, it publishes nothing itself."""
    pending = petition.deadline(PUBLISH)
    if petition.kind != "complaint" or pending is None:
        raise _state(
            "Chỉ công khai quyết định giải quyết khiếu nại đã ban hành.",
            "Only an issued complaint decision is published.",
            PUBLISH,
        )
    if not pending.is_open:
        raise _state(
            "Quyết định giải quyết khiếu nại đã được công khai.",
            "The complaint decision was already published.",
            PUBLISH,
        )
    given = published_at or now
    assert petition.answer is not None  # the clock opens with the decision
    if given > now or given < petition.answer.answered_at:
        raise PetitionRefused(
            "Thời điểm công khai quyết định phải từ lúc ban hành quyết định đến nay.",
            "The publication lies between the decision and now.",
            rule=PUBLISH,
        )
    done = pending.settled(given)
    detail: dict[str, object] = {
        "rule": PUBLISH,
        "form": form,
        "on_time": done.met,
        "published_at": given.isoformat(),
    }
    if form == "posting":
        detail["posted_until"] = rules.deadline(POSTING, given).due.isoformat()
    return step(
        petition,
        action="decision_published",
        actor=actor,
        now=now,
        detail=detail,
        deadlines=tuple(done if d is pending else d for d in petition.deadlines),
    )


def posted_until(petition: Petition) -> dt.date | None:
    """The last day a posted decision stays up, as recorded when it was posted."""
    entry = next((e for e in reversed(petition.history) if e.action == "decision_published"), None)
    value = entry.detail.get("posted_until") if entry else None
    return dt.date.fromisoformat(str(value)) if value else None
