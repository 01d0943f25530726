"""City monitoring end to end on a real nats-server: two wards' services and the gateway.

The scenario is a list of actions; the expected indicators are counted from that list alone
and compared with what the gateway computed from the events. Half the scenario runs while the
gateway is stopped (it catches up from QCDC_CITY); a rebuild from the stream gives the same
numbers; ``as_of`` an instant before the scenario excludes all of it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nats
import pytest

from qcdc_gateway.main import build as build_gateway
from qcdc_gateway.rebuild import rebuild
from qcdc_oversight.main import build as build_oversight
from qcdc_petitions.main import build as build_petitions
from qcdc_petitions.testing import PETITIONER
from qcdc_plans.main import build as build_plans
from qcdc_plans.testing import Plans
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.db import drop_database
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import Harness, running
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[2] / "deploy" / "wards.toml"
A, B = "ben-thanh", "sai-gon"


@dataclass(frozen=True)
class Posting:
    ward: str
    late: bool = False  # decided long before, so published after its PUB-DUE day
    withdrawn_early: bool = False


@dataclass(frozen=True)
class Petition:
    ward: str
    kind: str
    answered: bool = False


# The scenario, as the list of what officers and citizens do. Part two runs while the
# gateway is stopped.
PART_ONE = [
    Posting(A),
    Posting(A, late=True),
    Petition(A, "feedback", answered=True),
    Petition(A, "complaint"),
    Posting(B),
    Petition(B, "feedback"),
]
PART_TWO = [
    Posting(A, withdrawn_early=True),
    Petition(A, "denunciation"),
    Petition(B, "feedback", answered=True),
    Petition(B, "information_request"),
]
# Plus, in ward A: one residents' decision passed and recognised (publicity then posts its
# result: one more posting, on time) — see decide().


def expected(actions: list[Any], ward: str) -> dict[str, Any]:
    """The indicators the scenario must produce, counted from the actions only."""
    postings = [a for a in actions if isinstance(a, Posting) and a.ward == ward]
    petitions = [a for a in actions if isinstance(a, Petition) and a.ward == ward]
    decided = 1 if ward == A else 0
    published = len(postings) + decided
    on_time = sum(1 for p in postings if not p.late) + decided
    answered = [p for p in petitions if p.answered]
    early = sum(1 for p in postings if p.withdrawn_early)
    # Oversight runs in ward A only: it finds each late posting and each early withdrawal.
    late = sum(1 for p in postings if p.late) if ward == A else 0
    found = {"PUB-DUE": late, "PUB-MIN30": early if ward == A else 0}
    return {
        "postings_published": published,
        "postings_on_time": on_time,
        "postings_withdrawn_early": early,
        "postings_current": published - early,
        "petitions_received": len(petitions),
        "petitions_received_by_kind": dict(sorted(Counter(p.kind for p in petitions).items())),
        "petitions_answered": len(answered),
        "petitions_answered_on_time": len(answered),
        "petitions_open": len(petitions) - len(answered),
        "decisions_held": decided,
        "decisions_passed": decided,
        "decisions_recognised": decided,
        "violations_open": sum(found.values()),
        "violations_open_by_rule": {rule: n for rule, n in found.items() if n},
    }


class Ward:
    """One ward's services, driven over HTTP as its officers and citizens drive them."""

    def __init__(self, publicity: Harness, petitions: Harness) -> None:
        self.publicity, self.petitions = publicity, petitions
        self.officer = publicity.token("officer", sub="can-bo-1")

    async def do(self, action: Any) -> None:
        if isinstance(action, Posting):
            await self.post(action)
        else:
            await self.petition(action)

    async def post(self, action: Posting) -> None:
        now = self.publicity.now()
        published_at = now - dt.timedelta(days=3) if action.withdrawn_early else now
        decided = published_at - dt.timedelta(days=40 if action.late else 1)
        http = self.publicity.http
        draft = await http.post(
            "/postings",
            headers=self.officer,
            json={
                "category": 2,
                "title": "Dự toán ngân sách phường năm 2027",
                "body": "…",
                "channels": ["notice_board"],
                "decided_on": decided.date().isoformat(),
            },
        )
        posting = draft.json()["id"]
        published = await http.post(
            f"/postings/{posting}/publish",
            headers=self.officer,
            json={"published_at": published_at.isoformat()},
        )
        assert published.status_code == 200, published.text
        assert published.json()["violations"] == (["PUB-DUE"] if action.late else [])
        if action.withdrawn_early:
            withdrawn = await http.post(
                f"/postings/{posting}/withdraw",
                headers=self.officer,
                json={"reason": "Sửa số liệu"},
            )
            assert withdrawn.status_code == 200, withdrawn.text

    async def petition(self, action: Petition) -> None:
        http = self.petitions.http
        submitted = await http.post(
            "/petitions",
            headers=self.petitions.token("citizen", sub="cong-dan-1"),
            json={
                "kind": action.kind,
                "title": "Đề nghị",
                "body": "Nội dung",
                "petitioner": PETITIONER,
            },
        )
        assert submitted.status_code == 201, submitted.text
        petition = submitted.json()["id"]
        officer = self.petitions.token("officer", sub="can-bo-1")
        if action.kind in ("complaint", "denunciation"):
            accepted = await http.post(f"/petitions/{petition}/accept", headers=officer)
            assert accepted.status_code == 200, accepted.text
        if action.answered:
            answer = await http.post(
                f"/petitions/{petition}/answer", headers=officer, json={"text": "Đã xử lý."}
            )
            assert answer.status_code == 200, answer.text


async def decide(plans: Plans) -> None:
    """Ward A's residents pass a decision; the committee and the front recognise it."""
    await plans.register_group("TDP-01", households=30)
    today = plans.today()
    opened = await plans.ok(
        "POST",
        "/decisions",
        {
            "topic": 6,
            "title": "Giờ đóng cổng hẻm",
            "group": "TDP-01",
            "form": "meeting",
            "notice_at": str(plans.latest_notice(today)),
            "vote_at": str(today),
        },
        status=201,
    )
    url = f"/decisions/{opened['id']}"
    await plans.ok("POST", f"{url}/tally", {"yes": 20, "no": 5, "present": 26})
    assert (await plans.ok("POST", f"{url}/close"))["passed"] is True
    await plans.ok("POST", f"{url}/recognise", headers=plans.front())


def headline(ward: dict[str, Any]) -> dict[str, Any]:
    return {name: ward["indicators"][name] for name in expected([], A)}


async def test_two_wards_indicators_catch_up_rebuild_and_as_of(
    nats_server: NatsServer,
    database_url: str,
    city_clock: TestClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Batches of three: the rebuild must give the live figures over several batches too.
    monkeypatch.setattr("qcdc_gateway.rebuild.BATCH", 3)
    base = Settings(nats_url=nats_server.url, database_url=database_url)
    names = [f"{w}-{s}" for w in (A, B) for s in ("publicity", "petitions")]
    names += [f"{A}-plans", f"{A}-oversight", "gateway"]
    urls = {name: sibling_database_url(database_url, name.replace("-", "_")) for name in names}

    def settings(ward: str | None, service: str) -> Settings:
        key = f"{ward}-{service}" if ward else "gateway"
        return base.model_copy(
            update={
                "ward": ward or "city",
                "database_url": urls[key],
                "registry_file": str(REGISTRY),
            }
        )

    client = await nats.connect(nats_server.url)
    await ensure_city_topology(client.jetstream(), [A, B])
    await client.close()
    before = city_clock.now()
    gateway_settings = settings(None, "gateway")
    try:
        async with AsyncExitStack() as wards_running:
            wards = {}
            for ward in (A, B):
                publicity = await wards_running.enter_async_context(
                    running(Harness, build_publicity, settings(ward, "publicity"), nats_server.url)
                )
                petitions = await wards_running.enter_async_context(
                    running(Harness, build_petitions, settings(ward, "petitions"), nats_server.url)
                )
                wards[ward] = Ward(publicity, petitions)
            plans = await wards_running.enter_async_context(
                running(Plans, build_plans, settings(A, "plans"), nats_server.url)
            )
            oversight = await wards_running.enter_async_context(
                running(Harness, build_oversight, settings(A, "oversight"), nats_server.url)
            )

            async with running(Harness, build_gateway, gateway_settings, nats_server.url) as city:
                for action in PART_ONE:
                    await wards[action.ward].do(action)
                await decide(plans)

                async def part_one_seen() -> bool:
                    items = (await city.http.get("/api/wards")).json()["items"]
                    got = {w["slug"]: headline(w) for w in items if w["slug"] in (A, B)}
                    return got == {w: expected(PART_ONE, w) for w in (A, B)}

                await eventually(part_one_seen, within=30, what="part one in the city")

            # The gateway is down: the wards go on, and the city stream keeps everything.
            for action in PART_TWO:
                await wards[action.ward].do(action)
            for harness in (
                *[h for w in wards.values() for h in (w.publicity, w.petitions)],
                plans,
            ):
                await harness.drained()

            async def violation_detected() -> bool:
                found = (await oversight.http.get("/violations")).json()["items"]
                return sorted(v["rule"] for v in found) == ["PUB-DUE", "PUB-MIN30"]

            await eventually(violation_detected, within=20, what="oversight's PUB-MIN30")
            await oversight.drained()

        everything = PART_ONE + PART_TWO
        want = {w: expected(everything, w) for w in (A, B)}
        async with running(Harness, build_gateway, gateway_settings, nats_server.url) as city:

            async def caught_up() -> bool:
                items = (await city.http.get("/api/wards")).json()["items"]
                got = {w["slug"]: headline(w) for w in items if w["slug"] in (A, B)}
                return got == want

            await eventually(caught_up, within=30, what="the gateway to catch up")
            live = (await city.http.get("/api/city/indicators")).json()
            earlier = (
                await city.http.get("/api/city/indicators", params={"as_of": before.isoformat()})
            ).json()

        assert live["city"]["postings_published"] == sum(
            want[w]["postings_published"] for w in want
        )
        assert earlier["city"]["postings_published"] == 0
        assert earlier["city"]["petitions_received"] == 0

        registry = [ward.slug for ward in load_registry(REGISTRY).wards]
        folded = await rebuild(
            nats_url=nats_server.url, database_url=urls["gateway"], wards=registry
        )
        assert folded > 0
        async with running(Harness, build_gateway, gateway_settings, nats_server.url) as city:
            rebuilt = (
                await city.http.get("/api/city/indicators", params={"as_of": live["as_of"]})
            ).json()
        assert rebuilt["wards"] == live["wards"] and rebuilt["city"] == live["city"]
    finally:
        for url in urls.values():
            await drop_database(url)


async def test_an_escalated_denunciation_is_in_the_city_queue_once(
    nats_server: NatsServer, database_url: str
) -> None:
    """The petitions scenario's denunciation, left unresolved past DEN-RESOLVE (and its
    denouncer never notified, DEN-INTAKE.notice): the sweeper escalates each passed rule, the
    city queue shows each once, and only a city_monitor works them."""
    base = Settings(nats_url=nats_server.url, database_url=database_url)
    urls = {name: sibling_database_url(database_url, name) for name in ("petitions", "gateway")}
    client = await nats.connect(nats_server.url)
    await ensure_city_topology(client.jetstream(), [A, B])
    await client.close()
    petitions_settings = base.model_copy(update={"ward": A, "database_url": urls["petitions"]})
    gateway_settings = base.model_copy(
        update={"ward": "city", "database_url": urls["gateway"], "registry_file": str(REGISTRY)}
    )
    try:
        async with (
            running(Harness, build_petitions, petitions_settings, nats_server.url) as petitions,
            running(Harness, build_gateway, gateway_settings, nats_server.url) as city,
        ):
            await Ward(petitions, petitions).petition(Petition(A, "denunciation"))
            await petitions.advance_clock(dt.timedelta(days=120))
            monitor = city.token("city_monitor", sub="giam-sat-tp")

            async def queued() -> list[dict[str, Any]]:
                listed = await city.http.get(
                    "/api/escalations", params={"kind": "petition"}, headers=monitor
                )
                return [
                    item
                    for item in listed.json()["items"]
                    if item["petition_kind"] == "denunciation"
                ]

            await eventually(queued, within=30, what="the denunciation in the city queue")
            await petitions.drained()
            items = await queued()  # once per rule, whatever the sweeps since
            assert sorted(i["rule"] for i in items) == ["DEN-INTAKE.notice", "DEN-RESOLVE"]
            (item,) = (i for i in items if i["rule"] == "DEN-RESOLVE")
            assert item["ward"] == A and item["status"] == "open"
            url = f"/api/escalations/{item['id']}"
            officer = city.token("officer", ward=A, sub="can-bo-1")
            assert (await city.http.post(f"{url}/acknowledge", headers=officer)).status_code == 403
            assert (await city.http.post(f"{url}/acknowledge")).status_code == 401
            acknowledged = await city.http.post(f"{url}/acknowledge", headers=monitor)
            assert acknowledged.status_code == 200, acknowledged.text
            resolved = await city.http.post(
                f"{url}/resolve", headers=monitor, json={"resolution": "Đã chuyển thanh tra TP"}
            )
            assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
            statuses = {i["rule"]: i["status"] for i in await queued()}
            assert statuses == {"DEN-INTAKE.notice": "open", "DEN-RESOLVE": "resolved"}
    finally:
        for url in urls.values():
            await drop_database(url)
