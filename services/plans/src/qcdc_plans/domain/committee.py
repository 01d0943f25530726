"""The steering committee (Ban Chỉ đạo thực hiện QCDC): who sits on it, from when to when.

Membership is history: leaving closes a row (``left_on``); rejoining opens a new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_shared.refusals import NotPermitted, Refused

Position = Literal["head", "deputy_head", "member"]
POSITIONS_VI: dict[str, str] = {
    "head": "Trưởng ban",
    "deputy_head": "Phó Trưởng ban",
    "member": "Thành viên",
}
# The plan is the committee's: its head or a deputy adopts it and its amendments.
ADOPTING_POSITIONS: frozenset[str] = frozenset({"head", "deputy_head"})


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    position: Position
    organisation: str  # e.g. "UBND phường", "Ủy ban MTTQ phường"
    joined_on: dt.date
    title: str | None = None  # e.g. "Chủ tịch UBND phường"
    account: str | None = None  # the officer account that acts as this member
    left_on: dt.date | None = None
    left_reason: str | None = None
    version: int = 1

    def sits_on(self, day: dt.date) -> bool:
        return self.joined_on <= day and (self.left_on is None or day < self.left_on)


def appoint(
    *,
    member_id: str,
    name: str,
    position: Position,
    organisation: str,
    joined_on: dt.date,
    title: str | None = None,
    account: str | None = None,
    current: list[Member],
) -> Member:
    if account and any(m.account == account for m in current if m.left_on is None):
        raise Refused(
            f"Tài khoản {account} đã gắn với một thành viên đương nhiệm.",
            f"The account {account} already belongs to a sitting member.",
            conflict=True,
        )
    return Member(member_id, name, position, organisation, joined_on, title, account)


def leave(member: Member, *, on: dt.date, reason: str) -> Member:
    if member.left_on is not None:
        raise Refused(
            f"Thành viên đã rời Ban Chỉ đạo ngày {member.left_on}.",
            f"The member left the steering committee on {member.left_on}.",
            conflict=True,
        )
    if on < member.joined_on:
        raise Refused(
            "Ngày rời Ban không được trước ngày tham gia.",
            "The leaving date cannot precede the joining date.",
        )
    return replace(member, left_on=on, left_reason=reason, version=member.version + 1)


def adopting_member(members: list[Member], account: str, day: dt.date) -> Member:
    """The sitting head or deputy head acting through ``account``, or a refusal."""
    for member in members:
        if member.account == account and member.sits_on(day):
            if member.position in ADOPTING_POSITIONS:
                return member
            break
    raise NotPermitted(
        "Chỉ Trưởng ban hoặc Phó Trưởng ban Chỉ đạo đương nhiệm mới được ban hành kế hoạch.",
        "Only the sitting head or a deputy head of the steering committee adopts the plan.",
    )
