"""OVS-DETECT end to end on a real nats-server: publicity, petitions and oversight running,
a category-2 posting withdrawn after 3 days and a complaint left unanswered past CMP-RESOLVE.
Each breach is exactly one violation with its rule id — also when every event of the ward is
delivered twice and in reverse order to a second ward's oversight."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import nats
import pytest

from qcdc_oversight.main import build as build_oversight
from qcdc_oversight.testing import Oversight
from qcdc_petitions.main import build as build_petitions
from qcdc_petitions.testing import PETITIONER
from qcdc_publicity.domain.caused import quarter_bounds, quarter_of
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.db import drop_database
from qcdc_shared.envelope import Envelope
from qcdc_shared.law.deadlines import local_date, start_of_day
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_ward_streams
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import Harness, running, stream_events
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

WARD, REPLAY_WARD = "ben-thanh", "ben-nghe"


async def found(oversight: Oversight) -> list[tuple[str, str, str]]:
    items = (await oversight.http.get("/violations", params={"limit": 200})).json()["items"]
    return sorted((v["rule"], v["subject"]["kind"], v["subject"]["id"]) for v in items)


async def breaches(publicity: Harness, petitions: Harness) -> tuple[str, str]:
    """The two breaches, made through the services' APIs as officers make them."""
    officer = publicity.token("officer", sub="can-bo-1")
    three_days_ago = publicity.now() - dt.timedelta(days=3)
    draft = await publicity.http.post(
        "/postings",
        headers=officer,
        json={
            "category": 2,
            "title": "Dự toán ngân sách phường năm 2027",
            "body": "…",
            "channels": ["notice_board"],
            "decided_on": (local_date(three_days_ago) - dt.timedelta(days=1)).isoformat(),
        },
    )
    posting = draft.json()["id"]
    published = await publicity.http.post(
        f"/postings/{posting}/publish",
        headers=officer,
        json={"published_at": three_days_ago.isoformat()},
    )
    assert published.status_code == 200, published.text
    withdrawn = await publicity.http.post(
        f"/postings/{posting}/withdraw", headers=officer, json={"reason": "Số liệu cần sửa"}
    )
    assert withdrawn.status_code == 200, withdrawn.text

    complaint = await petitions.http.post(
        "/petitions",
        headers=petitions.token("citizen", sub="cong-dan-1"),
        json={
            "kind": "complaint",
            "title": "Khiếu nại",
            "body": "Nội dung khiếu nại",
            "petitioner": PETITIONER,
        },
    )
    petition = complaint.json()["id"]
    accepted = await petitions.http.post(
        f"/petitions/{petition}/accept", headers=petitions.token("officer", sub="can-bo-1")
    )
    resolve = next(d for d in accepted.json()["deadlines"] if d["rule"] == "CMP-RESOLVE")
    due_at = dt.datetime.fromisoformat(resolve["due_at"])
    await through_quarter_starts(publicity, until=due_at)
    await petitions.move_clock_to(due_at + dt.timedelta(hours=1))
    return posting, petition


async def through_quarter_starts(publicity: Harness, *, until: dt.datetime) -> None:
    """Stop the shared clock at each quarter's start on the way, as a city that runs through
    those days lives them: the quarterly list (PUB-QTR) is posted then, on time by its own
    rule. One jump over a quarter's start would post it only after its due day had passed."""
    _, starts = quarter_bounds(*quarter_of(publicity.today()))
    while start_of_day(starts) < until:
        await publicity.move_clock_to(start_of_day(starts) + dt.timedelta(minutes=1))
        year, quarter = quarter_of(starts - dt.timedelta(days=1))
        quarterly_list = {"kind": "quarterly_list", "id": f"{year}-Q{quarter}"}

        async def posted(source: dict[str, str] = quarterly_list) -> bool:
            events = await publicity.ward_messages(f"qcdc.{WARD}.publicity.posting.published")
            return any(e.data.get("source") == source for e in events)

        await eventually(posted, within=15, what="the quarterly list at the quarter's start")
        _, starts = quarter_bounds(*quarter_of(starts))


async def replay(nats_url: str, envelopes: list[Envelope], ward: str) -> None:
    """Every event again under another ward's name, newest first, each delivered twice."""
    client = await nats.connect(nats_url)
    try:
        js = client.jetstream()
        await ensure_ward_streams(js, ward)
        for envelope in reversed(envelopes):
            moved = Envelope.model_validate(
                json.loads(envelope.to_json().decode().replace(WARD, ward))
            )
            for attempt in range(2):
                await js.publish(
                    moved.nats_subject,
                    moved.to_json(),
                    headers={"Nats-Msg-Id": f"{moved.id}-{attempt}"},
                )
    finally:
        await client.close()


async def test_each_breach_is_one_violation_whatever_the_delivery(
    nats_server: NatsServer, database_url: str
) -> None:
    base = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    urls = {name: sibling_database_url(database_url, name) for name in ("pub", "pet", "replay")}

    def settings(name: str, **changes: Any) -> Settings:
        return base.model_copy(update={"database_url": urls[name], **changes})

    try:
        async with (
            running(Oversight, build_oversight, base, nats_server.url) as oversight,
            running(Harness, build_publicity, settings("pub"), nats_server.url) as publicity,
            running(Harness, build_petitions, settings("pet"), nats_server.url) as petitions,
        ):
            posting, petition = await breaches(publicity, petitions)
            expected = [("CMP-RESOLVE", "petition", petition), ("PUB-MIN30", "posting", posting)]

            async def detected() -> bool:
                return await found(oversight) == expected

            await eventually(detected, within=20, what="both violations")
            events = await stream_events(nats_server.url, WARD, f"qcdc.{WARD}.>")
            detected_events = [e for e in events if e.type.endswith("violation.detected.v1")]
            assert sorted(e.data["rule"] for e in detected_events) == ["CMP-RESOLVE", "PUB-MIN30"]

            # The same ward's events again, twice each, newest first: nothing new.
            await replay(nats_server.url, events, WARD)
            await oversight.drained()
            assert await found(oversight) == expected

        # A fresh oversight reading a stream where everything came twice and backwards.
        replayed = settings("replay", ward=REPLAY_WARD)
        await replay(nats_server.url, [e for e in events if e not in detected_events], REPLAY_WARD)
        async with running(Oversight, build_oversight, replayed, nats_server.url) as second:

            async def also_detected() -> bool:
                return await found(second) == expected

            await eventually(also_detected, within=20, what="the replayed violations")
            compliance = (await second.http.get("/compliance")).json()
            assert compliance["open_violations"] == 2 and compliance["score"] is not None
    finally:
        for url in urls.values():
            await drop_database(url)
