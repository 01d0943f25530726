"""The city's event log over HTTP, from real contract events published on the ward streams of a
real nats-server and consumed from QCDC_CITY by the gateway behind a real uvicorn server
(ASGITransport does not stream a response as it is written): ``/api/events`` filters and
cursors, and ``/api/stream`` live, within 2 s, resumable after ``Last-Event-ID``."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest
from nats.js import JetStreamContext

from qcdc_gateway.main import build
from qcdc_plans.contracts import ConferenceHeldV1
from qcdc_publicity.contracts import PostingPublishedV1, PostingWithdrawnV1
from qcdc_shared.envelope import Envelope, build_envelope
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.service import serving
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

from .postings import posting_state

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[4] / "deploy" / "wards.toml"
WARDS = ["ben-thanh", "sai-gon"]
T0 = dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC)  # 09:00 in Vietnam
VN = dt.timezone(dt.timedelta(hours=7))
PUBLISHED = "vn.qcdc.publicity.posting.published.v1"
WITHDRAWN = "vn.qcdc.publicity.posting.withdrawn.v1"


def published(ward: str, posting_id: str, at: dt.datetime) -> Envelope:
    event = PostingPublishedV1(**posting_state(ward, posting_id, at), version=1, status="published")
    return build_envelope(event, ward=ward, aggregate_id=posting_id, sequence=1, time=at)


def withdrawn(ward: str, posting_id: str, at: dt.datetime) -> Envelope:
    event = PostingWithdrawnV1(
        **posting_state(ward, posting_id, at - dt.timedelta(days=40)),
        version=2,
        status="withdrawn",
        withdrawn_at=at,
        reason="Hết thời hạn công khai.",
    )
    return build_envelope(event, ward=ward, aggregate_id=posting_id, sequence=2, time=at)


def conference(ward: str, at: dt.datetime) -> Envelope:
    day = at.astimezone(VN).date()
    event = ConferenceHeldV1(
        conference_id=f"conf-{uuid.uuid4().hex[:6]}",
        ward=ward,
        kind="dialogue",
        title="Đối thoại với Nhân dân",
        year=day.year,
        held_on=day,
        notice_on=day - dt.timedelta(days=7),
        notice_rule="DEC-NOTICE",
        attendees=80,
        version=1,
    )
    return build_envelope(event, ward=ward, aggregate_id=event.conference_id, sequence=1, time=at)


async def publish(js: JetStreamContext, *envelopes: Envelope) -> None:
    for envelope in envelopes:
        await js.publish(
            envelope.nats_subject, envelope.to_json(), headers={"Nats-Msg-Id": envelope.id}
        )


@asynccontextmanager
async def city(nats_server: NatsServer, database_url: str, **given: Any) -> AsyncIterator[Any]:
    """The wards' streams, the city stream, and the gateway serving; yields (js, url, app)."""
    client = await nats.connect(nats_server.url)
    try:
        js = client.jetstream()
        await ensure_city_topology(js, WARDS)
        settings = Settings(
            nats_url=nats_server.url,
            database_url=database_url,
            registry_file=str(REGISTRY),
            **given,
        )
        app = build(settings)
        async with serving(app) as url:
            yield js, url, app
    finally:
        await client.close()


async def logged(http: httpx.AsyncClient, count: int) -> None:
    async def arrived() -> bool:
        return bool((await http.get("/api/events")).json()["total"] >= count)

    await eventually(arrived, within=20, what=f"{count} events in the city's log")


async def test_the_event_log_filters_by_ward_type_and_time_and_pages_by_cursor(
    nats_server: NatsServer, database_url: str
) -> None:
    sent = [
        published("ben-thanh", "p-1", T0),
        published("sai-gon", "p-2", T0 + dt.timedelta(hours=1)),
        conference("ben-thanh", T0 + dt.timedelta(hours=2)),
        withdrawn("ben-thanh", "p-3", T0 + dt.timedelta(hours=3)),
        published("ben-thanh", "p-4", T0 + dt.timedelta(hours=4)),
    ]
    async with city(nats_server, database_url) as (js, url, _):
        await publish(js, *sent)
        async with httpx.AsyncClient(base_url=url, timeout=10) as http:
            await logged(http, len(sent))

            async def items(**params: Any) -> list[dict[str, Any]]:
                page = (await http.get("/api/events", params=params)).json()
                assert page["total"] == len(page["items"]) and page["next_cursor"] is None
                return list(page["items"])

            everything = await items()
            ben_thanh = await items(ward="ben-thanh")
            both = await items(ward=["ben-thanh", "sai-gon"])
            exact = await items(type=PUBLISHED)
            publicity = await items(type="vn.qcdc.publicity.")
            whole_segments = await items(type="vn.qcdc.publicity")
            partial_segment = await items(type="vn.qcdc.pub")
            window = await items(
                since=(T0 + dt.timedelta(hours=1)).isoformat(),
                until=(T0 + dt.timedelta(hours=3)).isoformat(),
            )
            first = (await http.get("/api/events", params={"limit": 2})).json()
            second = (
                await http.get("/api/events", params={"limit": 2, "cursor": first["next_cursor"]})
            ).json()
            third = (
                await http.get("/api/events", params={"limit": 2, "cursor": second["next_cursor"]})
            ).json()
            naive = await http.get("/api/events", params={"since": "2026-11-02T09:00:00"})
            bad_type = await http.get("/api/events", params={"type": "qcdc.*"})

    # The city stream interleaves its sources as they come; each ward's order is kept.
    assert sorted(e["id"] for e in everything) == sorted(e.id for e in sent)
    positions = [e["position"] for e in everything]
    assert positions == sorted(positions) and len(set(positions)) == len(sent)
    (item,) = [e for e in everything if e["subject"] == "p-1"]
    (held,) = [e["subject"] for e in everything if e["type"].startswith("vn.qcdc.plans.")]
    assert set(item) == {"position", "id", "ward", "type", "subject", "sequence", "time", "data"}
    assert (item["ward"], item["type"], item["subject"], item["sequence"]) == (
        "ben-thanh",
        PUBLISHED,
        "p-1",
        1,
    )
    assert dt.datetime.fromisoformat(item["time"]) == T0
    assert item["data"]["posting_id"] == "p-1" and item["data"]["status"] == "published"
    assert [e["subject"] for e in ben_thanh] == ["p-1", held, "p-3", "p-4"]
    assert both == everything
    assert sorted(e["subject"] for e in exact) == ["p-1", "p-2", "p-4"]
    assert sorted(e["subject"] for e in publicity) == ["p-1", "p-2", "p-3", "p-4"]
    assert whole_segments == publicity and partial_segment == []
    assert [e["type"] for e in publicity if e["subject"] == "p-3"] == [WITHDRAWN]
    assert sorted(e["subject"] for e in window) == sorted(["p-2", held])  # until: exclusive
    assert first["total"] == second["total"] == third["total"] == len(sent)
    assert third["next_cursor"] is None
    assert first["items"] + second["items"] + third["items"] == everything
    assert naive.status_code == 422 and bad_type.status_code == 422
    assert naive.headers["content-type"].startswith("application/problem+json")


class Frames:
    """The messages of an open SSE response, parsed as a browser's EventSource would."""

    def __init__(self, response: httpx.Response) -> None:
        self.lines = response.aiter_lines()
        self.comments: list[str] = []

    async def next(self, within: float = 10.0) -> dict[str, str]:
        message: dict[str, str] = {}
        async with asyncio.timeout(within):
            async for line in self.lines:
                if not line:
                    if "data" in message:
                        return message
                    continue  # a comment or retry-only block dispatches nothing
                if line.startswith(":"):
                    self.comments.append(line)
                    continue
                name, _, value = line.partition(":")
                message[name] = value.removeprefix(" ")
        raise AssertionError("the stream ended")

    async def ready(self) -> None:
        """Until the opening comment: the stream's starting point is fixed by then."""
        async with asyncio.timeout(10):
            async for line in self.lines:
                if line.startswith(": connected"):
                    return
        raise AssertionError("the stream ended before it opened")


async def test_a_published_event_reaches_an_open_stream_within_two_seconds_and_resumes(
    nats_server: NatsServer, database_url: str, city_clock: TestClock
) -> None:
    now = city_clock.now()
    async with city(nats_server, database_url) as (js, url, app):
        async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(10, read=30)) as http:
            await publish(js, published("ben-thanh", "before", now))
            await logged(http, 1)  # already in the log: a fresh stream starts after it

            async with http.stream("GET", "/api/stream") as response:
                assert response.status_code == 200
                assert response.headers["content-type"].startswith("text/event-stream")
                frames = Frames(response)
                await frames.ready()
                began = time.monotonic()
                await publish(js, published("sai-gon", "live", now))
                first = await frames.next()
                latency = time.monotonic() - began
            print(f"\nSSE latency, ward publish → /api/stream: {latency * 1000:.0f} ms")

            item = json.loads(first["data"])
            assert (item["subject"], item["ward"]) == ("live", "sai-gon")
            assert first["event"] == PUBLISHED and first["id"] == str(item["position"])
            assert latency < 2.0  # the acceptance criterion

            # Disconnected: two more events; a reconnection with Last-Event-ID gets only those.
            await publish(js, published("ben-thanh", "missed-1", now))
            await logged(http, 3)
            await publish(js, published("sai-gon", "missed-2", now))
            await logged(http, 4)
            resumed_header = {"Last-Event-ID": first["id"]}
            async with http.stream("GET", "/api/stream", headers=resumed_header) as response:
                frames = Frames(response)
                resumed = [json.loads((await frames.next())["data"]) for _ in range(2)]
            assert [e["subject"] for e in resumed] == ["missed-1", "missed-2"]
            assert all(e["position"] > item["position"] for e in resumed)

            # The query parameter resumes too, and a ward filter keeps only that ward's events.
            params = {"last_event_id": str(item["position"]), "ward": "sai-gon"}
            async with http.stream("GET", "/api/stream", params=params) as response:
                frames = Frames(response)
                assert json.loads((await frames.next())["data"])["subject"] == "missed-2"
                await publish(js, published("ben-thanh", "other-ward", now))
                await logged(http, 5)
                await publish(js, published("sai-gon", "this-ward", now))
                assert json.loads((await frames.next())["data"])["subject"] == "this-ward"

            # The app shutting down ends the open streams.
            async with http.stream("GET", "/api/stream") as response:
                frames = Frames(response)
                await frames.ready()
                app.state.event_feed.close()
                with pytest.raises(AssertionError, match="the stream ended"):
                    await frames.next(within=5)

            bad = await http.get("/api/stream", headers={"Last-Event-ID": "yesterday"})
            assert bad.status_code == 422


async def test_open_streams_are_limited_per_client_and_a_closed_one_frees_its_place(
    nats_server: NatsServer, database_url: str
) -> None:
    async with city(nats_server, database_url, stream_connections_per_client=2) as (_, url, _app):
        async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(10, read=30)) as http:
            async with (
                http.stream("GET", "/api/stream") as first,
                http.stream("GET", "/api/stream") as second,
            ):
                # Kept: a dropped line iterator would close its stream when collected.
                open_streams = [Frames(first), Frames(second)]
                for frames in open_streams:
                    await frames.ready()
                third = await http.get("/api/stream")
                assert third.status_code == 429
                assert third.headers["content-type"].startswith("application/problem+json")
                assert int(third.headers["retry-after"]) > 0

            async def reopened() -> bool:  # the server sees the clients leave a moment later
                async with http.stream("GET", "/api/stream") as again:
                    return again.status_code == 200

            await eventually(reopened, within=10, what="the closed streams' places")
