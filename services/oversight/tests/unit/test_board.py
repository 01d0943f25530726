"""The boards against the real rule table: OVS-BOARD (one member per residential group, no
ward officials, a head and at most OVS-BOARD.deputies deputies, the minimum) and OVS-INV
(members, relatives, the investor's notice counted back from the supervision start)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_oversight.domain.board import (
    BoardMember,
    InvestmentMember,
    KnownGroup,
    board_state,
    count_rule,
    elect,
    form_investment_board,
    leave,
)
from qcdc_oversight.testing import RULES
from qcdc_shared.refusals import Refused

pytestmark = pytest.mark.unit

TODAY = dt.date(2026, 11, 16)
MINIMUM = count_rule(RULES, "OVS-BOARD", TODAY)
DEPUTIES = count_rule(RULES, "OVS-BOARD.deputies", TODAY)
GROUPS = [KnownGroup(f"TDP-{n:02}", f"Tổ {n}", 40, 1) for n in range(1, MINIMUM + DEPUTIES + 2)]


def elected(board: list[BoardMember], group: str, **fields: Any) -> BoardMember:
    arguments: dict[str, Any] = {
        "member_id": f"m-{group}",
        "name": f"Thành viên {group}",
        "group": group,
        "position": "member",
        "elected_on": TODAY,
        "today": TODAY,
        "ward_official": False,
        "account": None,
        "groups": GROUPS,
        "board": board,
        "rules": RULES,
    }
    return elect(**(arguments | fields))


def test_a_ward_official_is_refused_under_ovs_board() -> None:
    with pytest.raises(Refused) as refused:
        elected([], "TDP-01", ward_official=True)
    assert refused.value.rule == "OVS-BOARD" and not refused.value.conflict
    assert "OVS-BOARD" in refused.value.detail_vi and "OVS-BOARD" in refused.value.detail_en


def test_only_a_known_group_elects_a_member() -> None:
    with pytest.raises(Refused) as refused:
        elected([], "TDP-99")
    assert refused.value.rule == "OVS-BOARD" and not refused.value.conflict


def test_one_sitting_member_per_group_and_a_seat_frees_when_one_leaves() -> None:
    first = elected([], "TDP-01")
    with pytest.raises(Refused) as refused:
        elected([first], "TDP-01", member_id="m-2")
    assert refused.value.conflict and refused.value.rule == "OVS-BOARD"

    gone = leave(first, on=TODAY, reason="Chuyển nơi ở")
    assert gone.left_on == TODAY and gone.version == 2 and not gone.sitting
    successor = elected([gone], "TDP-01", member_id="m-2")
    assert successor.sitting
    with pytest.raises(Refused) as twice:
        leave(gone, on=TODAY, reason="x")
    assert twice.value.conflict


def test_one_head_and_at_most_the_rules_deputies() -> None:
    board = [elected([], "TDP-01", position="head")]
    with pytest.raises(Refused) as second_head:
        elected(board, "TDP-02", position="head")
    assert second_head.value.conflict
    for n in range(DEPUTIES):
        board.append(elected(board, f"TDP-{n + 2:02}", position="deputy_head"))
    with pytest.raises(Refused) as refused:
        elected(board, f"TDP-{DEPUTIES + 2:02}", position="deputy_head")
    assert refused.value.rule == "OVS-BOARD.deputies" and refused.value.conflict


def test_an_account_acts_for_one_sitting_member_and_elections_are_not_in_the_future() -> None:
    first = elected([], "TDP-01", account="ban-ttnd-1")
    with pytest.raises(Refused) as refused:
        elected([first], "TDP-02", account="ban-ttnd-1")
    assert refused.value.conflict
    with pytest.raises(Refused):
        elected([], "TDP-01", elected_on=TODAY + dt.timedelta(days=1))


def test_the_board_is_complete_with_the_minimum_every_group_and_a_head() -> None:
    groups = GROUPS[:MINIMUM]
    board: list[BoardMember] = []
    state = board_state(board, groups, on=TODAY, rules=RULES)
    assert (state.members, state.minimum, state.complete) == (0, MINIMUM, False)
    assert state.groups_without_member == tuple(g.code for g in groups)

    for n, group in enumerate(groups):
        board.append(elected(board, group.code, position="head" if n == 0 else "member"))
        if n == len(groups) - 2:
            missing_one = board_state(board, groups, on=TODAY, rules=RULES)
            assert not missing_one.complete
            assert missing_one.groups_without_member == (groups[-1].code,)
    state = board_state(board, groups, on=TODAY, rules=RULES)
    assert state.complete and state.has_head and state.deputies_max == DEPUTIES

    headless = [leave(board[0], on=TODAY, reason="x"), *board[1:]]
    assert not board_state(headless, groups, on=TODAY, rules=RULES).complete


# --- investment boards (OVS-INV) --------------------------------------------------------

LEAST = count_rule(RULES, "OVS-INV.members", TODAY)
START = dt.date(2026, 11, 16)  # a Monday


MOST_RESIDENTS = count_rule(RULES, "OVS-INV.residents", TODAY)


def members(
    n: int = LEAST, relatives: int = 0, residents: int = MOST_RESIDENTS
) -> list[InvestmentMember]:
    return [InvestmentMember(f"Người {i}", i < residents, i < relatives) for i in range(n)]


def formed(**fields: Any) -> Any:
    arguments: dict[str, Any] = {
        "board_id": "ib-1",
        "project": "Nâng cấp hẻm 12",
        "investor": "Ban quản lý dự án phường",
        "members": members(),
        "supervision_start": START,
        "investor_notified_on": RULES.deadline("OVS-INV", START).due,
        "rules": RULES,
    }
    return form_investment_board(**(arguments | fields))


def test_an_investment_board_notified_on_the_latest_day_is_formed() -> None:
    board = formed()
    assert board.notice_deadline.rule == "OVS-INV"
    assert (START - board.notice_deadline.due).days >= RULES.deadline("OVS-INV", START).amount


def test_an_investment_board_needs_its_members_and_no_relatives() -> None:
    with pytest.raises(Refused) as few:
        formed(members=members(LEAST - 1))
    assert few.value.rule == "OVS-INV.members"
    with pytest.raises(Refused) as relative:
        formed(members=members(LEAST + 1, relatives=1))
    assert relative.value.rule == "OVS-INV.members" and "Người 0" in relative.value.detail_vi


def test_an_investment_board_has_at_most_the_rules_residents() -> None:
    assert formed(members=members(LEAST + 2)).members[-1].resident is False
    with pytest.raises(Refused) as too_many:
        formed(members=members(LEAST + 2, residents=MOST_RESIDENTS + 1))
    assert too_many.value.rule == "OVS-INV.residents"


def test_a_late_notice_names_the_latest_day() -> None:
    latest = RULES.deadline("OVS-INV", START).due
    with pytest.raises(Refused) as refused:
        formed(investor_notified_on=latest + dt.timedelta(days=1))
    assert refused.value.rule == "OVS-INV"
    assert latest.isoformat() in refused.value.detail_en
    assert f"{latest:%d/%m/%Y}" in refused.value.detail_vi
