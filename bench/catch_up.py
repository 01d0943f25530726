"""How fast the city gateway catches up: QCDC_CITY folded into the city's projections.

Fills the wards' streams (by default Ho Chi Minh City's 168 units from ../shared/data) with
postings and petitions as their services publish them, then times, in this one process:

- the baseline: reading every event of QCDC_CITY and parsing its envelope, nothing else;
- the rebuild: ``qcdc gateway rebuild`` doing the same and folding it into the gateway's
  database (SQLite by default, or ``--database-url``), a batch per transaction;
- the catch-up: the gateway itself started on that backlog, its durable consumer taking each
  event in its own inbox transaction, as after an hour offline.

It prints both rates and their ratio (how much of the reading speed the projection keeps), so
numbers from different machines compare. Run with ``make bench``.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import tempfile
import time
import uuid
from pathlib import Path

import nats
from nats.js.api import ConsumerConfig, DeliverPolicy
from sqlalchemy import func, select

from qcdc_gateway.adapters.tables import city_events
from qcdc_gateway.main import build as build_gateway
from qcdc_gateway.rebuild import rebuild
from qcdc_petitions.contracts import PetitionDeadlineV1, PetitionReceivedV1
from qcdc_publicity.contracts import DeadlineV1, PostingPublishedV1
from qcdc_shared.db import drop_database
from qcdc_shared.envelope import Envelope, IntegrationEvent, build_envelope
from qcdc_shared.registry import Registry, Ward, dump_registry
from qcdc_shared.settings import Settings
from qcdc_shared.streams import CITY_STREAM, ensure_city_topology
from qcdc_shared.testing.service import Harness, running
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

HCMC = Path(__file__).resolve().parents[2] / "shared" / "data" / "hcmc_units_2025.csv"
VN = dt.timezone(dt.timedelta(hours=7))


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


def events_of(ward: str, n: int, start: dt.datetime) -> list[tuple[IntegrationEvent, str]]:
    due = start.date() + dt.timedelta(days=5)
    found: list[tuple[IntegrationEvent, str]] = []
    for i in range(n):
        at = start + dt.timedelta(minutes=i)
        subject = str(uuid.uuid4())
        if i % 2:
            deadline = DeadlineV1(
                rule="PUB-DUE",
                due=due,
                due_at=dt.datetime.combine(due, dt.time.max, VN),
                explanation="…",
                explanation_en="…",
                table_version="bench",
            )
            event: IntegrationEvent = PostingPublishedV1(
                posting_id=subject,
                ward=ward,
                category=1 + i % 14,
                title="Kế hoạch",
                channels=["portal"],
                decided_on=start.date(),
                published_at=at,
                permanent=False,
                deadlines=[deadline],
                violations=[],
                version=1,
                status="published",
            )
        else:
            event = PetitionReceivedV1(
                petition_id=subject,
                ward=ward,
                kind="feedback",
                status="received",
                received_on=start.date(),
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
                version=1,
            )
        found.append((event, subject))
    return found


async def fill(url: str, slugs: list[str], per_ward: int) -> int:
    client = await nats.connect(url)
    try:
        js = client.jetstream()
        await ensure_city_topology(js, slugs)
        start = dt.datetime(2026, 11, 2, 8, tzinfo=VN)
        sent = 0
        for ward in slugs:
            acks = []
            for event, subject in events_of(ward, per_ward, start):
                envelope = build_envelope(
                    event, ward=ward, aggregate_id=subject, sequence=1, time=start
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

        await eventually(sourced, within=120, what="QCDC_CITY to source every ward stream")
        return sent
    finally:
        await client.close()


async def read_all(url: str) -> int:
    """The baseline: every event of QCDC_CITY read and parsed, nothing kept."""
    client = await nats.connect(url)
    try:
        js = client.jetstream()
        sub = await js.pull_subscribe(
            "qcdc.>", stream=CITY_STREAM, config=ConsumerConfig(deliver_policy=DeliverPolicy.ALL)
        )
        total = (await js.stream_info(CITY_STREAM)).state.messages
        done = 0
        while done < total:
            for message in await sub.fetch(500, timeout=5):
                Envelope.from_json(message.data)
                await message.ack()
                done += 1
        return done
    finally:
        await client.close()


async def live_catch_up(nats_url: str, database_url: str, registry: Path, events: int) -> float:
    """The gateway started on a backlog: events per second until its log holds them all."""
    settings = Settings(nats_url=nats_url, database_url=database_url, registry_file=str(registry))
    began = time.perf_counter()
    async with running(Harness, build_gateway, settings, nats_url) as gateway:

        async def logged() -> bool:
            async with gateway.runtime.sessionmaker() as session:
                count = await session.scalar(select(func.count()).select_from(city_events))
            return bool(count and count >= events)

        await eventually(logged, within=3600, what="the gateway to catch up")
    return events / (time.perf_counter() - began)


async def main(ward_count: int, per_ward: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        server = NatsServer(Path(folder) / "nats").start()
        try:
            slugs = wards(ward_count)
            sent = await fill(server.url, slugs, per_ward)
            began = time.perf_counter()
            read = await read_all(server.url)
            baseline = read / (time.perf_counter() - began)
            url = database_url or f"sqlite+aiosqlite:///{folder}/gateway.db"
            began = time.perf_counter()
            folded = await rebuild(nats_url=server.url, database_url=url, wards=slugs)
            rebuilt = folded / (time.perf_counter() - began)
            live_url = f"{url}_live" if database_url else f"sqlite+aiosqlite:///{folder}/live.db"
            registry = registry_file(slugs, Path(folder))
            catch_up = await live_catch_up(server.url, live_url, registry, sent)
            if database_url:
                await drop_database(live_url)
        finally:
            server.stop()
    print(f"wards {len(slugs)}, events {sent}")
    print(f"baseline (read and parse QCDC_CITY): {baseline:8.0f} events/s")
    print(f"rebuild (fold, a batch per transaction): {rebuilt:8.0f} events/s")
    print(f"catch-up (the running gateway's consumer): {catch_up:8.0f} events/s")
    print(
        f"ratios to the baseline: rebuild {rebuilt / baseline:.3f}, "
        f"catch-up {catch_up / baseline:.3f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=168)
    parser.add_argument("--events-per-ward", type=int, default=30)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    asyncio.run(main(args.wards, args.events_per_ward, args.database_url))
