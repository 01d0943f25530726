"""Over HTTP, with the real database and nats-server: the denouncer's notice of acceptance
(DEN-INTAKE.notice) sent late and reported late, information requests by channel (fax as post,
online its own row), the notice recorded when a request is declared complex
(INF-REQ.complex-notice), and online reception sessions (REC-WEEK.online)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_petitions.testing import PETITIONER, WARD, Petitions
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


def local(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), VN_TZ)


def deadline(petition: dict[str, Any], rule: str) -> dict[str, Any]:
    (found,) = (d for d in petition["deadlines"] if d["rule"] == rule)
    return dict(found)


async def test_a_denunciation_accepted_then_notified_late_is_reported_late(
    petitions: Petitions,
) -> None:
    # Accepted Thu 3 Dec 2026: DEN-INTAKE.notice, 5 working days from the decision → Thu 10.
    await petitions.move_clock_to(local(dt.date(2026, 12, 3)))
    filed = await petitions.submitted(kind="denunciation")
    accepted = await petitions.command(filed["id"], "accept")
    notice = deadline(accepted, "DEN-INTAKE.notice")
    assert notice["due"] == "2026-12-10" and notice["met"] is None
    assert "DEN-INTAKE.notice" in notice["explanation"]

    # Not sent by Fri 11: the sweeper escalates it like any passed deadline.
    await petitions.move_clock_to(local(dt.date(2026, 12, 11)))
    assert await petitions.sweep_overdue() == 1
    notified = await petitions.command(filed["id"], "notify-denouncer")
    assert deadline(notified, "DEN-INTAKE.notice")["met"] is False
    assert deadline(notified, "DEN-RESOLVE")["met"] is None
    shown = await petitions.get(filed["id"])
    last = shown["history"][-1]
    assert last["action"] == "denouncer_notified" and last["detail"]["on_time"] is False
    again = await petitions.http.post(
        f"/petitions/{filed['id']}/notify-denouncer", headers=petitions.officer()
    )
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"

    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.>")
    kinds = [e.type.split(".")[-2] for e in events]
    assert kinds[:2] == ["received", "accepted"] and "overdue" in kinds
    overdue = next(e for e in events if e.type.split(".")[-2] == "overdue")
    assert overdue.data["rule"] == "DEN-INTAKE.notice"
    # The notice settled is published with the state: late, and only whether in time.
    (told,) = (e for e in events if e.type.split(".")[-2] == "denouncer_notified")
    assert told.data["on_time"] is False
    assert [d["met"] for d in told.data["deadlines"] if d["rule"] == "DEN-INTAKE.notice"] == [False]
    validate_envelope(told.model_dump_json())
    for event in events:
        assert PETITIONER["name"] not in event.model_dump_json()


async def test_a_request_by_post_or_fax_gets_the_post_row_and_online_keeps_its_own(
    petitions: Petitions,
) -> None:
    # Received Monday 2026-11-30: INF-REQ.post, 5 working days → Monday 2026-12-07;
    # online, INF-REQ.simple → Thursday 2026-12-03.
    await petitions.move_clock_to(local(dt.date(2026, 11, 30), 15))
    by_fax = await petitions.submitted(
        headers=petitions.officer(),
        kind="information_request",
        channel="fax",
        received_at="2026-11-30",
    )
    by_post = await petitions.submitted(
        headers=petitions.officer(),
        kind="information_request",
        channel="post",
        received_at="2026-11-30",
    )
    online = await petitions.submitted(kind="information_request")
    for on_paper in (by_fax, by_post):
        assert [(d["rule"], d["due"]) for d in on_paper["deadlines"]] == [
            ("INF-REQ.post", "2026-12-07")
        ]
    assert [(d["rule"], d["due"]) for d in online["deadlines"]] == [
        ("INF-REQ.simple", "2026-12-03")
    ]
    assert (await petitions.get(by_fax["id"]))["channel"] == "fax"
    assert (await petitions.get(online["id"]))["channel"] == "online"

    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.received")
    assert sorted(e.data["channel"] for e in events) == ["fax", "online", "post"]

    unknown = await petitions.submit(
        headers=petitions.officer(), kind="information_request", channel="telegram"
    )
    assert unknown.status_code == 422
    assert unknown.headers["content-type"] == "application/problem+json"
    # A citizen's own filing is online: post is for an officer's record.
    citizen_post = await petitions.submit(kind="information_request", channel="post")
    assert citizen_post.status_code == 422 and citizen_post.json()["rule"] == "INF-REQ"


async def test_declaring_a_request_complex_records_its_notice(petitions: Petitions) -> None:
    # Received Mon 30 Nov by post; declared complex Wed 2 Dec: the notice (3 working days
    # from receipt → Thu 3 Dec) is given in time.
    await petitions.move_clock_to(local(dt.date(2026, 12, 2)))
    request = await petitions.submitted(
        headers=petitions.officer(),
        kind="information_request",
        channel="post",
        received_at="2026-11-30",
    )
    declared = await petitions.command(request["id"], "extend", {"reason": "Nhiều tài liệu"})
    notice = deadline(declared, "INF-REQ.complex-notice")
    assert (notice["due"], notice["met"]) == ("2026-12-03", True)
    assert deadline(declared, "INF-REQ.complex")["met"] is None
    history = (await petitions.get(request["id"]))["history"]
    assert history[-1]["detail"]["notice"] == "INF-REQ.complex-notice"


async def test_online_reception_sessions_are_dated_and_do_not_count_as_the_chairs_days(
    petitions: Petitions,
) -> None:
    await petitions.move_clock_to(local(dt.date(2026, 11, 20)))
    before = await petitions.http.post(
        "/receptions",
        headers=petitions.officer(),
        json={"host": "chair", "session_on": "2026-06-30", "form": "online"},
    )
    assert before.status_code == 422 and before.json()["rule"] == "REC-WEEK.online"
    for day, form in (("2026-12-03", "in_person"), ("2026-12-17", "online")):
        made = await petitions.http.post(
            "/receptions",
            headers=petitions.officer(),
            json={"host": "chair", "session_on": day, "form": form},
        )
        assert made.status_code == 201, made.text
        assert made.json()["form"] == form
    missing = await petitions.http.get(
        "/receptions/missing", params={"from": "2026-12-01", "to": "2026-12-31"}
    )
    chair = [
        (g["rule"], g["period"], g["counted"], g["required"])
        for g in missing.json()["items"]
        if g["host"] == "chair"
    ]
    assert chair == [("REC-WEEK", "2026-12", 1, 2)]
    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.reception.scheduled")
    assert sorted(e.data["form"] for e in events) == ["in_person", "online"]


async def test_a_notice_recorded_afterwards_is_timed_by_when_it_was_given(
    petitions: Petitions,
) -> None:
    # Accepted Thu 3 Dec 2026, notice due Thu 10; given Wed 9, recorded Mon 14.
    await petitions.move_clock_to(local(dt.date(2026, 12, 3)))
    filed = await petitions.submitted(kind="denunciation")
    await petitions.command(filed["id"], "accept")
    await petitions.move_clock_to(local(dt.date(2026, 12, 4)))
    # The answer is not the notice: it stays open for its own step.
    answered = await petitions.command(filed["id"], "answer", {"text": "Kết luận nội dung."})
    assert deadline(answered, "DEN-INTAKE.notice")["met"] is None
    await petitions.move_clock_to(local(dt.date(2026, 12, 14)))
    for given in (local(dt.date(2026, 12, 2)), local(dt.date(2026, 12, 15))):
        refused = await petitions.http.post(
            f"/petitions/{filed['id']}/notify-denouncer",
            headers=petitions.officer(),
            json={"notified_at": given.isoformat()},
        )
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        problem = refused.json()
        assert problem["rule"] == "DEN-INTAKE.notice"
        assert "Thời điểm" in problem["detail"] and "between" in problem["detail_en"]
    notified = await petitions.command(
        filed["id"], "notify-denouncer", {"notified_at": local(dt.date(2026, 12, 9)).isoformat()}
    )
    assert deadline(notified, "DEN-INTAKE.notice")["met"] is True
    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.>")
    (told,) = (e for e in events if e.type.split(".")[-2] == "denouncer_notified")
    assert told.data["on_time"] is True
