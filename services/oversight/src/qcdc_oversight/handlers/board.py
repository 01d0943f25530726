"""Commands on the boards the front directs: the people's inspection board (OVS-BOARD) and
the investment supervision boards (OVS-INV). Neither publishes an event: the board's public
state is read over HTTP. ``run_command`` (the route's) audits and commits."""

from __future__ import annotations

import datetime as dt

from qcdc_oversight.domain import board
from qcdc_oversight.domain.board import BoardMember, InvestmentBoard, InvestmentMember, Position
from qcdc_oversight.handlers.common import existing
from qcdc_oversight.unit_of_work import OversightUnitOfWork
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.unit_of_work import local_day


async def elect_member(
    *,
    uow: OversightUnitOfWork,
    rules: RuleBook,
    member_id: str,
    name: str,
    group: str,
    position: Position,
    ward_official: bool,
    account: str | None = None,
    elected_on: dt.date | None = None,
) -> BoardMember:
    day = local_day(uow)
    member = board.elect(
        member_id=member_id,
        name=name,
        group=group,
        position=position,
        elected_on=elected_on or day,
        today=day,
        ward_official=ward_official,
        account=account,
        groups=await uow.groups.all(),
        board=await uow.board_members.all(),
        rules=rules,
    )
    await uow.board_members.add(member, at=uow.clock.now())
    return member


async def member_leaves(*, uow: OversightUnitOfWork, member_id: str, reason: str) -> BoardMember:
    current = await existing(
        uow.board_members, member_id, "thành viên Ban Thanh tra nhân dân", "inspection-board member"
    )
    after = board.leave(current, on=local_day(uow), reason=reason)
    await uow.board_members.save(after, expected_version=current.version, at=uow.clock.now())
    return after


async def form_investment_board(
    *,
    uow: OversightUnitOfWork,
    rules: RuleBook,
    board_id: str,
    project: str,
    investor: str,
    members: list[InvestmentMember],
    supervision_start: dt.date,
    investor_notified_on: dt.date,
) -> InvestmentBoard:
    formed = board.form_investment_board(
        board_id=board_id,
        project=project,
        investor=investor,
        members=members,
        supervision_start=supervision_start,
        investor_notified_on=investor_notified_on,
        rules=rules,
    )
    await uow.investment_boards.add(formed, at=uow.clock.now())
    return formed
