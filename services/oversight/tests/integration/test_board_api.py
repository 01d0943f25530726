"""The boards over HTTP with a real database and nats-server: the inspection board built one
member per residential group as plans announces them (OVS-BOARD), and investment boards
(OVS-INV)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import nats
import pytest

from qcdc_oversight.handlers.groups import project_group
from qcdc_oversight.testing import Oversight
from qcdc_oversight.unit_of_work import SqlOversightUnitOfWork
from qcdc_plans.contracts import GroupRegisteredV1, GroupUpdatedV1
from qcdc_shared.envelope import Envelope, build_envelope
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.testing.waiting import eventually

pytestmark = pytest.mark.integration


async def announce_group(oversight: Oversight, code: str, households: int = 50) -> None:
    """Register a residential group as plans does (its real ``group.registered`` event on the
    ward stream), then wait until the board lists it."""
    event = GroupRegisteredV1(
        ward=oversight.ward,
        code=code,
        name=f"Tổ dân phố {code}",
        households=households,
        online_optin=0,
        effective_on=oversight.today(),
        version=1,
    )
    envelope = build_envelope(
        event, ward=oversight.ward, aggregate_id=code, sequence=1, time=oversight.now()
    )
    client = await nats.connect(oversight.nats_url)
    try:
        await client.jetstream().publish(
            envelope.nats_subject, envelope.to_json(), headers={"Nats-Msg-Id": envelope.id}
        )
    finally:
        await client.close()

    async def listed() -> bool:
        board = (await oversight.http.get("/board")).json()
        return any(group["code"] == code for group in board["groups"])

    await eventually(listed, within=10, what=f"the board to list group {code}")


def count(oversight: Oversight, rule: str) -> int:
    rules: RuleBook = oversight.app.state.rules
    amount = rules.rule(rule, local_date(oversight.runtime.clock.now())).amount
    assert isinstance(amount, int)
    return amount


def member(group: str, position: str = "member", **fields: Any) -> dict[str, Any]:
    return {
        "name": f"Thành viên {group}",
        "group": group,
        "position": position,
        "ward_official": False,
        **fields,
    }


async def test_the_board_is_composed_one_member_per_group_against_ovs_board(
    oversight: Oversight,
) -> None:
    minimum, deputies = count(oversight, "OVS-BOARD"), count(oversight, "OVS-BOARD.deputies")
    codes = [f"TDP-{n:02}" for n in range(1, minimum + 2)]
    for code in codes:
        await announce_group(oversight, code)
    front = oversight.front()

    head = await oversight.ok(
        "POST", "/board/members", member(codes[0], "head", account="ban-ttnd-1"),
        headers=front, status=201,
    )  # fmt: skip
    assert head["position_vi"] == "Trưởng ban" and head["account"] == "ban-ttnd-1"
    for code in codes[1 : 1 + deputies]:
        await oversight.ok(
            "POST", "/board/members", member(code, "deputy_head"), headers=front, status=201
        )
    one_too_many = await oversight.post(
        "/board/members", member(codes[1 + deputies], "deputy_head"), headers=front
    )
    assert one_too_many.status_code == 409
    assert one_too_many.json()["rule"] == "OVS-BOARD.deputies"

    official = await oversight.post(
        "/board/members", member(codes[-1], ward_official=True), headers=front
    )
    assert official.status_code == 422 and official.json()["rule"] == "OVS-BOARD"
    assert official.headers["content-type"] == "application/problem+json"
    assert official.json()["detail"] and official.json()["detail_en"]
    unknown = await oversight.post("/board/members", member("TDP-99"), headers=front)
    assert unknown.status_code == 422 and unknown.json()["rule"] == "OVS-BOARD"
    taken = await oversight.post("/board/members", member(codes[0]), headers=front)
    assert taken.status_code == 409 and taken.json()["rule"] == "OVS-BOARD"

    for code in codes[1 + deputies : -1]:
        await oversight.ok("POST", "/board/members", member(code), headers=front, status=201)
    board = (await oversight.http.get("/board")).json()  # public
    state = board["state"]
    assert state["members"] == len(codes) - 1 and state["minimum"] == minimum
    assert state["groups_without_member"] == [codes[-1]] and state["complete"] is False
    assert state["deputies"] == deputies and state["deputies_max"] == deputies
    assert {"OVS-BOARD", "OVS-BOARD.deputies"} <= set(state["rules"])
    assert all(m["account"] is None for m in board["items"])  # accounts are staff-only

    last = await oversight.ok(
        "POST", "/board/members", member(codes[-1]), headers=front, status=201
    )
    assert (await oversight.http.get("/board")).json()["state"]["complete"] is True
    staff = (await oversight.http.get("/board", headers=oversight.inspector())).json()
    assert "ban-ttnd-1" in {m["account"] for m in staff["items"]}

    left = await oversight.ok(
        "POST", f"/board/members/{last['id']}/leave", {"reason": "Chuyển nơi ở"},
        headers=front,
    )  # fmt: skip
    assert left["left_on"] is not None
    again = await oversight.post(
        f"/board/members/{last['id']}/leave", {"reason": "x"}, headers=front
    )
    assert again.status_code == 409
    state = (await oversight.http.get("/board")).json()["state"]
    assert state["complete"] is False and state["groups_without_member"] == [codes[-1]]
    await oversight.ok("POST", "/board/members", member(codes[-1]), headers=front, status=201)


async def test_only_the_front_manages_the_board(oversight: Oversight) -> None:
    await announce_group(oversight, "TDP-01")
    body = member("TDP-01")
    for headers in (oversight.inspector(), oversight.officer(), oversight.citizen()):
        assert (await oversight.post("/board/members", body, headers=headers)).status_code == 403
    assert (await oversight.http.post("/board/members", json=body)).status_code == 401
    nobody = await oversight.post(
        "/board/members/nobody/leave", {"reason": "x"}, headers=oversight.front()
    )
    assert nobody.status_code == 404
    extra = await oversight.post("/board/members", {**body, "ward": "x"}, headers=oversight.front())
    assert extra.status_code == 422  # strict bodies


def investment_board(oversight: Oversight, **changes: Any) -> dict[str, Any]:
    today = local_date(oversight.runtime.clock.now())
    start = today + dt.timedelta(days=90)
    rules: RuleBook = oversight.app.state.rules
    least = count(oversight, "OVS-INV.members")
    return {
        "project": "Nâng cấp hẻm 12",
        "investor": "Ban quản lý dự án phường",
        "members": [
            {"name": f"Người {n}", "resident": True, "relative_of_investor_or_contractor": False}
            for n in range(least)
        ],
        "supervision_start": start.isoformat(),
        "investor_notified_on": rules.deadline("OVS-INV", start).due.isoformat(),
        **changes,
    }


async def test_investment_boards_are_checked_against_ovs_inv(oversight: Oversight) -> None:
    front = oversight.front()
    body = investment_board(oversight)
    formed = await oversight.ok("POST", "/investment-boards", body, headers=front, status=201)
    assert formed["notice_deadline"]["rule"] == "OVS-INV"
    assert formed["notice_deadline"]["due"] == body["investor_notified_on"]

    few = await oversight.post(
        "/investment-boards", {**body, "members": body["members"][1:]}, headers=front
    )
    assert few.status_code == 422 and few.json()["rule"] == "OVS-INV.members"
    relative = [
        {**body["members"][0], "resident": False, "relative_of_investor_or_contractor": True}
    ]
    related = await oversight.post(
        "/investment-boards", {**body, "members": body["members"] + relative}, headers=front
    )
    assert related.status_code == 422 and related.json()["rule"] == "OVS-INV.members"

    latest = dt.date.fromisoformat(body["investor_notified_on"])
    late = await oversight.post(
        "/investment-boards",
        {**body, "investor_notified_on": (latest + dt.timedelta(days=1)).isoformat()},
        headers=front,
    )
    assert late.status_code == 422 and late.json()["rule"] == "OVS-INV"
    assert latest.isoformat() in late.json()["detail_en"]
    assert f"{latest:%d/%m/%Y}" in late.json()["detail"]

    refused = await oversight.post("/investment-boards", body, headers=oversight.inspector())
    assert refused.status_code == 403
    listed = (await oversight.http.get("/investment-boards")).json()  # public
    assert listed["total"] == 1 and listed["items"][0]["id"] == formed["id"]


async def test_an_older_group_event_never_rolls_the_projection_back(oversight: Oversight) -> None:
    await announce_group(oversight, "TDP-01", households=50)

    def updated(version: int, households: int) -> Envelope:
        event = GroupUpdatedV1(
            ward=oversight.ward,
            code="TDP-01",
            name="Tổ dân phố 1",
            households=households,
            online_optin=0,
            effective_on=oversight.today(),
            version=version,
        )
        return build_envelope(
            event, ward=oversight.ward, aggregate_id="TDP-01", sequence=version,
            time=oversight.now(),
        )  # fmt: skip

    for envelope in (updated(3, 60), updated(2, 10)):  # redelivered out of order
        async with oversight.runtime.sessionmaker.begin() as session:
            uow = SqlOversightUnitOfWork.joining(oversight.runtime, session)
            await project_group(uow=uow, envelope=envelope)
            await uow.stage()
    groups = (await oversight.http.get("/board")).json()["groups"]
    assert [(g["code"], g["households"]) for g in groups] == [("TDP-01", 60)]
