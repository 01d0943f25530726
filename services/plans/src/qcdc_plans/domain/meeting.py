"""A community meeting's quorum (DEC-FORM.quorum) and the rows that cover a topic.

A meeting decides only with representatives of the row's share of ALL registered households
present (Decree 61/2023 Art. 10(1)(a) for conventions); short of it, the law's way out is a
household ballot (Decree 59/2023 Art. 4(1)(b)), not a vote of those who came. A tally below
the quorum is therefore refused, naming the ballot, rather than recorded as a void result:
the officer then records each household's ballot on the same decision.

The decision is passed in as a protocol so this module does not import ``decision``.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule, UnknownRule
from qcdc_shared.refusals import Refused

QUORUM = "DEC-FORM.quorum"


class Meeting(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def topic(self) -> int: ...
    @property
    def households_total(self) -> int: ...
    @property
    def vote_at(self) -> dt.datetime: ...


def rule_covering(rules: RuleBook, rule_id: str, topic: int, on: dt.date) -> Rule | None:
    """The row of ``rule_id`` in force on ``on`` if its ``applies_to`` covers ``topic``; None
    when it does not, or when no row of it is in force yet (the rule did not bind then)."""
    try:
        row = rules.rule(rule_id, on)
    except UnknownRule:
        return None
    return row if topic in row.applies_to else None


def share_text(row: Rule) -> tuple[str, str]:
    """The row's share as people read it, in Vietnamese and English ("trên", "more than")."""
    share = row.share()
    fraction = f"{share.numerator}/{share.denominator}"
    if row.comparison == "more_than":
        return f"trên {fraction}", f"more than {fraction}"
    return f"ít nhất {fraction}", f"at least {fraction}"


def check_quorum(meeting: Meeting, *, present: int, rules: RuleBook) -> None:
    """DEC-FORM.quorum: refused below the share of households present, naming the ballot."""
    row = rule_covering(rules, QUORUM, meeting.topic, local_date(meeting.vote_at))
    if row is None:
        return
    needed = row.households_needed(meeting.households_total)
    if present >= needed:
        return
    vi, en = share_text(row)
    raise Refused(
        f"Cuộc họp chỉ có đại diện {present}/{meeting.households_total} hộ gia đình; cần {vi} "
        f"tổng số hộ ({needed} hộ) tham dự ({row.id}, {row.basis}). Không ghi được kết quả "
        "biểu quyết của cuộc họp này; có thể phát phiếu lấy ý kiến từng hộ gia đình thay cho "
        f"cuộc họp và ghi phiếu của từng hộ vào biểu quyết này (/decisions/{meeting.id}/votes).",
        f"Only {present} of {meeting.households_total} households were represented; a meeting "
        f"needs {en} of all households ({needed}) present ({row.id}, {row.basis}). Its vote "
        "cannot be recorded; a household ballot may be held instead: record each household's "
        f"ballot on this decision (/decisions/{meeting.id}/votes).",
        rule=row.id,
    )
