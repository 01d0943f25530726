"""The city gateway at city scale: Ho Chi Minh City's 168 wards in QCDC_CITY.

- ``city_ingest_ratio``: the running gateway started on a filled QCDC_CITY, its durable
  consumer folding every event into the log and the facts, against the raw consumer of
  city_stream.read_all on the same stream (each round a fresh database and consumer);
- ``rebuild_events_per_s``: ``qcdc gateway rebuild``'s fold over the larger stream (a million
  events in the full run); the target is the whole rebuild within five minutes;
- ``overview_p99_ms``, ``ward_page_p99_ms``, ``as_of_p99_ms``: the city's indicators and a
  ward's dashboard page, as every viewer asks for them, and the indicators as of a different
  past day each time, read from the rebuilt database by a gateway that is not consuming (its
  NATS holds no QCDC_CITY), against ``/health`` served by the same app (the cost of a request
  that reads nothing). ``first_ms`` in the detail: the first request, which computes the view.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import nats
from city_stream import YEAR_START, fill, read_all, registry_file, wards
from figures import Figure, Scale, median, percentile
from sqlalchemy import func, select

from qcdc_gateway.adapters.tables import city_events
from qcdc_gateway.main import build as build_gateway
from qcdc_gateway.rebuild import rebuild
from qcdc_shared.db import make_engine
from qcdc_shared.settings import Settings
from qcdc_shared.streams import CITY_STREAM
from qcdc_shared.testing.service import Harness, running
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

DURABLE = "gateway-projections"
REBUILD_LIMIT_S = 300.0  # the whole rebuild of the full run's stream, on these cores
# A read figure stops after this long (at least MIN_READS requests): a view that takes seconds
# to compute would otherwise hold the bench for minutes.
READ_BUDGET_S = 40.0
MIN_READS = 10


async def logged(database_url: str) -> int:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            return int(await connection.scalar(select(func.count()).select_from(city_events)))
    finally:
        await engine.dispose()


async def forget_durable(nats_url: str) -> None:
    """A new round starts from the stream's first event, as a new city's gateway would."""
    client = await nats.connect(nats_url)
    try:
        try:
            await client.jetstream().delete_consumer(CITY_STREAM, DURABLE)
        except nats.js.errors.NotFoundError:
            pass
    finally:
        await client.close()


async def ingest(nats_url: str, database_url: str, registry: Path, events: int) -> float:
    """Events per second from the gateway's start (migrated, linked: its consumer may have
    begun) until its log holds them all."""
    settings = Settings(nats_url=nats_url, database_url=database_url, registry_file=str(registry))
    async with running(Harness, build_gateway, settings, nats_url) as gateway:
        began = time.perf_counter()

        async def caught_up() -> bool:
            async with gateway.runtime.sessionmaker() as session:
                newest = await session.scalar(select(func.max(city_events.c.position)))
            return bool(newest and newest >= events)

        await eventually(caught_up, within=3600, what="the gateway to catch up", every=0.25)
        took = time.perf_counter() - began
    return events / took


async def read_p99(
    http: httpx.AsyncClient, path: str, count: int, params: Callable[[int], dict[str, str]]
) -> dict[str, float]:
    """Percentiles in milliseconds of up to ``count`` sequential GETs (within
    ``READ_BUDGET_S``), after a first one whose time is kept apart (``first_ms``: what the
    first viewer after a change waits)."""
    began = time.perf_counter()
    (await http.get(path, params=params(0))).raise_for_status()
    first = (time.perf_counter() - began) * 1000
    samples: list[float] = []
    deadline = time.perf_counter() + READ_BUDGET_S
    for i in range(1, count + 1):
        began = time.perf_counter()
        response = await http.get(path, params=params(i))
        samples.append((time.perf_counter() - began) * 1000)
        response.raise_for_status()
        if time.perf_counter() > deadline and len(samples) >= MIN_READS:
            break
    return {
        "p99_ms": percentile(samples, 0.99),
        "p50_ms": percentile(samples, 0.5),
        "first_ms": first,
        "requests": len(samples),
    }


def same(_: int) -> dict[str, str]:
    return {}


def past_instant(i: int) -> dict[str, str]:
    """A different day of the year for each request: an as-of view is computed per instant."""
    return {"as_of": (YEAR_START + dt.timedelta(days=1 + i % 360)).isoformat()}


async def reads(
    database_url: str, registry: Path, folder: Path, slug: str, count: int
) -> dict[str, dict[str, float]]:
    quiet = NatsServer(folder / "quiet-nats").start()  # no QCDC_CITY: nothing to consume
    try:
        settings = Settings(
            nats_url=quiet.url,
            database_url=database_url,
            registry_file=str(registry),
            # One client stands for many viewers: as-of answered in well under 2 s would meet
            # the per-client limit of costly requests (30 a minute) within READ_BUDGET_S and
            # fail the figure with 429. The limiter itself still runs on every request.
            rate_limit_costly="1000000/minute",
        )
        async with running(Harness, build_gateway, settings, quiet.url) as gateway:
            http = gateway.http
            return {
                "health": await read_p99(http, "/health", count, same),
                "overview": await read_p99(http, "/api/city/indicators", count, same),
                "ward_page": await read_p99(http, f"/wards/{slug}", count, same),
                "as_of": await read_p99(http, "/api/city/indicators", count, past_instant),
            }
    finally:
        quiet.stop()


def say(line: str) -> None:
    """How far a twenty-minute run has come (stderr, beside the module's own timing)."""
    print(f"  city: {line}", file=sys.stderr, flush=True)


async def measure(scale: Scale, folder: Path) -> list[Figure]:
    slugs = wards(scale.wards)
    registry = registry_file(slugs, folder)
    server = NatsServer(folder / "nats").start()
    try:
        held = await fill(server.url, slugs, scale.city_events // len(slugs))
        baselines, rates = [], []
        for round_ in range(scale.rounds):
            baselines.append(await read_all(server.url))
            await forget_durable(server.url)
            url = f"sqlite+aiosqlite:///{folder}/ingest-{round_}.db"
            rates.append(await ingest(server.url, url, registry, held))
            say(f"ingest round {round_ + 1}: {rates[-1]:.0f} events/s, raw {baselines[-1]:.0f}")
        more = (scale.rebuild_events - held) // len(slugs)
        total = await fill(server.url, slugs, more) if more > 0 else held
        rebuild_baseline = await read_all(server.url)
        rebuilt_url = f"sqlite+aiosqlite:///{folder}/rebuilt.db"
        began = time.perf_counter()
        folded = await rebuild(nats_url=server.url, database_url=rebuilt_url, wards=slugs)
        rebuild_s = time.perf_counter() - began
        say(f"rebuild: {folded} events in {rebuild_s:.0f} s, raw {rebuild_baseline:.0f} events/s")
    finally:
        server.stop()
    assert folded == total, f"the rebuild folded {folded} of {total} events"
    assert await logged(rebuilt_url) == total
    read = await reads(rebuilt_url, registry, folder, slugs[0], scale.reads)
    health_p99 = read["health"]["p99_ms"]
    sizes = {"wards": len(slugs), "events": total}

    def read_figure(name: str, key: str, target: float) -> Figure:
        found = read[key]
        detail = {**found, **sizes}
        return Figure(
            name, found["p99_ms"], "ms", target, "below", baseline=health_p99, detail=detail
        )

    return [
        Figure(
            "city_ingest_ratio",
            median(rates),
            "events/s",
            0.5,
            "at_least",
            baseline=median(baselines),
            detail={"rounds": rates, "baseline_rounds": baselines, "events": held},
        ),
        Figure(
            "rebuild_events_per_s",
            folded / rebuild_s,
            "events/s",
            total / REBUILD_LIMIT_S,
            "at_least",
            baseline=rebuild_baseline,
            detail={"took_s": rebuild_s, "limit_s": REBUILD_LIMIT_S, **sizes},
            judge="value",
        ),
        read_figure("overview_p99_ms", "overview", 50.0),
        read_figure("ward_page_p99_ms", "ward_page", 50.0),
        read_figure("as_of_p99_ms", "as_of", 500.0),
    ]
