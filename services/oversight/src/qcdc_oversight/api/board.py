"""HTTP on the boards the front directs: the people's inspection board (OVS-BOARD) and the
investment supervision boards (OVS-INV).

Who sits on a board is public, and so is the board measured against the law; which
inspector account acts as a member is shown to ward staff only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from qcdc_oversight.adapters.board import BoardRepository, GroupRepository, to_investment_board
from qcdc_oversight.adapters.tables import investment_boards
from qcdc_oversight.api import examples as example
from qcdc_oversight.api.common import IdPath, OversightUoW, Rules, command
from qcdc_oversight.domain.board import (
    BOARD,
    DEPUTIES,
    INVESTMENT,
    INVESTMENT_MEMBERS,
    POSITIONS_VI,
    BoardMember,
    InvestmentBoard,
    InvestmentMember,
    Position,
    board_state,
)
from qcdc_oversight.handlers import board as handlers
from qcdc_shared.api import Day, DeadlineOut, Page, PageQuery, paginate
from qcdc_shared.api.commands import StrictBody
from qcdc_shared.auth import CurrentPrincipal, OptionalPrincipal, is_ward_staff, public, requires
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["board"])

GROUP_CODE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"  # plans' residential-group codes
# An input bound, not a law: a supervision board of a ward project is a handful of people.
MAX_INVESTMENT_MEMBERS = 50


class MemberIn(StrictBody):
    model_config = example.of(example.BOARD_MEMBER)
    name: str = Field(min_length=1, max_length=200, description="Họ và tên.")
    group: str = Field(pattern=GROUP_CODE, description="Tổ dân phố bầu thành viên này.")
    position: Position = Field(description="head: Trưởng ban; deputy_head: Phó; member.")
    account: str | None = Field(
        default=None, min_length=1, max_length=128, description="Tài khoản thanh tra nhân dân."
    )
    elected_on: Day | None = Field(default=None, description="Ngày bầu (mặc định hôm nay).")
    ward_official: bool = Field(description="Là cán bộ, công chức phường (OVS-BOARD: không được).")


class LeaveIn(StrictBody):
    model_config = example.of(example.BOARD_LEAVE)
    reason: str = Field(min_length=1, max_length=2000)


class MemberOut(BaseModel):
    id: str
    name: str
    group: str
    position: Position
    position_vi: str
    account: str | None = Field(description="Shown to ward staff only.")
    elected_on: dt.date
    left_on: dt.date | None
    left_reason: str | None
    version: int

    @classmethod
    def of(cls, member: BoardMember, *, staff: bool = True) -> MemberOut:
        return cls(
            id=member.id,
            name=member.name,
            group=member.residential_group,
            position=member.position,
            position_vi=POSITIONS_VI[member.position],
            account=member.account if staff else None,
            elected_on=member.elected_on,
            left_on=member.left_on,
            left_reason=member.left_reason,
            version=member.version,
        )


class GroupOut(BaseModel):
    code: str
    name: str
    households: int
    represented: bool = Field(description="Có thành viên đương nhiệm — has a sitting member.")


class BoardStateOut(BaseModel):
    """The sitting board against OVS-BOARD, each figure beside the rule that sets it."""

    on: dt.date
    members: int
    minimum: int
    minimum_rule: str = BOARD
    groups_without_member: list[str]
    groups_rule: str = BOARD
    deputies: int
    deputies_max: int
    deputies_rule: str = DEPUTIES
    has_head: bool
    complete: bool
    rules: list[str] = Field(default=[BOARD, DEPUTIES])


class BoardOut(BaseModel):
    items: list[MemberOut]
    total: int
    groups: list[GroupOut]
    state: BoardStateOut


@router.post(
    "/board/members",
    status_code=201,
    response_model=MemberOut,
    **requires("front"),
    summary="Bổ sung thành viên Ban Thanh tra nhân dân — elect an inspection-board member",
)
async def elect_member(
    body: MemberIn, uow: OversightUoW, rules: Rules, actor: CurrentPrincipal
) -> Any:
    member_id = str(uuid.uuid4())
    elected = handlers.elect_member(uow=uow, rules=rules, member_id=member_id, **body.model_dump())
    target = f"board_member:{member_id}"
    return MemberOut.of(await command(elected, uow, actor, "board.elect", target))


@router.post(
    "/board/members/{member_id}/leave",
    response_model=MemberOut,
    **requires("front"),
    summary="Thành viên rời Ban Thanh tra nhân dân — a member leaves the board",
)
async def member_leaves(
    member_id: IdPath, body: LeaveIn, uow: OversightUoW, actor: CurrentPrincipal
) -> Any:
    left = handlers.member_leaves(uow=uow, member_id=member_id, reason=body.reason)
    target = f"board_member:{member_id}"
    return MemberOut.of(await command(left, uow, actor, "board.leave", target))


@router.get(
    "/board",
    response_model=BoardOut,
    **public(),
    summary="Ban Thanh tra nhân dân và mức đáp ứng OVS-BOARD — the board against the law",
)
async def get_board(
    runtime: RuntimeDep, rules: Rules, request: Request, principal: OptionalPrincipal
) -> Any:
    async with runtime.sessionmaker() as session:
        members = await BoardRepository(session).all()
        groups = await GroupRepository(session).all()
    sitting = [m for m in members if m.sitting]
    state = board_state(sitting, groups, on=local_date(runtime.clock.now()), rules=rules)
    staff = is_ward_staff(principal, request)
    represented = {m.residential_group for m in sitting}
    return BoardOut(
        items=[MemberOut.of(m, staff=staff) for m in sitting],
        total=len(sitting),
        groups=[
            GroupOut(
                code=g.code, name=g.name, households=g.households, represented=g.code in represented
            )
            for g in groups
        ],
        state=BoardStateOut(**asdict(state), complete=state.complete),
    )


# --- investment boards (OVS-INV) --------------------------------------------------------


class InvestmentMemberIn(StrictBody):
    name: str = Field(min_length=1, max_length=200, description="Họ và tên.")
    resident: bool = Field(description="Là người dân cư trú trên địa bàn.")
    relative_of_investor_or_contractor: bool = Field(
        description="Là người thân của chủ đầu tư, nhà thầu (OVS-INV.members: không được)."
    )


class InvestmentBoardIn(StrictBody):
    model_config = example.of(example.INVESTMENT_BOARD)
    project: str = Field(min_length=1, max_length=500, description="Công trình, dự án.")
    investor: str = Field(min_length=1, max_length=300, description="Chủ đầu tư.")
    members: list[InvestmentMemberIn] = Field(max_length=MAX_INVESTMENT_MEMBERS)
    supervision_start: Day = Field(description="Ngày bắt đầu giám sát.")
    investor_notified_on: Day = Field(description="Ngày thông báo cho chủ đầu tư.")


class InvestmentMemberOut(BaseModel):
    name: str
    resident: bool
    relative_of_investor_or_contractor: bool


class InvestmentBoardOut(BaseModel):
    id: str
    project: str
    investor: str
    members: list[InvestmentMemberOut]
    residents: int
    supervision_start: dt.date
    investor_notified_on: dt.date
    notice_deadline: DeadlineOut = Field(description="OVS-INV: the latest day to notify.")
    rules: list[str] = Field(default=[INVESTMENT_MEMBERS, INVESTMENT])
    version: int

    @classmethod
    def of(cls, board: InvestmentBoard) -> InvestmentBoardOut:
        return cls(
            id=board.id,
            project=board.project,
            investor=board.investor,
            members=[InvestmentMemberOut(**vars(m)) for m in board.members],
            residents=sum(m.resident for m in board.members),
            supervision_start=board.supervision_start,
            investor_notified_on=board.investor_notified_on,
            notice_deadline=DeadlineOut.model_validate(board.notice_deadline.to_api()),
            version=board.version,
        )


@router.post(
    "/investment-boards",
    status_code=201,
    response_model=InvestmentBoardOut,
    **requires("front"),
    summary="Thành lập Ban giám sát đầu tư của cộng đồng — form an investment board",
)
async def form_investment_board(
    body: InvestmentBoardIn, uow: OversightUoW, rules: Rules, actor: CurrentPrincipal
) -> Any:
    board_id = str(uuid.uuid4())
    fields = body.model_dump()
    members = [InvestmentMember(**m) for m in fields.pop("members")]
    formed = handlers.form_investment_board(
        uow=uow, rules=rules, board_id=board_id, members=members, **fields
    )
    target = f"investment_board:{board_id}"
    return InvestmentBoardOut.of(await command(formed, uow, actor, "investment_board.form", target))


@router.get(
    "/investment-boards",
    response_model=Page[InvestmentBoardOut],
    **public(),
    summary="Các Ban giám sát đầu tư của cộng đồng — the investment boards",
)
async def list_investment_boards(runtime: RuntimeDep, page: PageQuery) -> Any:
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            select(investment_boards),
            key=[investment_boards.c.created_at, investment_boards.c.id],
            params=page,
            descending=True,
            item=lambda row: InvestmentBoardOut.of(to_investment_board(row._mapping)),
        )
