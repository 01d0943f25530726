"""Commands on the register: residential groups and the steering committee. Load, ask the
domain, save, record the event; ``run_command`` (the route's) audits and commits."""

from __future__ import annotations

import datetime as dt

from qcdc_plans.adapters import bus
from qcdc_plans.domain import committee, groups
from qcdc_plans.domain.committee import Member, Position
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.handlers.common import load
from qcdc_plans.unit_of_work import PlansUnitOfWork
from qcdc_shared.refusals import Refused
from qcdc_shared.unit_of_work import Actor, local_day


async def register_group(
    *,
    uow: PlansUnitOfWork,
    actor: Actor,
    code: str,
    name: str,
    households: int,
    online_optin: int,
    effective_on: dt.date | None = None,
) -> ResidentialGroup:
    if await uow.groups.get(code) is not None:
        raise Refused(
            f"Tổ dân phố {code} đã được đăng ký; hãy cập nhật thay vì đăng ký lại.",
            f"Residential group {code} is already registered; update it instead.",
            conflict=True,
        )
    group = groups.register_group(
        code=code,
        name=name,
        households=households,
        online_optin=online_optin,
        effective_on=effective_on or local_day(uow),
    )
    await uow.groups.add(group, actor=actor.sub, at=uow.clock.now())
    uow.record(bus.group_changed(uow.ward, group), aggregate_id=code, sequence=group.version)
    return group


async def update_group(
    *,
    uow: PlansUnitOfWork,
    actor: Actor,
    code: str,
    effective_on: dt.date | None = None,
    name: str | None = None,
    households: int | None = None,
    online_optin: int | None = None,
) -> ResidentialGroup:
    current = await load(uow.groups.get, code, "tổ dân phố", "residential group")
    changed = groups.update_group(
        current,
        effective_on=effective_on or local_day(uow),
        name=name,
        households=households,
        online_optin=online_optin,
    )
    await uow.groups.save(
        changed, expected_version=current.version, actor=actor.sub, at=uow.clock.now()
    )
    uow.record(bus.group_changed(uow.ward, changed), aggregate_id=code, sequence=changed.version)
    return changed


async def appoint_member(
    *,
    uow: PlansUnitOfWork,
    member_id: str,
    name: str,
    position: Position,
    organisation: str,
    title: str | None = None,
    account: str | None = None,
    joined_on: dt.date | None = None,
) -> Member:
    member = committee.appoint(
        member_id=member_id,
        name=name,
        position=position,
        organisation=organisation,
        title=title,
        account=account,
        joined_on=joined_on or local_day(uow),
        current=await uow.committee.all(),
    )
    await uow.committee.add(member, at=uow.clock.now())
    return member


async def member_leaves(
    *, uow: PlansUnitOfWork, member_id: str, reason: str, on: dt.date | None = None
) -> Member:
    current = await load(
        uow.committee.get, member_id, "thành viên Ban Chỉ đạo", "steering-committee member"
    )
    after = committee.leave(current, on=on or local_day(uow), reason=reason)
    await uow.committee.save(after, expected_version=current.version, at=uow.clock.now())
    return after
