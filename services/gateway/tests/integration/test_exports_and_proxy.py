"""Open-data exports from real contract events consumed through QCDC_CITY (the facts they
carry, in CSV that the csv module reads and in JSON, and nothing personal), and the ward
routing proxy in front of a real publicity service served by uvicorn."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest

from qcdc_gateway.main import build
from qcdc_oversight.contracts import SubjectV1, ViolationDetectedV1
from qcdc_petitions.main import build as build_petitions
from qcdc_plans.contracts import DecisionClosedV1, DecisionRecognisedV1
from qcdc_publicity.contracts import DeadlineV1, PostingPublishedV1, PostingWithdrawnV1
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.auth import mint_development_token
from qcdc_shared.db import drop_database
from qcdc_shared.envelope import Envelope, IntegrationEvent, build_envelope
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import serving
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer, free_port

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[4] / "deploy" / "wards.toml"
VN = dt.timezone(dt.timedelta(hours=7))
AT = dt.datetime(2026, 11, 2, 9, 0, tzinfo=VN)
DAY = AT.date()
# Free text the wards publish in their events: none of it may reach an export.
POSTING_TITLE = "Danh sách hộ nghèo tổ 5 — ông Nguyễn Văn An"
WITHDRAWAL_REASON = "Gỡ theo đề nghị của bà Trần Thị Bình"
DECISION_TITLE = "Góp vốn nâng cấp hẻm 12"


@asynccontextmanager
async def gateway(
    settings: Settings, *, callers: tuple[str, ...] = ("127.0.0.1",)
) -> AsyncIterator[Any]:
    """The gateway's client, or with several ``callers``, one client per caller's address."""
    app = build(settings)
    async with app.router.lifespan_context(app), contextlib.AsyncExitStack() as clients:
        https = [
            await clients.enter_async_context(
                httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=app, client=(address, 50000)),
                    base_url="http://gateway",
                )
            )
            for address in callers
        ]
        yield https[0] if len(https) == 1 else https


def envelope(event: IntegrationEvent, ward: str, subject: str, sequence: int) -> Envelope:
    return build_envelope(event, ward=ward, aggregate_id=subject, sequence=sequence, time=AT)


def posting_state(ward: str, posting_id: str) -> dict[str, Any]:
    return {
        "posting_id": posting_id,
        "ward": ward,
        "category": 3,
        "title": POSTING_TITLE,
        "channels": ["notice_board"],
        "decided_on": DAY,
        "published_at": AT,
        "permanent": False,
        "deadlines": [
            DeadlineV1(
                rule="PUB-DUE",
                due=DAY,
                due_at=dt.datetime.combine(DAY, dt.time(23, 59, 59), VN),
                explanation="Công khai chậm nhất 2 ngày làm việc.",
                explanation_en="Within two working days.",
                table_version="test",
            )
        ],
    }


def city_events() -> list[Envelope]:
    decision = {
        "decision_id": "d-1",
        "ward": "ben-thanh",
        "topic": 1,
        "title": DECISION_TITLE,
        "residential_group": "TDP-05",
        "form": "meeting",
        "households_total": 90,
        "passed": True,
        "decided_on": DAY,
    }
    return [
        envelope(
            PostingPublishedV1(
                **posting_state("ben-thanh", "p-1"), violations=[], version=1, status="published"
            ),
            "ben-thanh",
            "p-1",
            1,
        ),
        envelope(
            PostingWithdrawnV1(
                **posting_state("sai-gon", "p-2"),
                violations=["PUB-MIN30"],
                version=2,
                status="withdrawn",
                withdrawn_at=AT + dt.timedelta(days=3),
                reason=WITHDRAWAL_REASON,
            ),
            "sai-gon",
            "p-2",
            2,
        ),
        envelope(
            DecisionClosedV1(
                **decision,
                version=3,
                counted="meeting_tally",
                yes=61,
                no=9,
                abstain=2,
                present=72,
                threshold=60,
                share="2/3",
                comparison="at_least",
                rule="DEC-PASS.money",
                table_version="test",
                closed_at=AT,
                record_due=DAY + dt.timedelta(days=2),
            ),
            "ben-thanh",
            "d-1",
            3,
        ),
        envelope(
            DecisionRecognisedV1(
                **decision,
                households_for=61,
                households_against=9,
                recognition="recognised",
                recognised_on=DAY + dt.timedelta(days=1),
                version=4,
            ),
            "ben-thanh",
            "d-1",
            4,
        ),
        envelope(
            ViolationDetectedV1(
                violation_id="v-1",
                ward="sai-gon",
                rule="PUB-MIN30",
                subject=SubjectV1(kind="posting", id="p-2"),
                evidence=["ev-proof-77"],
                occurred_at=AT + dt.timedelta(days=3),
                detected_at=AT + dt.timedelta(days=3),
                version=1,
            ),
            "sai-gon",
            "v-1",
            1,
        ),
    ]


def read_csv(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Vietnamese
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


async def test_exports_carry_the_published_facts_and_nothing_personal(
    nats_server: NatsServer, database_url: str
) -> None:
    client = await nats.connect(nats_server.url)
    try:
        js = client.jetstream()
        await ensure_city_topology(js, ["ben-thanh", "sai-gon"])
        sent = city_events()
        for event in sent:
            await js.publish(event.nats_subject, event.to_json(), headers={"Nats-Msg-Id": event.id})
    finally:
        await client.close()
    settings = Settings(
        nats_url=nats_server.url, database_url=database_url, registry_file=str(REGISTRY)
    )
    async with gateway(settings) as http:

        async def consumed() -> bool:
            return bool((await http.get("/api/events")).json()["total"] == len(sent))

        await eventually(consumed, within=20, what="the gateway to consume every event")
        described = {
            d["name"]: d for d in (await http.get("/api/export/fields.json")).json()["datasets"]
        }
        queries: dict[str, dict[str, Any]] = {
            "indicators": {"ward": ["ben-thanh", "sai-gon"], "year": 2026},
            "postings": {},
            "decisions": {},
            "violations": {"ward": "sai-gon"},
        }
        files = {
            f"{name}.{fmt}": await http.get(f"/api/export/{name}.{fmt}", params=params)
            for name, params in queries.items()
            for fmt in ("csv", "json")
        }
        unknown_ward = await http.get("/api/export/postings.csv", params={"ward": "atlantis"})
        unknown_format = await http.get("/api/export/postings.xlsx")

    for name, response in files.items():
        assert response.status_code == 200, (name, response.text)
        disposition = response.headers["content-disposition"]
        assert disposition == f'attachment; filename="{name}"'
        for text in (POSTING_TITLE, WITHDRAWAL_REASON, DECISION_TITLE, "ev-proof-77"):
            assert text not in response.content.decode("utf-8-sig"), (name, text)
    for name, dataset in described.items():
        columns = [f["name"] for f in dataset["fields"]]
        rows = read_csv(files[f"{name}.csv"])
        assert list(rows[0]) == columns, name
        items = files[f"{name}.json"].json()
        assert items["total"] == len(items["items"]) == len(rows) and items["next_cursor"] is None
        assert all(list(item) == columns for item in items["items"]), name

    postings = {row["posting_id"]: row for row in read_csv(files["postings.csv"])}
    assert postings["p-1"] | {"published_at": ""} == {
        "posting_id": "p-1",
        "ward": "ben-thanh",
        "category": "3",
        "status": "published",
        "decided_on": "2026-11-02",
        "published_at": "",
        "pub_due_met": "true",
        "withdrawn_at": "",
        "withdrawn_early": "",
    }
    assert dt.datetime.fromisoformat(postings["p-1"]["published_at"]) == AT
    assert (postings["p-2"]["status"], postings["p-2"]["withdrawn_early"]) == ("withdrawn", "true")
    (decision,) = files["decisions.json"].json()["items"]
    assert {k: decision[k] for k in ("decision_id", "ward", "topic", "residential_group")} == {
        "decision_id": "d-1",
        "ward": "ben-thanh",
        "topic": 1,
        "residential_group": "TDP-05",
    }
    assert (decision["yes"], decision["passed"], decision["rule"]) == (61, True, "DEC-PASS.money")
    assert (decision["recognition"], decision["recognised_on"]) == ("recognised", "2026-11-03")
    (violation,) = read_csv(files["violations.csv"])
    assert (violation["violation_id"], violation["ward"], violation["rule"]) == (
        "v-1",
        "sai-gon",
        "PUB-MIN30",
    )
    assert (violation["subject_kind"], violation["subject_id"], violation["status"]) == (
        "posting",
        "p-2",
        "open",
    )
    indicators = {row["ward"]: row for row in read_csv(files["indicators.csv"])}
    assert list(indicators) == ["ben-thanh", "sai-gon"]
    assert indicators["ben-thanh"]["ward_name"] == "Phường Bến Thành"
    assert indicators["ben-thanh"]["period"] == "2026"
    assert indicators["ben-thanh"]["postings_published"] == "1"
    assert indicators["ben-thanh"]["decisions_recognised"] == "1"
    assert indicators["sai-gon"]["postings_withdrawn_early"] == "1"
    assert json.loads(indicators["sai-gon"]["violations_open_by_rule"]) == {"PUB-MIN30": 1}
    assert indicators["ben-thanh"]["postings_on_time_pct"] == "100.0"
    assert indicators["sai-gon"]["petitions_answered_on_time_pct"] == ""  # null: no sample
    as_json = {i["ward"]: i for i in files["indicators.json"].json()["items"]}
    assert as_json["sai-gon"]["violations_open_by_rule"] == {"PUB-MIN30": 1}
    assert unknown_ward.status_code == 404
    assert unknown_ward.headers["content-type"].startswith("application/problem+json")
    assert unknown_format.status_code in (404, 422)


async def test_the_proxy_carries_the_callers_token_to_the_wards_service(
    nats_server: NatsServer, database_url: str, tmp_path: Path
) -> None:
    publicity_url = sibling_database_url(database_url, "publicity")
    ward = Settings(ward="ben-thanh", nats_url=nats_server.url, database_url=publicity_url)
    try:
        async with serving(build_publicity(ward)) as publicity:
            topology = tmp_path / "topology.json"
            closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
            topology.write_text(
                json.dumps({"wards": {"ben-thanh": {"publicity": publicity, "plans": closed}}})
            )
            settings = Settings(
                nats_url=nats_server.url,
                database_url=database_url,
                registry_file=str(REGISTRY),
                topology_file=str(topology),
            )
            officer = mint_development_token(settings, role="officer", ward="ben-thanh")
            stranger = mint_development_token(settings, role="officer", ward="sai-gon")
            draft = {
                "category": 1,
                "title": "Kế hoạch sử dụng đất năm 2027",
                "body": "Toàn văn kế hoạch.",
                "channels": ["notice_board"],
                "decided_on": str(DAY),
            }
            base = "/api/wards/ben-thanh/publicity"
            async with gateway(settings) as http:
                created = await http.post(
                    f"{base}/postings",
                    json=draft,
                    headers={"Authorization": f"Bearer {officer}"},
                )
                anonymous = await http.post(f"{base}/postings", json=draft)
                other_ward = await http.post(
                    f"{base}/postings", json=draft, headers={"Authorization": f"Bearer {stranger}"}
                )
                read = await http.get(
                    f"{base}/postings/{created.json()['id']}",
                    headers={"Authorization": f"Bearer {officer}"},
                )
                bad_query = await http.get(f"{base}/postings", params={"limit": 0})
                down = await http.get("/api/wards/ben-thanh/plans/plans")
                unknown_url = await http.get("/api/wards/ben-thanh/oversight/violations")
                no_ward = await http.get("/api/wards/atlantis/publicity/postings")
                no_service = await http.get("/api/wards/ben-thanh/bank/accounts")
                heads = await http.get("/api/wards/ben-thanh/ledger-heads")
                # The public ward list and a ward's page: no internal address of a service.
                listed = [await http.get(path) for path in ("/api/wards", "/api/wards/ben-thanh")]
                operations = (await http.get("/openapi.json")).json()["paths"]
    finally:
        await drop_database(publicity_url)

    assert created.status_code == 201, created.text
    assert created.headers["content-type"] == "application/json"
    assert created.json()["title"] == draft["title"] and created.json()["status"] == "draft"
    assert read.status_code == 200 and read.json()["id"] == created.json()["id"]
    assert anonymous.status_code == 401  # the ward service decided, not the gateway
    assert anonymous.headers["www-authenticate"] == "Bearer"
    assert other_ward.status_code == 403
    assert bad_query.status_code == 422  # the query string went along
    assert bad_query.headers["content-type"].startswith("application/problem+json")
    for response in (down, unknown_url):
        assert response.status_code == 503, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["detail"].startswith("Dịch vụ") and "not running" in problem["detail_en"]
    for response in (no_ward, no_service):
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/problem+json")
    assert heads.status_code == 200 and set(heads.json()) == {"items", "total", "next_cursor"}
    for response in (*listed, down, unknown_url):
        internal = [url for url in (publicity, closed, "127.0.0.1") if url in response.text]
        assert internal == [], (response.request.url, response.text)
    proxied = operations["/api/wards/{ward}/{service}/{path}"]
    assert set(proxied) == {"get", "post", "put", "patch", "delete"}
    assert all(op["x-access"] == {"public": True} for op in proxied.values())
    for path in ("/api/events", "/api/stream", "/api/export/fields.json"):
        assert operations[path]["get"]["x-access"] == {"public": True}


async def test_a_ward_counts_the_citizens_behind_the_proxy_not_the_gateway(
    nats_server: NatsServer, database_url: str, tmp_path: Path
) -> None:
    petitions_url = sibling_database_url(database_url, "petitions")
    ward = Settings(
        ward="ben-thanh",
        nats_url=nats_server.url,
        database_url=petitions_url,
        rate_limit_lookup="2/minute",
    )
    try:
        async with serving(build_petitions(ward)) as petitions:
            topology = tmp_path / "topology.json"
            topology.write_text(json.dumps({"wards": {"ben-thanh": {"petitions": petitions}}}))
            settings = Settings(
                nats_url=nats_server.url,
                database_url=database_url,
                registry_file=str(REGISTRY),
                topology_file=str(topology),
            )
            track = "/api/wards/ben-thanh/petitions/petitions/track/BT-2345-6789-ABCD-EFGH"
            async with gateway(settings, callers=("198.51.100.1", "198.51.100.2")) as (one, two):
                first = [(await one.get(track)).status_code for _ in range(3)]
                second = (await two.get(track)).status_code
    finally:
        await drop_database(petitions_url)
    assert first == [404, 404, 429]  # the ward's limit, counted for this citizen
    assert second == 404  # another citizen through the same gateway is not held back
