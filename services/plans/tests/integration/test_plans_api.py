"""The annual plan over HTTP with a real database and nats-server: drafted with the eight
task groups, adopted by the steering committee's head only, amended by new editions that
leave earlier ones readable, progress up to completion, drafts hidden from the public, and a
task past its due day announced as overdue exactly once however many sweepers run."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from qcdc_plans.handlers.plans import OVERDUE_TASKS
from qcdc_plans.testing import Plans, running
from qcdc_shared.envelope import Envelope
from qcdc_shared.law.deadlines import end_of_day, local_date
from qcdc_shared.sweeps import sweep_each
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration

DAY = dt.timedelta(days=1)


def today(plans: Plans) -> dt.date:
    return local_date(plans.runtime.clock.now())


async def drafted(plans: Plans, **fields: Any) -> dict[str, Any]:
    return await plans.ok("POST", "/plans", {"year": today(plans).year, **fields}, status=201)


def task(owner: str, *, start_on: dt.date, due_on: dt.date, group: int = 1) -> dict[str, Any]:
    return {
        "task_group": group,
        "title": "Hội nghị quán triệt Nghị định 59/2023/NĐ-CP",
        "owner": owner,
        "start_on": str(start_on),
        "due_on": str(due_on),
        "deliverable": "Báo cáo kết quả hội nghị",
    }


async def adopted_plan(
    plans: Plans, *due: dt.date
) -> tuple[dict[str, Any], list[str], dict[str, Any]]:
    """A plan of this year adopted by the head, with one task per due date owned by a member."""
    member = await plans.appoint("Trần Thị Thành Viên")
    head = await plans.appoint_head()
    plan = await drafted(plans)
    ids = []
    for due_on in due:
        body = task(member["id"], start_on=min(today(plans), due_on) - 10 * DAY, due_on=due_on)
        ids.append((await plans.ok("POST", f"/plans/{plan['id']}/tasks", body, status=201))["id"])
    adopted = await plans.ok("POST", f"/plans/{plan['id']}/adopt", headers=plans.head())
    return adopted, ids, head


async def task_events(plans: Plans) -> list[Envelope]:
    events = await plans.ward_messages(f"qcdc.{plans.ward}.plans.task.>")
    for event in events:
        validate_envelope(event.model_dump(mode="json"))
    return events


async def test_a_plan_is_drafted_with_eight_groups_and_only_the_head_adopts_it(
    plans: Plans,
) -> None:
    member = await plans.appoint("Trần Thị Thành Viên")
    await plans.appoint_head()
    plan = await drafted(plans)
    assert (plan["status"], plan["edition"], len(plan["purposes"])) == ("draft", 0, 4)
    assert [g["number"] for g in plan["task_groups"]] == list(range(1, 9))
    again = await plans.post("/plans", {"year": plan["year"]})
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert again.json()["detail"] and again.json()["detail_en"]

    retitled = await plans.ok(
        "PATCH", f"/plans/{plan['id']}", {"task_groups": [{"number": 2, "title": "Hội nghị"}]}
    )
    assert retitled["task_groups"][1]["title"] == "Hội nghị" and retitled["version"] == 2
    empty = await plans.post(f"/plans/{plan['id']}/adopt", headers=plans.head())
    assert empty.status_code == 422

    start = today(plans)
    body = task(member["id"], start_on=start, due_on=start + 30 * DAY)
    added = await plans.ok("POST", f"/plans/{plan['id']}/tasks", body, status=201)
    assert (added["status"], added["percent"], added["overdue"]) == ("open", 0, False)

    by_officer = await plans.post(f"/plans/{plan['id']}/adopt")
    assert by_officer.status_code == 403
    assert "Trưởng ban" in by_officer.json()["detail"] and by_officer.json()["detail_en"]
    by_citizen = await plans.post(f"/plans/{plan['id']}/adopt", headers=plans.citizen())
    assert by_citizen.status_code == 403
    adopted = await plans.ok("POST", f"/plans/{plan['id']}/adopt", headers=plans.head())
    assert (adopted["status"], adopted["edition"]) == ("adopted", 1)
    assert adopted["task_groups"][0]["tasks"][0]["id"] == added["id"]

    late_task = await plans.post(f"/plans/{plan['id']}/tasks", body)
    assert late_task.status_code == 409 and "amendment" in late_task.json()["detail_en"]
    assert "sửa đổi" in late_task.json()["detail"]
    assert (
        await plans.http.patch(
            f"/plans/{plan['id']}", json={"title": "Khác"}, headers=plans.officer()
        )
    ).status_code == 409
    assert (await plans.post(f"/plans/{plan['id']}/adopt", headers=plans.head())).status_code == 409

    (adoption,) = await plans.ward_messages(f"qcdc.{plans.ward}.plans.plan.>")
    validate_envelope(adoption.model_dump(mode="json"))
    assert adoption.type == "vn.qcdc.plans.plan.adopted.v1"
    assert (adoption.data["edition"], adoption.data["tasks_total"]) == (1, 1)
    assert [g["tasks"] for g in adoption.data["task_groups"]] == [1, 0, 0, 0, 0, 0, 0, 0]
    (assigned,) = await task_events(plans)
    assert assigned.type == "vn.qcdc.plans.task.assigned.v1"
    assert (assigned.subject, assigned.data["owner"]) == (added["id"], member["id"])


async def test_tasks_are_checked_against_the_committee_and_the_calendar(plans: Plans) -> None:
    member = await plans.appoint("Trần Thị Thành Viên")
    plan = await drafted(plans)
    start = today(plans)
    url = f"/plans/{plan['id']}/tasks"
    unknown = await plans.post(url, task("m-nobody", start_on=start, due_on=start))
    assert unknown.status_code == 422 and unknown.json()["detail_en"].startswith("No steering")
    backwards = await plans.post(url, task(member["id"], start_on=start, due_on=start - DAY))
    assert backwards.status_code == 422
    no_group = await plans.post(url, task(member["id"], start_on=start, due_on=start, group=9))
    assert no_group.status_code == 422
    missing = await plans.post(
        "/plans/nope/tasks", task(member["id"], start_on=start, due_on=start)
    )
    assert missing.status_code == 404


async def test_the_public_sees_adopted_plans_never_drafts(plans: Plans) -> None:
    member = await plans.appoint("Trần Thị Thành Viên")
    await plans.appoint_head()
    plan = await drafted(plans)
    start = today(plans)
    body = task(member["id"], start_on=start, due_on=start + DAY)
    added = await plans.ok("POST", f"/plans/{plan['id']}/tasks", body, status=201)

    assert (await plans.http.get("/plans")).json()["total"] == 0
    assert (await plans.http.get(f"/plans/{plan['id']}")).status_code == 404
    assert (await plans.http.get("/tasks")).json()["total"] == 0
    assert (await plans.http.get(f"/tasks/{added['id']}")).status_code == 404
    staff = (await plans.http.get("/plans", headers=plans.front())).json()
    assert [p["status"] for p in staff["items"]] == ["draft"]

    await plans.ok("POST", f"/plans/{plan['id']}/adopt", headers=plans.head())
    listed = (await plans.http.get("/plans")).json()
    assert [(p["id"], p["tasks_total"]) for p in listed["items"]] == [(plan["id"], 1)]
    shown = (await plans.http.get(f"/plans/{plan['id']}")).json()
    assert shown["task_groups"][0]["tasks"][0]["owner_name"] == "Trần Thị Thành Viên"
    assert (await plans.http.get(f"/tasks?plan={plan['id']}")).json()["total"] == 1


async def test_an_amendment_is_a_new_edition_and_edition_1_stays_readable(plans: Plans) -> None:
    due = today(plans) + 30 * DAY
    plan, (kept, cancelled), head = await adopted_plan(plans, due, due)
    amendment = {
        "reason": "Bổ sung nhiệm vụ công khai dự án",
        "add_tasks": [task(head["id"], start_on=today(plans), due_on=due, group=5)],
        "change_tasks": [{"id": kept, "owner": head["id"]}, {"id": cancelled, "cancelled": True}],
        "task_groups": [{"number": 5, "title": "Công khai dự án"}],
    }
    refused = await plans.post(f"/plans/{plan['id']}/amendments", amendment)
    assert refused.status_code == 403
    amended = await plans.ok(
        "POST", f"/plans/{plan['id']}/amendments", amendment, status=201, headers=plans.head()
    )
    assert (amended["edition"], amended["tasks_total"]) == (2, 2)
    assert [e["reason"] for e in amended["editions"]] == [None, amendment["reason"]]
    (added,) = amended["task_groups"][4]["tasks"]

    first = await plans.ok("GET", f"/plans/{plan['id']}/editions/1", headers={})
    assert {t["id"]: t["cancelled"] for t in first["tasks"]} == {kept: False, cancelled: False}
    assert first["task_groups"][4]["title"] != "Công khai dự án"
    assert next(t for t in first["tasks"] if t["id"] == kept)["owner"] != head["id"]
    second = await plans.ok("GET", f"/plans/{plan['id']}/editions/2", headers={})
    assert second["reason"] == amendment["reason"] and second["adopted_by"]["position"] == "head"
    assert {t["id"]: t["cancelled"] for t in second["tasks"]} == {
        kept: False,
        cancelled: True,
        added["id"]: False,
    }
    assert (await plans.http.get(f"/plans/{plan['id']}/editions/3")).status_code == 404
    gone = await plans.post(f"/tasks/{cancelled}/progress", {"percent": 10, "note": "x"})
    assert gone.status_code == 409

    (amended_event,) = [
        e
        for e in await plans.ward_messages(f"qcdc.{plans.ward}.plans.plan.>")
        if e.type.endswith("amended.v1")
    ]
    validate_envelope(amended_event.model_dump(mode="json"))
    assert (amended_event.data["edition"], amended_event.data["reason"]) == (2, amendment["reason"])
    assigned = [(e.subject, e.sequence) for e in await task_events(plans)]
    assert sorted(assigned) == sorted(
        [(kept, 2), (cancelled, 2), (added["id"], 1), (kept, 3)]
    )  # the added task and the re-owned one; nothing for the cancelled one


async def test_progress_to_100_completes_the_task_and_never_goes_down(plans: Plans) -> None:
    plan, (task_id,), _ = await adopted_plan(plans, today(plans) + 30 * DAY)
    url = f"/tasks/{task_id}/progress"
    evidence = ["https://phuong.gov.vn/bien-ban-hoi-nghi.pdf"]
    first = await plans.ok(
        "POST", url, {"percent": 40, "note": "Đã họp", "evidence": evidence}, status=201
    )
    assert (first["percent"], first["latest_progress"]["evidence"]) == (40, evidence)
    down = await plans.post(url, {"percent": 30, "note": "Nhầm"})
    assert down.status_code == 422
    assert "không được giảm" in down.json()["detail"] and "go down" in down.json()["detail_en"]
    assert (
        await plans.post(url, {"percent": 50, "note": "n", "evidence": ["ftp://x/y"]})
    ).status_code == 422
    many = {"percent": 50, "note": "n", "evidence": evidence * 21}
    assert (await plans.post(url, many)).status_code == 422

    done = await plans.ok("POST", url, {"percent": 100, "note": "Hoàn thành"}, status=201)
    assert (done["status"], done["on_time"], done["overdue"]) == ("completed", True, False)
    assert (await plans.post(url, {"percent": 100, "note": "Lại"})).status_code == 409

    public = (await plans.http.get(f"/tasks/{task_id}")).json()
    assert [(p["percent"], p["reporter"]) for p in public["progress"]] == [(40, None), (100, None)]
    staff = await plans.ok("GET", f"/tasks/{task_id}")
    assert {p["reporter"] for p in staff["progress"]} == {"can-bo-1"}
    completed = (await plans.http.get("/tasks?status=completed")).json()
    assert [t["id"] for t in completed["items"]] == [task_id]

    events = await task_events(plans)
    assert [(e.type.split(".")[4], e.sequence) for e in events] == [
        ("assigned", 2),
        ("progressed", 3),
        ("progressed", 4),
        ("completed", 5),
    ]
    assert events[-1].data["on_time"] is True and events[-1].data["percent"] == 100

    summary = {"summary": "Hoàn thành kế hoạch", "results": [{"task_group": 1, "text": "Xong"}]}
    assert (await plans.post(f"/plans/{plan['id']}/report", summary)).status_code == 403
    reported = await plans.ok("POST", f"/plans/{plan['id']}/report", summary, headers=plans.head())
    assert reported["status"] == "reported" and reported["report"]["results"][0]["text"] == "Xong"


async def test_a_task_past_due_is_announced_overdue_exactly_once_whatever_the_sweeps(
    plans: Plans,
) -> None:
    yesterday = today(plans) - DAY
    plan, (late, on_time), _ = await adopted_plan(plans, yesterday, today(plans) + 30 * DAY)
    assert len(plan["task_groups"]) == 8 and plan["year"] == today(plans).year

    async def sweep() -> int:
        return await sweep_each(plans.runtime.uow, OVERDUE_TASKS)

    # The service's own sweeper ticks every second; a second instance on the same database
    # sweeps too, and so do these calls, some at the same instant.
    recorded_here = 0
    async with running(plans.settings, plans.nats_url):
        for _ in range(3):
            recorded_here += sum(await asyncio.gather(sweep(), sweep(), sweep()))
            await asyncio.sleep(0.5)
        await asyncio.sleep(1.5)
    assert recorded_here <= 1 and await sweep() == 0

    overdue = [e for e in await task_events(plans) if e.type.endswith(".overdue.v1")]
    assert len(overdue) == 1
    (event,) = overdue
    assert event.type == "vn.qcdc.plans.task.overdue.v1" and event.subject == late
    assert event.data["due_on"] == str(yesterday) and event.sequence == 3
    assert dt.datetime.fromisoformat(event.data["due_at"]) == end_of_day(yesterday)

    shown = (await plans.http.get(f"/plans/{plan['id']}")).json()
    assert shown["tasks_overdue"] == 1
    flags = {t["id"]: t["overdue"] for t in shown["task_groups"][0]["tasks"]}
    assert flags == {late: True, on_time: False}
    listed = (await plans.http.get("/tasks?overdue=true")).json()
    assert [t["id"] for t in listed["items"]] == [late]
    assert (await plans.http.get("/tasks?overdue=false")).json()["items"][0]["id"] == on_time
    first_page = (await plans.http.get("/tasks?limit=1")).json()
    assert ([t["id"] for t in first_page["items"]], first_page["total"]) == ([late], 2)
    cursor = first_page["next_cursor"]
    second_page = (await plans.http.get("/tasks", params={"limit": 1, "cursor": cursor})).json()
    assert [t["id"] for t in second_page["items"]] == [on_time]

    progressed = await plans.ok(
        "POST", f"/tasks/{late}/progress", {"percent": 100, "note": "Trễ"}, status=201
    )
    assert (progressed["on_time"], progressed["overdue"]) == (False, False)
    kinds = [
        (e.type.split(".")[4], e.data.get("overdue"))
        for e in await task_events(plans)
        if e.subject == late
    ]
    assert kinds == [
        ("assigned", None),
        ("overdue", None),
        ("progressed", True),
        ("completed", None),
    ]
