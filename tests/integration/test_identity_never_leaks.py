"""DEN-SECRET across the platform: a scenario of every kind of petition, a reception visit, a
citizen's escalation and the sweeper's, a publicity consultation with a named and an anonymous
comment; then a scan of every event (ward stream, city streams, dead letters), every log record,
every span exported, every row of the petitions and gateway databases (audit, outbox, history
included), every list or tracking response, and every public page, API answer and export of
the gateway, for the petitioners' names, phones, addresses, ID numbers and tracking codes.
One hit fails; a planted leak is found (the second test)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

import httpx
import nats
import pytest
from fastapi.routing import APIRoute
from opentelemetry import trace
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy import MetaData, select
from sqlalchemy.ext.asyncio import AsyncEngine

from qcdc_gateway.main import build as build_gateway
from qcdc_gateway.portal.wards import HttpWardReader
from qcdc_petitions.testing import Petitions, running
from qcdc_plans.testing import Plans
from qcdc_plans.testing import running as running_plans
from qcdc_publicity.main import build as build_publicity
from qcdc_publicity.testing import Publicity
from qcdc_shared.auth import mint_development_token
from qcdc_shared.db import drop_database
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.settings import Settings
from qcdc_shared.streams import CITY_STREAM, DLQ_STREAM, ensure_city_topology
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import running as running_service
from qcdc_shared.testing.tracing import traced_into
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


# Publicity's commenters: one anonymous, one who chose to show their name on the comment.
# Their ID numbers (the citizen's account) never leave; the anonymous one's name never does;
# the shown name appears on the consultation by choice, never in an event, a log or a span.
COMMENTERS = {
    "anonymous": {"sub": "cccd-079100000006", "name": "Hồ Thị Wendaline"},
    "named": {"sub": "cccd-079100000007", "name": "Ngô Văn Pettigrew"},
}
NEEDLES += [
    COMMENTERS["anonymous"]["sub"],
    COMMENTERS["named"]["sub"],
    COMMENTERS["anonymous"]["name"],
    "Wendaline",
]
SHOWN_NAMES = [COMMENTERS["named"]["name"], "Pettigrew"]


def leaks(text: str, extra: Sequence[str] = ()) -> list[str]:
    return [needle for needle in (*NEEDLES, *extra) if needle.lower() in text.lower()]


@pytest.fixture
def spans(monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemorySpanExporter]:
    """Each service's spans in one in-memory exporter, tracing on as an operator turns it on."""
    exporter = InMemorySpanExporter()
    with traced_into(monkeypatch, exporter):
        yield exporter


def span_texts(exporter: InMemorySpanExporter) -> list[str]:
    return [readable(span.to_json(indent=None)) for span in exporter.get_finished_spans()]


def scan(
    collected: dict[str, list[str]], *, codes: Sequence[str], code_free: Sequence[str]
) -> dict[str, list[str]]:
    """What each collection leaks: identities everywhere; tracking codes in ``code_free``
    (the petitions service's own answers hand the code to its petitioner); a name a commenter
    chose to show, in events, logs and spans."""
    found = {}
    for kind, texts in collected.items():
        extra = [*codes] if kind in code_free else []
        if kind in ("events", "log lines", "spans"):
            extra += SHOWN_NAMES
        found[kind] = [f"{leaks(t, extra)}: {t[:300]}" for t in texts if leaks(t, extra)]
    return found


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
    nats_server: NatsServer,
    database_url: str,
    log_lines: list[str],
    spans: InMemorySpanExporter,
) -> None:
    client = await nats.connect(nats_server.url)
    await ensure_city_topology(client.jetstream(), [WARD])
    await client.close()
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    city_url = sibling_database_url(database_url, "city")
    publicity_url = sibling_database_url(database_url, "publicity")
    plans_url = sibling_database_url(database_url, "plans")
    city_settings = settings.model_copy(update={"database_url": city_url})
    publicity_settings = settings.model_copy(update={"database_url": publicity_url})
    plans_settings = settings.model_copy(update={"database_url": plans_url})
    responses: list[str] = []
    city_answers: list[str] = []
    codes: list[str] = []
    try:
        async with (
            running(settings, nats_server.url) as petitions,
            running_service(Publicity, build_publicity, publicity_settings, nats_server.url) as (
                publicity
            ),
            running_plans(plans_settings, nats_server.url) as plans,
            gateway(city_settings) as city,
        ):
            await scenario(petitions, city, responses, codes)
            await consultation(publicity, responses)
            await petitions.drained()
            await publicity.drained()
            async with portal_reading(city, petitions, publicity, plans):
                city_answers += await everything_public(city)
            petitions_rows = await rows_of(petitions.runtime.engine)
            gateway_rows = await rows_of(city._transport.app.state.runtime.engine)  # type: ignore[attr-defined]
            events = await stream_texts(nats_server.url)
    finally:
        await drop_database(city_url)
        await drop_database(publicity_url)
        await drop_database(plans_url)

    exported = span_texts(spans)
    collected = {
        "events": events,
        "log lines": list(log_lines),
        "spans": exported,
        "petitions database": petitions_rows,
        "gateway database": gateway_rows,
        "responses": responses,
        "city answers": city_answers,
    }
    counts = {kind: len(texts) for kind, texts in collected.items()}
    print(f"\nprivacy scan: {counts}, {len(NEEDLES) + len(codes)} needles")
    assert len(codes) == 4 and len(events) >= 15 and petitions_rows and gateway_rows, counts
    assert len(exported) >= 50 and len(city_answers) >= 15, counts
    # The portal's pages were read as a resident reads them, not as "service unavailable".
    portal = [answer for answer in city_answers if answer.startswith(f"/p/{WARD}/")]
    assert portal and all(" 200 " in answer for answer in portal), portal[:2]
    found = scan(collected, codes=codes, code_free=CODE_FREE)
    assert found == {key: [] for key in found}, ({k: v[:3] for k, v in found.items() if v}, counts)


# Where a tracking code never goes: everything but the petitions service's own answers (which
# hand it to its petitioner) and database (which keeps it, to answer a lookup).
CODE_FREE = ("events", "log lines", "spans", "gateway database", "city answers")


async def test_the_scan_finds_a_planted_leak(
    nats_server: NatsServer,
    database_url: str,
    log_lines: list[str],
    spans: InMemorySpanExporter,
) -> None:
    """A name logged, published in an event and put on a span, and a tracking code in a log
    line: each is found where it was planted."""
    client = await nats.connect(nats_server.url)
    await ensure_city_topology(client.jetstream(), [WARD])
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    person = PEOPLE["denunciation"]
    async with running(settings, nats_server.url) as petitions:
        submitted = await petitions.submit(
            kind="denunciation", title="Tố cáo", body="Nội dung.", petitioner=person
        )
        assert submitted.status_code == 201, submitted.text
        code = submitted.json()["tracking_code"]
        logging.getLogger("qcdc_petitions.planted").info("petitioner %s", person["name"])
        logging.getLogger("qcdc_petitions.planted").info("looked up %s", code)
        with trace.get_tracer("planted").start_as_current_span("planted") as span:
            span.set_attribute("petitioner.phone", person["phone"])
        await client.jetstream().publish(
            f"qcdc.{WARD}.petitions.petition.planted",
            json.dumps({"address": person["address"]}, ensure_ascii=False).encode(),
        )
        await petitions.drained()
    await client.close()
    collected = {
        "events": await stream_texts(nats_server.url),
        "log lines": list(log_lines),
        "spans": span_texts(spans),
    }
    found = scan(collected, codes=[code], code_free=CODE_FREE)
    hits = {
        kind: sorted({n for t in texts for n in leaks(t, [code])}) for kind, texts in found.items()
    }
    assert person["name"] in hits["log lines"] and code in hits["log lines"], hits
    assert person["phone"] in hits["spans"], hits
    assert person["address"] in hits["events"], hits


async def scenario(
    petitions: Petitions, city: httpx.AsyncClient, responses: list[str], codes: list[str]
) -> None:
    """Every kind of petition through its workflow, a reception visit, a citizen escalation."""
    officer = petitions.officer()
    lead_officer = petitions.officer("truong-ban-tiep-dan")  # assigns; never to themselves
    local_today = petitions.today()

    async def submit(kind: str, **fields: Any) -> dict[str, Any]:
        response = await petitions.submit(kind=kind, petitioner=PEOPLE[kind], **fields)
        assert response.status_code == 201, response.text
        responses.append(response.text)
        codes.append(response.json()["tracking_code"])
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


async def consultation(publicity: Publicity, responses: list[str]) -> None:
    """A draft put to residents (CON-MIN20): a comment without a name and one with it."""
    opened = await publicity.http.post(
        "/consultations",
        headers=publicity.officer(),
        json={"title": "Dự thảo quy ước tổ dân phố 5", "draft": "Điều 1. Giữ gìn vệ sinh."},
    )
    assert opened.status_code == 201, opened.text
    comments = f"/consultations/{opened.json()['id']}/comments"
    for who, show_name in (("anonymous", False), ("named", True)):
        person = COMMENTERS[who]
        citizen = publicity.token("citizen", None, sub=person["sub"], name=person["name"])
        comment = await publicity.http.post(
            comments, headers=citizen, json={"text": "Nên giữ điều 1.", "show_name": show_name}
        )
        assert comment.status_code == 201, comment.text
    shown = await publicity.http.get(f"/consultations/{opened.json()['id']}")
    assert shown.status_code == 200 and COMMENTERS["named"]["name"] in shown.text
    # The named comment shows its name by choice: only the anonymous one's is scanned here.
    responses.append(readable(shown.text).replace(COMMENTERS["named"]["name"], "(shown)"))


# Routes of the gateway not read here: the live stream never ends; the proxy forwards to a
# ward's service (read above through the service itself); the queue is read signed in, below.
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SKIPPED = re.compile(r"^/(api/stream|api/wards/\{ward\}/\{service\}|queue|docs|redoc)")


def routes_of(routes: Sequence[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # an included router, resolved lazily
            yield from routes_of(route.original_router.routes)


@asynccontextmanager
async def portal_reading(
    city: httpx.AsyncClient, petitions: Petitions, publicity: Publicity, plans: Plans
) -> AsyncIterator[None]:
    """The city's portal pages read this ward's running services, so the scan reads what a
    resident is shown (the postings, the schedule) and not a "service unavailable" page."""
    app = city._transport.app  # type: ignore[attr-defined]
    mounts = {
        "http://petitions": httpx.ASGITransport(app=petitions.app),
        "http://publicity": httpx.ASGITransport(app=publicity.app),
        "http://plans": httpx.ASGITransport(app=plans.app),
    }
    where = {
        WARD: {service: f"http://{service}" for service in ("petitions", "publicity", "plans")}
    }
    async with httpx.AsyncClient(mounts=mounts) as client:
        app.state.portal_reader = HttpWardReader(urls=lambda: where, client=lambda: client)
        try:
            yield
        finally:
            del app.state.portal_reader


async def everything_public(city: httpx.AsyncClient) -> list[str]:
    """Every GET route of the gateway that takes no other parameter than a ward or a file
    format (its public API, HTML pages and open-data exports), and the city queue as a monitor
    reads it once signed in, in both languages."""
    app = city._transport.app  # type: ignore[attr-defined]
    monitor = mint_development_token(app.state.runtime.settings, role="city_monitor")
    answers = []
    # An open-data snapshot is of a finished day: yesterday by the shared clock.
    yesterday = local_date(app.state.runtime.clock.now()) - dt.timedelta(days=1)
    for route in routes_of(app.routes):
        if "GET" not in route.methods:
            continue
        if SKIPPED.match(route.path):
            continue
        paths = [
            route.path.replace("{slug}", WARD)
            .replace("{ward}", WARD)
            .replace("{day}", yesterday.isoformat())
        ]
        paths = [
            p.replace("{name}", n) for p in paths for n in ("postings", "decisions", "violations")
        ]
        paths = sorted({p.replace("{fmt}", f) for p in paths for f in ("csv", "json")})
        for path in paths:
            if "{" in path:
                continue
            for lang in ("vi", "en"):
                headers = {"Authorization": f"Bearer {monitor}"} if "escalations" in path else {}
                # A staff page sends a visitor without a session to the sign-in page: read it.
                response = await city.get(
                    path, params={"lang": lang}, headers=headers, follow_redirects=True
                )
                assert response.status_code < 500, (path, response.text)
                answers.append(f"{path} {response.status_code} {readable(response.text)}")
    # The city queue, signed in as a monitor signs in (a same-origin form; a session cookie).
    signed_in = await city.post(
        "/queue/sign-in",
        content=urlencode({"token": monitor}),
        headers={"Origin": str(city.base_url).rstrip("/"), **FORM},
    )
    assert signed_in.status_code == 303, signed_in.text
    for lang in ("vi", "en"):
        queue = await city.get("/queue", params={"lang": lang})
        assert (
            queue.status_code == 200 and "escalat" in queue.text.lower()
        ) or "queue" in queue.url.path
        answers.append(f"/queue {queue.status_code} {readable(queue.text)}")
    return answers


async def _gateway_saw(city: httpx.AsyncClient) -> bool:
    runtime = city._transport.app.state.runtime  # type: ignore[attr-defined]
    async with runtime.sessionmaker() as session:
        from sqlalchemy import func

        from qcdc_shared.tables import inbox

        return bool(await session.scalar(select(func.count()).select_from(inbox)))
