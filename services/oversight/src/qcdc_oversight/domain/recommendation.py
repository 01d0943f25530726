"""Recommendations of the inspection board (OVS-ANSWER): proposed by the board, issued once the
front confirms them, answered by the ward committee within the rule's days of receiving them;
one left unanswered past its due day is escalated to the city, once.

The period counts from the addressee's receipt (OVS-ANSWER's ``counted_from``). Until a
receipt is recorded the issue is taken as the receipt; recording a later one (once, while
unanswered and not escalated) counts the deadline again from it. The deadline is kept with
the recommendation: a later change of the rule table never moves a deadline already running
(DESIGN §2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_shared.law.deadlines import Deadline
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import Refused

Status = Literal["proposed", "issued", "answered"]
Acceptance = Literal["accepted", "partly", "rejected"]
STATUS_VI: dict[str, str] = {
    "proposed": "đang đề xuất",
    "issued": "đã ban hành",
    "answered": "đã được trả lời",
}
ANSWER = "OVS-ANSWER"


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    body: str
    addressed_to: str
    proposed_by: str
    inspection_id: str | None = None
    status: Status = "proposed"
    confirmed_by: str | None = None
    issued_at: dt.datetime | None = None
    received_at: dt.datetime | None = None  # the addressee's receipt, once recorded
    answer_deadline: Deadline | None = None
    answer: str | None = None
    accepted: Acceptance | None = None
    answered_at: dt.datetime | None = None
    answered_by: str | None = None
    overdue_at: dt.datetime | None = None  # when it was escalated to the city
    version: int = 1

    @property
    def due_at(self) -> dt.datetime | None:
        return None if self.answer_deadline is None else self.answer_deadline.due_at

    @property
    def on_time(self) -> bool | None:
        """Answered by the end of the due day; None while unanswered."""
        if self.answered_at is None or self.due_at is None:
            return None
        return self.answered_at <= self.due_at

    def overdue(self, now: dt.datetime) -> bool:
        """Its due day ended before it was answered (or before ``now``, still unanswered)."""
        if self.due_at is None:
            return False
        return (self.answered_at or now) > self.due_at


def propose(
    *,
    recommendation_id: str,
    title: str,
    body: str,
    addressed_to: str,
    proposed_by: str,
    inspection_id: str | None = None,
) -> Recommendation:
    return Recommendation(
        id=recommendation_id,
        title=title,
        body=body,
        addressed_to=addressed_to,
        proposed_by=proposed_by,
        inspection_id=inspection_id,
    )


def _refuse_unless(recommendation: Recommendation, status: Status, vi: str, en: str) -> None:
    if recommendation.status != status:
        raise Refused(
            f"Không thể {vi}: kiến nghị {STATUS_VI[recommendation.status]}.",
            f"Cannot {en}: the recommendation is {recommendation.status}.",
            conflict=True,
        )


def confirm(
    recommendation: Recommendation, *, by: str, now: dt.datetime, rules: RuleBook
) -> Recommendation:
    """The front confirms and the recommendation is issued: OVS-ANSWER starts counting, from
    the issue until a later receipt is recorded (:func:`receive`)."""
    _refuse_unless(recommendation, "proposed", "xác nhận", "confirm it")
    return replace(
        recommendation,
        status="issued",
        confirmed_by=by,
        issued_at=now,
        answer_deadline=rules.deadline(ANSWER, now),
        version=recommendation.version + 1,
    )


def receive(
    recommendation: Recommendation, *, received_at: dt.datetime, now: dt.datetime, rules: RuleBook
) -> Recommendation:
    """The addressee received it at ``received_at``: OVS-ANSWER counts from then."""
    _refuse_unless(recommendation, "issued", "ghi ngày nhận", "record its receipt")
    if recommendation.received_at is not None or recommendation.overdue_at is not None:
        raise Refused(
            "Đã ghi ngày nhận, hoặc kiến nghị đã được chuyển lên thành phố.",
            "The receipt is already recorded, or the recommendation was escalated to the city.",
            rule=ANSWER,
            conflict=True,
        )
    assert recommendation.issued_at is not None
    if received_at < recommendation.issued_at or received_at > now:
        raise Refused(
            "Ngày nhận kiến nghị phải từ lúc ban hành đến nay.",
            "The receipt lies between the issue and now.",
            rule=ANSWER,
        )
    return replace(
        recommendation,
        received_at=received_at,
        answer_deadline=rules.deadline(ANSWER, received_at),
        version=recommendation.version + 1,
    )


def answer(
    recommendation: Recommendation,
    *,
    text: str,
    accepted: Acceptance,
    by: str,
    now: dt.datetime,
) -> Recommendation:
    """A late answer is still an answer: it is taken, and ``on_time`` says it was late."""
    _refuse_unless(recommendation, "issued", "trả lời", "answer it")
    return replace(
        recommendation,
        status="answered",
        answer=text,
        accepted=accepted,
        answered_at=now,
        answered_by=by,
        version=recommendation.version + 1,
    )


def needs_escalation(recommendation: Recommendation, now: dt.datetime) -> bool:
    """OVS-ANSWER: issued, unanswered at the end of its due day, and not yet escalated."""
    return (
        recommendation.status == "issued"
        and recommendation.overdue_at is None
        and recommendation.overdue(now)
    )


def escalate(recommendation: Recommendation, *, now: dt.datetime) -> Recommendation:
    if not needs_escalation(recommendation, now):
        raise Refused(
            "Kiến nghị không quá hạn trả lời hoặc đã được chuyển lên thành phố.",
            "The recommendation is not overdue, or was already escalated to the city.",
            rule=ANSWER,
            conflict=True,
        )
    return replace(recommendation, overdue_at=now, version=recommendation.version + 1)
