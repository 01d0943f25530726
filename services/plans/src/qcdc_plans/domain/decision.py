"""Residents' decisions ("dân bàn, dân quyết định"): opening under DEC-TOPIC, DEC-FORM,
DEC-NOTICE and DEC-CONV30; household votes or a meeting's tally (a meeting only with its
DEC-FORM.quorum present); the DEC-PASS result over ALL registered households; recognition or
refusal under DEC-RECORD, counted from the receipt of the decision's record.

Every figure comes from the rule book; the household count is the register's when the
decision opens (``Register``), never a number typed into the request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_plans.domain.groups import Register
from qcdc_plans.domain.meeting import check_quorum, rule_covering
from qcdc_plans.domain.opening import (
    Form,
    check_convention_draft,
    check_form,
    check_frozen_count,
    check_notice,
    check_topic,
)
from qcdc_shared.law.deadlines import Deadline, is_overdue, local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule
from qcdc_shared.refusals import Refused

Choice = Literal["yes", "no", "abstain"]
Status = Literal["open", "closed", "recognised", "refused"]
Outcome = Literal["recognised", "refused"]
FORMS_VI: dict[str, str] = {
    "meeting": "họp",
    "ballot": "phát phiếu lấy ý kiến hộ gia đình",
    "online": "biểu quyết trực tuyến",
}


@dataclass(frozen=True)
class Tally:
    """Counted at a meeting, or from a decision's household votes."""

    yes: int
    no: int
    abstain: int
    present: int


@dataclass(frozen=True)
class Result:
    counted: Literal["household_votes", "meeting_tally"]
    tally: Tally
    households_total: int
    threshold: int  # the fewest yes votes that pass
    share: str
    comparison: Literal["at_least", "more_than"]
    rule: str
    table_version: str
    passed: bool
    decided_on: dt.date
    closed_at: dt.datetime
    record_due: Deadline  # DEC-RECORD: the signed record reaches the committee and the front
    recognition_due: Deadline  # DEC-RECORD.recognition, from record_received_at
    # When the committee received the decision's record: the officer says so when closing,
    # else it is the close itself (the ward records the result from the record it holds).
    record_received_at: dt.datetime


@dataclass(frozen=True)
class Recognition:
    outcome: Outcome
    reason: str | None
    by: str
    by_role: str
    at: dt.datetime
    on_time: bool


@dataclass(frozen=True)
class Decision:
    id: str
    ward: str
    topic: int
    title: str
    residential_group: str | None
    households_total: int
    online_optin: int
    form: Form
    notice_at: dt.datetime
    vote_at: dt.datetime
    opened_by: str
    rules_checked: tuple[str, ...]
    ballot_reason: str | None = None
    draft_posted_on: dt.date | None = None
    draft_posting: str | None = None
    initiative_id: str | None = None  # DEC-INIT: the residents' proposal it puts to a vote
    status: Status = "open"
    tally: Tally | None = None
    result: Result | None = None
    minutes: str | None = None
    recognition: Recognition | None = None
    version: int = 1


def open_decision(
    *,
    decision_id: str,
    ward: str,
    topic: int,
    title: str,
    register: Register,
    form: Form,
    notice_at: dt.datetime,
    vote_at: dt.datetime,
    opened_by: str,
    rules: RuleBook,
    households_total: int | None = None,
    ballot_reason: str | None = None,
    draft_posted_on: dt.date | None = None,
    draft_posting: str | None = None,
) -> Decision:
    """A decision put to residents; refused when the law's conditions for it do not hold."""
    on = local_date(vote_at)
    check_frozen_count(register, claimed=households_total)
    checked = [
        check_topic(topic, rules, on),
        "DEC-PASS",
        *check_form(topic, form, register, ballot_reason, rules, on),
    ]
    checked.append(check_notice(notice_at, vote_at, rules))
    # The convention topic(s) are DEC-CONV30's applies_to; before its row is in force
    # (Decree 61/2023) no posting period bound a draft.
    convention = rule_covering(rules, "DEC-CONV30", topic, on) is not None
    if convention:
        checked.append(check_convention_draft(draft_posted_on, vote_at, rules))
    return Decision(
        id=decision_id,
        ward=ward,
        topic=topic,
        title=title,
        residential_group=register.group,
        households_total=register.households,
        online_optin=register.online_optin,
        form=form,
        notice_at=notice_at,
        vote_at=vote_at,
        opened_by=opened_by,
        rules_checked=tuple(checked),
        ballot_reason=ballot_reason if form == "ballot" else None,
        draft_posted_on=draft_posted_on if convention else None,
        draft_posting=draft_posting if convention else None,
    )


def _refuse_unless_open(decision: Decision) -> None:
    if decision.status != "open":
        raise Refused(
            "Biểu quyết đã kết thúc.",
            "The decision is closed to votes.",
            conflict=True,
        )


def _refuse_before_vote_day(decision: Decision, now: dt.datetime) -> None:
    if local_date(now) < local_date(decision.vote_at):
        raise Refused(
            f"Chưa đến ngày biểu quyết ({local_date(decision.vote_at):%d/%m/%Y}).",
            f"The vote day ({local_date(decision.vote_at).isoformat()}) has not come yet.",
            conflict=True,
        )


def check_vote(
    decision: Decision, *, household_voted: bool, votes_so_far: int, now: dt.datetime
) -> None:
    """One vote per household, while the decision is open, never more than the register."""
    _refuse_unless_open(decision)
    _refuse_before_vote_day(decision, now)
    if decision.tally is not None:
        raise Refused(
            "Quyết định này đã được kiểm phiếu tại cuộc họp; không ghi phiếu từng hộ.",
            "This decision was counted at a meeting; household votes are not recorded.",
            conflict=True,
        )
    if household_voted:
        raise Refused(
            "Hộ gia đình này đã biểu quyết; mỗi hộ chỉ một phiếu.",
            "This household has already voted; one vote per household.",
            conflict=True,
        )
    if votes_so_far >= decision.households_total:
        raise Refused(
            f"Đã đủ {decision.households_total} hộ theo sổ đăng ký biểu quyết.",
            f"All {decision.households_total} registered households have voted.",
            conflict=True,
            rule="DEC-PASS",
        )


def record_tally(
    decision: Decision, tally: Tally, *, votes_so_far: int, now: dt.datetime, rules: RuleBook
) -> Decision:
    """A meeting's or paper ballots' count, replacing an earlier count while still open; a
    meeting's only when DEC-FORM.quorum was present (else a household ballot is the way)."""
    _refuse_unless_open(decision)
    _refuse_before_vote_day(decision, now)
    if decision.form == "online":
        raise Refused(
            "Biểu quyết trực tuyến được ghi theo từng hộ, không kiểm phiếu tổng.",
            "An online vote is recorded per household, not as a tally.",
        )
    if votes_so_far:
        raise Refused(
            "Đã ghi phiếu từng hộ; không thể thay bằng kết quả kiểm phiếu tổng.",
            "Household votes are already recorded; a tally cannot replace them.",
            conflict=True,
        )
    if min(tally.yes, tally.no, tally.abstain, tally.present) < 0:
        raise Refused("Số phiếu không được âm.", "Counts cannot be negative.")
    if tally.yes + tally.no + tally.abstain > tally.present:
        raise Refused(
            "Tổng số phiếu đồng ý, không đồng ý, không ý kiến vượt số hộ có mặt.",
            "Yes, no and abstentions add up to more than the households present.",
        )
    if tally.present > decision.households_total:
        raise Refused(
            f"Số hộ có mặt ({tally.present}) vượt số hộ đăng ký ({decision.households_total}).",
            f"Households present ({tally.present}) exceed the registered "
            f"{decision.households_total}.",
            rule="DEC-PASS",
        )
    if decision.form == "meeting":
        check_quorum(decision, present=tally.present, rules=rules)
    return replace(decision, tally=tally, version=decision.version + 1)


def close(
    decision: Decision,
    *,
    votes: Tally | None,
    now: dt.datetime,
    rules: RuleBook,
    minutes: str | None = None,
    record_received_at: dt.datetime | None = None,
) -> Decision:
    """DEC-PASS: the result over ALL registered households, never over those present.

    DEC-RECORD.recognition counts from ``record_received_at``, when the committee received the
    decision's record: not before the vote day, not after now; the close itself when not given.
    """
    _refuse_unless_open(decision)
    _refuse_before_vote_day(decision, now)
    received = now if record_received_at is None else record_received_at
    if received > now or local_date(received) < local_date(decision.vote_at):
        raise Refused(
            f"Ngày nhận biên bản phải từ ngày biểu quyết ({local_date(decision.vote_at):%d/%m/%Y})"
            " đến nay.",
            f"The record's receipt lies between the vote day "
            f"({local_date(decision.vote_at).isoformat()}) and now.",
            rule="DEC-RECORD.recognition",
        )
    counted: Literal["household_votes", "meeting_tally"]
    if decision.tally is not None:
        tally, counted = decision.tally, "meeting_tally"
    elif votes is not None and votes.present > 0:
        tally, counted = votes, "household_votes"
    else:
        raise Refused(
            "Chưa có phiếu nào được ghi; hãy ghi phiếu từng hộ hoặc kết quả kiểm phiếu.",
            "No vote is recorded yet; record household votes or the meeting's tally.",
            conflict=True,
        )
    decided_on = local_date(decision.vote_at)
    rule = pass_rule(decision.topic, rules, decided_on)
    threshold = rule.households_needed(decision.households_total)
    assert rule.comparison in ("at_least", "more_than")
    share = rule.share()
    record_due = rules.deadline("DEC-RECORD", now)
    result = Result(
        counted=counted,
        tally=tally,
        households_total=decision.households_total,
        threshold=threshold,
        share=f"{share.numerator}/{share.denominator}",
        comparison=rule.comparison,
        rule=rule.id,
        table_version=record_due.table_version,
        passed=tally.yes >= threshold,
        decided_on=decided_on,
        closed_at=now,
        record_due=record_due,
        recognition_due=rules.deadline("DEC-RECORD.recognition", received),
        record_received_at=received,
    )
    return replace(
        decision, status="closed", result=result, minutes=minutes, version=decision.version + 1
    )


def pass_rule(topic: int, rules: RuleBook, on: dt.date) -> Rule:
    rule = rules.row_covering("DEC-PASS", to=topic, on=on)
    if rule is None:
        raise Refused(
            f"Không có ngưỡng thông qua cho nội dung {topic}.",
            f"No passing threshold covers topic {topic}.",
            rule="DEC-PASS",
        )
    return rule


def recognise(
    decision: Decision,
    *,
    outcome: Outcome,
    reason: str | None,
    by: str,
    by_role: str,
    now: dt.datetime,
) -> Decision:
    """DEC-RECORD: the committee or the front recognises the result, or refuses with reasons."""
    if decision.status != "closed" or decision.result is None:
        raise Refused(
            "Chỉ công nhận kết quả của biểu quyết đã kết thúc và chưa được xem xét.",
            "Only a closed decision not yet reviewed can be recognised or refused.",
            conflict=True,
        )
    if outcome == "refused" and not reason:
        raise Refused(
            "Từ chối công nhận phải nêu lý do.",
            "A refusal needs its reasons.",
            rule="DEC-RECORD",
        )
    recognition = Recognition(
        outcome=outcome,
        reason=reason if outcome == "refused" else None,
        by=by,
        by_role=by_role,
        at=now,
        on_time=not is_overdue(decision.result.recognition_due, now),
    )
    return replace(decision, status=outcome, recognition=recognition, version=decision.version + 1)
