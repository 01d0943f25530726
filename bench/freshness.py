"""How fresh the city's picture is: from a ward's commit to the city seeing the event.

Ten wards commit petitions at ``freshness_rate`` a second in all (open loop: each commit at
its appointed instant, whatever the ones before it cost), each in its own transaction through
the transactional outbox, each ward's own ``OutboxRelay`` woken after the commit as the
service wakes it. The gateway runs as its own uvicorn process, as ``qcdc run`` starts it, and
the city "sees" an event when the gateway's ``/api/stream`` delivers it (the consumer wakes the
stream after its transaction commits). ``freshness_p99_ms``: the 99th percentile of commit to
delivery. Its baseline is the same path with no gateway: commit to the ward stream's
acknowledgement, what the relay alone costs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import nats
from city_stream import registry_file, wards
from figures import Figure, Scale, percentile
from relay import events

from qcdc_shared.db import infrastructure_metadata, make_engine, make_sessionmaker
from qcdc_shared.migrations import upgrade
from qcdc_shared.outbox import OutboxRelay, add_to_outbox
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer, free_port

TARGET_MS = 250.0


class Ward:
    def __init__(self, slug: str, database_url: str, js: nats.js.JetStreamContext) -> None:
        self.slug = slug
        self.engine = make_engine(database_url)
        self.sessions = make_sessionmaker(self.engine)
        self.acked: dict[str, float] = {}

        async def publish(subject: str, payload: bytes, **options: object) -> object:
            ack = await js.publish(subject, payload, **options)  # type: ignore[arg-type]
            self.acked[json.loads(payload)["id"]] = time.perf_counter()
            return ack

        self.relay = OutboxRelay(self.sessions, publish)


def start_gateway(
    folder: Path, nats_url: str, registry: Path
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "QCDC_NATS_URL": nats_url,
        "QCDC_DATABASE_URL": f"sqlite+aiosqlite:///{folder}/gateway.db",
        "QCDC_REGISTRY_FILE": str(registry),
        "QCDC_VAR_DIR": str(folder / "var"),
    }
    log = (folder / "gateway.log").open("ab")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "qcdc_gateway.main:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return process, f"http://127.0.0.1:{port}"


async def watch(url: str, seen: dict[str, float], ready: asyncio.Event) -> None:
    """Every event ``/api/stream`` delivers, with the instant it arrived."""
    async with httpx.AsyncClient(timeout=None) as http:
        async with http.stream("GET", f"{url}/api/stream") as response:
            response.raise_for_status()
            async for line in response.aiter_lines():
                ready.set()
                if line.startswith("data: "):
                    seen[json.loads(line[6:])["id"]] = time.perf_counter()


async def measure(scale: Scale, folder: Path) -> list[Figure]:
    slugs = wards(scale.freshness_wards)
    registry = registry_file(slugs, folder)
    server = NatsServer(folder / "nats").start()
    gateway: subprocess.Popen[bytes] | None = None
    tasks: list[asyncio.Task[None]] = []
    client = await nats.connect(server.url)
    try:
        js = client.jetstream()
        await ensure_city_topology(js, slugs)
        gateway, url = start_gateway(folder, server.url, registry)
        async with httpx.AsyncClient() as http:

            async def linked() -> bool:
                with contextlib.suppress(httpx.HTTPError):
                    return bool((await http.get(f"{url}/health")).json()["nats"]["connected"])
                return False

            await eventually(linked, within=60, what="the gateway to start")
        seen: dict[str, float] = {}
        ready = asyncio.Event()
        tasks.append(asyncio.create_task(watch(url, seen, ready)))
        await asyncio.wait_for(ready.wait(), 30)
        city: list[Ward] = []
        for slug in slugs:
            database_url = f"sqlite+aiosqlite:///{folder}/{slug}.db"
            await upgrade(
                database_url, service_versions=None, target_metadata=[infrastructure_metadata]
            )
            ward = Ward(slug, database_url, js)
            city.append(ward)
            tasks.append(asyncio.create_task(ward.relay.run()))
        total = int(scale.freshness_rate * scale.freshness_seconds)
        load = events(total)  # one ward's shape; re-stamped per ward below
        committed: dict[str, float] = {}
        began = time.perf_counter()
        for i, envelope in enumerate(load):
            ward = city[i % len(city)]
            envelope = envelope.model_copy(
                update={
                    "ward": ward.slug,
                    "source": f"/wards/{ward.slug}/petitions",
                    "data": {**envelope.data, "ward": ward.slug},
                }
            )
            await asyncio.sleep(max(0.0, began + i / scale.freshness_rate - time.perf_counter()))
            async with ward.sessions.begin() as session:
                await add_to_outbox(session, envelope)
            committed[envelope.id] = time.perf_counter()
            ward.relay.notify()

        async def all_seen() -> bool:
            return len(seen.keys() & committed.keys()) == len(committed)

        await eventually(all_seen, within=120, what="the city to see every event")
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await client.close()
        if gateway is not None:
            gateway.terminate()
            gateway.wait(timeout=30)
        server.stop()
    latencies = [(seen[i] - at) * 1000 for i, at in committed.items()]
    acked = {i: t for ward in city for i, t in ward.acked.items()}
    relay_only = [(acked[i] - at) * 1000 for i, at in committed.items()]
    for ward in city:
        await ward.engine.dispose()
    return [
        Figure(
            "freshness_p99_ms",
            percentile(latencies, 0.99),
            "ms",
            TARGET_MS,
            "below",
            baseline=percentile(relay_only, 0.99),
            detail={
                "p50_ms": percentile(latencies, 0.5),
                "max_ms": max(latencies),
                "relay_p50_ms": percentile(relay_only, 0.5),
                "events": len(latencies),
                "rate_per_s": scale.freshness_rate,
                "wards": len(slugs),
            },
        )
    ]
