"""``/p/{ward}/lich.ics`` against real petitions, plans and publicity services (uvicorn), a real
nats-server and database: the feed parses back with the ``icalendar`` package, every event has
the properties RFC 5545 requires, each kind (reception, conference, consultation closing day,
residents' vote) appears, the UIDs stay the same across fetches and after a change (a cancelled
conference is the same event, its SEQUENCE raised), and nothing personal is in it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
import pytest
from icalendar import Calendar

from qcdc_petitions.main import build as build_petitions
from qcdc_plans.main import build as build_plans
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.db import drop_database
from qcdc_shared.settings import Settings
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import following, serving
from qcdc_shared.tooling.nats_server import NatsServer

from .portal_harness import WARD, bearer, portal_browser

pytestmark = pytest.mark.integration

OFFICER_ACCOUNT = "can-bo-7"


async def ok(http: httpx.AsyncClient, method: str, url: str, **kwargs: Any) -> Any:
    answer = await http.request(method, url, **kwargs)
    assert answer.is_success, answer.text
    return answer.json()


def events_of(feed: httpx.Response) -> dict[str, Any]:
    assert feed.status_code == 200, feed.text
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(feed.content)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    found = {}
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert required in event, (required, event.to_ical())
        found[str(event["UID"])] = event
    return found


async def test_the_ward_calendar_has_every_kind_with_stable_uids(
    nats_server: NatsServer, database_url: str, tmp_path: Path, city_clock: TestClock
) -> None:
    names = ("pet", "pln", "pub")
    databases = {name: sibling_database_url(database_url, name) for name in names}
    pet, pln, pub = (
        Settings(ward=WARD, nats_url=nats_server.url, database_url=databases[name])
        for name in names
    )
    apps = build_petitions(pet), build_plans(pln), build_publicity(pub)
    try:
        async with (
            serving(apps[0]) as petitions,
            serving(apps[1]) as plans,
            serving(apps[2]) as publicity,
            httpx.AsyncClient(timeout=15) as ward_http,
        ):
            # A service takes the shared clock from the broker once it is linked: until then
            # its first answers would be dated by the machine, not by the harness.
            for app in apps:
                await following(app.state.runtime, city_clock.offset)
            head = bearer(pln, "officer", ward=WARD, sub=OFFICER_ACCOUNT)
            consultation = await ok(
                ward_http,
                "POST",
                f"{publicity}/consultations",
                headers=bearer(pub, "officer", ward=WARD, sub=OFFICER_ACCOUNT),
                json={"title": "Dự thảo quy ước tổ 5", "draft": "Điều 1. Giữ vệ sinh chung."},
            )
            today = city_clock.today()  # the harness's, which every service now follows
            session = await ok(
                ward_http,
                "POST",
                f"{petitions}/receptions",
                headers=bearer(pet, "officer", ward=WARD, sub=OFFICER_ACCOUNT),
                json={
                    "host": "chair",
                    "session_on": str(today + dt.timedelta(weeks=3)),
                    "location": "Phòng tiếp dân",
                },
            )
            conference = await ok(
                ward_http,
                "POST",
                f"{plans}/conferences",
                headers=head,
                json={
                    "kind": "dialogue",
                    "title": "Đối thoại về chỉnh trang hẻm 12",
                    "notice_on": str(today),
                    "held_on": str(today + dt.timedelta(days=14)),
                },
            )
            await ok(
                ward_http,
                "POST",
                f"{plans}/groups",
                headers=head,
                json={"code": "TDP-01", "name": "Tổ 1", "households": 10, "online_optin": 0},
            )
            decision = await ok(
                ward_http,
                "POST",
                f"{plans}/decisions",
                headers=head,
                json={
                    "topic": 1,
                    "title": "Đóng góp làm đường hẻm 12",
                    "group": "TDP-01",
                    "form": "meeting",
                    "notice_at": str(today - dt.timedelta(days=10)),
                    "vote_at": str(today),
                },
            )
            url = f"{plans}/decisions/{decision['id']}"
            tally = {"yes": 8, "no": 0, "abstain": 0, "present": 8}
            await ok(ward_http, "POST", f"{url}/tally", headers=head, json=tally)
            await ok(ward_http, "POST", f"{url}/close", headers=head, json={"minutes": "Biên bản"})

            services = {"petitions": petitions, "plans": plans, "publicity": publicity}
            async with portal_browser(nats_server, database_url, tmp_path, services) as gateway:
                feed = f"/p/{WARD}/lich.ics"
                first = await gateway.get(feed)
                second = await gateway.get(feed)
                english = await gateway.get(feed, params={"lang": "en"})
                schedule = await gateway.get(f"/p/{WARD}/lich-tiep-cong-dan")
                await ok(
                    ward_http,
                    "POST",
                    f"{plans}/conferences/{conference['id']}/cancel",
                    headers=head,
                    json={"reason": "Trùng lịch họp của thành phố"},
                )
                changed = await gateway.get(feed)
                unknown = await gateway.get("/p/atlantis/lich.ics")
    finally:
        for database in databases.values():
            await drop_database(database)

    before, again, after = events_of(first), events_of(second), events_of(changed)
    uids = {
        "reception": f"reception-{session['id']}@{WARD}.qcdc",
        "conference": f"conference-{conference['id']}@{WARD}.qcdc",
        "consultation": f"consultation-{consultation['id']}@{WARD}.qcdc",
        "decision": f"decision-{decision['id']}@{WARD}.qcdc",
    }
    assert set(uids.values()) == set(before) == set(again) == set(after)
    # The same data gives the same bytes: no wall-clock DTSTAMP.
    assert first.content == second.content
    cancelled = after[uids["conference"]]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) > int(before[uids["conference"]]["SEQUENCE"])
    assert str(before[uids["conference"]]["STATUS"]) == "CONFIRMED"
    reception = before[uids["reception"]]
    assert reception["DTSTART"].dt == today + dt.timedelta(weeks=3)
    assert str(reception["SUMMARY"]) == "Tiếp công dân: Chủ tịch UBND phường"
    assert str(reception["LOCATION"]) == "Phòng tiếp dân"
    assert "Hết hạn lấy ý kiến" in str(before[uids["consultation"]]["SUMMARY"])
    vote = before[uids["decision"]]["DTSTART"].dt
    assert isinstance(vote, dt.datetime) and vote.utcoffset() == dt.timedelta(0)
    english_events = events_of(english)
    assert set(english_events) == set(before)
    assert str(english_events[uids["reception"]]["SUMMARY"]).startswith("Citizen reception")
    for text in (first.text, english.text, changed.text):
        assert OFFICER_ACCOUNT not in text
    assert f'href="/p/{WARD}/lich.ics"' in schedule.text
    assert unknown.status_code == 404
