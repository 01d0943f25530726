"""The register's handlers on the fakes, through the pipeline a route uses (``run_command``):
no database, no broker, a fixed clock. What they leave behind is read from the fake unit of
work: committed events, audit records, repository contents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable

import pytest

from qcdc_plans.domain.committee import Member, Position
from qcdc_plans.fakes import OFFICER, FakePlansUnitOfWork, refused, run
from qcdc_plans.handlers import register

pytestmark = pytest.mark.unit


async def registered(uow: FakePlansUnitOfWork, code: str = "TDP-05", households: int = 90) -> None:
    group = register.register_group(
        uow=uow, actor=OFFICER, code=code, name=f"Tổ {code}", households=households, online_optin=0
    )
    await run(uow, group, "group.register", f"group:{code}")


def appointing(
    uow: FakePlansUnitOfWork, member_id: str, name: str, position: Position
) -> Awaitable[Member]:
    """An appointment acting through the officer account chu-tich-ubnd."""
    return register.appoint_member(
        uow=uow,
        member_id=member_id,
        name=name,
        position=position,
        organisation="UBND phường",
        account="chu-tich-ubnd",
    )


async def test_registering_and_updating_a_group_keeps_its_history_and_tells_subscribers(
    uow: FakePlansUnitOfWork,
) -> None:
    await registered(uow)
    update = register.update_group(uow=uow, actor=OFFICER, code="TDP-05", households=95)
    changed = await run(uow, update, "group.update", "group:TDP-05")

    assert (changed.households, changed.version) == (95, 2)
    assert changed.effective_on == dt.date(2026, 11, 26)  # the fake clock's local day
    assert uow.event_types() == [
        "vn.qcdc.plans.group.registered.v1",
        "vn.qcdc.plans.group.updated.v1",
    ]
    assert [(e.subject, e.sequence, e.data["households"]) for e in uow.events] == [
        ("TDP-05", 1, 90),
        ("TDP-05", 2, 95),
    ]
    assert [(g.version, actor) for g, actor in uow.groups.history] == [
        (1, "can-bo-1"),
        (2, "can-bo-1"),
    ]
    assert [(a.action, a.target, a.outcome, a.actor) for a in uow.audit_log] == [
        ("group.register", "group:TDP-05", "ok", "can-bo-1"),
        ("group.update", "group:TDP-05", "ok", "can-bo-1"),
    ]


async def test_more_online_opt_ins_than_households_is_refused_by_dec_form_and_changes_nothing(
    uow: FakePlansUnitOfWork,
) -> None:
    await registered(uow)
    update = register.update_group(uow=uow, actor=OFFICER, code="TDP-05", online_optin=91)
    problem = await refused(uow, update, "group.update", "group:TDP-05")

    assert (problem.status, problem.rule) == (422, "DEC-FORM")
    assert (await uow.groups.get("TDP-05")).version == 1  # type: ignore[union-attr]
    assert uow.event_types() == ["vn.qcdc.plans.group.registered.v1"]
    assert uow.audit_log[-1].outcome == "refused"
    assert uow.audit_log[-1].detail == {"rule": "DEC-FORM"}


async def test_a_group_registered_twice_is_a_conflict(uow: FakePlansUnitOfWork) -> None:
    await registered(uow)
    again = register.register_group(
        uow=uow, actor=OFFICER, code="TDP-05", name="Tổ 5", households=10, online_optin=0
    )
    problem = await refused(uow, again, "group.register", "group:TDP-05")
    assert problem.status == 409
    assert (await uow.groups.get("TDP-05")).households == 90  # type: ignore[union-attr]
    assert len(uow.events) == 1 and uow.audit_log[-1].outcome == "refused"


async def test_an_unknown_group_is_a_404_audited_as_refused(uow: FakePlansUnitOfWork) -> None:
    update = register.update_group(uow=uow, actor=OFFICER, code="TDP-99", households=5)
    problem = await refused(uow, update, "group.update", "group:TDP-99")
    assert problem.status == 404 and "TDP-99" in problem.detail_en
    assert uow.events == [] and uow.groups.items == {}
    assert [(a.action, a.outcome) for a in uow.audit_log] == [("group.update", "refused")]


async def test_a_member_is_appointed_once_per_account_and_leaves_with_the_row_kept(
    uow: FakePlansUnitOfWork,
) -> None:
    appoint = appointing(uow, "m-1", "Nguyễn Văn Trưởng", "head")
    head = await run(uow, appoint, "committee.appoint", "member:m-1")
    assert (head.id, head.joined_on, head.account) == (
        "m-1",
        dt.date(2026, 11, 26),
        "chu-tich-ubnd",
    )

    same_account = appointing(uow, "m-2", "Người khác", "deputy_head")
    problem = await refused(uow, same_account, "committee.appoint", "member:m-2")
    assert problem.status == 409 and set(uow.committee.items) == {"m-1"}

    leaves = register.member_leaves(uow=uow, member_id="m-1", reason="Nghỉ hưu")
    left = await run(uow, leaves, "committee.leave", "member:m-1")
    assert (left.left_on, left.version) == (dt.date(2026, 11, 26), 2)
    assert (await uow.committee.get("m-1")) == left
    assert uow.events == []  # the committee publishes no event
    assert [(a.action, a.target, a.outcome) for a in uow.audit_log] == [
        ("committee.appoint", "member:m-1", "ok"),
        ("committee.appoint", "member:m-2", "refused"),
        ("committee.leave", "member:m-1", "ok"),
    ]


async def test_an_unknown_member_cannot_leave(uow: FakePlansUnitOfWork) -> None:
    leaves = register.member_leaves(uow=uow, member_id="m-9", reason="Chuyển công tác")
    problem = await refused(uow, leaves, "committee.leave", "member:m-9")
    assert problem.status == 404 and uow.audit_log[-1].outcome == "refused"
