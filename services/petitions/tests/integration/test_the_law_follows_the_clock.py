"""The clock of the law and the clock of the system: with the shared clock moved across
2026-07-01, an item started the day before keeps the row then in force and one started that
day gets the new one (CMP-ACCEPT; REC-WEEK, whose new row counts the chair's days by month),
whatever day the suite runs. Both 2026-07-01 rows are unconfirmed (docs/law-review-2026-12.md):
removing one means moving its half of this test to the row that replaces it."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_petitions.testing import Petitions
from qcdc_shared.law.deadlines import VN_TZ

pytestmark = pytest.mark.integration

EVE = dt.datetime(2026, 6, 30, 10, 0, tzinfo=VN_TZ)
DAY_OF_CHANGE = dt.datetime(2026, 7, 1, 10, 0, tzinfo=VN_TZ)


async def complaint_deadline(petitions: Petitions) -> dict[str, str]:
    filed = await petitions.submitted(kind="complaint")
    (deadline,) = (d for d in filed["deadlines"] if d["rule"].startswith("CMP-ACCEPT"))
    return dict(deadline)


async def test_a_complaint_keeps_the_row_in_force_on_the_day_it_arrived(
    petitions: Petitions,
) -> None:
    await petitions.move_clock_to(EVE)
    before = await complaint_deadline(petitions)
    await petitions.move_clock_to(DAY_OF_CHANGE)
    after = await complaint_deadline(petitions)
    old = petitions.app.state.rules.rule("CMP-ACCEPT", EVE.date())
    new = petitions.app.state.rules.rule("CMP-ACCEPT", DAY_OF_CHANGE.date())
    assert (old.effective_from, new.effective_from) == (dt.date(2012, 7, 1), DAY_OF_CHANGE.date())
    # The explanation names the row's figure and the day it counts from (deadlines.py).
    assert f"{old.amount} day(s) from Tuesday 2026-06-30" in before["explanation_en"]
    assert f"{new.amount} working day(s) from Wednesday 2026-07-01" in after["explanation_en"]
    assert old.basis in before["explanation_en"] and new.basis in after["explanation_en"]


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
