"""Recommendations over HTTP with a real database and nats-server: proposed by the board,
issued by the front, answered by the committee, and escalated to the city exactly once when
the shared clock passes OVS-ANSWER's days unanswered."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_oversight.handlers.recommendations import escalate_overdue
from qcdc_oversight.testing import Oversight
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.sweeps import sweep_each
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.contracts import validate_envelope

MINUTE = dt.timedelta(minutes=1)

pytestmark = pytest.mark.integration


async def sweep(oversight: Oversight) -> int:
    """One tick of the escalation sweep, beside the service's own sweeper."""
    return await sweep_each(oversight.runtime.uow, escalate_overdue)


BODY = {
    "title": "Công khai chứng từ chi quỹ khuyến học",
    "body": "Đề nghị UBND phường niêm yết các khoản chi năm 2026 tại nhà văn hóa khu phố.",
    "addressed_to": "UBND phường",
}


async def issued(oversight: Oversight) -> dict[str, Any]:
    proposed = await oversight.ok(
        "POST", "/recommendations", BODY, headers=oversight.inspector(), status=201
    )
    assert proposed["status"] == "proposed" and proposed["answer_deadline"] is None
    return await oversight.ok(
        "POST", f"/recommendations/{proposed['id']}/confirm", headers=oversight.front()
    )


async def test_a_recommendation_unanswered_when_the_shared_clock_passes_15_days_is_escalated_once(
    oversight: Oversight,
) -> None:
    recommendation = await issued(oversight)
    url = f"/recommendations/{recommendation['id']}"
    assert recommendation["answer_deadline"]["rule"] == "OVS-ANSWER"
    assert recommendation["overdue"] is False

    rules: RuleBook = oversight.app.state.rules
    days = rules.rule("OVS-ANSWER", oversight.today()).days()
    await oversight.advance_clock(dt.timedelta(days=days))  # still inside the due day
    assert await sweep(oversight) == 0

    # 16 days, or more when day 15 fell on a day off and rolled to the next working day
    # (CAL-COUNT): the answer is overdue only once its due day has ended.
    due_at = dt.datetime.fromisoformat(recommendation["answer_deadline"]["due_at"])
    await oversight.move_clock_to(max(oversight.now() + dt.timedelta(days=1), due_at + MINUTE))

    async def escalated() -> bool:
        return (await oversight.http.get(url)).json()["escalated_at"] is not None

    await eventually(escalated, within=10, what="the background sweeper to escalate it")
    for _ in range(3):
        assert await sweep(oversight) == 0

    events = await oversight.ward_messages(f"qcdc.{oversight.ward}.oversight.recommendation.>")
    overdue = [e for e in events if e.type == "vn.qcdc.oversight.recommendation.overdue.v1"]
    assert len(overdue) == 1
    validate_envelope(overdue[0].model_dump(mode="json"))
    assert overdue[0].data["escalated_to"] == "city"
    assert overdue[0].data["rule"] == "OVS-ANSWER"
    assert overdue[0].data["recommendation_id"] == recommendation["id"]
    assert overdue[0].sequence == 3  # issued was 2

    listed = (await oversight.http.get("/recommendations", params={"overdue": "true"})).json()
    assert [r["id"] for r in listed["items"]] == [recommendation["id"]]

    # A late answer is still taken, and says it was late; nothing is escalated again.
    late = await oversight.ok(
        "POST", f"{url}/answer", {"answer": "Đã niêm yết", "accepted": "partly"},
        headers=oversight.officer(),
    )  # fmt: skip
    assert late["status"] == "answered" and late["on_time"] is False and late["overdue"]
    assert await sweep(oversight) == 0
    events = await oversight.ward_messages(f"qcdc.{oversight.ward}.oversight.recommendation.>")
    assert [(e.type.split(".")[-2], e.sequence) for e in events] == [
        ("issued", 2),
        ("overdue", 3),
        ("answered", 4),
    ]
    assert events[-1].data["on_time"] is False
    for event in events:
        validate_envelope(event.model_dump(mode="json"))


async def test_an_answer_in_time_is_on_time_and_each_role_keeps_to_its_step(
    oversight: Oversight,
) -> None:
    proposed = await oversight.ok(
        "POST", "/recommendations", BODY, headers=oversight.inspector(), status=201
    )
    url = f"/recommendations/{proposed['id']}"
    assert (await oversight.http.get(url)).status_code == 404  # not public until issued
    assert (await oversight.http.get("/recommendations")).json()["total"] == 0
    staff = (await oversight.http.get(url, headers=oversight.officer())).json()
    assert staff["proposed_by"] == "ban-ttnd-1"

    answer = {"answer": "UBND phường tiếp thu", "accepted": "accepted"}
    assert (
        await oversight.post(f"{url}/answer", answer, headers=oversight.officer())
    ).status_code == 409
    assert (await oversight.post(f"{url}/confirm", headers=oversight.officer())).status_code == 403
    await oversight.ok("POST", f"{url}/confirm", headers=oversight.front())
    assert (await oversight.post(f"{url}/confirm", headers=oversight.front())).status_code == 409
    assert (
        await oversight.post(f"{url}/answer", answer, headers=oversight.front())
    ).status_code == 403

    answered = await oversight.ok("POST", f"{url}/answer", answer, headers=oversight.officer())
    assert answered["on_time"] is True and answered["accepted"] == "accepted"
    public = (await oversight.http.get(url)).json()
    assert public["answer"] == answer["answer"] and public["answered_by"] is None
    on_time = (await oversight.http.get("/recommendations", params={"overdue": "false"})).json()
    assert [r["id"] for r in on_time["items"]] == [proposed["id"]]

    events = await oversight.ward_messages(f"qcdc.{oversight.ward}.oversight.recommendation.>")
    assert [e.type for e in events] == [
        "vn.qcdc.oversight.recommendation.issued.v1",
        "vn.qcdc.oversight.recommendation.answered.v1",
    ]
    assert events[1].data["on_time"] is True and events[1].data["accepted"] == "accepted"
    for event in events:
        validate_envelope(event.model_dump(mode="json"))


async def test_a_recommendation_names_a_real_inspection(oversight: Oversight) -> None:
    refused = await oversight.post(
        "/recommendations", {**BODY, "inspection_id": "nope"}, headers=oversight.inspector()
    )
    assert refused.status_code == 422 and refused.json()["detail_en"]
    missing = await oversight.post("/recommendations/nope/confirm", headers=oversight.front())
    assert missing.status_code == 404
    assert (
        await oversight.post("/recommendations", BODY, headers=oversight.citizen())
    ).status_code == 403


async def test_the_answer_deadline_counts_from_the_recorded_receipt(oversight: Oversight) -> None:
    recommendation = await issued(oversight)
    url = f"/recommendations/{recommendation['id']}/received"
    assert recommendation["received_at"] is None
    from_issue = dt.datetime.fromisoformat(recommendation["answer_deadline"]["due_at"])
    await oversight.advance_clock(dt.timedelta(days=3))
    refused = await oversight.http.post(url, headers=oversight.inspector())
    assert refused.status_code == 403
    future = (oversight.now() + dt.timedelta(days=1)).isoformat()
    too_late = await oversight.http.post(
        url, headers=oversight.front(), json={"received_at": future}
    )
    assert too_late.status_code == 422 and too_late.json()["rule"] == "OVS-ANSWER"
    received = await oversight.ok("POST", url, headers=oversight.officer())
    assert received["received_at"] is not None
    deadline = received["answer_deadline"]
    assert (
        deadline["rule"] == "OVS-ANSWER" and "recommendation_received" in deadline["explanation_en"]
    )
    assert dt.datetime.fromisoformat(deadline["due_at"]) > from_issue  # counted again, later
    again = await oversight.http.post(url, headers=oversight.officer())
    assert again.status_code == 409

    # Subscribers never recompute a deadline: the receipt is published with the new one, once
    # (the refused attempts sent nothing), as the next version after the issue.
    events = await oversight.ward_messages(f"qcdc.{oversight.ward}.oversight.recommendation.>")
    assert [(e.type, e.sequence) for e in events] == [
        ("vn.qcdc.oversight.recommendation.issued.v1", 2),
        ("vn.qcdc.oversight.recommendation.received.v1", 3),
    ]
    issue, receipt = (event.data for event in events)
    assert dt.datetime.fromisoformat(issue["due_at"]) == from_issue
    assert receipt["recommendation_id"] == recommendation["id"] and receipt["rule"] == "OVS-ANSWER"
    assert dt.datetime.fromisoformat(receipt["due_at"]) == dt.datetime.fromisoformat(
        deadline["due_at"]
    )
    assert receipt["answer_due"] == deadline["due"]
    assert dt.datetime.fromisoformat(receipt["received_at"]) == dt.datetime.fromisoformat(
        received["received_at"]
    )
    for event in events:
        validate_envelope(event.model_dump(mode="json"))
