"""Commands on the boards the front directs: the people's inspection board (OVS-BOARD) and
the investment supervision boards (OVS-INV). Neither publishes an event: the board's public
state is read over HTTP."""

from __future__ import annotations

import datetime as dt
import uuid

from qcdc_oversight.adapters.board import (
    BoardRepository,
    GroupRepository,
    InvestmentBoardRepository,
)
from qcdc_oversight.domain import board
from qcdc_oversight.domain.board import BoardMember, InvestmentBoard, InvestmentMember, Position
from qcdc_shared.auth import Principal
from qcdc_shared.refusals import NotFound
from qcdc_shared.rulebook import RuleBook
from qcdc_shared.runtime import UnitOfWork, command, local_day


async def elect_member(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    name: str,
    group: str,
    position: Position,
    ward_official: bool,
    account: str | None = None,
    elected_on: dt.date | None = None,
) -> BoardMember:
    member_id = str(uuid.uuid4())

    async def work() -> BoardMember:
        members = BoardRepository(uow.session)
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
            groups=await GroupRepository(uow.session).all(),
            board=await members.all(),
            rules=rules,
        )
        await members.add(member, at=uow.runtime.clock.now())
        return member

    return await command(
        uow, actor, action="board.elect", target=f"board_member:{member_id}", work=work
    )


async def member_leaves(
    *, uow: UnitOfWork, actor: Principal, member_id: str, reason: str
) -> BoardMember:
    async def work() -> BoardMember:
        members = BoardRepository(uow.session)
        current = await members.get(member_id)
        if current is None:
            raise NotFound(
                "thành viên Ban Thanh tra nhân dân", "inspection-board member", member_id
            )
        after = board.leave(current, on=local_day(uow), reason=reason)
        await members.save(after, expected_version=current.version, at=uow.runtime.clock.now())
        return after

    return await command(
        uow, actor, action="board.leave", target=f"board_member:{member_id}", work=work
    )


async def form_investment_board(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    project: str,
    investor: str,
    members: list[InvestmentMember],
    supervision_start: dt.date,
    investor_notified_on: dt.date,
) -> InvestmentBoard:
    board_id = str(uuid.uuid4())

    async def work() -> InvestmentBoard:
        formed = board.form_investment_board(
            board_id=board_id,
            project=project,
            investor=investor,
            members=members,
            supervision_start=supervision_start,
            investor_notified_on=investor_notified_on,
            rules=rules,
        )
        await InvestmentBoardRepository(uow.session).add(formed, at=uow.runtime.clock.now())
        return formed

    return await command(
        uow, actor, action="investment_board.form", target=f"investment_board:{board_id}", work=work
    )
