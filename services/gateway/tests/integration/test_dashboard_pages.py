"""The city dashboard on a real nats-server and database: contract events published on a ward
stream reach the gateway, and its pages show what its API says, in Vietnamese by default and
in English on request (remembered); an unknown ward is a 404 page; the queue's forms sign a
city monitor in, refuse an officer, act through the queue's handlers, and refuse a post from
another site."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest
from nats.js import JetStreamContext

from qcdc_gateway.main import build
from qcdc_oversight.contracts import SubjectV1, ViolationDetectedV1
from qcdc_petitions.contracts import PetitionDeadlineV1, PetitionEscalatedV1
from qcdc_plans.contracts import DecisionClosedV1, TaskAssignedV1, TaskCompletedV1
from qcdc_publicity.contracts import DeadlineV1, LedgerHeadV1, PostingPublishedV1
from qcdc_shared.auth import mint_development_token
from qcdc_shared.envelope import CONTENT_TYPE, Envelope, build_envelope
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[4] / "deploy" / "wards.toml"
WARD, OTHER = "ben-thanh", "sai-gon"
VN = dt.timezone(dt.timedelta(hours=7))
# This year by the harness's clock (QCDC_TEST_NOW), so the monthly charts (the current year
# by default) show the events too.
NOW = TestClock.pinned().now().replace(microsecond=0)
AT = NOW - dt.timedelta(hours=2)
DAY = AT.astimezone(VN).date()
HEAD = "ab" * 32
TITLE = "Kế hoạch sử dụng đất năm 2027"
BASE = "http://gateway"
MONITOR = "city-monitor-1"


# --- a small HTML tree, to read the pages as a browser's DOM would -------------------------

VOID = {"meta", "link", "input", "br", "img", "hr", "source", "col", "area", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def all(self, tag: str | None = None, **attrs: str | None) -> list[Node]:
        """Descendants with ``tag`` and each attribute (``None``: present, any value)."""
        found = []
        for child in self.children:
            if isinstance(child, str):
                continue
            if (tag is None or child.tag == tag) and all(
                name in child.attrs and (value is None or child.attrs[name] == value)
                for name, value in ((k.rstrip("_").replace("_", "-"), v) for k, v in attrs.items())
            ):
                found.append(child)
            found += child.all(tag, **attrs)
        return found

    def one(self, tag: str | None = None, **attrs: str | None) -> Node:
        (found,) = self.all(tag, **attrs)
        return found


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def page(response: httpx.Response) -> Node:
    assert response.headers["content-type"].startswith("text/html"), response.text[:300]
    builder = TreeBuilder()
    builder.feed(response.text)
    return builder.root


def number(text: str) -> float | None:
    text = text.strip()
    return None if text == "—" else float(text)


def same(value: Any) -> float | None:
    return None if value is None else float(value)


# --- the events a ward publishes ------------------------------------------------------------


def envelope(event: Any, aggregate_id: str, sequence: int, ward: str = WARD) -> Envelope:
    return build_envelope(event, ward=ward, aggregate_id=aggregate_id, sequence=sequence, time=AT)


def posting(posting_id: str, ledger: int) -> Envelope:
    event = PostingPublishedV1(
        posting_id=posting_id,
        ward=WARD,
        category=3,
        title=TITLE,
        channels=["notice_board"],
        decided_on=DAY,
        published_at=AT,
        permanent=False,
        deadlines=[
            DeadlineV1(
                rule="PUB-DUE",
                due=DAY,
                due_at=dt.datetime.combine(DAY, dt.time(23, 59, 59), VN),
                explanation="Công khai chậm nhất 2 ngày làm việc.",
                explanation_en="Within two working days.",
                table_version="test",
            )
        ],
        violations=[],
        version=1,
        status="published",
        ledger=LedgerHeadV1(sequence=ledger, hash=HEAD),
    )
    return envelope(event, posting_id, 1)


def violation() -> Envelope:
    event = ViolationDetectedV1(
        violation_id="vio-1",
        ward=WARD,
        rule="PUB-MIN30",
        subject=SubjectV1(kind="posting", id="p-old"),
        evidence=["evt-1"],
        occurred_at=AT - dt.timedelta(days=1),
        detected_at=AT,
        version=1,
    )
    return envelope(event, "vio-1", 1)


def tasks() -> list[Envelope]:
    common: dict[str, Any] = {
        "plan_id": "plan-1",
        "ward": WARD,
        "year": DAY.year,
        "task_group": 2,
        "owner": "member-1",
        "due_on": DAY,
    }
    first = TaskAssignedV1(
        task_id="task-1", percent=0, version=1, title="Họp tổ", start_on=DAY, **common
    )
    done = TaskCompletedV1(
        task_id="task-1", percent=100, version=2, completed_at=AT, on_time=True, **common
    )
    second = TaskAssignedV1(
        task_id="task-2", percent=40, version=1, title="Sửa đường", start_on=DAY, **common
    )
    return [
        envelope(first, "task-1", 1),
        envelope(done, "task-1", 2),
        envelope(second, "task-2", 1),
    ]


def decision() -> Envelope:
    event = DecisionClosedV1(
        decision_id="dec-1",
        ward=WARD,
        topic=2,
        title="Đóng góp xây dựng đường hẻm",
        residential_group="TDP-07",
        form="household_ballot",
        households_total=120,
        version=2,
        counted="household_votes",
        yes=80,
        no=20,
        abstain=0,
        present=100,
        threshold=61,
        share="1/2",
        comparison="more_than",
        rule="DEC-PASS.other",
        table_version="test",
        passed=True,
        decided_on=DAY,
        closed_at=AT,
        record_due=DAY + dt.timedelta(days=5),
    )
    return envelope(event, "dec-1", 2)


def escalated(petition_id: str, ward: str) -> Envelope:
    due = dt.datetime.combine(DAY - dt.timedelta(days=1), dt.time(23, 59, 59), VN)
    event = PetitionEscalatedV1(
        petition_id=petition_id,
        ward=ward,
        kind="complaint",
        status="received",
        received_on=DAY - dt.timedelta(days=20),
        channel="online",
        deadlines=[
            PetitionDeadlineV1(
                rule="CMP-ACCEPT", due=due.date(), due_at=due, table_version="t", met=False
            )
        ],
        flags=[],
        version=2,
        rule="CMP-ACCEPT",
        by="sweeper",
    )
    return envelope(event, petition_id, 2, ward)


def everything() -> list[Envelope]:
    return [
        posting("p-1", 1),
        posting("p-2", 2),
        violation(),
        *tasks(),
        decision(),
        escalated("pet-1", WARD),
        escalated("pet-2", OTHER),
    ]


async def publish(js: JetStreamContext, *envelopes: Envelope) -> None:
    for sent in envelopes:
        headers = {"Nats-Msg-Id": sent.id, "content-type": CONTENT_TYPE}
        await js.publish(sent.nats_subject, sent.to_json(), headers=headers)


@dataclass
class City:
    http: httpx.AsyncClient
    settings: Settings
    sent: int

    def token(self, role: str, **claims: Any) -> str:
        return mint_development_token(self.settings, role=role, **claims)

    async def escalation(self, ward: str) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token('city_monitor')}"}
        found = await self.http.get("/api/escalations", params={"ward": ward}, headers=headers)
        (item,) = found.json()["items"]
        return dict(item)


@asynccontextmanager
async def city(nats_server: NatsServer, database_url: str) -> AsyncIterator[City]:
    """Two wards' streams and the gateway, once it has logged every event sent."""
    client = await nats.connect(nats_server.url)
    try:
        js = client.jetstream()
        await ensure_city_topology(js, [WARD, OTHER])
        settings = Settings(
            nats_url=nats_server.url, database_url=database_url, registry_file=str(REGISTRY)
        )
        app = build(settings)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE) as http:
                sent = everything()
                await publish(js, *sent)

                async def logged() -> bool:
                    return bool((await http.get("/api/events")).json()["total"] == len(sent))

                await eventually(logged, within=20, what="every event in the city's log")
                yield City(http, settings, len(sent))
    finally:
        await client.close()


# --- the pages ---------------------------------------------------------------------------


def switch_of(doc: Node) -> tuple[str, str, str]:
    link = doc.one("a", id="lang-switch")
    return doc.one("html").attrs["lang"], link.attrs["href"], link.text.strip()


async def test_the_overview_and_a_wards_page_show_what_the_api_says_in_either_language(
    nats_server: NatsServer, database_url: str
) -> None:
    async with city(nats_server, database_url) as c:
        wards = {w["slug"]: w for w in (await c.http.get("/api/wards")).json()["items"]}
        city_values = (await c.http.get("/api/city/indicators")).json()["city"]
        ward_api = (await c.http.get(f"/api/wards/{WARD}")).json()
        overview = page(await c.http.get("/"))
        ward_vi = page(await c.http.get(f"/wards/{WARD}"))
        english = await c.http.get(f"/wards/{WARD}?lang=en")
        ward_en = page(english)
        remembered = page(await c.http.get("/"))  # the lang cookie, no ?lang=
        back = page(await c.http.get("/?lang=vi"))
        year_page = page(await c.http.get("/", params={"year": DAY.year - 1}))
        atlantis = await c.http.get("/wards/atlantis")
        bad_period = await c.http.get("/", params={"month": "13"})
        before = page(
            await c.http.get("/", params={"as_of": (DAY - dt.timedelta(days=1)).isoformat()})
        )
        css = await c.http.get("/static/dashboard.css")
        js = await c.http.get("/static/dashboard.js")

    # Language: Vietnamese by default, English on request, remembered, and back.
    assert switch_of(overview) == ("vi", "?lang=en", "English")
    assert switch_of(ward_vi) == ("vi", "?lang=en", "English")
    assert switch_of(ward_en) == ("en", "?lang=vi", "Tiếng Việt")
    assert "lang=en" in english.headers["set-cookie"]
    assert switch_of(remembered)[0] == "en" and switch_of(back)[0] == "vi"

    # The overview: every ward's row says what /api/wards says, and links to its page.
    table = overview.one("table", id="wards")
    rows = {row.attrs["data-ward"]: row for row in table.all("tr", data_ward=None)}
    assert set(rows) == set(wards)
    names = set()
    for slug, row in rows.items():
        assert row.one("a", href=f"/wards/{slug}").text == wards[slug]["name"]
        for cell in row.all("td", data_indicator=None):
            name = cell.attrs["data-indicator"]
            names.add(name)
            assert number(cell.text) == same(wards[slug]["indicators"][name]), (slug, name)
    assert {
        "postings_current",
        "postings_published",
        "postings_on_time_pct",
        "petitions_received",
        "petitions_overdue",
        "petitions_answered_on_time_pct",
        "tasks_completed_pct",
        "decisions_held",
        "violations_open",
    } <= names
    bt = rows[WARD]
    assert bt.one("td", data_indicator="postings_current").text == "2"
    assert bt.one("td", data_indicator="postings_on_time_pct").text == "100.0"
    assert "good" in bt.one("td", data_indicator="postings_on_time_pct").attrs["class"]
    assert "fair" in bt.one("td", data_indicator="violations_open").attrs["class"]
    assert "na" in bt.one("td", data_indicator="petitions_answered_on_time_pct").attrs["class"]
    # Two postings are under the minimum sample: listed, not ranked, with the reason.
    rank = bt.one("td", data_rank="postings_on_time_pct")
    assert rank.text == "chưa xếp hạng" and rank.attrs["title"] == "mẫu 2 < 10"
    headers = table.all("th", data_sort=None)
    assert {h.attrs["data-sort"] for h in headers} == names
    for header in headers:
        assert header.attrs["aria-sort"] == "none" and header.attrs["title"]
        button = header.one("button", type="button")
        described = overview.one(id=button.attrs["aria-describedby"])
        assert described.text == header.attrs["title"]  # the definition, from DEFINITIONS
    assert overview.all(class_="legend")
    figures = overview.one("section", id="city-figures")
    for cell in figures.all(data_indicator=None):
        assert number(cell.text) == same(city_values[cell.attrs["data-indicator"]])
    charts = overview.all("svg", role="img")
    assert len(charts) == 4 and all("chart" in s.attrs["class"].split() for s in charts)
    assert f"năm {DAY.year}" in charts[0].all("title")[0].text
    status = overview.one("p", id="live-status")
    assert status.attrs["aria-live"] == "polite" and status.attrs["data-stream"] == "/api/stream"
    assert f"năm {DAY.year - 1}" in year_page.all("svg", role="img")[0].all("title")[0].text
    year_row = year_page.one("tr", data_ward=WARD)
    assert year_row.one("td", data_indicator="postings_published").text == "0"

    # As of the day before: none of it yet, and nothing live about a past instant.
    past = before.one("tr", data_ward=WARD)
    assert past.one("td", data_indicator="postings_current").text == "0"
    assert before.one("p", id="live-status").attrs["data-stream"] == ""

    # A ward's page: its figures are the API's; every section is there, in both languages.
    assert "Phường Bến Thành" in ward_vi.one("h1").text
    figures_seen = 0
    for cell in ward_vi.one("section", id="indicators").all(data_indicator=None):
        figures_seen += 1
        name = cell.attrs["data-indicator"]
        assert number(cell.text) == same(ward_api["indicators"][name]), name
    assert figures_seen >= 20
    sections = {s.attrs["id"]: s for s in ward_vi.all("section", id=None)}
    for section in ("recent-events", "open-violations", "postings", "decisions"):
        assert section in sections
    assert len(sections["recent-events"].all("tr", data_position=None)) == 8  # events of BT
    assert "Tin công khai — đã công khai" in sections["recent-events"].text
    assert DAY.strftime("%d/%m/%Y") in sections["recent-events"].text
    violation_row = sections["open-violations"].one("tr", data_violation="vio-1")
    assert "PUB-MIN30" in violation_row.text and "posting p-old" in violation_row.text
    # The rule id links to its entry on /rules (what it requires, its figure, its source).
    assert violation_row.one("a", class_="rule-link").attrs["href"] == "/rules#PUB-MIN30"
    assert DAY.strftime("%d/%m/%Y") in violation_row.text
    posting_row = sections["postings"].one("tr", data_posting="p-1")
    assert TITLE in posting_row.text and "đang công khai" in posting_row.text
    decision_row = sections["decisions"].one("tr", data_decision="dec-1")
    assert "TDP-07" in decision_row.text and "có" in decision_row.text
    plan = sections["plan-progress"].one("li", data_task_group="2")
    bar = plan.one("progress")
    assert (bar.attrs["value"], bar.attrs["max"]) == ("1", "2")
    assert sections["plan-progress"].one("label", **{"for": bar.attrs["id"]}).text
    assert "70.0%" in plan.text  # mean progress of 100 and 40
    ledger = sections["ledger-head"]
    assert ledger.one(data_ledger="sequence").text == "2"
    assert ledger.one(data_ledger="hash").text == HEAD == ward_api["ledger_head"]["hash"]
    english_sections = {s.attrs["id"]: s for s in ward_en.all("section", id=None)}
    assert re.search("posting", english_sections["postings"].text, re.I)
    assert DAY.isoformat() in english_sections["open-violations"].text
    assert "Posting — published" in english_sections["recent-events"].text

    # Elsewhere: an unknown ward and a bad period are pages too; the assets ship.
    assert atlantis.status_code == 404
    assert "atlantis" in page(atlantis).one("main").text
    assert bad_period.status_code == 422
    assert css.status_code == 200 and js.status_code == 200
    assert "EventSource" in js.text and "aria-sort" in js.text


async def sign_in(c: City, token: str) -> httpx.Response:
    return await c.http.post("/queue/sign-in", data={"token": token}, headers={"Origin": BASE})


async def test_the_queue_signs_a_city_monitor_in_and_acts_through_its_forms(
    nats_server: NatsServer, database_url: str
) -> None:
    async with city(nats_server, database_url) as c:
        form = page(await c.http.get("/queue"))
        field_ = form.one("form", id="sign-in").one("input", name="token")
        assert field_.attrs["type"] == "password"
        assert form.one("label", **{"for": field_.attrs["id"]}).text

        officer = await sign_in(c, c.token("officer", ward=WARD))
        assert officer.status_code == 403
        assert page(officer).all("form", id="sign-in") and "qcdc_token" not in c.http.cookies
        forged = await sign_in(c, "not-a-token")
        assert forged.status_code == 401
        cross_site_sign_in = await c.http.post(
            "/queue/sign-in",
            data={"token": c.token("city_monitor")},
            headers={"Origin": "https://evil.example"},
        )
        assert cross_site_sign_in.status_code == 403

        signed = await sign_in(c, c.token("city_monitor", sub=MONITOR))
        assert (signed.status_code, signed.headers["location"]) == (303, "/queue")
        cookie = signed.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie and "path=/queue" in cookie
        assert "max-age=28800" in cookie  # a working day at most
        session_cookie = c.http.cookies["qcdc_token"]
        assert "." not in session_cookie  # a session id, not the token (a JWT has dots)

        item = await c.escalation(WARD)
        queue = page(await c.http.get("/queue"))
        row = queue.one("table", id="escalations").one("tr", data_escalation=item["id"])
        assert WARD in row.text and "pet-1" in row.text and "CMP-ACCEPT" in row.text
        # The deadline that passed, with its rule linked to the rule's entry on /rules.
        assert row.one("a", class_="rule-link").attrs["href"] == item["rule_url"]
        assert item["rule_url"] == "/rules#CMP-ACCEPT"
        due_shown = row.one("span", class_="due").one("time").attrs["datetime"]
        assert due_shown.startswith((DAY - dt.timedelta(days=1)).isoformat())
        acknowledge = row.one("form", action=f"/queue/{item['id']}/acknowledge")
        csrf = acknowledge.one("input", name="csrf").attrs["value"]
        assign = row.one("form", action=f"/queue/{item['id']}/assign")
        assignee = assign.one("input", name="assignee")
        assert assign.one("label", **{"for": assignee.attrs["id"]}).text
        note = row.one("form", action=f"/queue/{item['id']}/note").one("textarea", name="text")
        assert queue.one("label", **{"for": note.attrs["id"]}).text
        assert not row.all("form", action=f"/queue/{item['id']}/resolve")  # not while open

        # Another site's form posting with the monitor's cookie: refused, nothing changes.
        url = f"/queue/{item['id']}/acknowledge"
        evil = await c.http.post(
            url, data={"csrf": csrf}, headers={"Origin": "https://evil.example"}
        )
        no_origin = await c.http.post(url, data={"csrf": csrf})
        no_token = await c.http.post(url, data={}, headers={"Origin": BASE})
        assert (evil.status_code, no_origin.status_code, no_token.status_code) == (403, 403, 403)
        assert (await c.escalation(WARD))["status"] == "open"

        done = await c.http.post(url, data={"csrf": csrf}, headers={"Origin": BASE})
        assert (done.status_code, done.headers["location"]) == (303, "/queue")
        assert (await c.escalation(WARD))["status"] == "acknowledged"
        after = page(await c.http.get("/queue"))
        assert "Đã tiếp nhận mục" in after.one(id="flash").text
        assert "Acknowledged item" in after.one(id="flash").text
        flash_gone = page(await c.http.get("/queue"))
        assert not flash_gone.all(id="flash")

        # Refused by the queue's own rule: the message in both languages.
        await c.http.post(url, data={"csrf": csrf}, headers={"Referer": f"{BASE}/queue"})
        refused = page(await c.http.get("/queue")).one(id="flash")
        assert "Không thể tiếp nhận" in refused.text and "Cannot acknowledge" in refused.text

        assigned = await c.http.post(
            f"/queue/{item['id']}/assign",
            data={"csrf": csrf, "assignee": "city-handler-7"},
            headers={"Origin": BASE},
        )
        assert assigned.status_code == 303
        shown = await c.escalation(WARD)
        assert (shown["status"], shown["assignee"]) == ("assigned", "city-handler-7")
        english = page(await c.http.get("/queue?lang=en"))
        row = english.one("tr", data_escalation=item["id"])
        assert "assigned" in row.one(data_field="status").text
        assert row.one(data_field="assignee").text == "city-handler-7"
        bad = await c.http.post(
            f"/queue/{item['id']}/assign",
            data={"csrf": csrf, "assignee": "two words"},
            headers={"Origin": BASE},
        )
        assert bad.status_code == 303
        assert "Invalid input" in page(await c.http.get("/queue")).one(id="flash").text
        unknown = await c.http.post(
            f"/queue/{uuid.uuid4()}/acknowledge", data={"csrf": csrf}, headers={"Origin": BASE}
        )
        assert unknown.status_code == 303
        assert "No escalation" in page(await c.http.get("/queue")).one(id="flash").text

        again = await c.http.get("/queue/sign-in?lang=en")  # the switch on a post's answer
        assert (again.status_code, again.headers["location"]) == (303, "/queue?lang=en")

        sign_out = await c.http.post(
            "/queue/sign-out", data={"csrf": csrf}, headers={"Origin": BASE}
        )
        assert sign_out.status_code == 303
        assert page(await c.http.get("/queue")).all("form", id="sign-in")
        # Signing out ended the session on the server: the old cookie, kept by a copy of it
        # (the browser deleted its own), no longer signs anyone in nor acts.
        c.http.cookies.set("qcdc_token", session_cookie, path="/queue")
        assert page(await c.http.get("/queue")).all("form", id="sign-in")
        replayed = await c.http.post(url, data={"csrf": csrf}, headers={"Origin": BASE})
        assert replayed.status_code == 401
