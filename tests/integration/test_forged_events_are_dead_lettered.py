"""Issue 15: an event nobody may believe changes no figure, at the city or in a ward.

Forged events go straight into ben-thanh's stream, as any process on NATS could put them there:
another ward in the envelope or in its data, a source that is not its ward, data against the
contract, a type with no contract, a sequence no aggregate reaches. One more comes from a ward
no longer in the registry (wards merge): its stream stays a source of QCDC_CITY, since the city
stream only ever adds sources, so the gateway sees its events and must not believe them.

Each lands in QCDC_DLQ with its reason, from the gateway's consumer of QCDC_CITY and from
ben-thanh's own (oversight's detector reads all of the ward's events); the city's figures and
its event log stay as they were, a genuine posting after them is counted, and a rebuild from
the stream folds the genuine events only.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import nats
import pytest
from nats.js import JetStreamContext
from sqlalchemy import select

from qcdc_gateway.adapters.tables import city_events
from qcdc_gateway.main import build as build_gateway
from qcdc_gateway.rebuild import rebuild
from qcdc_oversight.main import build as build_oversight
from qcdc_publicity.contracts import DeadlineV1, PostingPublishedV1
from qcdc_publicity.main import build as build_publicity
from qcdc_publicity.testing import Publicity
from qcdc_shared.db import drop_database
from qcdc_shared.envelope import build_envelope, dataschema_for
from qcdc_shared.provenance import MAX_SEQUENCE
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Settings
from qcdc_shared.streams import CITY_STREAM, DLQ_STREAM, ensure_city_topology
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import Harness, running
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[2] / "deploy" / "wards.toml"
A, B = "ben-thanh", "sai-gon"
GONE = "phuong-cu"  # merged away: no longer in the registry, its stream still sourced
HUGE = 9 * 10**18

Forge = Callable[[dict[str, Any]], None]


def posting(ward: str, now: dt.datetime, *, named: str | None = None, sequence: int = 1) -> Any:
    """A posting.published event as publicity would build it, ``named`` in its data."""
    due = now.date() + dt.timedelta(days=5)
    data = PostingPublishedV1(
        posting_id=str(uuid.uuid4()),
        ward=named or ward,
        category=1,
        title="Kế hoạch sử dụng đất",
        channels=["portal"],
        decided_on=now.date(),
        published_at=now,
        permanent=False,
        deadlines=[
            DeadlineV1(
                rule="PUB-DUE",
                due=due,
                due_at=dt.datetime.combine(due, dt.time(23, 59), now.tzinfo),
                explanation="…",
                explanation_en="…",
                table_version="forged",
            )
        ],
        violations=[],
        version=sequence,
        status="published",
    )
    return build_envelope(
        data, ward=ward, aggregate_id=data.posting_id, sequence=sequence, time=now
    )


def changed(ward: str, now: dt.datetime, forge: Forge, **options: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(posting(ward, now, **options).to_json())
    forge(document)
    return document


def forgeries(now: dt.datetime) -> dict[str, tuple[str, dict[str, Any], str]]:
    """name -> (subject, envelope, what the dead letter's reason says)."""
    on_a = f"qcdc.{A}.publicity.posting.published"

    def no_contract(document: dict[str, Any]) -> None:
        document["type"] = "vn.qcdc.publicity.posting.published.v9"
        document["dataschema"] = dataschema_for("publicity.posting.published", 9)

    def against_contract(document: dict[str, Any]) -> None:
        document["data"]["category"] = "seven"

    def other_source(document: dict[str, Any]) -> None:
        document["source"] = f"/wards/{B}/publicity"

    as_is: Forge = lambda document: None  # noqa: E731
    return {
        "another-ward": (
            on_a,
            changed(B, now, as_is),
            f"provenance: subject ward {A} != envelope ward {B}",
        ),
        "another-ward-in-data": (
            on_a,
            changed(A, now, as_is, named=B),
            f"provenance: data ward {B} != envelope ward {A}",
        ),
        "another-source": (on_a, changed(A, now, other_source), "malformed event"),
        "against-contract": (on_a, changed(A, now, against_contract), "contract: data['category']"),
        "no-contract": (
            on_a,
            changed(A, now, no_contract),
            "contract: no published contract for vn.qcdc.publicity.posting.published.v9",
        ),
        "huge-sequence": (
            on_a,
            changed(A, now, as_is, sequence=HUGE),
            f"sequence: {HUGE} is above MAX_SEQUENCE ({MAX_SEQUENCE})",
        ),
        "unknown-ward": (
            f"qcdc.{GONE}.publicity.posting.published",
            changed(GONE, now, as_is),
            f"unknown ward: {GONE} is not a ward this consumer serves",
        ),
    }


async def dead_letters(js: JetStreamContext) -> dict[str, dict[str, str]]:
    """consumer -> the forged message's Nats-Msg-Id -> reason."""
    sub = await js.pull_subscribe("dlq.>", stream=DLQ_STREAM)
    found: dict[str, dict[str, str]] = defaultdict(dict)
    try:
        while batch := await sub.fetch(50, timeout=0.5):
            for message in batch:
                letter = json.loads(message.data)
                msg_id = letter["original_headers"].get("Nats-Msg-Id", "")
                found[letter["consumer"]][msg_id] = letter["reason"]
    except TimeoutError:  # nats-py raises its own subclass, or the builtin
        pass
    await sub.unsubscribe()
    return found


async def indicators(city: Harness) -> dict[str, Any]:
    items = (await city.http.get("/api/wards")).json()["items"]
    return {ward["slug"]: ward["indicators"] for ward in items}


async def logged_ids(city: Harness) -> set[str]:
    async with city.runtime.sessionmaker() as session:
        return set(await session.scalars(select(city_events.c.id)))


async def test_forged_events_are_dead_lettered_and_move_no_figure(
    nats_server: NatsServer, database_url: str, city_clock: TestClock
) -> None:
    registry = [ward.slug for ward in load_registry(REGISTRY).wards]
    assert GONE not in registry
    base = Settings(nats_url=nats_server.url, database_url=database_url)
    urls = {
        name: sibling_database_url(database_url, name)
        for name in ("publicity", "oversight", "gateway")
    }

    def settings(ward: str, service: str) -> Settings:
        return base.model_copy(
            update={"ward": ward, "database_url": urls[service], "registry_file": str(REGISTRY)}
        )

    client = await nats.connect(nats_server.url)
    js = client.jetstream()
    await ensure_city_topology(js, [*registry, GONE])
    now = city_clock.now()
    forged = forgeries(now)
    try:
        async with AsyncExitStack() as stack:
            publicity = await stack.enter_async_context(
                running(Publicity, build_publicity, settings(A, "publicity"), nats_server.url)
            )
            await stack.enter_async_context(
                running(Harness, build_oversight, settings(A, "oversight"), nats_server.url)
            )
            city = await stack.enter_async_context(
                running(Harness, build_gateway, settings("city", "gateway"), nats_server.url)
            )
            before = await indicators(city)

            for name, (subject, document, _) in forged.items():
                headers = {"Nats-Msg-Id": f"forged-{name}"}
                await js.publish(subject, json.dumps(document).encode(), headers=headers)

            async def all_refused() -> bool:
                letters = await dead_letters(js)
                return (
                    len(letters["gateway-projections"]) == len(forged)
                    and len(letters["oversight-detector"]) == len(forged) - 1
                )

            await eventually(all_refused, within=30, what="every forgery dead-lettered")
            letters = await dead_letters(js)
            for name, (_, _, reason) in forged.items():
                assert reason in letters["gateway-projections"][f"forged-{name}"], name
                if name != "unknown-ward":  # not on ben-thanh's subjects
                    assert reason in letters["oversight-detector"][f"forged-{name}"], name
            assert await indicators(city) == before
            assert not await logged_ids(city) & {d["id"] for _, d, _ in forged.values()}

            # A genuine posting after them: the consumers carry on and the city counts it.
            await publicity.published(category=2, title="Dự toán ngân sách phường năm 2027")

            async def counted() -> bool:
                return bool((await indicators(city))[A]["postings_published"] == 1)

            await eventually(counted, within=30, what="the genuine posting in the city")
            after = await indicators(city)
            assert {ward: after[ward] for ward in after if ward != A} == {
                ward: before[ward] for ward in before if ward != A
            }
            genuine = await logged_ids(city)
            assert len(genuine) == 1

        sourced = (await js.stream_info(CITY_STREAM)).state.messages
        assert sourced == len(forged) + len(genuine)
        folded = await rebuild(
            nats_url=nats_server.url, database_url=urls["gateway"], wards=registry
        )
        assert folded == len(genuine)
    finally:
        await client.close()
        for url in urls.values():
            await drop_database(url)
