"""Conferences and dialogues (hội nghị chuyên đề, đối thoại, hội nghị tổ dân phố cuối năm).

DEC-NOTICE: notice and documents go out ahead of the meeting; the year-end group conference
has its own, longer row (DEC-NOTICE.year-end). OVS-YEAR: each year at least one
committee–people dialogue, and one year-end conference per residential group
(OVS-YEAR.conference). Every figure comes from the rule book handed in; nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.domain.rule_book import deadline_in_force
from qcdc_shared.law.deadlines import Deadline, local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import UnknownRule
from qcdc_shared.refusals import Refused

Kind = Literal["thematic", "dialogue", "group_year_end"]
Status = Literal["scheduled", "held", "cancelled"]

KIND_NAMES_VI: dict[str, str] = {
    "thematic": "Hội nghị chuyên đề",
    "dialogue": "Đối thoại giữa UBND phường với Nhân dân",
    "group_year_end": "Hội nghị tổ dân phố cuối năm",
}
DIALOGUE_RULE = "OVS-YEAR"
YEAR_END_RULE = "OVS-YEAR.conference"


@dataclass(frozen=True)
class Conference:
    id: str
    ward: str
    kind: Kind
    title: str
    residential_group: str | None
    notice_on: dt.date
    held_on: dt.date
    notice: Deadline  # the latest day notice may be given, under notice.rule
    created_at: dt.datetime
    status: Status = "scheduled"
    minutes: str | None = None
    attendees: int | None = None
    cancel_reason: str | None = None
    recorded_at: dt.datetime | None = None
    version: int = 1

    @property
    def year(self) -> int:
        return self.held_on.year

    @property
    def notice_rule(self) -> str:
        return self.notice.rule


def notice_rule_for(kind: Kind) -> str:
    """DEC-NOTICE.year-end for a group's year-end conference, DEC-NOTICE for the others."""
    return "DEC-NOTICE.year-end" if kind == "group_year_end" else "DEC-NOTICE"


def schedule(
    *,
    conference_id: str,
    ward: str,
    kind: Kind,
    title: str,
    group: str | None,
    notice_on: dt.date,
    held_on: dt.date,
    now: dt.datetime,
    rules: RuleBook,
    registered: Collection[str],
    same_group_year: Sequence[Conference] = (),
) -> Conference:
    """Put a conference on the ward's calendar; notice later than DEC-NOTICE allows is refused.

    ``registered``: the codes of the ward's residential groups. ``same_group_year``: the
    group's year-end conferences already on record for the year of ``held_on``.
    """
    if not title.strip():
        raise Refused("Cần nêu tên hội nghị.", "The conference needs a title.")
    if kind == "group_year_end" and group is None:
        raise Refused(
            "Hội nghị tổ dân phố cuối năm phải gắn với một tổ dân phố.",
            "A year-end conference belongs to a residential group: name the group.",
            rule=YEAR_END_RULE,
        )
    if group is not None and group not in registered:
        raise Refused(
            f"Tổ dân phố {group} chưa được đăng ký.",
            f"Residential group {group} is not registered.",
        )
    if kind == "group_year_end" and any(c.status != "cancelled" for c in same_group_year):
        raise Refused(
            f"Tổ dân phố {group} đã có hội nghị cuối năm {held_on.year}; "
            "hãy hủy hội nghị đó trước khi lên lịch lại.",
            f"Residential group {group} already has its {held_on.year} year-end conference; "
            "cancel it before scheduling another.",
            rule=YEAR_END_RULE,
            conflict=True,
        )
    rule_id = notice_rule_for(kind)
    notice = deadline_in_force(rules, rule_id, held_on)
    if notice_on > notice.due:
        raise Refused(
            f"Thông báo ngày {notice_on:%d/%m/%Y} là quá muộn: theo {rule_id}, thông báo và tài "
            f"liệu phải gửi chậm nhất ngày {notice.due:%d/%m/%Y} cho hội nghị ngày "
            f"{held_on:%d/%m/%Y}.",
            f"Notice on {notice_on.isoformat()} is too late: under {rule_id}, notice and "
            f"documents go out on {notice.due.isoformat()} at the latest for a conference "
            f"held on {held_on.isoformat()}.",
            rule=rule_id,
        )
    return Conference(
        id=conference_id,
        ward=ward,
        kind=kind,
        title=title.strip(),
        residential_group=group,
        notice_on=notice_on,
        held_on=held_on,
        notice=notice,
        created_at=now,
    )


def _still_scheduled(conference: Conference) -> None:
    if conference.status == "held":
        raise Refused(
            "Hội nghị này đã được ghi nhận là đã tổ chức.",
            "This conference is already recorded as held.",
            conflict=True,
        )
    if conference.status == "cancelled":
        raise Refused("Hội nghị này đã bị hủy.", "This conference was cancelled.", conflict=True)


def record_held(
    conference: Conference, *, minutes: str, attendees: int, now: dt.datetime
) -> Conference:
    """Record once that the conference took place, with its minutes (OVS-YEAR counts it)."""
    _still_scheduled(conference)
    if conference.held_on > local_date(now):
        raise Refused(
            f"Chưa đến ngày hội nghị ({conference.held_on:%d/%m/%Y}); chưa thể ghi nhận "
            "là đã tổ chức.",
            f"The conference day ({conference.held_on.isoformat()}) has not come yet; it "
            "cannot be recorded as held.",
            conflict=True,
        )
    if not minutes.strip():
        raise Refused("Cần biên bản hội nghị.", "The minutes of the conference are required.")
    if attendees < 0:
        raise Refused("Số người dự không thể âm.", "Attendees cannot be negative.")
    return replace(
        conference,
        status="held",
        minutes=minutes.strip(),
        attendees=attendees,
        recorded_at=now,
        version=conference.version + 1,
    )


def cancel(conference: Conference, *, reason: str, now: dt.datetime) -> Conference:
    """A scheduled conference that will not take place; the public reason is kept."""
    _still_scheduled(conference)
    if not reason.strip():
        raise Refused("Cần nêu lý do hủy hội nghị.", "Give the reason for cancelling.")
    return replace(
        conference,
        status="cancelled",
        cancel_reason=reason.strip(),
        recorded_at=now,
        version=conference.version + 1,
    )


# ---- OVS-YEAR: what a year asks of the ward ------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    rule: str
    comparison: str
    required: int  # the fewest conferences that satisfy the rule


@dataclass(frozen=True)
class GroupYearEnd:
    group: str
    name: str
    held: int
    scheduled: int
    held_on: dt.date | None  # the day of the first one held
    conference_ids: tuple[str, ...]
    met: bool


@dataclass(frozen=True)
class Obligations:
    year: int
    on: dt.date  # the day the view was computed
    ended: bool  # the year is over: what is missing now is a breach, no longer a to-do
    table_version: str
    dialogue: Requirement
    dialogues_held: int
    dialogues_scheduled: int
    dialogue_ids: tuple[str, ...]
    dialogues_met: bool
    year_end: Requirement
    groups: tuple[GroupYearEnd, ...]

    @property
    def groups_missing(self) -> tuple[str, ...]:
        return tuple(g.group for g in self.groups if not g.met)

    @property
    def met(self) -> bool:
        return self.dialogues_met and not self.groups_missing


def requirement(rules: RuleBook, rule_id: str, year: int) -> Requirement:
    """The row in force when the year closes: a rule that takes effect mid-year binds it."""
    try:
        row = rules.rule(rule_id, dt.date(year, 12, 31))
    except UnknownRule:
        raise Refused(
            f"Quy tắc {rule_id} chưa có hiệu lực trong năm {year}.",
            f"Rule {rule_id} is not in force in {year}.",
            rule=rule_id,
        ) from None
    if not isinstance(row.amount, int):
        raise ValueError(f"{row.id} is not a count")
    if row.comparison == "more_than":
        return Requirement(row.id, row.comparison, row.amount + 1)
    if row.comparison in (None, "at_least"):
        return Requirement(row.id, "at_least", row.amount)
    raise ValueError(f"{row.id}: a yearly obligation cannot be {row.comparison}")


def obligations(
    conferences: Iterable[Conference],
    *,
    groups: Sequence[ResidentialGroup],
    year: int,
    today: dt.date,
    rules: RuleBook,
) -> Obligations:
    """OVS-YEAR for one year: dialogues held against the rule, and each registered group's
    year-end conference. Only conferences recorded as held count; scheduled ones are shown
    beside them so an officer sees what is still planned."""
    dialogue = requirement(rules, DIALOGUE_RULE, year)
    year_end = requirement(rules, YEAR_END_RULE, year)
    in_year = sorted(
        (c for c in conferences if c.year == year and c.status != "cancelled"),
        key=lambda c: (c.held_on, c.id),
    )
    dialogues = [c for c in in_year if c.kind == "dialogue"]
    dialogues_held = sum(1 for c in dialogues if c.status == "held")
    rows = []
    for group in groups:
        own = [
            c for c in in_year if c.kind == "group_year_end" and c.residential_group == group.code
        ]
        held = [c for c in own if c.status == "held"]
        rows.append(
            GroupYearEnd(
                group=group.code,
                name=group.name,
                held=len(held),
                scheduled=len(own) - len(held),
                held_on=held[0].held_on if held else None,
                conference_ids=tuple(c.id for c in own),
                met=len(held) >= year_end.required,
            )
        )
    return Obligations(
        year=year,
        on=today,
        ended=today > dt.date(year, 12, 31),
        table_version=rules.table.version,
        dialogue=dialogue,
        dialogues_held=dialogues_held,
        dialogues_scheduled=len(dialogues) - dialogues_held,
        dialogue_ids=tuple(c.id for c in dialogues),
        dialogues_met=dialogues_held >= dialogue.required,
        year_end=year_end,
        groups=tuple(rows),
    )
