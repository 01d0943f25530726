"""Webhooks on a real nats-server and database, with a real HTTP receiver: every event of a
scenario arrives exactly once, in order per aggregate, signed so that the ``standardwebhooks``
package verifies it, although the receiver is down for the first 30 seconds; a receiver that
keeps failing pauses its subscription with nothing lost, a resume delivers, a replay re-sends;
loopback receivers are refused unless configuration allows them."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest
from fastapi import FastAPI
from nats.js import JetStreamContext
from standardwebhooks import Webhook

from qcdc_gateway.main import build
from qcdc_gateway.webhooks import Webhooks
from qcdc_gateway.webhooks.dispatcher import Dispatcher
from qcdc_gateway.webhooks.sender import Sender
from qcdc_plans.contracts import ConferenceHeldV1
from qcdc_publicity.contracts import (
    PostingAmendedV1,
    PostingPublishedV1,
    PostingWithdrawnV1,
)
from qcdc_shared.auth import mint_development_token
from qcdc_shared.envelope import CONTENT_TYPE, Envelope, build_envelope
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.service import following, shared_offset
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

from .migrated import migrated
from .postings import posting_state
from .webhook_receiver import Receiver

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[4] / "deploy" / "wards.toml"
WARDS = ["ben-thanh", "sai-gon"]
VN = dt.timezone(dt.timedelta(hours=7))
POSTINGS = "vn.qcdc.publicity.posting.*"
OUTAGE_SECONDS = 30
# Short enough that the first attempt after the outage comes within seconds, long enough (67 s
# in all) that no delivery spends it during the outage: the production default is Standard
# Webhooks' schedule of about 27 hours.
TEST_SCHEDULE = [0, 1, 2, 4] + [5] * 12


def posting_history(ward: str, posting_id: str, at: dt.datetime) -> list[Envelope]:
    """Published, amended twice, withdrawn: versions 1 to 4 of one posting."""
    state = posting_state(ward, posting_id, at)
    events: list[Any] = [
        PostingPublishedV1(**state, version=1, status="published"),
        PostingAmendedV1(**state, version=2, status="published", amended_at=at),
        PostingAmendedV1(**state, version=3, status="published", amended_at=at),
        PostingWithdrawnV1(
            **state, version=4, status="withdrawn", withdrawn_at=at, reason="Đã hết hạn."
        ),
    ]
    return [
        build_envelope(event, ward=ward, aggregate_id=posting_id, sequence=n, time=at)
        for n, event in enumerate(events, start=1)
    ]


def conference(ward: str, at: dt.datetime) -> Envelope:
    day = at.astimezone(VN).date()
    event = ConferenceHeldV1(
        conference_id="conf-1",
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
    return build_envelope(event, ward=ward, aggregate_id="conf-1", sequence=1, time=at)


async def publish(js: JetStreamContext, *envelopes: Envelope) -> None:
    for envelope in envelopes:
        await js.publish(
            envelope.nats_subject,
            envelope.to_json(),
            headers={"Nats-Msg-Id": envelope.id, "content-type": CONTENT_TYPE},
        )


class City:
    def __init__(
        self, js: JetStreamContext, http: httpx.AsyncClient, settings: Settings, app: FastAPI
    ) -> None:
        self.js, self.http, self.settings, self.app = js, http, settings, app

    def as_(self, role: str, ward: str | None = None) -> dict[str, str]:
        token = mint_development_token(self.settings, role=role, ward=ward, sub=f"{role}-1")
        return {"Authorization": f"Bearer {token}"}

    @property
    def admin(self) -> dict[str, str]:
        return self.as_("admin")

    async def subscribe(self, url: str, **body: Any) -> httpx.Response:
        return await self.http.post("/api/webhooks", json={"url": url, **body}, headers=self.admin)

    async def get(self, path: str, **params: Any) -> Any:
        response = await self.http.get(path, params=params, headers=self.admin)
        assert response.status_code == 200, response.text
        return response.json()

    async def deliveries(self, subscription: str, **params: Any) -> list[dict[str, Any]]:
        page = await self.get(f"/api/webhooks/{subscription}/deliveries", limit=200, **params)
        return list(page["items"])


@asynccontextmanager
async def city(nats_server: NatsServer, database_url: str, **given: Any) -> AsyncIterator[City]:
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
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://gateway", timeout=10
            ) as http:

                async def linked() -> bool:
                    return bool((await http.get("/health")).json()["nats"]["connected"])

                await eventually(linked, within=10, what="the NATS link")
                # Due times are the shared clock's: none is judged before the gateway follows it.
                await following(app.state.runtime, await shared_offset(nats_server.url))
                yield City(js, http, settings, app)
    finally:
        await client.close()


def verified(secret: str, receiver: Receiver) -> list[dict[str, Any]]:
    """Every body received, each verified with the subscription's secret (raises if not)."""
    hook = Webhook(secret)
    return [hook.verify(r.body, r.headers) for r in receiver.received]


async def test_every_event_arrives_once_in_order_signed_after_a_30_second_outage(
    nats_server: NatsServer, database_url: str, city_clock: TestClock
) -> None:
    now = city_clock.now()
    receiver = Receiver()  # its port chosen, nothing listening yet
    histories = [posting_history(ward, f"{ward}-p{n}", now) for ward in WARDS for n in range(1, 4)]
    scenario = [event for version in zip(*histories, strict=True) for event in version]
    unwanted = conference("ben-thanh", now)  # not a posting event: never sent
    loop = asyncio.get_running_loop()
    try:
        async with city(
            nats_server,
            database_url,
            webhooks_allow_private=True,
            webhooks_retry_schedule=TEST_SCHEDULE,
        ) as town:
            created = await town.subscribe(
                f"{receiver.url}/qcdc?source=city",
                event_types=[POSTINGS],
                description="Cổng dịch vụ công — test receiver",
            )
            assert created.status_code == 201, created.text
            subscription = created.json()
            secret = subscription["secret"]
            down_since = loop.time()
            await publish(town.js, *scenario[:12], unwanted, *scenario[12:])

            async def failing() -> bool:
                items = await town.deliveries(subscription["id"])
                return len(items) == len(scenario) and any(i["attempts"] >= 2 for i in items)

            await eventually(failing, within=20, what="deliveries failing while it is down")
            await asyncio.sleep(max(0.0, down_since + OUTAGE_SECONDS - loop.time()))
            assert receiver.received == []
            await receiver.start()
            await eventually(
                lambda: len(receiver.received) >= len(scenario),
                within=30,
                what=f"{len(scenario)} deliveries after the outage",
            )
            await asyncio.sleep(2)  # anything sent twice would arrive by now
            log = await town.deliveries(subscription["id"])
            listed = await town.get("/api/webhooks")
    finally:
        await receiver.stop()

    events = verified(secret, receiver)
    ids = Counter(r.headers["webhook-id"] for r in receiver.received)
    assert set(ids) == {e.id for e in scenario} and set(ids.values()) == {1}
    assert all(
        event["id"] == r.headers["webhook-id"]
        for event, r in zip(events, receiver.received, strict=True)
    )
    order: dict[tuple[str, str], list[int]] = defaultdict(list)
    for event in events:
        order[(event["ward"], event["subject"])].append(event["aggregateversion"])
    assert len(order) == 6 and all(versions == [1, 2, 3, 4] for versions in order.values())
    first = receiver.received[0]
    assert first.path == "/qcdc" and first.headers["content-type"] == CONTENT_TYPE
    sent = {e.id: e for e in scenario}[events[0]["id"]]
    assert (
        events[0]["type"] == sent.type and events[0]["data"] == json.loads(sent.to_json())["data"]
    )
    assert {item["state"] for item in log} == {"delivered"}
    assert all(item["last_status"] == 204 for item in log)
    assert max(item["attempts"] for item in log) >= 4  # tried through the outage
    (shown,) = listed["items"]
    assert "secret" not in shown and shown["state"] == "active"


async def test_a_failing_receiver_pauses_its_subscription_keeping_deliveries_resume_and_replay(
    nats_server: NatsServer, database_url: str, city_clock: TestClock
) -> None:
    now = city_clock.now()
    receiver = Receiver(status=500)
    first, second, third, fourth = posting_history("sai-gon", "sg-1", now)
    await receiver.start()
    try:
        async with city(
            nats_server,
            database_url,
            webhooks_allow_private=True,
            webhooks_retry_schedule=[0, 0.2, 0.2],
        ) as town:
            created = (
                await town.subscribe(receiver.url, event_types=["*"], wards=["sai-gon"])
            ).json()
            hook = f"/api/webhooks/{created['id']}"
            await publish(town.js, first, second, third, conference("ben-thanh", now))

            async def paused() -> bool:
                return bool((await town.get(hook))["state"] == "paused")

            await eventually(paused, within=20, what="the subscription to pause")
            await publish(town.js, fourth)  # recorded while paused, sent after the resume
            await eventually(
                lambda: _count(town, created["id"], 4), within=10, what="4 deliveries kept"
            )
            await asyncio.sleep(1)
            kept = await town.deliveries(created["id"])
            tried = len(receiver.received)
            state = await town.get(hook)

            not_paused = await town.http.post(
                f"/api/webhooks/{created['id']}/resume", headers=town.as_("city_monitor")
            )
            receiver.status = 200
            resumed = await town.http.post(f"{hook}/resume", headers=town.admin)
            again = await town.http.post(f"{hook}/resume", headers=town.admin)

            async def delivered(count: int) -> bool:
                return len(receiver.received) >= tried + count

            await eventually(lambda: delivered(4), within=10, what="the resumed deliveries")
            after_resume = [r.headers["webhook-id"] for r in receiver.received[tried:]]

            async def logged() -> bool:
                return bool((await town.get("/api/events", ward="sai-gon"))["total"] == 4)

            await eventually(logged, within=10, what="the city's log")
            replay = await town.http.post(
                f"{hook}/replay", json={"since": first.time.isoformat()}, headers=town.admin
            )
            await eventually(lambda: delivered(8), within=10, what="the replayed deliveries")
            replayed = [r.headers["webhook-id"] for r in receiver.received[tried + 4 :]]
            nothing_since = await town.http.post(
                f"{hook}/replay",
                json={"since": (now + dt.timedelta(days=1)).isoformat()},
                headers=town.admin,
            )
            final = await town.deliveries(created["id"])
            gone = await town.http.delete(hook, headers=town.admin)
            after_delete = await town.http.get(hook, headers=town.admin)
    finally:
        await receiver.stop()

    assert tried == 3  # the first event, three times: the rest waited behind it
    assert state["state"] == "paused" and "HTTP 500" in state["paused_reason"]
    assert [d["state"] for d in kept] == ["pending"] * 4
    assert [d["attempts"] for d in kept] == [3, 0, 0, 0]
    assert [d["sequence"] for d in kept] == [1, 2, 3, 4]
    assert not_paused.status_code == 403
    assert resumed.status_code == 200 and resumed.json()["state"] == "active"
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")
    in_order = [first.id, second.id, third.id, fourth.id]
    assert after_resume == in_order
    assert replay.status_code == 202 and replay.json() == {"queued": 4}
    assert replayed == in_order  # the same webhook-ids: receivers know them
    Webhook(created["secret"]).verify(receiver.received[-1].body, receiver.received[-1].headers)
    assert nothing_since.json() == {"queued": 0}
    assert [d["state"] for d in final] == ["delivered"] * 8
    assert [d["replayed"] for d in final] == [False] * 4 + [True] * 4
    assert gone.status_code == 204 and after_delete.status_code == 404


async def _count(town: City, subscription: str, count: int) -> bool:
    return len(await town.deliveries(subscription)) == count


async def test_loopback_receivers_are_refused_unless_configuration_allows_them(
    nats_server: NatsServer, database_url: str
) -> None:
    async with city(nats_server, database_url) as town:
        refused = await town.subscribe("http://127.0.0.1:9/x", event_types=["*"])
        metadata = await town.subscribe("http://169.254.169.254/latest", event_types=["*"])
        localhost = await town.subscribe("http://localhost:9/x", event_types=["*"])
        bad_pattern = await town.subscribe("http://127.0.0.1:9/x", event_types=["qcdc.>"])
        unknown_ward = await town.subscribe(
            "http://127.0.0.1:9/x", event_types=["*"], wards=["atlantis"]
        )
        monitor = await town.http.post(
            "/api/webhooks",
            json={"url": "http://127.0.0.1:9/x", "event_types": ["*"]},
            headers=town.as_("city_monitor"),
        )
        anonymous = await town.http.get("/api/webhooks")
        listed = await town.get("/api/webhooks")
        officer = await town.http.get("/api/webhooks", headers=town.as_("officer", "ben-thanh"))
    async with city(nats_server, database_url, webhooks_allow_private=True) as town:
        allowed = await town.subscribe(
            "http://127.0.0.1:9/x", event_types=["vn.qcdc.petitions.petition.*"]
        )
        shown = await town.get(f"/api/webhooks/{allowed.json()['id']}")

    for response in (refused, metadata, localhost):
        assert response.status_code == 422, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["detail"] != problem["detail_en"]
        assert "SSRF" in problem["detail_en"] and "không được phép" in problem["detail"]
    assert "loopback" in refused.json()["detail_en"]
    assert "link-local" in metadata.json()["detail_en"]
    assert bad_pattern.status_code == 422 and unknown_ward.status_code == 422
    assert "atlantis" in unknown_ward.json()["detail_en"]
    assert monitor.status_code == 403 and officer.status_code == 403
    assert anonymous.status_code == 401
    assert listed["items"] == []  # nothing refused was stored
    assert allowed.status_code == 201, allowed.text
    body = allowed.json()
    assert body["secret"].startswith("whsec_") and body["state"] == "active"
    assert body["event_types"] == ["vn.qcdc.petitions.petition.*"] and body["wards"] is None
    assert "secret" not in shown and shown["id"] == body["id"]


async def test_deliveries_survive_a_gateway_restart_and_go_out_while_the_broker_is_down(
    nats_server: NatsServer, database_url: str, city_clock: TestClock
) -> None:
    receiver = Receiver()  # down until the gateway has restarted
    history = posting_history("ben-thanh", "bt-9", city_clock.now())
    settings: dict[str, Any] = {
        "webhooks_allow_private": True,
        "webhooks_retry_schedule": [0, 0.5] + [1] * 60,  # never spent in this test
    }
    async with city(nats_server, database_url, **settings) as town:
        created = (await town.subscribe(receiver.url, event_types=[POSTINGS])).json()
        await publish(town.js, *history)
        await eventually(
            lambda: _count(town, created["id"], 4), within=10, what="4 deliveries recorded"
        )
    try:
        async with city(nats_server, database_url, **settings) as town:
            nats_server.stop()  # the deliveries are in the database: the broker is not needed
            await receiver.start()
            await eventually(
                lambda: len(receiver.received) >= 4, within=15, what="delivery after restart"
            )
            await asyncio.sleep(1)
            log = await town.deliveries(created["id"])
            nats_server.start()
    finally:
        await receiver.stop()
    assert [r.headers["webhook-id"] for r in receiver.received] == [e.id for e in history]
    assert [d["state"] for d in log] == ["delivered"] * 4


async def test_the_migration_creates_exactly_the_webhook_tables(database_url: str) -> None:
    differences, tables = await migrated(database_url)
    assert [d for d in differences if "webhook_" in str(d)] == []
    assert {"webhook_subscriptions", "webhook_deliveries"} <= tables


async def test_two_dispatchers_on_one_database_send_each_event_once(
    nats_server: NatsServer, database_url: str, city_clock: TestClock
) -> None:
    """A second gateway process (here a second dispatcher on the same database, looking for
    due deliveries every 50 ms while the receiver takes 0.3 s per answer) takes no delivery
    the first one holds: each attempt leases its delivery first."""
    receiver = Receiver(delay=0.3)
    await receiver.start()
    histories = [posting_history("sai-gon", f"sg-{n}", city_clock.now()) for n in range(4)]
    try:
        async with city(nats_server, database_url, webhooks_allow_private=True) as town:
            hooks: Webhooks = town.app.state.webhooks
            second = Dispatcher(
                town.app.state.runtime,
                sender=Sender(allow_private=True, require_https=False),
                sealer=hooks.sealer,
                schedule=hooks.schedule,
            )

            async def eager() -> None:
                while True:
                    await second.round()
                    await asyncio.sleep(0.05)

            running = asyncio.create_task(eager())
            try:
                await town.subscribe(receiver.url, event_types=[POSTINGS])
                for history in histories:
                    await publish(town.js, *history)
                await eventually(
                    lambda: len(receiver.received) >= 16, within=30, what="16 deliveries"
                )
                await asyncio.sleep(1.5)
            finally:
                running.cancel()
                await second.sender.close()
    finally:
        await receiver.stop()
    ids = Counter(r.headers["webhook-id"] for r in receiver.received)
    assert len(ids) == 16 and set(ids.values()) == {1}
