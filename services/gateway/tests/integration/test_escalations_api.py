"""The city's queue on a real nats-server and database: a ward's escalation published on its
stream reaches the queue once (however often it is redelivered), only a city monitor reads
and acts on it, each action is audited and announced on QCDC_CITY_EVENTS under its contract,
and the queue's tables are exactly what the migration creates."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest
from nats.js import JetStreamContext
from nats.js.api import ConsumerConfig, DeliverPolicy
from sqlalchemy import select

from qcdc_gateway.main import build
from qcdc_oversight.contracts import RecommendationOverdueV1
from qcdc_petitions.contracts import PetitionDeadlineV1, PetitionEscalatedV1
from qcdc_shared.auth import mint_development_token
from qcdc_shared.envelope import CONTENT_TYPE, Envelope, build_envelope
from qcdc_shared.settings import Settings
from qcdc_shared.streams import CITY_EVENTS_STREAM, CITY_STREAM, ensure_city_topology
from qcdc_shared.tables import audit_log
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.contracts import validate_envelope
from qcdc_shared.tooling.nats_server import NatsServer

from .migrated import migrated

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[4] / "deploy" / "wards.toml"
WARD, OTHER = "ben-thanh", "sai-gon"
ICT = dt.timezone(dt.timedelta(hours=7))
ESCALATED_AT = dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)
INTAKE_DUE = dt.datetime(2026, 11, 19, 23, 59, 59, tzinfo=ICT)
ANSWER_DUE = dt.datetime(2026, 11, 25, 23, 59, 59, tzinfo=ICT)
MONITOR = "city-monitor-1"
NOTE = "Đã gọi Chủ tịch UBND phường Bến Thành; hẹn trả lời trong tuần."


def denunciation_escalated() -> Envelope:
    """What the petitions sweeper publishes for a denunciation never taken in (DEN-INTAKE)."""
    event = PetitionEscalatedV1(
        petition_id="pet-den-1",
        ward=WARD,
        kind="denunciation",
        status="received",
        received_on=dt.date(2026, 11, 10),
        channel="online",
        deadlines=[
            PetitionDeadlineV1(
                rule="DEN-INTAKE",
                due=INTAKE_DUE.date(),
                due_at=INTAKE_DUE,
                table_version="2026-07",
                met=False,
            )
        ],
        flags=[],
        version=3,
        rule="DEN-INTAKE",
        by="sweeper",
    )
    return build_envelope(event, ward=WARD, aggregate_id="pet-den-1", sequence=3, time=ESCALATED_AT)


def recommendation_overdue() -> Envelope:
    event = RecommendationOverdueV1(
        recommendation_id="rec-1",
        ward=OTHER,
        addressed_to="UBND phường Sài Gòn",
        title="Công khai dự toán ngân sách phường",
        issued_at=ANSWER_DUE - dt.timedelta(days=15),
        answer_due=ANSWER_DUE.date(),
        due_at=ANSWER_DUE,
        rule="OVS-ANSWER",
        version=2,
    )
    return build_envelope(
        event,
        ward=OTHER,
        aggregate_id="rec-1",
        sequence=2,
        time=ESCALATED_AT + dt.timedelta(days=6),
    )


async def publish(js: JetStreamContext, envelope: Envelope, *, msg_id: str | None = None) -> None:
    headers = {"Nats-Msg-Id": msg_id or envelope.id, "content-type": CONTENT_TYPE}
    await js.publish(envelope.nats_subject, envelope.to_json(), headers=headers)


async def consumed(js: JetStreamContext, messages: int) -> None:
    """QCDC_CITY holds ``messages`` and the gateway's durable consumer has acked them all."""

    async def done() -> bool:
        if (await js.stream_info(CITY_STREAM)).state.messages != messages:
            return False
        info = await js.consumer_info(CITY_STREAM, "gateway-projections")
        return info.delivered.stream_seq >= messages and not info.num_ack_pending

    await eventually(done, within=15, what=f"the gateway to consume {messages} ward events")


async def city_events(js: JetStreamContext, count: int) -> list[bytes]:
    async def arrived() -> bool:
        return (await js.stream_info(CITY_EVENTS_STREAM)).state.messages >= count

    await eventually(arrived, within=10, what=f"{count} city events on {CITY_EVENTS_STREAM}")
    sub = await js.pull_subscribe(
        "qcdc.city.>",
        stream=CITY_EVENTS_STREAM,
        config=ConsumerConfig(deliver_policy=DeliverPolicy.ALL),
    )
    messages = await sub.fetch(count, timeout=3)
    await sub.unsubscribe()
    return [m.data for m in messages]


class City:
    def __init__(self, http: httpx.AsyncClient, settings: Settings, app: Any) -> None:
        self.http, self.settings, self.app = http, settings, app

    def as_(self, role: str, **claims: Any) -> dict[str, str]:
        token = mint_development_token(self.settings, role=role, **claims)
        return {"Authorization": f"Bearer {token}"}

    @property
    def monitor(self) -> dict[str, str]:
        return self.as_("city_monitor", sub=MONITOR)

    async def queue(self, **params: Any) -> dict[str, Any]:
        response = await self.http.get("/api/escalations", params=params, headers=self.monitor)
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found

    async def act(self, item: str, action: str, body: dict[str, str] | None = None) -> Any:
        return await self.http.post(
            f"/api/escalations/{item}/{action}", json=body, headers=self.monitor
        )


@asynccontextmanager
async def running(nats_url: str, database_url: str) -> AsyncIterator[City]:
    settings = Settings(nats_url=nats_url, database_url=database_url, registry_file=str(REGISTRY))
    app = build(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:

            async def linked() -> bool:
                return bool((await http.get("/health")).json()["nats"]["connected"])

            await eventually(linked, within=10, what="the gateway's NATS link")
            yield City(http, settings, app)


@asynccontextmanager
async def jetstream(nats_url: str) -> AsyncIterator[JetStreamContext]:
    client = await nats.connect(nats_url)
    try:
        js = client.jetstream()
        await ensure_city_topology(js, [WARD, OTHER])
        yield js
    finally:
        await client.close()


async def test_the_escalated_denunciation_is_queued_once_and_handled_by_a_city_monitor(
    nats_server: NatsServer, database_url: str
) -> None:
    escalated = denunciation_escalated()
    async with jetstream(nats_server.url) as js, running(nats_server.url, database_url) as city:
        await publish(js, escalated)

        async def queued() -> bool:
            return (await city.queue())["total"] == 1

        await eventually(queued, within=15, what="the escalation in the city queue")
        # Redelivered by JetStream under another Nats-Msg-Id, and re-published by the ward with
        # a fresh event id: still one item.
        await publish(js, escalated, msg_id=str(uuid.uuid4()))
        await publish(js, escalated.model_copy(update={"id": str(uuid.uuid4())}))
        await consumed(js, 3)
        listed = await city.queue()
        assert listed["total"] == 1 and listed["next_cursor"] is None
        (item,) = listed["items"]
        assert {k: item[k] for k in ("ward", "kind", "subject", "rule", "status", "version")} == {
            "ward": WARD,
            "kind": "petition",
            "subject": "pet-den-1",
            "rule": "DEN-INTAKE",
            "status": "open",
            "version": 0,
        }
        assert item["petition_kind"] == "denunciation"
        assert dt.datetime.fromisoformat(item["since"]) == ESCALATED_AT
        assert item["since"].endswith("+07:00")
        assert dt.datetime.fromisoformat(item["due_at"]) == INTAKE_DUE  # the ward's clock
        eid = item["id"]

        # Only a city monitor: an officer is refused, nobody signed in is asked to sign in.
        officer = city.as_("officer", ward=WARD)
        assert (await city.http.get("/api/escalations", headers=officer)).status_code == 403
        assert (await city.http.get("/api/escalations")).status_code == 401
        assert (await city.http.get(f"/api/escalations/{eid}")).status_code == 401
        for action in ("acknowledge", "resolve"):
            url = f"/api/escalations/{eid}/{action}"
            body = {"resolution": "x"} if action == "resolve" else None
            assert (await city.http.post(url, json=body, headers=officer)).status_code == 403
            assert (await city.http.post(url, json=body)).status_code == 401

        acknowledged = await city.act(eid, "acknowledge")
        assert acknowledged.status_code == 200, acknowledged.text
        assert (acknowledged.json()["status"], acknowledged.json()["version"]) == (
            "acknowledged",
            1,
        )
        again = await city.act(eid, "acknowledge")
        assert again.status_code == 409
        assert again.headers["content-type"].startswith("application/problem+json")
        assert (
            again.json()["detail_en"] == f"Cannot acknowledge escalation {eid}: it is acknowledged."
        )
        noted = await city.act(eid, "notes", {"text": NOTE})
        assert noted.status_code == 201, noted.text
        assert noted.json()["note_count"] == 1
        resolved = await city.act(eid, "resolve", {"resolution": "Phường đã tiếp nhận tố cáo."})
        assert resolved.status_code == 200, resolved.text
        assert (resolved.json()["status"], resolved.json()["version"]) == ("resolved", 3)
        assert (await city.act(eid, "resolve", {"resolution": "x"})).status_code == 409
        shown = (await city.http.get(f"/api/escalations/{eid}", headers=city.monitor)).json()

        assert shown["resolution"] == "Phường đã tiếp nhận tố cáo."
        assert [(n["author"], n["text"]) for n in shown["notes"]] == [(MONITOR, NOTE)]
        assert shown["acknowledged_at"] and shown["resolved_at"]
        assert (await city.queue(status="resolved"))["total"] == 1
        assert (await city.queue(status="open"))["total"] == 0
        assert (await city.queue(ward=WARD, kind="petition", rule="DEN-INTAKE"))["total"] == 1
        assert (await city.queue(kind="recommendation"))["total"] == 0
        assert (await city.queue(ward=OTHER))["total"] == 0
        missing = await city.http.get(f"/api/escalations/{uuid.uuid4()}", headers=city.monitor)
        assert missing.status_code == 404
        malformed = await city.http.get("/api/escalations/pet-den-1", headers=city.monitor)
        assert malformed.status_code == 422

        raw = await city_events(js, 3)
        # The city's own events never flow into the stream the gateway consumes.
        assert (await js.stream_info(CITY_STREAM)).state.messages == 3
        runtime = city.app.state.runtime
        async with runtime.sessionmaker() as session:
            audited = (
                await session.execute(
                    select(audit_log.c.action, audit_log.c.outcome, audit_log.c.actor)
                    .where(audit_log.c.target == f"escalation:{eid}")
                    .order_by(audit_log.c.id)
                )
            ).all()

    events = [validate_envelope(e) for e in raw]
    assert [(e.type, e.sequence) for e in events] == [
        ("vn.qcdc.gateway.escalation.acknowledged.v1", 1),
        ("vn.qcdc.gateway.escalation.noted.v1", 2),
        ("vn.qcdc.gateway.escalation.resolved.v1", 3),
    ]
    assert {(e.ward, e.source, e.subject) for e in events} == {("city", "/wards/city/gateway", eid)}
    assert {e.nats_subject.rsplit(".", 1)[0] for e in events} == {"qcdc.city.gateway.escalation"}
    assert events[2].data | {"at": None} == {
        "escalation_id": eid,
        "ward": WARD,
        "kind": "petition",
        "subject": "pet-den-1",
        "rule": "DEN-INTAKE",
        "status": "resolved",
        "assignee": None,
        "version": 3,
        "at": None,
    }
    assert not any(b"UBND" in e or "tiếp nhận tố cáo".encode() in e for e in raw)
    assert [tuple(row) for row in audited] == [
        ("escalation.acknowledge", "ok", MONITOR),
        ("escalation.acknowledge", "refused", MONITOR),
        ("escalation.note", "ok", MONITOR),
        ("escalation.resolve", "ok", MONITOR),
        ("escalation.resolve", "refused", MONITOR),
    ]


async def test_the_queue_pages_oldest_first_across_wards_and_assigns(
    nats_server: NatsServer, database_url: str
) -> None:
    async with jetstream(nats_server.url) as js, running(nats_server.url, database_url) as city:
        await publish(js, recommendation_overdue())
        await publish(js, denunciation_escalated())
        await consumed(js, 2)
        first = await city.queue(limit=1)
        rest = await city.queue(limit=1, cursor=first["next_cursor"])
        assert first["total"] == 2 and rest["next_cursor"] is None
        petition, recommendation = first["items"][0], rest["items"][0]
        assert (petition["ward"], recommendation["ward"]) == (WARD, OTHER)
        assert (recommendation["kind"], recommendation["rule"]) == ("recommendation", "OVS-ANSWER")
        assert dt.datetime.fromisoformat(recommendation["due_at"]) == ANSWER_DUE
        assert recommendation["petition_kind"] is None

        # An item the city never touched is found by its id all the same.
        rid = recommendation["id"]
        shown = await city.http.get(f"/api/escalations/{rid}", headers=city.monitor)
        assert (shown.status_code, shown.json()["version"]) == (200, 0)
        # Resolving needs someone to have taken the item on.
        refused = await city.act(petition["id"], "resolve", {"resolution": "x"})
        assert refused.status_code == 409
        bad = await city.act(rid, "assign", {"assignee": "two words"})
        assert bad.status_code == 422
        assigned = await city.act(rid, "assign", {"assignee": "city-handler-7"})
        assert assigned.status_code == 200, assigned.text
        assert (assigned.json()["status"], assigned.json()["assignee"]) == (
            "assigned",
            "city-handler-7",
        )
        assert (await city.queue(assignee="city-handler-7"))["items"][0]["id"] == rid
        resolved = await city.act(rid, "resolve", {"resolution": "Đã trả lời muộn."})
        assert resolved.status_code == 200, resolved.text
        (assigned_event, resolved_event) = [validate_envelope(e) for e in await city_events(js, 2)]
    assert assigned_event.type == "vn.qcdc.gateway.escalation.assigned.v2"
    # The queue names the handler (above); the public events name no account (decision 0013).
    for event in (assigned_event, resolved_event):
        assert b"city-handler-7" not in event.to_json()
    assert (assigned_event.data["ward"], assigned_event.data["kind"]) == (OTHER, "recommendation")
    assert (resolved_event.sequence, resolved_event.data["status"]) == (2, "resolved")


async def test_the_gateway_makes_its_own_stream(nats_server: NatsServer, tmp_path: Path) -> None:
    async with running(nats_server.url, f"sqlite+aiosqlite:///{tmp_path / 'city.db'}"):
        client = await nats.connect(nats_server.url)
        try:
            info = await client.jetstream().stream_info(CITY_EVENTS_STREAM)
        finally:
            await client.close()
    assert info.config.subjects == ["qcdc.city.>"]


async def test_the_migration_creates_exactly_the_queue_tables(database_url: str) -> None:
    differences, tables = await migrated(database_url)
    assert [d for d in differences if "escalation_" in str(d)] == []
    assert {"escalation_states", "escalation_notes"} <= tables
