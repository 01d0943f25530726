"""What opening a residents' decision checks, each refusal naming its rule: DEC-TOPIC, the
register's frozen count (DEC-PASS), DEC-FORM, DEC-NOTICE and DEC-CONV30. Every figure comes
from the rule book."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from qcdc_plans.domain.groups import Register
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import UnknownRule
from qcdc_shared.refusals import Refused

Form = Literal["meeting", "ballot", "online"]


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
    """DEC-FORM: a meeting for the topics DEC-FORM.meeting names (a ballot as fallback, with
    its reason); online votes only for the topics DEC-FORM names, once the share of households
    it sets opted in."""
    if form == "online":
        try:
            online = rules.rule("DEC-FORM", on)
        except UnknownRule:
            # Online voting exists from the decree DEC-FORM is based on; before it, none.
            raise Refused(
                f"Chưa có biểu quyết trực tuyến vào ngày {on:%d/%m/%Y} (DEC-FORM).",
                f"No online vote is provided for on {on.isoformat()} (DEC-FORM).",
                rule="DEC-FORM",
            ) from None
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
