"""The inspection board (OVS-BOARD) and investment boards (OVS-INV) on the fakes, through
the pipeline a route uses (``run_command``): what is kept, what is audited, what is refused
and by which rule. Neither board publishes an event."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_oversight.domain.board import InvestmentMember, KnownGroup
from qcdc_oversight.fakes import FakeOversightUnitOfWork
from qcdc_oversight.handlers import board
from qcdc_oversight.testing import FRONT, RULES
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.problems import Problem

pytestmark = pytest.mark.unit


def fake() -> FakeOversightUnitOfWork:
    uow = FakeOversightUnitOfWork()
    for n in (1, 2, 3):
        code = f"TDP-0{n}"
        uow.groups.items[code] = KnownGroup(code, f"Tổ dân phố {n}", 40 + n, 1)
    return uow


async def elect(uow: FakeOversightUnitOfWork, member_id: str, group: str, **fields: Any) -> Any:
    elected = board.elect_member(
        uow=uow,
        rules=RULES,
        member_id=member_id,
        name=str(fields.pop("name", "Nguyễn Văn An")),
        group=group,
        position=fields.pop("position", "member"),
        ward_official=fields.pop("ward_official", False),
        **fields,
    )
    target = f"board_member:{member_id}"
    return await run_command(elected, uow=uow, actor=FRONT, action="board.elect", target=target)


async def test_electing_a_member_keeps_them_and_audits_the_front() -> None:
    uow = fake()
    member = await elect(uow, "m-1", "TDP-01", position="head", account="ban-ttnd-1")
    assert member.sitting and member.elected_on == dt.date(2026, 11, 26)
    assert await uow.board_members.get("m-1") == member
    assert [(a.actor, a.action, a.target, a.outcome) for a in uow.audit_log] == [
        ("mttq-1", "board.elect", "board_member:m-1", "ok")
    ]
    assert uow.events == []


async def test_a_ward_official_is_refused_by_ovs_board_and_nothing_is_kept() -> None:
    uow = fake()
    with pytest.raises(Problem) as refused:
        await elect(uow, "m-1", "TDP-01", ward_official=True)
    assert refused.value.status == 422 and refused.value.rule == "OVS-BOARD"
    assert uow.board_members.items == {}
    (audit,) = uow.audit_log
    assert (audit.action, audit.outcome, audit.detail) == (
        "board.elect",
        "refused",
        {"rule": "OVS-BOARD"},
    )


async def test_one_sitting_member_per_group_and_at_most_two_deputies() -> None:
    uow = fake()
    await elect(uow, "m-1", "TDP-01", position="deputy_head")
    with pytest.raises(Problem) as taken:
        await elect(uow, "m-2", "TDP-01")
    assert taken.value.status == 409 and taken.value.rule == "OVS-BOARD"
    await elect(uow, "m-2", "TDP-02", position="deputy_head")
    with pytest.raises(Problem) as third:
        await elect(uow, "m-3", "TDP-03", position="deputy_head")
    assert third.value.status == 409 and third.value.rule == "OVS-BOARD.deputies"
    with pytest.raises(Problem) as unknown:
        await elect(uow, "m-4", "TDP-99")
    assert unknown.value.status == 422 and unknown.value.rule == "OVS-BOARD"
    assert sorted(uow.board_members.items) == ["m-1", "m-2"]
    assert [a.outcome for a in uow.audit_log] == ["ok", "refused", "ok", "refused", "refused"]


async def test_a_member_leaves_once_and_the_group_may_elect_again() -> None:
    uow = fake()
    await elect(uow, "m-1", "TDP-01")
    uow.clock.advance(dt.timedelta(days=30))

    def leaving() -> Any:
        return board.member_leaves(uow=uow, member_id="m-1", reason="Chuyển nơi ở")

    left = await run_command(
        leaving(), uow=uow, actor=FRONT, action="board.leave", target="board_member:m-1"
    )
    assert left.left_on == dt.date(2026, 12, 26) and left.version == 2
    with pytest.raises(Problem) as again:
        await run_command(
            leaving(), uow=uow, actor=FRONT, action="board.leave", target="board_member:m-1"
        )
    assert again.value.status == 409
    assert (await uow.board_members.get("m-1")) == left
    await elect(uow, "m-2", "TDP-01")
    assert [(a.action, a.outcome) for a in uow.audit_log] == [
        ("board.elect", "ok"),
        ("board.leave", "ok"),
        ("board.leave", "refused"),
        ("board.elect", "ok"),
    ]


async def test_an_unknown_member_is_a_404_problem_audited_as_refused() -> None:
    uow = fake()
    missing = board.member_leaves(uow=uow, member_id="nope", reason="…")
    with pytest.raises(Problem) as not_found:
        await run_command(
            missing, uow=uow, actor=FRONT, action="board.leave", target="board_member:nope"
        )
    assert not_found.value.status == 404 and "nope" in not_found.value.detail_en
    assert [(a.target, a.outcome) for a in uow.audit_log] == [("board_member:nope", "refused")]


def members(count: int, *, residents: int = 2, relative: bool = False) -> list[InvestmentMember]:
    return [
        InvestmentMember(f"Thành viên {n}", n < residents, relative and n == 0)
        for n in range(count)
    ]


async def form(uow: FakeOversightUnitOfWork, board_id: str, **fields: Any) -> Any:
    formed = board.form_investment_board(
        uow=uow,
        rules=RULES,
        board_id=board_id,
        project="Nâng cấp hẻm 12",
        investor="Ban quản lý dự án quận",
        members=fields.get("members", members(5)),
        supervision_start=dt.date(2027, 3, 1),
        investor_notified_on=fields.get("notified", dt.date(2027, 1, 5)),
    )
    target = f"investment_board:{board_id}"
    return await run_command(
        formed, uow=uow, actor=FRONT, action="investment_board.form", target=target
    )


async def test_an_investment_board_is_formed_with_its_ovs_inv_notice_deadline() -> None:
    uow = fake()
    formed = await form(uow, "b-1")
    assert formed.notice_deadline.rule == "OVS-INV"
    assert formed.notice_deadline.due == dt.date(2027, 1, 15)  # 45 days before 1 March
    assert await uow.investment_boards.get("b-1") == formed
    assert [(a.action, a.target) for a in uow.audit_log] == [
        ("investment_board.form", "investment_board:b-1")
    ]


@pytest.mark.parametrize(
    ("fields", "rule"),
    [
        ({"members": members(4)}, "OVS-INV.members"),
        ({"members": members(7, residents=6)}, "OVS-INV.residents"),
        ({"members": members(5, relative=True)}, "OVS-INV.members"),
        ({"notified": dt.date(2027, 1, 16)}, "OVS-INV"),
    ],
)
async def test_an_investment_board_against_ovs_inv_is_refused(
    fields: dict[str, Any], rule: str
) -> None:
    uow = fake()
    with pytest.raises(Problem) as refused:
        await form(uow, "b-1", **fields)
    assert refused.value.status == 422 and refused.value.rule == rule
    assert uow.investment_boards.items == {}
    assert [(a.outcome, a.detail) for a in uow.audit_log] == [("refused", {"rule": rule})]
