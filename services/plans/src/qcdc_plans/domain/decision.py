"""Residents' decisions ("dân bàn, dân quyết định"): opening under DEC-TOPIC, DEC-FORM,
DEC-NOTICE and DEC-CONV30; household votes or a meeting's tally; the DEC-PASS result over ALL
registered households; recognition or refusal under DEC-RECORD.

Every figure comes from the rule book; the household count is the register's when the
decision opens (``Register``), never a number typed into the request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_plans.domain.groups import Register
from qcdc_shared.law.deadlines import Deadline, is_overdue, local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule
from qcdc_shared.refusals import Refused

Form = Literal["meeting", "ballot", "online"]
Choice = Literal["yes", "no", "abstain"]
Status = Literal["open", "closed", "recognised", "refused"]
Outcome = Literal["recognised", "refused"]
FORMS_VI: dict[str, str] = {
    "meeting": "họp",
    "ballot": "phát phiếu lấy ý kiến hộ gia đình",
    "online": "biểu quyết trực tuyến",
}
# DEC-TOPIC 3 is the residential convention (hương ước, quy ước) DEC-CONV30 speaks of.
CONVENTION_TOPIC = 3


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
    recognition_due: Deadline  # DEC-RECORD.recognition


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
    if topic == CONVENTION_TOPIC:
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
        draft_posted_on=draft_posted_on if topic == CONVENTION_TOPIC else None,
        draft_posting=draft_posting if topic == CONVENTION_TOPIC else None,
    )


def check_topic(topic: int, rules: RuleBook, on: dt.date) -> str:
    """DEC-TOPIC: the kinds of matters residents decide, numbered from 1."""
    topics = rules.rule("DEC-TOPIC", on)
    if not 1 <= topic <= int(topics.amount or 0):
        raise Refused(
            f"Nội dung {topic} không thuộc các nội dung Nhân dân bàn và quyết định "
            f"(1-{topics.amount}, {topics.id}).",
            f"Topic {topic} is not one residents decide (1-{topics.amount}, {topics.id}).",
            rule=topics.id,
        )
    return topics.id


def check_frozen_count(register: Register, *, claimed: int | None) -> None:
    """DEC-PASS: the count is the register's; a different number typed in is refused."""
    if claimed is not None and claimed != register.households:
        where = f"tổ dân phố {register.group}" if register.group else "toàn phường"
        where_en = f"residential group {register.group}" if register.group else "the ward"
        raise Refused(
            f"Số hộ {claimed} không khớp sổ đăng ký: {where} có {register.households} hộ. "
            "Ngưỡng thông qua tính trên tổng số hộ đăng ký khi mở biểu quyết.",
            f"{claimed} households does not match the register: {where_en} has "
            f"{register.households}. Thresholds count the households registered when the "
            "decision opens.",
            rule="DEC-PASS",
        )


def check_form(
    topic: int,
    form: Form,
    register: Register,
    ballot_reason: str | None,
    rules: RuleBook,
    on: dt.date,
) -> list[str]:
    """DEC-FORM: meetings for topics 3-5 (a ballot as fallback, with its reason); online
    votes only for the topics the rule names, once more than the share of households opted in."""
    if form == "online":
        online = rules.rule("DEC-FORM", on)
        if topic not in online.applies_to:
            raise Refused(
                f"Nội dung {topic} không được biểu quyết trực tuyến; chỉ nội dung "
                f"{', '.join(map(str, online.applies_to))} ({online.id}).",
                f"Topic {topic} may not be decided by online vote; only topic(s) "
                f"{', '.join(map(str, online.applies_to))} ({online.id}).",
                rule=online.id,
            )
        needed = online.households_needed(register.households)
        if register.online_optin < needed:
            raise Refused(
                f"Mới có {register.online_optin}/{register.households} hộ đồng ý biểu quyết trực "
                f"tuyến; cần ít nhất {needed} ({online.id}).",
                f"Only {register.online_optin} of {register.households} households opted in to "
                f"online voting; {needed} are needed ({online.id}).",
                rule=online.id,
            )
        return [online.id]
    meeting = rules.rule("DEC-FORM.meeting", on)
    if topic in meeting.applies_to and form == "ballot" and not ballot_reason:
        raise Refused(
            f"Nội dung {topic} được quyết định tại cuộc họp; phát phiếu chỉ khi không họp được "
            "và phải nêu lý do (ballot_reason).",
            f"Topic {topic} is decided at a meeting; a household ballot is the fallback and "
            "needs its reason (ballot_reason).",
            rule=meeting.id,
        )
    return [meeting.id]


def check_notice(notice_at: dt.datetime, vote_at: dt.datetime, rules: RuleBook) -> str:
    """DEC-NOTICE: notice and documents go out at least the rule's days before the vote."""
    latest = rules.deadline("DEC-NOTICE", vote_at)
    if notice_at > vote_at or local_date(notice_at) > latest.due:
        raise Refused(
            f"Thông báo và tài liệu phải gửi trước ngày biểu quyết ít nhất {latest.amount} ngày, "
            f"tức chậm nhất ngày {latest.due:%d/%m/%Y} ({latest.rule}).",
            f"Notice and documents must go out at least {latest.amount} days before the vote, "
            f"that is by {latest.due.isoformat()} ({latest.rule}).",
            rule=latest.rule,
        )
    return latest.rule


def check_convention_draft(
    draft_posted_on: dt.date | None, vote_at: dt.datetime, rules: RuleBook
) -> str:
    """DEC-CONV30: the draft convention is posted at least the rule's days before the vote."""
    latest = rules.deadline("DEC-CONV30", vote_at)
    if draft_posted_on is None or draft_posted_on > latest.due:
        raise Refused(
            f"Dự thảo hương ước, quy ước phải được niêm yết chậm nhất ngày "
            f"{latest.due:%d/%m/%Y} ({latest.amount} ngày trước biểu quyết; {latest.rule}); "
            "hãy nêu ngày niêm yết (draft_posted_on).",
            f"The draft convention must be posted by {latest.due.isoformat()} "
            f"({latest.amount} days before the vote; {latest.rule}); give draft_posted_on.",
            rule=latest.rule,
        )
    return latest.rule


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
    decision: Decision, tally: Tally, *, votes_so_far: int, now: dt.datetime
) -> Decision:
    """A meeting's or paper ballots' count, replacing an earlier count while still open."""
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
    return replace(decision, tally=tally, version=decision.version + 1)


def close(
    decision: Decision,
    *,
    votes: Tally | None,
    now: dt.datetime,
    rules: RuleBook,
    minutes: str | None = None,
) -> Decision:
    """DEC-PASS: the result over ALL registered households, never over those present."""
    _refuse_unless_open(decision)
    _refuse_before_vote_day(decision, now)
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
        recognition_due=rules.deadline("DEC-RECORD.recognition", now),
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
