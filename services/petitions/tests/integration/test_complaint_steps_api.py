"""A complaint's steps over HTTP, on the real database and a real nats-server, with the shared
clock moved to the days the law cares about: its resolution suspended and resumed, the days
it stood still not counted (CMP-RESOLVE.suspension, from 2026-07-01 only); withdrawn whole
or in part; its decision published (CMP-RESOLVE.publish); and a ward set as a remote area
taking the CMP-RESOLVE.remote rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi import FastAPI

from qcdc_petitions.main import build
from qcdc_petitions.settings import PetitionsSettings
from qcdc_petitions.testing import WARD, Petitions
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.settings import Settings
from qcdc_shared.testing.service import running as running_service
from qcdc_shared.tooling.contracts import validate_envelope
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

SUSPENSION = "CMP-RESOLVE.suspension"


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), VN_TZ)


def resolution(petition: dict[str, Any]) -> dict[str, Any]:
    (found,) = (d for d in petition["deadlines"] if d["rule"].startswith("CMP-RESOLVE"))
    return dict(found)


async def accepted_complaint(petitions: Petitions, day: dt.date) -> dict[str, Any]:
    await petitions.move_clock_to(at(day, 8))
    filed = await petitions.submitted(kind="complaint", title="Khiếu nại quyết định thu hồi")
    await petitions.move_clock_to(at(day, 10))
    return await petitions.command(filed["id"], "accept")


async def test_a_suspension_moves_the_due_date_by_exactly_the_days_suspended(
    petitions: Petitions,
) -> None:
    accepted = await accepted_complaint(petitions, dt.date(2026, 7, 6))
    pid, before = accepted["id"], resolution(accepted)
    assert (before["rule"], before["due"]) == ("CMP-RESOLVE", "2026-08-05")

    await petitions.move_clock_to(at(dt.date(2026, 7, 13)))
    paused = await petitions.command(pid, "suspend", {"reason": "Chờ kết quả giám định"})
    assert paused["status"] == "suspended"
    for action, body in (("answer", {"text": "Giữ nguyên."}), ("extend", {"reason": "x"})):
        waits = await petitions.http.post(
            f"/petitions/{pid}/{action}", headers=petitions.officer(), json=body
        )
        assert waits.status_code == 409, waits.text
        problem = waits.json()
        assert problem["rule"] == SUSPENSION and "Resume it first" in problem["detail_en"]

    # Five working days later (Mon 13 → Mon 20 Jul: seven calendar days, CMP-RESOLVE's unit).
    await petitions.move_clock_to(at(dt.date(2026, 7, 20), 15))
    resumed = await petitions.command(pid, "resume")
    after = resolution(resumed)
    assert resumed["status"] == "accepted"
    span = dt.date(2026, 7, 20) - dt.date(2026, 7, 13)
    assert dt.date.fromisoformat(after["due"]) - dt.date.fromisoformat(before["due"]) == span
    assert after["due"] == "2026-08-12"
    assert "Suspended from Monday 2026-07-13 to Monday 2026-07-20" in after["explanation_en"]
    assert "7 day(s) not counted" in after["explanation_en"]

    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.>")
    assert [e.type.split(".")[-2] for e in events] == [
        "received",
        "accepted",
        "suspended",
        "resumed",
    ]
    for event in events:
        validate_envelope(event.model_dump_json())
        assert "giám định" not in event.model_dump_json()  # the reason stays in the service
    assert events[2].data["status"] == "suspended"
    (carried,) = (d for d in events[3].data["deadlines"] if d["rule"] == "CMP-RESOLVE")
    assert carried["due"] == "2026-08-12" and carried["met"] is None


async def test_a_suspended_complaint_is_not_overdue_and_not_escalated(
    petitions: Petitions,
) -> None:
    accepted = await accepted_complaint(petitions, dt.date(2026, 7, 6))
    pid = accepted["id"]
    await petitions.move_clock_to(at(dt.date(2026, 7, 13)))
    await petitions.command(pid, "suspend", {"reason": "Chờ kết quả giải quyết vụ việc khác"})
    # A week past the due date it had when suspended: its clock stands still.
    await petitions.move_clock_to(at(dt.date(2026, 8, 12)))
    assert await petitions.sweep_overdue() == 0
    counts = await petitions.http.get("/petitions/counts", headers=petitions.officer())
    assert counts.json()["overdue"] == 0 and counts.json()["by_status"]["suspended"] == 1
    resumed = await petitions.command(pid, "resume")
    # Wed 5 Aug moved by the 30 days from 13 Jul to 12 Aug: Fri 4 Sep, in the future again.
    assert resolution(resumed)["due"] == "2026-09-04"
    assert await petitions.sweep_overdue() == 0


async def test_a_complaint_accepted_before_2026_07_01_cannot_be_suspended(
    petitions: Petitions,
) -> None:
    accepted = await accepted_complaint(petitions, dt.date(2026, 6, 30))
    await petitions.move_clock_to(at(dt.date(2026, 7, 6)))
    refused = await petitions.http.post(
        f"/petitions/{accepted['id']}/suspend",
        headers=petitions.officer(),
        json={"reason": "Chờ kết quả"},
    )
    assert refused.status_code == 409, refused.text
    problem = refused.json()
    row = petitions.app.state.rules.table.rows(SUSPENSION)[0]
    assert problem["rule"] == SUSPENSION
    assert row.effective_from.isoformat() in problem["detail_en"]
    assert (await petitions.get(accepted["id"]))["status"] == "accepted"


async def test_withdrawal_in_part_then_whole_and_a_published_decision(
    petitions: Petitions,
) -> None:
    accepted = await accepted_complaint(petitions, dt.date(2026, 7, 6))
    pid = accepted["id"]
    await petitions.move_clock_to(at(dt.date(2026, 7, 8)))
    part = await petitions.command(
        pid,
        "withdraw",
        {"whole": False, "part": "Yêu cầu bồi thường", "request_on": "2026-07-08"},
    )
    assert part["status"] == "accepted" and resolution(part) == resolution(accepted)
    await petitions.move_clock_to(at(dt.date(2026, 7, 20)))
    decided = await petitions.command(pid, "answer", {"text": "Giữ nguyên quyết định."})
    (publish,) = (d for d in decided["deadlines"] if d["rule"] == "CMP-RESOLVE.publish")
    assert publish["met"] is None
    await petitions.move_clock_to(at(dt.date(2026, 7, 24)))
    posted = await petitions.command(pid, "publish-decision", {"form": "posting"})
    (publish,) = (d for d in posted["deadlines"] if d["rule"] == "CMP-RESOLVE.publish")
    assert publish["met"] is True

    other = await accepted_complaint(petitions, dt.date(2026, 7, 6))
    gone = await petitions.command(
        other["id"], "withdraw", {"whole": True, "request_on": "2026-07-06"}
    )
    assert gone["status"] == "withdrawn"
    assert all(d["met"] is not None for d in gone["deadlines"])

    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.>")
    for event in events:
        validate_envelope(event.model_dump_json())
        text = event.model_dump_json()
        assert "bồi thường" not in text and "Giữ nguyên" not in text
    withdrawn = [e.data for e in events if e.type.split(".")[-2] == "withdrawn"]
    assert [(w["whole"], w["status"]) for w in withdrawn] == [
        (False, "accepted"),
        (True, "withdrawn"),
    ]
    (published,) = [e.data for e in events if e.type.split(".")[-2] == "decision_published"]
    posting = petitions.app.state.rules.deadline(
        "CMP-RESOLVE.publish-posting", at(dt.date(2026, 7, 24))
    )
    assert (published["form"], published["on_time"]) == ("posting", True)
    assert published["posted_until"] == posting.due.isoformat()


async def test_a_ward_set_as_a_remote_area_takes_the_remote_rows(
    settings: Settings, nats_server: NatsServer
) -> None:
    def remote(given: Settings) -> FastAPI:
        return build(given, ward_settings=PetitionsSettings(remote_area=True))

    async with running_service(Petitions, remote, settings, nats_server.url) as petitions:
        accepted = await accepted_complaint(petitions, dt.date(2026, 7, 6))
        rules = petitions.app.state.rules
        remote_row = rules.deadline("CMP-RESOLVE.remote", at(dt.date(2026, 7, 6), 10))
        assert (resolution(accepted)["rule"], resolution(accepted)["due"]) == (
            "CMP-RESOLVE.remote",
            remote_row.due.isoformat(),
        )
        declared = await petitions.command(accepted["id"], "extend", {"reason": "nhiều bên"})
        assert resolution(declared)["rule"] == "CMP-RESOLVE.remote-complex"


def test_the_remote_area_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QCDC_REMOTE_AREA", "true")
    assert PetitionsSettings().remote_area is True
    monkeypatch.delenv("QCDC_REMOTE_AREA")
    assert PetitionsSettings().remote_area is False


async def test_a_publication_recorded_afterwards_is_timed_by_its_own_instant(
    petitions: Petitions,
) -> None:
    accepted = await accepted_complaint(petitions, dt.date(2026, 7, 6))
    pid = accepted["id"]
    await petitions.move_clock_to(at(dt.date(2026, 7, 20)))
    decided = await petitions.command(pid, "answer", {"text": "Giữ nguyên quyết định."})
    (clock,) = (d for d in decided["deadlines"] if d["rule"] == "CMP-RESOLVE.publish")
    # Recorded well after the period ended, of a posting that went up the day after the decision.
    due = dt.date.fromisoformat(clock["due"])
    await petitions.move_clock_to(at(due + dt.timedelta(days=20)))
    for given in (at(dt.date(2026, 7, 20), 8), at(due + dt.timedelta(days=21))):
        refused = await petitions.http.post(
            f"/petitions/{pid}/publish-decision",
            headers=petitions.officer(),
            json={"form": "posting", "published_at": given.isoformat()},
        )
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        problem = refused.json()
        assert problem["rule"] == "CMP-RESOLVE.publish"
        assert "Thời điểm" in problem["detail"] and "between" in problem["detail_en"]
    posted_on = at(dt.date(2026, 7, 21))
    posted = await petitions.command(
        pid, "publish-decision", {"form": "posting", "published_at": posted_on.isoformat()}
    )
    (clock,) = (d for d in posted["deadlines"] if d["rule"] == "CMP-RESOLVE.publish")
    assert clock["met"] is True
    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.>")
    (published,) = [e.data for e in events if e.type.split(".")[-2] == "decision_published"]
    posting = petitions.app.state.rules.deadline("CMP-RESOLVE.publish-posting", posted_on)
    assert (published["on_time"], published["posted_until"]) == (True, posting.due.isoformat())
