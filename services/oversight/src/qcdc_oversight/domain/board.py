"""The people's inspection board (Ban Thanh tra nhân dân, OVS-BOARD) and the community
investment supervision boards (Ban giám sát đầu tư của cộng đồng, OVS-INV).

Membership is history: leaving closes a row (``left_on``); a re-election opens a new one.
Every figure (the minimum, the deputies, the notice period) comes from the rule book.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from qcdc_shared.law.deadlines import Deadline
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import Refused

Position = Literal["head", "deputy_head", "member"]
POSITIONS_VI: dict[str, str] = {
    "head": "Trưởng ban",
    "deputy_head": "Phó Trưởng ban",
    "member": "Thành viên",
}
BOARD = "OVS-BOARD"
DEPUTIES = "OVS-BOARD.deputies"
INVESTMENT = "OVS-INV"
INVESTMENT_MEMBERS = "OVS-INV.members"
INVESTMENT_RESIDENTS = "OVS-INV.residents"


@dataclass(frozen=True)
class KnownGroup:
    """A residential group as plans announced it (group.registered / group.updated)."""

    code: str
    name: str
    households: int
    version: int


def supersedes(group: KnownGroup, current: KnownGroup | None) -> bool:
    """Whether ``group`` is newer than the copy kept (events may arrive out of order after a
    redelivery: an older version never rolls the register back)."""
    return current is None or group.version > current.version


@dataclass(frozen=True)
class BoardMember:
    id: str
    name: str
    residential_group: str
    position: Position
    elected_on: dt.date
    account: str | None = None  # the inspector account that acts as this member
    left_on: dt.date | None = None
    left_reason: str | None = None
    version: int = 1

    @property
    def sitting(self) -> bool:
        return self.left_on is None


def count_rule(rules: RuleBook, rule_id: str, on: dt.date) -> int:
    amount = rules.rule(rule_id, on).amount
    if not isinstance(amount, int):
        raise TypeError(f"{rule_id} is not a count")
    return amount


def elect(
    *,
    member_id: str,
    name: str,
    group: str,
    position: Position,
    elected_on: dt.date,
    today: dt.date,
    ward_official: bool,
    account: str | None,
    groups: list[KnownGroup],
    board: list[BoardMember],
    rules: RuleBook,
) -> BoardMember:
    """OVS-BOARD: one sitting member per residential group, no ward officials, one head and
    at most OVS-BOARD.deputies deputy heads."""
    if ward_official:
        raise Refused(
            f"Cán bộ, công chức phường không được là thành viên Ban Thanh tra nhân dân ({BOARD}).",
            f"A ward official cannot sit on the people's inspection board ({BOARD}).",
            rule=BOARD,
        )
    if elected_on > today:
        raise Refused(
            "Ngày bầu không được sau ngày hôm nay.", "The election date cannot be in the future."
        )
    if all(g.code != group for g in groups):
        raise Refused(
            f"Tổ dân phố {group} chưa có trong danh sách tổ dân phố của phường ({BOARD}).",
            f"Residential group {group} is not one of the ward's registered groups ({BOARD}).",
            rule=BOARD,
        )
    sitting = [m for m in board if m.sitting]
    if any(m.residential_group == group for m in sitting):
        raise Refused(
            f"Tổ dân phố {group} đã có thành viên đương nhiệm trong Ban Thanh tra nhân dân; "
            f"mỗi tổ bầu một người ({BOARD}).",
            f"Residential group {group} already has a sitting member; each group elects one "
            f"({BOARD}).",
            rule=BOARD,
            conflict=True,
        )
    if position == "head" and any(m.position == "head" for m in sitting):
        raise Refused(
            "Ban Thanh tra nhân dân đã có Trưởng ban đương nhiệm.",
            "The inspection board already has a sitting head.",
            rule=BOARD,
            conflict=True,
        )
    most = count_rule(rules, DEPUTIES, elected_on)
    if position == "deputy_head" and sum(m.position == "deputy_head" for m in sitting) >= most:
        raise Refused(
            f"Ban Thanh tra nhân dân có không quá {most} Phó Trưởng ban ({DEPUTIES}).",
            f"The inspection board has at most {most} deputy heads ({DEPUTIES}).",
            rule=DEPUTIES,
            conflict=True,
        )
    if account and any(m.account == account for m in sitting):
        raise Refused(
            f"Tài khoản {account} đã gắn với một thành viên đương nhiệm.",
            f"The account {account} already belongs to a sitting member.",
            conflict=True,
        )
    return BoardMember(member_id, name, group, position, elected_on, account)


def leave(member: BoardMember, *, on: dt.date, reason: str) -> BoardMember:
    if member.left_on is not None:
        raise Refused(
            f"Thành viên đã rời Ban Thanh tra nhân dân ngày {member.left_on:%d/%m/%Y}.",
            f"The member left the inspection board on {member.left_on.isoformat()}.",
            conflict=True,
        )
    if on < member.elected_on:
        raise Refused(
            "Ngày rời Ban không được trước ngày được bầu.",
            "The leaving date cannot precede the election date.",
        )
    return replace(member, left_on=on, left_reason=reason, version=member.version + 1)


@dataclass(frozen=True)
class BoardState:
    """The sitting board measured against OVS-BOARD on a day."""

    members: int
    minimum: int
    groups_without_member: tuple[str, ...]
    deputies: int
    deputies_max: int
    has_head: bool
    on: dt.date

    @property
    def complete(self) -> bool:
        return (
            self.members >= self.minimum
            and not self.groups_without_member
            and self.deputies <= self.deputies_max
            and self.has_head
        )


def board_state(
    board: list[BoardMember], groups: list[KnownGroup], *, on: dt.date, rules: RuleBook
) -> BoardState:
    sitting = [m for m in board if m.sitting]
    represented = {m.residential_group for m in sitting}
    return BoardState(
        members=len(sitting),
        minimum=count_rule(rules, BOARD, on),
        groups_without_member=tuple(sorted(g.code for g in groups if g.code not in represented)),
        deputies=sum(m.position == "deputy_head" for m in sitting),
        deputies_max=count_rule(rules, DEPUTIES, on),
        has_head=any(m.position == "head" for m in sitting),
        on=on,
    )


# --- investment boards (OVS-INV) --------------------------------------------------------


@dataclass(frozen=True)
class InvestmentMember:
    name: str
    resident: bool
    relative_of_investor_or_contractor: bool


@dataclass(frozen=True)
class InvestmentBoard:
    id: str
    project: str
    investor: str
    members: tuple[InvestmentMember, ...]
    supervision_start: dt.date
    investor_notified_on: dt.date
    notice_deadline: Deadline  # OVS-INV: the latest day the investor may be notified
    version: int = 1


def form_investment_board(
    *,
    board_id: str,
    project: str,
    investor: str,
    members: list[InvestmentMember],
    supervision_start: dt.date,
    investor_notified_on: dt.date,
    rules: RuleBook,
) -> InvestmentBoard:
    """OVS-INV.members: at least the rule's count, none a relative of the investor or a
    contractor; OVS-INV: the investor is notified at least the rule's days ahead."""
    least = count_rule(rules, INVESTMENT_MEMBERS, supervision_start)
    if len(members) < least:
        raise Refused(
            f"Ban giám sát đầu tư của cộng đồng có ít nhất {least} thành viên; mới có "
            f"{len(members)} ({INVESTMENT_MEMBERS}).",
            f"An investment supervision board has at least {least} members; {len(members)} "
            f"given ({INVESTMENT_MEMBERS}).",
            rule=INVESTMENT_MEMBERS,
        )
    most = count_rule(rules, INVESTMENT_RESIDENTS, supervision_start)
    residents = sum(1 for m in members if m.resident)
    if residents > most:
        raise Refused(
            f"Ban giám sát đầu tư của cộng đồng có không quá {most} người là cư dân; có "
            f"{residents} ({INVESTMENT_RESIDENTS}).",
            f"An investment supervision board has at most {most} residents; {residents} given "
            f"({INVESTMENT_RESIDENTS}).",
            rule=INVESTMENT_RESIDENTS,
        )
    relatives = [m.name for m in members if m.relative_of_investor_or_contractor]
    if relatives:
        raise Refused(
            f"Người thân của chủ đầu tư, nhà thầu không được tham gia Ban giám sát: "
            f"{', '.join(relatives)} ({INVESTMENT_MEMBERS}).",
            f"Relatives of the investor or a contractor cannot sit on the board: "
            f"{', '.join(relatives)} ({INVESTMENT_MEMBERS}).",
            rule=INVESTMENT_MEMBERS,
        )
    latest = rules.deadline(INVESTMENT, supervision_start)
    if investor_notified_on > latest.due:
        raise Refused(
            f"Chủ đầu tư phải được thông báo ít nhất {latest.amount} ngày trước khi giám sát "
            f"({supervision_start:%d/%m/%Y}), tức chậm nhất ngày {latest.due:%d/%m/%Y} "
            f"({latest.rule}).",
            f"The investor must be notified at least {latest.amount} days before supervision "
            f"starts ({supervision_start.isoformat()}), that is by {latest.due.isoformat()} "
            f"({latest.rule}).",
            rule=latest.rule,
        )
    return InvestmentBoard(
        id=board_id,
        project=project,
        investor=investor,
        members=tuple(members),
        supervision_start=supervision_start,
        investor_notified_on=investor_notified_on,
        notice_deadline=latest,
    )
