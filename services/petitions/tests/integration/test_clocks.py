"""PET-ESC on a real nats-server and database: the sweeper escalates a passed deadline exactly
once per petition and rule, whatever the number of sweeps and restarts, and follows the
shared city clock."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from qcdc_petitions.testing import WARD, Petitions, running, stream_events
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.settings import Settings
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

ESCALATED = f"qcdc.{WARD}.petitions.petition.escalated"
OVERDUE = f"qcdc.{WARD}.petitions.petition.overdue"


async def test_a_denunciation_never_taken_in_is_escalated_once_for_den_intake(
    settings: Settings, nats_server: NatsServer, city_clock: TestClock
) -> None:
    forty_days_ago = city_clock.now().astimezone(VN_TZ) - dt.timedelta(days=40)
    async with running(settings, nats_server.url) as service:
        recorded = await service.submit(
            headers=service.officer(), kind="denunciation", received_at=forty_days_ago.isoformat()
        )
        assert recorded.status_code == 201, recorded.text
        pid = recorded.json()["id"]

        async def escalated() -> bool:
            return bool(await service.ward_messages(ESCALATED))

        await eventually(escalated, within=15, what="the DEN-INTAKE escalation")
        await asyncio.sleep(3)  # three more ticks of the sweeper (one a second)
        assert await service.sweep_overdue() == 0  # and a sweep called by hand
        await service.drained()

    for _ in range(2):  # restart twice on the same database and nats-server
        async with running(settings, nats_server.url) as again:
            await asyncio.sleep(2.5)  # several ticks of a fresh sweeper
            shown = await again.get(pid)
            await again.drained()
    assert shown["escalated"] == ["DEN-INTAKE"]
    assert [h["action"] for h in shown["history"]] == ["received", "overdue", "escalated"]

    events = await stream_events(nats_server.url, ESCALATED)
    assert len(events) == 1
    (event,) = events
    assert (event.subject, event.data["rule"], event.data["by"]) == (pid, "DEN-INTAKE", "sweeper")
    assert event.data["kind"] == "denunciation" and event.data["status"] == "received"
    overdue = await stream_events(nats_server.url, OVERDUE)
    assert [(e.data["rule"], e.sequence) for e in overdue] == [("DEN-INTAKE", 2)]
    assert event.sequence == 3


async def test_an_accepted_complaint_left_unanswered_escalates_for_cmp_resolve(
    petitions: Petitions,
) -> None:
    created = await petitions.submitted(kind="complaint")
    accepted = await petitions.command(created["id"], "accept")
    resolve = next(d for d in accepted["deadlines"] if d["rule"] == "CMP-RESOLVE")
    due_at = dt.datetime.fromisoformat(resolve["due_at"])

    # Just before the end of the due day nothing happens …
    await petitions.move_clock_to(due_at - dt.timedelta(hours=1))
    await asyncio.sleep(2.5)
    assert await petitions.ward_messages(ESCALATED) == []
    # … and once the shared clock passes it, the sweeper escalates, once.
    await petitions.move_clock_to(due_at + dt.timedelta(hours=1))

    async def escalated() -> bool:
        return bool(await petitions.ward_messages(ESCALATED))

    await eventually(escalated, within=15, what="the CMP-RESOLVE escalation")
    await asyncio.sleep(2.5)
    events = await petitions.ward_messages(ESCALATED)
    assert [(e.data["rule"], e.data["by"]) for e in events] == [("CMP-RESOLVE", "sweeper")]
    overdue = (
        await petitions.http.get("/petitions?overdue=true", headers=petitions.officer())
    ).json()
    assert [p["id"] for p in overdue["items"]] == [created["id"]]
    # Answered late: the clock is met late, nothing more is escalated; the decision's
    # publication clock (CMP-RESOLVE.publish) starts.
    answered = await petitions.command(created["id"], "answer", {"text": "Đã giải quyết."})
    assert [(d["rule"], d["met"]) for d in answered["deadlines"]] == [
        ("CMP-ACCEPT", True),
        ("CMP-RESOLVE", False),
        ("CMP-RESOLVE.publish", None),
    ]
    (event,) = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.answered")
    assert event.data["on_time"] is False
