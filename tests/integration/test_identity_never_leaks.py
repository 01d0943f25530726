"""DEN-SECRET across the platform: a scenario of every kind of petition, then a scan of every
event (ward stream, city stream, dead letters), every log record, every row of the petitions and
gateway databases (audit, outbox, history included) and every list or tracking response, for the
petitioners' names, phones, addresses and ID numbers. One hit fails."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import nats
import pytest
from sqlalchemy import MetaData, select
from sqlalchemy.ext.asyncio import AsyncEngine

from qcdc_gateway.main import build as build_gateway
from qcdc_petitions.testing import Petitions, running
from qcdc_shared.db import drop_database
from qcdc_shared.settings import Settings
from qcdc_shared.streams import CITY_STREAM, DLQ_STREAM, ensure_city_topology
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

WARD = "ben-thanh"
# Each identity carries an ASCII token too, so JSON's \u escapes cannot hide a leak.
PEOPLE = {
    "feedback": {
        "name": "Lê Văn Zorvak",
        "address": "7 Hẻm Qwyth, Bến Thành",
        "phone": "0911000001",
        "id_number": "079100000001",
    },
    "complaint": {
        "name": "Phạm Thị Yxandre",
        "address": "9 Đường Kelvoor",
        "phone": "0911000002",
        "id_number": "079100000002",
    },
    "denunciation": {
        "name": "Trần Văn Blixter",
        "address": "3 Hẻm Drummet",
        "phone": "0911000003",
        "id_number": "079100000003",
    },
    "information_request": {
        "name": "Võ Thị Quennia",
        "address": "5 Ngõ Farrowby",
        "phone": "0911000004",
        "id_number": "079100000004",
    },
    "visitor": {
        "name": "Đặng Văn Oxmire",
        "address": "11 Hẻm Plimsoll",
        "phone": "0911000005",
        "id_number": "079100000005",
    },
}
NEEDLES = sorted(
    {value for person in PEOPLE.values() for value in person.values()}
    | {
        "Zorvak",
        "Yxandre",
        "Blixter",
        "Quennia",
        "Oxmire",
        "Qwyth",
        "Kelvoor",
        "Drummet",
        "Farrowby",
        "Plimsoll",
    }
)


def leaks(text: str) -> list[str]:
    return [needle for needle in NEEDLES if needle.lower() in text.lower()]


def readable(raw: bytes | str) -> str:
    """JSON re-dumped without ASCII escapes, so Vietnamese names are compared as written."""
    text = raw.decode(errors="replace") if isinstance(raw, bytes) else raw
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} {record.getMessage()} {record.__dict__}")


@pytest.fixture
def log_lines() -> Iterator[list[str]]:
    recorder, root = Recorder(), logging.getLogger()
    previous = root.level
    root.addHandler(recorder)
    root.setLevel(logging.DEBUG)
    try:
        yield recorder.lines
    finally:
        root.removeHandler(recorder)
        root.setLevel(previous)


@asynccontextmanager
async def gateway(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = build_gateway(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
            yield http


async def rows_of(engine: AsyncEngine) -> list[str]:
    """Every row of every table, as text."""
    metadata = MetaData()
    async with engine.connect() as conn:
        await conn.run_sync(metadata.reflect)
        found = []
        for table in metadata.sorted_tables:
            for row in (await conn.execute(select(table))).all():
                found.append(
                    f"{table.name} "
                    + readable(json.dumps([str(value) for value in row], ensure_ascii=False))
                )
    return found


async def stream_texts(nats_url: str) -> list[str]:
    client = await nats.connect(nats_url)
    texts: list[str] = []
    try:
        js = client.jetstream()
        for stream, subject in (
            (ward_stream(WARD), f"qcdc.{WARD}.>"),
            (CITY_STREAM, "qcdc.>"),
            (DLQ_STREAM, "dlq.>"),
        ):
            sub = await js.pull_subscribe(subject, stream=stream)
            try:
                while batch := await sub.fetch(200, timeout=0.5):
                    texts += [f"{m.subject} {m.headers} {readable(m.data)}" for m in batch]
            except TimeoutError:  # nats-py raises its own subclass, or the builtin
                pass
    finally:
        await client.close()
    return texts


async def test_no_petitioner_identity_leaves_the_petitions_service(
    nats_server: NatsServer, database_url: str, log_lines: list[str]
) -> None:
    client = await nats.connect(nats_server.url)
    await ensure_city_topology(client.jetstream(), [WARD])
    await client.close()
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    city_url = sibling_database_url(database_url, "city")
    city_settings = settings.model_copy(update={"database_url": city_url})
    responses: list[str] = []
    try:
        async with running(settings, nats_server.url) as petitions, gateway(city_settings) as city:
            await scenario(petitions, city, responses)
            petitions_rows = await rows_of(petitions.runtime.engine)
            gateway_rows = await rows_of(city._transport.app.state.runtime.engine)  # type: ignore[attr-defined]
            events = await stream_texts(nats_server.url)
    finally:
        await drop_database(city_url)

    assert len(events) >= 15 and petitions_rows and gateway_rows
    found = {
        "events": [t for t in events if leaks(t)],
        "log lines": [t for t in log_lines if leaks(t)],
        "petitions database": [t for t in petitions_rows if leaks(t)],
        "gateway database": [t for t in gateway_rows if leaks(t)],
        "responses": [t for t in responses if leaks(t)],
    }
    assert found == {key: [] for key in found}, {k: v[:3] for k, v in found.items() if v}


async def scenario(petitions: Petitions, city: httpx.AsyncClient, responses: list[str]) -> None:
    """Every kind of petition through its workflow, a reception visit, a citizen escalation."""
    officer = petitions.officer()
    lead_officer = petitions.officer("truong-ban-tiep-dan")  # assigns; never to themselves
    local_today = petitions.today()

    async def submit(kind: str, **fields: Any) -> dict[str, Any]:
        response = await petitions.submit(kind=kind, petitioner=PEOPLE[kind], **fields)
        assert response.status_code == 201, response.text
        responses.append(response.text)
        return dict(response.json())

    feedback = await submit(
        "feedback", title="Cống thoát nước tắc", body="Cống trước chợ bị tắc sau mưa."
    )
    complaint = await submit(
        "complaint",
        title="Khiếu nại quyết định xử phạt",
        body="Tôi không đồng ý với quyết định xử phạt.",
        act_date=local_today.isoformat(),
    )
    forty_days_ago = (petitions.now() - dt.timedelta(days=40)).isoformat()
    denunciation = await submit(
        "denunciation",
        title="Tố cáo cán bộ",
        headers=officer,
        body="Cán bộ nhận tiền khi giải quyết hồ sơ.",
        received_at=forty_days_ago,
    )
    information = await submit(
        "information_request",
        title="Xin thông tin quy hoạch",
        body="Đề nghị cung cấp bản đồ quy hoạch.",
    )
    lead = await petitions.submit(
        kind="denunciation",
        title="Tin báo nặc danh",
        body="Có sai phạm ở công trình.",
        anonymous=True,
        petitioner=None,
    )
    assert lead.status_code == 201, lead.text

    await petitions.command(feedback["id"], "assign", {"handler": "can-bo-1"}, headers=lead_officer)
    await petitions.command(
        feedback["id"],
        "answer",
        {
            "text": "Đã nạo vét cống.",
            "public_interest": True,
            "public_title": "Cống thoát nước trước chợ",
        },
    )

    # Never taken in: the sweeper escalates DEN-INTAKE before anyone acts on it.
    async def escalated_den_intake() -> bool:
        events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.petition.escalated")
        return any(e.data.get("rule") == "DEN-INTAKE" for e in events)

    await eventually(escalated_den_intake, within=15, what="the DEN-INTAKE escalation")

    for item in (complaint, denunciation):
        await petitions.command(item["id"], "accept", {})
        await petitions.command(item["id"], "assign", {"handler": "can-bo-1"}, headers=lead_officer)
    identity = await petitions.http.get(
        f"/petitions/{denunciation['id']}/identity", headers=officer
    )
    # The one lawful channel: the handler assigned to the petition.
    assert identity.status_code == 200, identity.text
    assert identity.json()["petitioner"]["name"] == PEOPLE["denunciation"]["name"]
    await petitions.command(complaint["id"], "answer", {"text": "Giữ nguyên quyết định."})
    escalated = await petitions.http.post(
        f"/petitions/{complaint['id']}/escalate",
        headers=petitions.citizen(),
        json={"tracking_code": complaint["tracking_code"], "reason": "Không đồng ý"},
    )
    responses.append(escalated.text)

    reception = await petitions.http.post(
        "/receptions",
        headers=officer,
        json={
            "host": "chair",
            "session_on": local_today.isoformat(),
            "posted_on": (local_today - dt.timedelta(days=7)).isoformat(),
        },
    )
    assert reception.status_code == 201, reception.text
    entry = await petitions.http.post(
        f"/receptions/{reception.json()['id']}/entries",
        headers=officer,
        json={"subject": "Hỏi về thủ tục", "visitor": PEOPLE["visitor"]},
    )
    assert entry.status_code == 201, entry.text
    responses.append(entry.text)

    await petitions.drained()
    for path in (
        "/petitions",
        "/petitions/counts",
        f"/petitions/{complaint['id']}",
        f"/petitions/{denunciation['id']}",
        f"/receptions/{reception.json()['id']}",
        "/identity-access-log",
    ):
        headers = petitions.inspector() if path == "/identity-access-log" else officer
        response = await petitions.http.get(path, headers=headers)
        assert response.status_code == 200, (path, response.text)
        responses.append(readable(response.text))
    for item in (feedback, complaint, denunciation, information):
        tracked = await petitions.http.get(f"/petitions/track/{item['tracking_code']}")
        assert tracked.status_code == 200, tracked.text
        responses.append(readable(tracked.text))
    await eventually(lambda: _gateway_saw(city), within=10, what="the gateway to consume")
    for path in ("/api/wards", f"/api/wards/{WARD}", f"/api/wards/{WARD}/ledger-heads"):
        responses.append(readable((await city.get(path)).text))


async def _gateway_saw(city: httpx.AsyncClient) -> bool:
    runtime = city._transport.app.state.runtime  # type: ignore[attr-defined]
    async with runtime.sessionmaker() as session:
        from sqlalchemy import func

        from qcdc_shared.tables import inbox

        return bool(await session.scalar(select(func.count()).select_from(inbox)))
