"""Commands on the register: residential groups and the steering committee."""

from __future__ import annotations

import datetime as dt
import uuid

from qcdc_plans.adapters import bus
from qcdc_plans.adapters.register import CommitteeRepository, GroupRepository
from qcdc_plans.domain import committee, groups
from qcdc_plans.domain.committee import Member, Position
from qcdc_plans.domain.errors import NotFound, Refused
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_shared.auth import Principal
from qcdc_shared.runtime import UnitOfWork, command, local_day


async def register_group(
    *,
    uow: UnitOfWork,
    actor: Principal,
    code: str,
    name: str,
    households: int,
    online_optin: int,
    effective_on: dt.date | None = None,
) -> ResidentialGroup:
    async def work() -> ResidentialGroup:
        repository = GroupRepository(uow.session)
        if await repository.get(code) is not None:
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
        await repository.add(group, actor=actor.sub, at=uow.runtime.clock.now())
        uow.record(bus.group_changed(uow.runtime.ward, group), aggregate_id=code, sequence=1)
        return group

    return await command(uow, actor, action="group.register", target=f"group:{code}", work=work)


async def update_group(
    *,
    uow: UnitOfWork,
    actor: Principal,
    code: str,
    effective_on: dt.date | None = None,
    name: str | None = None,
    households: int | None = None,
    online_optin: int | None = None,
) -> ResidentialGroup:
    async def work() -> ResidentialGroup:
        repository = GroupRepository(uow.session)
        current = await repository.get(code)
        if current is None:
            raise NotFound("tổ dân phố", "residential group", code)
        changed = groups.update_group(
            current,
            effective_on=effective_on or local_day(uow),
            name=name,
            households=households,
            online_optin=online_optin,
        )
        await repository.save(
            changed, expected_version=current.version, actor=actor.sub, at=uow.runtime.clock.now()
        )
        uow.record(
            bus.group_changed(uow.runtime.ward, changed),
            aggregate_id=code,
            sequence=changed.version,
        )
        return changed

    return await command(uow, actor, action="group.update", target=f"group:{code}", work=work)


async def appoint_member(
    *,
    uow: UnitOfWork,
    actor: Principal,
    name: str,
    position: Position,
    organisation: str,
    title: str | None = None,
    account: str | None = None,
    joined_on: dt.date | None = None,
) -> Member:
    member_id = str(uuid.uuid4())

    async def work() -> Member:
        repository = CommitteeRepository(uow.session)
        member = committee.appoint(
            member_id=member_id,
            name=name,
            position=position,
            organisation=organisation,
            title=title,
            account=account,
            joined_on=joined_on or local_day(uow),
            current=await repository.all(),
        )
        await repository.add(member, at=uow.runtime.clock.now())
        return member

    return await command(
        uow, actor, action="committee.appoint", target=f"member:{member_id}", work=work
    )


async def member_leaves(
    *, uow: UnitOfWork, actor: Principal, member_id: str, reason: str, on: dt.date | None = None
) -> Member:
    async def work() -> Member:
        repository = CommitteeRepository(uow.session)
        current = await repository.get(member_id)
        if current is None:
            raise NotFound("thành viên Ban Chỉ đạo", "steering-committee member", member_id)
        after = committee.leave(current, on=on or local_day(uow), reason=reason)
        await repository.save(after, expected_version=current.version, at=uow.runtime.clock.now())
        return after

    return await command(
        uow, actor, action="committee.leave", target=f"member:{member_id}", work=work
    )
