"""A city's stream for the benchmarks: Ho Chi Minh City's wards (../shared/data) publishing
postings and petitions as their services do, sourced into QCDC_CITY; and the baseline every
city figure is set beside, QCDC_CITY read and parsed by a raw nats-py consumer, nothing kept.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import time
import uuid
from pathlib import Path

import nats
from nats.js.api import ConsumerConfig, DeliverPolicy

from qcdc_petitions.contracts import PetitionDeadlineV1, PetitionReceivedV1
from qcdc_publicity.contracts import DeadlineV1, PostingPublishedV1
from qcdc_shared.envelope import Envelope, IntegrationEvent, build_envelope
from qcdc_shared.registry import Registry, Ward, dump_registry
from qcdc_shared.streams import CITY_STREAM, ensure_city_topology
from qcdc_shared.testing.waiting import eventually

HCMC = Path(__file__).resolve().parents[2] / "shared" / "data" / "hcmc_units_2025.csv"
VN = dt.timezone(dt.timedelta(hours=7))
# The events' times spread over this year (what an as-of instant falls inside).
YEAR_START = dt.datetime(2026, 1, 2, 8, tzinfo=VN)
# Events per aggregate (a posting republished, a petition's changes of state).
VERSIONS = 4


def wards(count: int) -> list[str]:
    if HCMC.is_file():
        with HCMC.open(encoding="utf-8") as rows:
            slugs = [row["slug"] for row in csv.DictReader(rows)]
    else:  # outside the workplace: made-up slugs, same shape
        slugs = [f"phuong-{n}" for n in range(1, 169)]
    return slugs[:count]


def registry_file(slugs: list[str], folder: Path) -> Path:
    """The gateway believes only its registry's wards: these, with made-up official codes."""
    registry = Registry(
        city="Thành phố Hồ Chí Minh",
        wards=[Ward(slug=slug, code=f"{n:05d}", name=slug) for n, slug in enumerate(slugs, 1)],
    )
    path = folder / "wards.toml"
    path.write_text(dump_registry(registry), encoding="utf-8")
    return path


def events_of(
    ward: str, n: int, start: dt.datetime
) -> list[tuple[IntegrationEvent, str, dt.datetime]]:
    """``n`` events of ``ward``: ``VERSIONS`` of each aggregate (half postings, half
    petitions), an aggregate's versions a day apart, the aggregates spread over a year."""
    aggregates = max(1, n // VERSIONS)
    step = dt.timedelta(days=360) / aggregates
    found: list[tuple[IntegrationEvent, str, dt.datetime]] = []
    for i in range(aggregates):
        subject, first = str(uuid.uuid4()), start + step * i
        for version in range(1, VERSIONS + 1):
            at = first + dt.timedelta(days=version - 1)
            found.append((event_of(ward, subject, i % 2 == 1, version, first, at), subject, at))
    return found[:n]


def event_of(
    ward: str, subject: str, posting: bool, version: int, first: dt.datetime, at: dt.datetime
) -> IntegrationEvent:
    due = first.date() + dt.timedelta(days=5)
    if posting:
        deadline = DeadlineV1(
            rule="PUB-DUE",
            due=due,
            due_at=dt.datetime.combine(due, dt.time.max, VN),
            explanation="…",
            explanation_en="…",
            table_version="bench",
        )
        return PostingPublishedV1(
            posting_id=subject,
            ward=ward,
            category=1 + version % 14,
            title="Kế hoạch",
            channels=["portal"],
            decided_on=first.date(),
            published_at=at,
            permanent=False,
            deadlines=[deadline],
            violations=[],
            version=version,
            status="published",
        )
    return PetitionReceivedV1(
        petition_id=subject,
        ward=ward,
        kind="feedback",
        status="received",
        received_on=first.date(),
        channel="online",
        deadlines=[
            PetitionDeadlineV1(
                rule="REC-REPLY",
                due=due,
                due_at=dt.datetime.combine(due, dt.time.max, VN),
                table_version="bench",
            )
        ],
        flags=[],
        version=version,
    )


async def fill(url: str, slugs: list[str], per_ward: int) -> int:
    """``per_ward`` more events of every ward (new aggregates, over a year) into its stream;
    returns how many QCDC_CITY holds once it has them all."""
    client = await nats.connect(url)
    try:
        js = client.jetstream()
        await ensure_city_topology(js, slugs)
        start = YEAR_START
        sent = (await js.stream_info(CITY_STREAM)).state.messages
        for ward in slugs:
            acks = []
            for event, subject, at in events_of(ward, per_ward, start):
                envelope = build_envelope(
                    event,
                    ward=ward,
                    aggregate_id=subject,
                    sequence=event.version,  # type: ignore[attr-defined]
                    time=at,
                )
                acks.append(
                    js.publish(
                        envelope.nats_subject,
                        envelope.to_json(),
                        headers={"Nats-Msg-Id": envelope.id},
                    )
                )
            await asyncio.gather(*acks)
            sent += len(acks)

        async def sourced() -> bool:  # the city stream copies the ward streams
            return bool((await js.stream_info(CITY_STREAM)).state.messages >= sent)

        await eventually(sourced, within=900, what="QCDC_CITY to source every ward stream")
        return sent
    finally:
        await client.close()


async def read_all(url: str) -> float:
    """The baseline: every event of QCDC_CITY read, parsed and acknowledged by an ephemeral
    pull consumer, nothing kept; events per second."""
    client = await nats.connect(url)
    try:
        js = client.jetstream()
        sub = await js.pull_subscribe(
            "qcdc.>", stream=CITY_STREAM, config=ConsumerConfig(deliver_policy=DeliverPolicy.ALL)
        )
        total = (await js.stream_info(CITY_STREAM)).state.messages
        done = 0
        began = time.perf_counter()
        while done < total:
            for message in await sub.fetch(500, timeout=5):
                Envelope.from_json(message.data)
                await message.ack()
                done += 1
        took = time.perf_counter() - began
        await sub.unsubscribe()
        return done / took
    finally:
        await client.close()
