"""The petitions service over HTTP with its real database and a real nats-server: intake
online and on paper, the workflow, officers' reads, citizen tracking, and the events."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from qcdc_petitions.testing import PETITIONER, WARD, Petitions
from qcdc_shared.tables import audit_log
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


async def test_a_citizen_submits_online_and_gets_a_tracking_code_and_explained_deadlines(
    petitions: Petitions,
) -> None:
    response = await petitions.submit(kind="feedback", group="TDP-05")
    assert response.status_code == 201, response.text
    created = response.json()
    assert set(created) >= {"id", "tracking_code", "status", "deadlines", "flags"}
    assert created["status"] == "received" and created["tracking_code"].startswith("BT-")
    assert [d["rule"] for d in created["deadlines"]] == ["FB-FWD", "REC-REPLY"]
    for deadline in created["deadlines"]:
        assert deadline["due_at"].endswith("+07:00")
        assert deadline["rule"] in deadline["explanation"] and deadline["explanation_en"]
    assert PETITIONER["name"] not in response.text


async def test_an_officer_records_paper_with_its_real_date_never_a_future_one(
    petitions: Petitions,
) -> None:
    ten_days_ago = petitions.today() - dt.timedelta(days=10)
    paper = await petitions.submit(
        headers=petitions.officer(), kind="information_request", received_at=str(ten_days_ago)
    )
    assert paper.status_code == 201, paper.text
    assert paper.json()["deadlines"][0]["rule"] == "INF-REQ.post"  # on paper: its 5 working days
    shown = await petitions.get(paper.json()["id"])
    assert shown["channel"] == "paper" and shown["received_on"] == str(ten_days_ago)

    tomorrow = petitions.now() + dt.timedelta(days=1)
    future = await petitions.submit(headers=petitions.officer(), received_at=tomorrow.isoformat())
    assert future.status_code == 422
    assert future.headers["content-type"] == "application/problem+json"
    # A citizen online cannot backdate.
    backdated = await petitions.submit(received_at=str(ten_days_ago))
    assert backdated.status_code == 422


async def test_paper_received_before_the_information_rule_took_effect_is_a_422_naming_it(
    petitions: Petitions,
) -> None:
    # 2010-01-01 is before every INF-REQ row of the rule table (Law 104/2016: 2018-07-01).
    before = await petitions.submit(
        headers=petitions.officer(), kind="information_request", received_at="2010-01-01"
    )
    assert before.status_code == 422, before.text
    assert before.headers["content-type"] == "application/problem+json"
    problem = before.json()
    assert problem["rule"] == "INF-REQ.post"
    assert "INF-REQ.post" in problem["detail_en"]
    listed = (await petitions.http.get("/petitions", headers=petitions.officer())).json()
    assert listed["total"] == 0
    async with petitions.runtime.sessionmaker() as session:
        audits = (await session.execute(select(audit_log))).all()
    assert [(a.action, a.actor, a.outcome, a.detail) for a in audits] == [
        ("petition.submit", "can-bo-1", "refused", {"rule": "INF-REQ.post"})
    ]
    assert await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.>") == []


async def test_a_complaint_is_flagged_out_of_time_and_an_anonymous_denunciation_is_a_lead(
    petitions: Petitions,
) -> None:
    old_act = petitions.today() - dt.timedelta(days=200)
    late = await petitions.submitted(kind="complaint", act_date=str(old_act))
    assert late["flags"] == ["CMP-FILE"] and late["status"] == "received"
    lead = await petitions.submitted(kind="denunciation", anonymous=True, petitioner=None)
    assert lead["kind"] == "lead" and lead["deadlines"] == []
    anonymous_complaint = await petitions.submit(kind="complaint", anonymous=True, petitioner=None)
    assert anonymous_complaint.status_code == 422


async def test_a_complaint_goes_from_receipt_to_closing_with_its_events_in_order(
    petitions: Petitions,
) -> None:
    created = await petitions.submitted(kind="complaint", title="Khiếu nại quyết định xử phạt")
    pid = created["id"]
    await petitions.command(pid, "assign", {"handler": "can-bo-2"})
    accepted = await petitions.command(pid, "accept", {"complex_reason": "nhiều bên liên quan"})
    assert [d["rule"] for d in accepted["deadlines"]] == ["CMP-ACCEPT", "CMP-RESOLVE.complex"]
    assert accepted["deadlines"][0]["met"] is True and accepted["status"] == "assigned"
    # Already complex: no further extension (CMP-RESOLVE), refused with the rule named.
    refused = await petitions.http.post(
        f"/petitions/{pid}/extend", headers=petitions.officer(), json={"reason": "thêm"}
    )
    assert refused.status_code == 409 and refused.json()["rule"] == "CMP-RESOLVE"
    await petitions.command(pid, "answer", {"text": "Giữ nguyên quyết định xử phạt."})
    closed = await petitions.command(pid, "close")
    assert closed["status"] == "closed" and closed["version"] == 5

    shown = await petitions.get(pid)
    assert [h["action"] for h in shown["history"]] == [
        "received",
        "assigned",
        "accepted",
        "answered",
        "closed",
    ]
    assert shown["history"][0]["actor"].startswith("p:")  # the petitioner, pseudonymous
    assert shown["history"][1]["actor"] == "can-bo-1"

    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.>")
    assert [(e.type.split(".")[-2], e.sequence) for e in events] == [
        ("received", 1),
        ("assigned", 2),
        ("accepted", 3),
        ("answered", 4),
        ("closed", 5),
    ]
    for event in events:
        validate_envelope(event.model_dump_json())
        assert "Khiếu nại" not in event.model_dump_json()  # no free text of a complaint
    assert events[3].data["public_interest"] is False and events[3].data["on_time"] is True


async def test_feedback_of_public_interest_carries_its_public_answer(petitions: Petitions) -> None:
    pid = (await petitions.submitted(kind="feedback"))["id"]
    await petitions.command(
        pid,
        "answer",
        {"text": "Đã thay bóng đèn.", "public_interest": True, "public_title": "Đèn Lê Lợi"},
    )
    (event,) = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.answered")
    assert event.data["public_title"] == "Đèn Lê Lợi"
    assert event.data["public_answer"] == "Đã thay bóng đèn."


async def test_officers_list_filter_and_count_and_inspectors_see_no_confidential_text(
    petitions: Petitions,
) -> None:
    feedback = await petitions.submitted(kind="feedback", group="TDP-01")
    denunciation = await petitions.submitted(kind="denunciation", title="Tố cáo cán bộ X")
    await petitions.command(denunciation["id"], "assign", {"handler": "can-bo-2"})
    http = petitions.http

    page = (await http.get("/petitions?limit=1", headers=petitions.officer())).json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["next_cursor"]
    rest = (
        await http.get(
            f"/petitions?limit=1&cursor={page['next_cursor']}", headers=petitions.officer()
        )
    ).json()
    assert {page["items"][0]["id"], rest["items"][0]["id"]} == {feedback["id"], denunciation["id"]}
    assert rest["next_cursor"] is None

    by_handler = (await http.get("/petitions?handler=can-bo-2", headers=petitions.officer())).json()
    assert [p["id"] for p in by_handler["items"]] == [denunciation["id"]]
    by_group = (await http.get("/petitions?group=TDP-01", headers=petitions.officer())).json()
    assert [p["id"] for p in by_group["items"]] == [feedback["id"]]
    by_kind = (
        await http.get("/petitions?kind=feedback&status=received", headers=petitions.officer())
    ).json()
    assert by_kind["total"] == 1
    assert (await http.get("/petitions?overdue=true", headers=petitions.officer())).json()[
        "total"
    ] == 0

    listed = (await http.get("/petitions", headers=petitions.inspector())).json()
    shown = {p["kind"]: p for p in listed["items"]}
    assert shown["denunciation"]["title"] is None and shown["denunciation"]["body"] is None
    assert shown["feedback"]["title"] == "Đèn đường hỏng"
    counts = (await http.get("/petitions/counts", headers=petitions.inspector())).json()
    assert counts["by_status"]["received"] == 1 and counts["by_status"]["assigned"] == 1
    assert counts["total"] == 2 and counts["overdue"] == 0

    assert (await http.get("/petitions", headers=petitions.citizen())).status_code == 403
    other_ward = petitions.officer(ward="tan-dinh")
    assert (await http.get("/petitions", headers=other_ward)).status_code == 403
    assert (await http.get("/petitions")).status_code == 401


async def test_tracking_shows_status_history_and_deadlines_and_no_identity(
    petitions: Petitions,
) -> None:
    created = await petitions.submitted(kind="denunciation")
    await petitions.command(created["id"], "assign", {"handler": "can-bo-2"})
    await petitions.command(created["id"], "accept")
    code = created["tracking_code"].lower().replace("-", " - ")  # as a citizen may type it
    response = await petitions.http.get(f"/petitions/track/{code}")
    assert response.status_code == 200, response.text
    tracked = response.json()
    assert tracked["status"] == "assigned"
    assert [h["action"] for h in tracked["history"]] == ["received", "assigned", "accepted"]
    assert all(h["actor"] is None for h in tracked["history"])  # roles only, no accounts
    # The denouncer sees the notice of acceptance owed to them too (DEN-INTAKE.notice).
    assert [d["rule"] for d in tracked["deadlines"]] == [
        "DEN-INTAKE",
        "DEN-RESOLVE",
        "DEN-INTAKE.notice",
    ]
    for secret in (*PETITIONER.values(), "can-bo-2", "p:"):
        assert secret not in response.text
    missing = await petitions.http.get("/petitions/track/BT-2222-2222")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


async def test_the_citizen_escalates_a_rejected_answer_once(petitions: Petitions) -> None:
    created = await petitions.submitted(kind="feedback")
    pid = created["id"]
    body = {"tracking_code": created["tracking_code"], "reason": "Không đồng ý"}
    early = await petitions.http.post(
        f"/petitions/{pid}/escalate", headers=petitions.citizen(), json=body
    )
    assert early.status_code == 409 and early.json()["rule"] == "PET-ESC"
    await petitions.command(pid, "answer", {"text": "Đã xử lý."})
    wrong = await petitions.http.post(
        f"/petitions/{pid}/escalate",
        headers=petitions.citizen(),
        json={**body, "tracking_code": "BT-2222-2222"},
    )
    assert wrong.status_code == 422 and wrong.json()["rule"] == "PET-ESC"
    escalated = await petitions.http.post(
        f"/petitions/{pid}/escalate", headers=petitions.citizen(), json=body
    )
    assert escalated.status_code == 200, escalated.text
    assert escalated.json()["escalated"] == ["PET-ESC"]
    again = await petitions.http.post(
        f"/petitions/{pid}/escalate", headers=petitions.citizen(), json=body
    )
    assert again.status_code == 409
    officer = await petitions.http.post(
        f"/petitions/{pid}/escalate", headers=petitions.officer(), json=body
    )
    assert officer.status_code == 403  # the sweeper and the citizen escalate, not officers
    (event,) = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.escalated")
    assert (event.data["rule"], event.data["by"]) == ("PET-ESC", "citizen")


async def test_an_extension_past_the_legal_cap_is_refused_by_the_rule_table(
    petitions: Petitions,
) -> None:
    denunciation = await petitions.submitted(kind="denunciation")
    accepted = await petitions.command(denunciation["id"], "accept", {})
    refused = await petitions.http.post(
        f"/petitions/{denunciation['id']}/extend",
        headers=petitions.officer(),
        json={"reason": "Vụ việc rất phức tạp", "days": 200},
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["rule"] == "DEN-RESOLVE"
    assert (await petitions.get(denunciation["id"]))["version"] == accepted["version"]
