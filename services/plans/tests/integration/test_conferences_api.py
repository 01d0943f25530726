"""Conferences and dialogues over HTTP with a real database and nats-server: DEC-NOTICE
refusals naming the rule, conference.held on the ward stream, and OVS-YEAR at year end."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_plans.testing import Plans
from qcdc_shared.clock import local_today
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration

HELD = {"minutes": "Biên bản: 3 ý kiến, 2 kiến nghị.", "attendees": 85}


def today(plans: Plans) -> dt.date:
    return local_today(plans.runtime.clock)


async def schedule(
    plans: Plans,
    held_on: dt.date,
    *,
    kind: str = "dialogue",
    group: str | None = None,
    notice_days: int = 10,
) -> dict[str, Any]:
    body = {
        "kind": kind,
        "title": f"Hội nghị {kind}",
        "group": group,
        "notice_on": (held_on - dt.timedelta(days=notice_days)).isoformat(),
        "held_on": held_on.isoformat(),
    }
    return await plans.ok("POST", "/conferences", body, status=201)


async def test_a_late_notice_is_refused_with_the_rule_and_the_latest_day(plans: Plans) -> None:
    rules: RuleBook = plans.app.state.rules
    held_on = today(plans) + dt.timedelta(days=20)
    # A day whose two notice rules end on different days: a day off rolls both back, and
    # before Hùng Kings' day 2027 (16 April) both end on the same Thursday.
    while rules.deadline("DEC-NOTICE", held_on).due == (
        rules.deadline("DEC-NOTICE.year-end", held_on).due
    ):
        held_on += dt.timedelta(days=1)
    latest = rules.deadline("DEC-NOTICE", held_on).due
    body = {"kind": "thematic", "title": "Chuyên đề QCDC", "held_on": held_on.isoformat()}

    late = await plans.post("/conferences", {**body, "notice_on": str(latest + dt.timedelta(1))})
    assert late.status_code == 422, late.text
    assert late.headers["content-type"] == "application/problem+json"
    problem = late.json()
    assert problem["rule"] == "DEC-NOTICE"
    assert f"{latest:%d/%m/%Y}" in problem["detail"]
    assert latest.isoformat() in problem["detail_en"]

    on_time = await plans.ok("POST", "/conferences", {**body, "notice_on": str(latest)}, status=201)
    assert on_time["status"] == "scheduled" and on_time["notice_rule"] == "DEC-NOTICE"
    assert on_time["notice_deadline"]["due"] == latest.isoformat()

    year_end = {**body, "kind": "group_year_end", "notice_on": str(latest)}
    no_group = await plans.post("/conferences", year_end)
    assert no_group.status_code == 422 and no_group.json()["rule"] == "OVS-YEAR.conference"
    await plans.register_group("TDP-01")
    late_year_end = await plans.post("/conferences", {**year_end, "group": "TDP-01"})
    assert late_year_end.json()["rule"] == "DEC-NOTICE.year-end"  # five days, not two

    citizen = await plans.post("/conferences", body, headers=plans.citizen())
    assert citizen.status_code == 403
    extra = await plans.post("/conferences", {**body, "notice_on": str(latest), "x": 1})
    assert extra.status_code == 422


async def test_a_held_conference_is_announced_once(plans: Plans) -> None:
    conference = await schedule(plans, today(plans))
    later = await schedule(plans, today(plans) + dt.timedelta(days=7))

    early = await plans.post(f"/conferences/{later['id']}/held", HELD)
    assert early.status_code == 409 and early.json()["detail_en"]
    no_minutes = await plans.post(f"/conferences/{conference['id']}/held", {"attendees": 3})
    assert no_minutes.status_code == 422

    held = await plans.ok("POST", f"/conferences/{conference['id']}/held", HELD)
    assert (held["status"], held["attendees"], held["version"]) == ("held", 85, 2)
    again = await plans.post(f"/conferences/{conference['id']}/held", HELD)
    assert again.status_code == 409
    cancel_held = await plans.post(f"/conferences/{conference['id']}/cancel", {"reason": "x"})
    assert cancel_held.status_code == 409
    cancelled = await plans.ok("POST", f"/conferences/{later['id']}/cancel", {"reason": "Bão"})
    assert (cancelled["status"], cancelled["cancel_reason"]) == ("cancelled", "Bão")
    missing = await plans.post("/conferences/khong-co/held", HELD)
    assert missing.status_code == 404

    events = await plans.ward_messages(f"qcdc.{plans.ward}.plans.conference.>")
    assert [e.type for e in events] == ["vn.qcdc.plans.conference.held.v1"]
    validate_envelope(events[0].model_dump(mode="json"))
    data = events[0].data
    assert (data["conference_id"], data["kind"], data["attendees"], data["version"]) == (
        conference["id"],
        "dialogue",
        85,
        2,
    )
    assert "minutes" not in data

    public = (await plans.http.get(f"/conferences/{conference['id']}")).json()
    assert public["status"] == "held" and public["minutes"] == HELD["minutes"]
    listed = (await plans.http.get(f"/conferences?year={today(plans).year}")).json()
    in_year = [c["id"] for c in listed["items"]]
    assert conference["id"] in in_year
    held_days = [c["held_on"] for c in listed["items"]]
    assert held_days == sorted(held_days)
    only_held = (await plans.http.get("/conferences?status=held")).json()
    assert [c["id"] for c in only_held["items"]] == [conference["id"]]


async def test_obligations_show_the_group_missing_its_year_end_conference(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=100)
    await plans.register_group("TDP-02", households=60)
    day = today(plans)

    before = (await plans.http.get(f"/conferences/obligations?year={day.year}")).json()
    assert before["dialogues"]["held"] == 0 and not before["dialogues"]["met"]
    assert before["year_end"]["missing"] == ["TDP-01", "TDP-02"]

    dialogue = await schedule(plans, day)
    await plans.ok("POST", f"/conferences/{dialogue['id']}/held", HELD)
    tdp1 = await schedule(plans, day, kind="group_year_end", group="TDP-01")
    await plans.ok("POST", f"/conferences/{tdp1['id']}/held", HELD)
    # Scheduled, not held, and in the same year even on 31 December.
    later_this_year = min(day + dt.timedelta(days=3), dt.date(day.year, 12, 31))
    tdp2 = await schedule(plans, later_this_year, kind="group_year_end", group="TDP-02")
    second = await plans.post(
        "/conferences",
        {
            "kind": "group_year_end",
            "title": "Lần hai",
            "group": "TDP-01",
            "notice_on": str(day - dt.timedelta(days=10)),
            "held_on": str(day),
        },
    )
    assert second.status_code == 409 and second.json()["rule"] == "OVS-YEAR.conference"

    view = (await plans.http.get(f"/conferences/obligations?year={day.year}")).json()
    assert view["rules"] == ["OVS-YEAR", "OVS-YEAR.conference"] and view["table_version"]
    assert view["dialogues"] | {"conference_ids": None} == {
        "rule": "OVS-YEAR",
        "comparison": "at_least",
        "required": 1,
        "held": 1,
        "scheduled": 0,
        "conference_ids": None,
        "met": True,
    }
    groups = {g["group"]: g for g in view["year_end"]["groups"]}
    assert groups["TDP-01"]["met"] and groups["TDP-01"]["held_on"] == day.isoformat()
    assert not groups["TDP-02"]["met"] and groups["TDP-02"]["scheduled"] == 1
    assert groups["TDP-02"]["conference_ids"] == [tdp2["id"]]
    assert view["year_end"]["missing"] == ["TDP-02"]
    assert not view["year_end"]["met"] and not view["met"] and not view["ended"]

    before_the_law = await plans.http.get("/conferences/obligations?year=2020")
    assert before_the_law.status_code == 422 and before_the_law.json()["rule"] == "OVS-YEAR"
