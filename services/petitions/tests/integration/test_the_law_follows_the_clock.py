"""The clock of the law and the clock of the system: with the shared clock moved across
2026-07-01, an item started the day before keeps the rows then in force and one started that
day gets the new ones, whatever day the suite runs. The rows that changed that day (Law
136/2025): a complaint's resolution may be suspended (CMP-RESOLVE.suspension) and withdrawn
in part (CMP-RESOLVE.withdrawal-partial), reception may be held online (REC-WEEK.online), and
the chair's sessions are counted by month (REC-WEEK)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_petitions.testing import Petitions
from qcdc_shared.law.deadlines import VN_TZ

pytestmark = pytest.mark.integration

EVE = dt.datetime(2026, 6, 30, 10, 0, tzinfo=VN_TZ)
DAY_OF_CHANGE = dt.datetime(2026, 7, 1, 10, 0, tzinfo=VN_TZ)


async def accepted_complaint(petitions: Petitions, when: dt.datetime) -> dict[str, Any]:
    await petitions.move_clock_to(when)
    filed = await petitions.submitted(kind="complaint")
    return await petitions.command(filed["id"], "accept")


async def test_a_complaint_keeps_the_rows_in_force_on_the_day_it_started(
    petitions: Petitions,
) -> None:
    old = await accepted_complaint(petitions, EVE)
    new = await accepted_complaint(petitions, DAY_OF_CHANGE)
    steps = (
        ("suspend", {"reason": "Chờ kết quả giám định"}, "CMP-RESOLVE.suspension"),
        (
            "withdraw",
            {"whole": False, "part": "Yêu cầu bồi thường", "request_on": "2026-07-01"},
            "CMP-RESOLVE.withdrawal-partial",
        ),
    )
    for action, body, rule in steps:
        row = petitions.app.state.rules.rule(rule, DAY_OF_CHANGE.date())
        assert row.effective_from == DAY_OF_CHANGE.date()
        refused = await petitions.http.post(
            f"/petitions/{old['id']}/{action}", headers=petitions.officer(), json=body
        )
        assert refused.status_code == 409, refused.text
        assert refused.json()["rule"] == rule and "2026-07-01" in refused.json()["detail_en"]
        allowed = await petitions.http.post(
            f"/petitions/{new['id']}/{action}", headers=petitions.officer(), json=body
        )
        assert allowed.status_code == 200, allowed.text
        if action == "suspend":
            assert allowed.json()["status"] == "suspended"
            resumed = await petitions.command(new["id"], "resume")
            assert resumed["status"] == "accepted"
    # The old complaint's clock and text are untouched by the refusals.
    assert (await petitions.get(old["id"]))["status"] == "accepted"


async def test_reception_is_held_online_only_from_the_day_of_the_change(
    petitions: Petitions,
) -> None:
    await petitions.move_clock_to(EVE)
    answers = {}
    for day in ("2026-06-30", "2026-07-01"):
        answers[day] = await petitions.http.post(
            "/receptions",
            headers=petitions.officer(),
            json={"host": "chair", "session_on": day, "posted_on": "2026-06-01", "form": "online"},
        )
    assert answers["2026-06-30"].status_code == 422, answers["2026-06-30"].text
    assert answers["2026-06-30"].json()["rule"] == "REC-WEEK.online"
    assert answers["2026-07-01"].status_code == 201, answers["2026-07-01"].text
    assert answers["2026-07-01"].json()["form"] == "online"


async def test_the_chairs_sessions_are_counted_by_the_row_of_each_period(
    petitions: Petitions,
) -> None:
    await petitions.move_clock_to(DAY_OF_CHANGE)
    for day in ("2026-06-22", "2026-07-06"):
        scheduled = await petitions.http.post(
            "/receptions",
            headers=petitions.officer(),
            json={"host": "chair", "session_on": day, "posted_on": "2026-06-01"},
        )
        assert scheduled.status_code == 201, scheduled.text
    missing = await petitions.http.get(
        "/receptions/missing", params={"from": "2026-06-22", "to": "2026-07-31"}
    )
    chair = [
        (gap["period"], gap["effective_from"], gap["counted"], gap["required"], gap["ended"])
        for gap in missing.json()["items"]
        if gap["host"] == "chair"
    ]
    # The last June week (begun on the eve's week) by the weekly row; July by the monthly one,
    # not over yet on the day of the change.
    assert chair == [
        ("2026-W27", "2014-07-01", 0, 1, False),
        ("2026-07", "2026-07-01", 1, 2, False),
    ]
