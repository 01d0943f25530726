"""HTTP on the register: residential groups and the steering committee.

Group codes and household counts are public (every decision is measured against them);
which officer account acts as a committee member is shown to ward staff only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from qcdc_plans.adapters.register import CommitteeRepository, GroupRepository
from qcdc_plans.api import examples as example
from qcdc_plans.api.common import GROUP_CODE, GroupCodePath, IdPath, In, PlansUoW, command
from qcdc_plans.domain.committee import POSITIONS_VI, Member, Position
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.handlers import register as handlers
from qcdc_shared.api import Day
from qcdc_shared.api.commands import missing
from qcdc_shared.auth import CurrentPrincipal, OptionalPrincipal, is_ward_staff, public, requires
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.refusals import NotFound
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["register"])

# An input bound, not a law: the largest Vietnamese residential groups have a few hundred.
MAX_HOUSEHOLDS = 100_000


class GroupIn(In):
    model_config = example.of(example.RESIDENTIAL_GROUP)
    code: str = Field(pattern=GROUP_CODE, description="Mã tổ dân phố, e.g. TDP-05.")
    name: str = Field(min_length=1, max_length=200, description="Tên tổ dân phố.")
    households: int = Field(ge=1, le=MAX_HOUSEHOLDS, description="Số hộ gia đình đăng ký.")
    online_optin: int = Field(
        default=0, ge=0, le=MAX_HOUSEHOLDS, description="Số hộ đồng ý biểu quyết trực tuyến."
    )
    effective_on: Day | None = Field(default=None, description="Ngày số liệu có hiệu lực.")


class GroupChangeIn(In):
    model_config = example.of(example.RESIDENTIAL_GROUP_CHANGE)
    name: str | None = Field(default=None, min_length=1, max_length=200)
    households: int | None = Field(default=None, ge=1, le=MAX_HOUSEHOLDS)
    online_optin: int | None = Field(default=None, ge=0, le=MAX_HOUSEHOLDS)
    effective_on: Day | None = None


class GroupOut(BaseModel):
    code: str
    name: str
    households: int
    online_optin: int
    effective_on: dt.date
    version: int

    @classmethod
    def of(cls, group: ResidentialGroup) -> GroupOut:
        return cls(**asdict(group))


class GroupsOut(BaseModel):
    items: list[GroupOut]
    total: int
    households: int = Field(description="Tổng số hộ của phường — all registered households.")


class GroupChangeOut(BaseModel):
    version: int
    name: str
    households: int
    online_optin: int
    effective_on: dt.date
    at: dt.datetime


class GroupDetailOut(GroupOut):
    history: list[GroupChangeOut]


@router.post(
    "/groups",
    status_code=201,
    response_model=GroupOut,
    **requires("officer"),
    summary="Đăng ký tổ dân phố — register a residential group",
)
async def register_group(body: GroupIn, uow: PlansUoW, actor: CurrentPrincipal) -> Any:
    registered = handlers.register_group(uow=uow, actor=actor, **body.model_dump())
    target = f"group:{body.code}"
    return GroupOut.of(await command(registered, uow, actor, "group.register", target))


@router.patch(
    "/groups/{code}",
    response_model=GroupOut,
    **requires("officer"),
    summary="Cập nhật số hộ, số hộ đồng ý trực tuyến — update a residential group",
)
async def update_group(
    code: GroupCodePath, body: GroupChangeIn, uow: PlansUoW, actor: CurrentPrincipal
) -> Any:
    updated = handlers.update_group(uow=uow, actor=actor, code=code, **body.model_dump())
    return GroupOut.of(await command(updated, uow, actor, "group.update", f"group:{code}"))


@router.get(
    "/groups",
    response_model=GroupsOut,
    **public(),
    summary="Danh sách tổ dân phố — the register of residential groups",
)
async def list_groups(runtime: RuntimeDep) -> Any:
    async with runtime.sessionmaker() as session:
        groups = await GroupRepository(session).all()
    return GroupsOut(
        items=[GroupOut.of(g) for g in groups],
        total=len(groups),
        households=sum(g.households for g in groups),
    )


@router.get(
    "/groups/{code}",
    response_model=GroupDetailOut,
    **public(),
    summary="Một tổ dân phố và lịch sử số hộ — a group and the history of its figures",
)
async def get_group(code: GroupCodePath, runtime: RuntimeDep) -> Any:
    async with runtime.sessionmaker() as session:
        repository = GroupRepository(session)
        group = await repository.get(code)
        if group is None:
            raise missing(NotFound("tổ dân phố", "residential group", code))
        history = await repository.history(code)
    return GroupDetailOut(
        **asdict(group), history=[GroupChangeOut.model_validate(h) for h in history]
    )


# --- steering committee -----------------------------------------------------------------


class MemberIn(In):
    model_config = example.of(example.COMMITTEE_MEMBER)
    name: str = Field(min_length=1, max_length=200, description="Họ và tên.")
    position: Position = Field(description="head: Trưởng ban; deputy_head: Phó; member.")
    organisation: str = Field(min_length=1, max_length=300, description="Cơ quan, tổ chức.")
    title: str | None = Field(default=None, max_length=300, description="Chức vụ.")
    account: str | None = Field(
        default=None, min_length=1, max_length=128, description="Tài khoản cán bộ."
    )
    joined_on: Day | None = None


class LeaveIn(In):
    model_config = example.of(example.COMMITTEE_LEAVE)
    reason: str = Field(min_length=1, max_length=2000)
    on: Day | None = None


class MemberOut(BaseModel):
    id: str
    name: str
    position: Position
    position_vi: str
    organisation: str
    title: str | None
    account: str | None = Field(description="Shown to ward staff only.")
    joined_on: dt.date
    left_on: dt.date | None
    left_reason: str | None
    version: int

    @classmethod
    def of(cls, member: Member, *, staff: bool = True) -> MemberOut:
        data = asdict(member)
        if not staff:
            data["account"] = None
        return cls(**data, position_vi=POSITIONS_VI[member.position])


class MembersOut(BaseModel):
    items: list[MemberOut]
    total: int


@router.post(
    "/committee/members",
    status_code=201,
    response_model=MemberOut,
    **requires("officer"),
    summary="Bổ sung thành viên Ban Chỉ đạo — appoint a steering-committee member",
)
async def appoint_member(body: MemberIn, uow: PlansUoW, actor: CurrentPrincipal) -> Any:
    member_id = str(uuid.uuid4())
    appointed = handlers.appoint_member(uow=uow, member_id=member_id, **body.model_dump())
    target = f"member:{member_id}"
    return MemberOut.of(await command(appointed, uow, actor, "committee.appoint", target))


@router.post(
    "/committee/members/{member_id}/leave",
    response_model=MemberOut,
    **requires("officer"),
    summary="Thành viên rời Ban Chỉ đạo — a member leaves the committee",
)
async def member_leaves(
    member_id: IdPath, body: LeaveIn, uow: PlansUoW, actor: CurrentPrincipal
) -> Any:
    leaves = handlers.member_leaves(uow=uow, member_id=member_id, **body.model_dump())
    target = f"member:{member_id}"
    return MemberOut.of(await command(leaves, uow, actor, "committee.leave", target))


@router.get(
    "/committee/members",
    response_model=MembersOut,
    **public(),
    summary="Thành viên Ban Chỉ đạo — the committee on a date, or its whole history",
)
async def list_members(
    runtime: RuntimeDep,
    request: Request,
    principal: OptionalPrincipal,
    on: Annotated[Day | None, Query(description="Thành phần tại ngày (mặc định hôm nay).")] = None,
    history: Annotated[bool, Query(description="Cả những người đã rời Ban.")] = False,
) -> Any:
    day = on or local_date(runtime.clock.now())
    async with runtime.sessionmaker() as session:
        members = await CommitteeRepository(session).all()
    shown = members if history else [m for m in members if m.sits_on(day)]
    staff = is_ward_staff(principal, request)
    return MembersOut(items=[MemberOut.of(m, staff=staff) for m in shown], total=len(shown))
