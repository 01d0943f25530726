"""Consultations (lấy ý kiến nhân dân, Law 10/2022 Arts. 15–28): a draft the ward opens for
residents' comments, and the answer it owes them (CON-MIN20).

open → closed. The draft stays open at least the CON-MIN20 period, counted from its opening
(publication) by the rule table and the working calendar: a period ending on a day off rolls
to the next working day, and the period ends at 24:00 of that day (CAL-COUNT). It may stay
open longer; comments are taken until the officer closes it. Closing states what the ward
accepted and what it rejected, each point with its reason, and that answer is published in
the category of consultation plans, results and explanations (``Category.CONSULTATION``).

Comments are their own aggregate (one event each, sequence 1): a comment never changes the
consultation's version, so two residents commenting at once never conflict. The consultation
only counts them (``comments_received``).

A comment carries the resident's name only when they chose to show it; who wrote it is kept
by the adapters as a keyed pseudonym, never here and never in an event.

Pure rules: the rule book is handed in, no I/O here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_publicity.domain.categories import Category
from qcdc_publicity.domain.posting import PostingRefused
from qcdc_shared.law.deadlines import Deadline, local_date
from qcdc_shared.law.rulebook import RuleBook

ConsultationStatus = Literal["open", "closed"]

RULE = "CON-MIN20"
RESULT_CATEGORY = Category.CONSULTATION
MAX_COMMENT_CHARS = 5_000
MAX_DISPLAY_NAME_CHARS = 200
MAX_TITLE_CHARS = 500
MAX_DRAFT_CHARS = 100_000
MAX_ITEM_CHARS = 2_000
MAX_ITEMS = 200


class ConsultationRefused(PostingRefused):
    """A request the law or the consultation's state refuses (same shape as PostingRefused)."""


@dataclass(frozen=True)
class ResponseItem:
    """One point raised by residents and the ward's reason for accepting or rejecting it."""

    point: str
    reason: str


@dataclass(frozen=True)
class Consultation:
    id: str
    ward: str
    title: str
    draft: str
    opened_at: dt.datetime
    minimum_end: Deadline  # CON-MIN20, computed once from opened_at
    status: ConsultationStatus = "open"
    comments_received: int = 0
    accepted: tuple[ResponseItem, ...] = ()
    rejected: tuple[ResponseItem, ...] = ()
    closed_at: dt.datetime | None = None
    result_posting_id: str | None = None
    version: int = 1  # counts the consultation's own events: opened (1), closed (2)


@dataclass(frozen=True)
class Comment:
    id: str
    consultation_id: str
    text: str
    display_name: str | None  # None: the resident chose not to show a name
    received_at: dt.datetime


def _bounded(value: str, *, limit: int, what_vi: str, what_en: str) -> str:
    text = value.strip()
    if not text:
        raise ConsultationRefused(f"Cần nhập {what_vi}.", f"The {what_en} is required.")
    if len(text) > limit:
        raise ConsultationRefused(
            f"{what_vi.capitalize()} dài quá {limit} ký tự.",
            f"The {what_en} is longer than {limit} characters.",
        )
    return text


def open_consultation(
    *, consultation_id: str, ward: str, title: str, draft: str, now: dt.datetime, rules: RuleBook
) -> Consultation:
    """Open a draft for comments now; CON-MIN20 fixes the earliest close from this instant."""
    return Consultation(
        id=consultation_id,
        ward=ward,
        title=_bounded(title, limit=MAX_TITLE_CHARS, what_vi="tiêu đề", what_en="title"),
        draft=_bounded(draft, limit=MAX_DRAFT_CHARS, what_vi="nội dung dự thảo", what_en="draft"),
        opened_at=now,
        minimum_end=rules.deadline(RULE, now),
    )


def add_comment(
    consultation: Consultation,
    *,
    comment_id: str,
    text: str,
    display_name: str | None,
    now: dt.datetime,
) -> tuple[Consultation, Comment]:
    """A resident's comment, taken while the consultation is open (also after its minimum
    end: CON-MIN20 is a floor, and comments count until the ward closes it)."""
    if consultation.status != "open":
        raise ConsultationRefused(
            "Đợt lấy ý kiến đã kết thúc, không nhận thêm ý kiến.",
            "The consultation is closed and takes no more comments.",
            conflict=True,
        )
    body = _bounded(text, limit=MAX_COMMENT_CHARS, what_vi="nội dung ý kiến", what_en="comment")
    name = None
    if display_name is not None:
        name = _bounded(
            display_name,
            limit=MAX_DISPLAY_NAME_CHARS,
            what_vi="tên hiển thị",
            what_en="display name",
        )
    comment = Comment(
        id=comment_id,
        consultation_id=consultation.id,
        text=body,
        display_name=name,
        received_at=now,
    )
    return replace(consultation, comments_received=consultation.comments_received + 1), comment


def _items(
    items: tuple[ResponseItem, ...], *, kind_vi: str, kind_en: str
) -> tuple[ResponseItem, ...]:
    if len(items) > MAX_ITEMS:
        raise ConsultationRefused(
            f"Tối đa {MAX_ITEMS} nội dung {kind_vi}.", f"At most {MAX_ITEMS} {kind_en} points."
        )
    checked = []
    for number, item in enumerate(items, start=1):
        point, reason = item.point.strip(), item.reason.strip()
        if not point or not reason:
            raise ConsultationRefused(
                f"Nội dung {kind_vi} thứ {number} cần nêu cả ý kiến và lý do.",
                f"{kind_en.capitalize()} point {number} needs both the point and the reason.",
                rule=RULE,
            )
        if len(point) > MAX_ITEM_CHARS or len(reason) > MAX_ITEM_CHARS:
            raise ConsultationRefused(
                f"Nội dung {kind_vi} thứ {number} dài quá {MAX_ITEM_CHARS} ký tự.",
                f"{kind_en.capitalize()} point {number} is longer than {MAX_ITEM_CHARS} "
                "characters.",
            )
        checked.append(ResponseItem(point, reason))
    return tuple(checked)


def close(
    consultation: Consultation,
    *,
    accepted: tuple[ResponseItem, ...],
    rejected: tuple[ResponseItem, ...],
    now: dt.datetime,
) -> Consultation:
    """Close with what was accepted and rejected, and why (CON-MIN20).

    Refused while the minimum period runs (up to 24:00 of its last day), when already closed,
    and when an item lacks its point or its reason. When residents commented, the answer may
    not be empty: the law asks the ward to publish what it accepted and rejected, so at least
    one point must be answered. A consultation nobody commented on closes with an empty
    answer, and its result posting says no comment was received.
    """
    if consultation.status != "open":
        raise ConsultationRefused(
            "Đợt lấy ý kiến đã kết thúc.", "The consultation is already closed.", conflict=True
        )
    end = consultation.minimum_end
    if now <= end.due_at:
        raise ConsultationRefused(
            f"Đợt lấy ý kiến phải kéo dài ít nhất {end.amount} ngày: chỉ kết thúc được sau 24:00"
            f" ngày {end.due:%d/%m/%Y}. {end.explanation}",
            f"A consultation stays open at least {end.amount} days: it can close only after the"
            f" end of {end.due.isoformat()}. {end.explanation_en}",
            rule=RULE,
        )
    accepted = _items(accepted, kind_vi="tiếp thu", kind_en="accepted")
    rejected = _items(rejected, kind_vi="không tiếp thu", kind_en="rejected")
    if consultation.comments_received and not (accepted or rejected):
        raise ConsultationRefused(
            f"Đã nhận {consultation.comments_received} ý kiến: cần công khai ý kiến tiếp thu,"
            " không tiếp thu và lý do.",
            f"{consultation.comments_received} comment(s) were received: state what was accepted"
            " and rejected, and why.",
            rule=RULE,
        )
    return replace(
        consultation,
        status="closed",
        accepted=accepted,
        rejected=rejected,
        closed_at=now,
        version=consultation.version + 1,
    )


def result_posting(consultation: Consultation) -> tuple[str, str]:
    """Title and body of the posting that publishes a closed consultation's answer."""
    title = f"Kết quả lấy ý kiến nhân dân: {consultation.title}"

    def section(heading: str, items: tuple[ResponseItem, ...]) -> list[str]:
        lines = [heading]
        lines += [f"{n}. {i.point}\n   Lý do: {i.reason}" for n, i in enumerate(items, start=1)]
        return lines if items else [heading, "(Không có)"]

    lines = [
        f"Dự thảo: {consultation.title}",
        f"Thời gian lấy ý kiến: {_day(consultation.opened_at)} – {_day(consultation.closed_at)}"
        f" (tối thiểu đến hết ngày {consultation.minimum_end.due:%d/%m/%Y}, {RULE}).",
        f"Số ý kiến nhận được: {consultation.comments_received}.",
        "",
    ]
    if consultation.comments_received == 0 and not (consultation.accepted or consultation.rejected):
        lines.append("Không nhận được ý kiến nào trong thời gian lấy ý kiến.")
    else:
        lines += section("I. Ý kiến được tiếp thu:", consultation.accepted)
        lines.append("")
        lines += section("II. Ý kiến không tiếp thu:", consultation.rejected)
    return title, "\n".join(lines)


def _day(instant: dt.datetime | None) -> str:
    if instant is None:
        return ""
    return f"{local_date(instant):%d/%m/%Y}"
