"""What the platform costs as processes: a city that starts, its memory, and its intake.

A user meets the platform as ``qcdc run``, not as an ASGI app under test, so these figures
start the real launcher (``qcdc run --empty``, three wards of the registry: its own
nats-server, SQLite under its var folder, nothing else needed) and measure it from outside:

- ``city_start_s``: from the command to every service answering ``/health`` as itself, beside
  as many bare uvicorn processes of a one-route app. Both pay for interpreters, imports and
  binding a port; the difference is what the platform adds (migrations, NATS links, rule
  books), which is why the target is a multiple of the baseline and not a number of seconds.
- ``rss_mb_max``: the largest resident set of any service process, at rest and under the
  intake load, read from ``/proc`` (a service's children count with it).
- ``intake_ratio``: petitions per second through one ward's petitions service over HTTP,
  beside a bare FastAPI + SQLAlchemy endpoint writing one row of the same JSON body into the
  same kind of database: the share of a plain insert's speed the service keeps while it also
  authorises, seals the petitioner, computes deadlines, audits and fills its outbox.

Every round starts from a fresh var folder, so each start is a first start. The baselines run
while the city is stopped, so they never share the machine with it. Figures of the median
round; each round's values, and the CPU each process spent (steadier than wall time on a busy
machine), are kept in the details.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bare_apps import DATABASE_URL, bare_intake, bare_start
from figures import Figure, Scale, Stopwatch, median
from intake_load import Intake, intake
from process_tools import (
    POLL_S,
    START_TIMEOUT_S,
    Peaks,
    Started,
    exited,
    rss_mb,
    spawn,
    stop_all,
    tail,
    wait_healthy,
)
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from qcdc_shared.db import drop_database, is_sqlite
from qcdc_shared.registry import load_registry
from qcdc_shared.tooling.nats_server import free_port

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "deploy" / "wards.toml"
WARDS = 3

# ---------------------------------------------------------------------------------------------
# The city


@dataclass
class CityRound:
    start: Started
    processes: int  # its services, for as many bare ones
    rest_mb: dict[str, float]
    load_mb: dict[str, float]
    nats_mb: float
    intake: Intake
    restarts: int


@dataclass
class City:
    launcher: subprocess.Popen[bytes]
    var: Path
    log: Path
    urls: dict[str, str] = field(default_factory=dict)

    def topology(self) -> dict[str, Any]:
        path = self.var / "run" / "topology.json"
        return json.loads(path.read_text()) if path.is_file() else {}

    def pids(self) -> dict[str, int]:
        """Every process the launcher started, by role, as it last wrote them down."""
        processes = self.topology().get("processes", {})
        return {name: int(process["pid"]) for name, process in processes.items()}

    def services(self) -> dict[str, int]:
        return {name: pid for name, pid in self.pids().items() if name in self.urls}

    def restarts(self) -> int:
        """Service processes the launcher found dead and started again (its "! " lines)."""
        return sum(line.startswith("! ") for line in tail(self.log, 10_000).splitlines())

    def why_dead(self) -> str | None:
        return exited(self.launcher, "qcdc run", self.log)

    async def wait_topology(self) -> None:
        """The services' URLs, once the launcher has spawned them all."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while not (found := self.topology()).get("processes"):
            if (why := self.why_dead()) is not None or time.monotonic() > deadline:
                raise RuntimeError(why or f"no topology.json after {START_TIMEOUT_S:.0f} s")
            await asyncio.sleep(POLL_S)
        self.urls = {
            name: process["url"]
            for name, process in found["processes"].items()
            if process["url"].startswith("http")
        }


def _identity(name: str) -> dict[str, str | None]:
    """``ben-thanh/petitions`` answers ``service: petitions, ward: ben-thanh``."""
    ward, service = name.split("/", 1)
    return {"service": service, "ward": None if ward == "city" else ward}


async def start_city(folder: Path, wards: list[str]) -> tuple[City, float]:
    """A started city (the caller stops it) and the seconds until every service answered as
    itself (a port answered by another process is an error, not a start)."""
    var = folder / "var"
    env = {**os.environ, "QCDC_GATEWAY_PORT": str(free_port())}
    env.pop("QCDC_NATS_URL", None)  # its own nats-server, as a newcomer runs it
    env.pop("QCDC_DATABASE_URL", None)
    if database_url := os.environ.get(DATABASE_URL):
        env["QCDC_DATABASE_URL"] = database_url
    argv = [
        str(Path(sys.executable).with_name("qcdc")), "run", "--empty", "--registry",
        str(REGISTRY), "--wards", ",".join(wards), "--var", str(var),
    ]  # fmt: skip
    log = folder / "qcdc-run.log"
    with Stopwatch() as watch:
        city = City(spawn(argv, log=log, cwd=ROOT, env=env), var, log)
        try:
            await city.wait_topology()
            expect = {name: _identity(name) for name in city.urls}
            await wait_healthy(city.urls, expect=expect, alive=city.why_dead)
        except BaseException:
            stop_city(city)
            raise
    return city, watch.seconds


def stop_city(city: City) -> None:
    """As Ctrl-C: the launcher stops its services, then NATS."""
    stop_all([city.launcher], signal.SIGINT)


async def city_round(folder: Path, wards: list[str], scale: Scale) -> CityRound:
    """One start, the memory at rest, the intake with memory sampled under it, one stop."""
    await drop_databases()  # a first start, as a fresh var folder is
    city, start_s = await start_city(folder, wards)
    try:
        start = Started.of(start_s, city.services().values())
        rest = Peaks()
        rest.take(city.services())
        name = f"{wards[0]}/petitions"
        petitions = city.urls[name]
        # /health is up before the service has read the city's state; a write waits for that.
        await wait_healthy({"petitions": petitions}, path="/readyz", alive=city.why_dead)
        rest.take(city.services())
        load, done_loading = Peaks(), asyncio.Event()
        sampling = asyncio.create_task(load.sample(city.services, done_loading))
        try:
            done = await intake(petitions, server=city.services()[name], scale=scale)
        finally:
            done_loading.set()
            await sampling
        nats_mb = rss_mb({"nats": city.pids()["nats"]})["nats"]
    finally:
        stop_city(city)
        await drop_databases()
    return CityRound(start, len(city.urls), rest.mb, load.mb, nats_mb, done, city.restarts())


async def drop_databases() -> None:
    """The databases ``--database-url`` names, of any ward and service (nothing for SQLite,
    whose files go with the round's folder)."""
    template = os.environ.get(DATABASE_URL)
    if not template or is_sqlite(template.format(ward="w", service="s")):
        return
    url = make_url(template.format(ward="WARD", service="SERVICE"))
    like = (url.database or "").replace("_", r"\_").replace("WARD", "%").replace("SERVICE", "%")
    admin = create_async_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            found = await connection.scalars(
                text("SELECT datname FROM pg_database WHERE datname LIKE :like"), {"like": like}
            )
            names = list(found)
    finally:
        await admin.dispose()
    for name in names:
        await drop_database(url.set(database=name).render_as_string(hide_password=False))


# ---------------------------------------------------------------------------------------------
# The figures


def _mb(values: Mapping[str, float]) -> dict[str, float]:
    return {name: round(mb, 1) for name, mb in sorted(values.items())}


async def measure(scale: Scale, folder: Path) -> list[Figure]:
    wards = [ward.slug for ward in load_registry(REGISTRY).wards[:WARDS]]
    cities: list[CityRound] = []
    bare_starts: list[Started] = []
    bare_intakes: list[Intake] = []
    for n in range(scale.rounds):
        city = await city_round(folder / f"city-{n}", wards, scale)
        cities.append(city)
        bare_starts.append(await bare_start(folder / f"bare-{n}", city.processes))
        bare_intakes.append(await bare_intake(folder / f"bare-{n}", scale))

    city_s = median([c.start.seconds for c in cities])
    bare_s = median([b.seconds for b in bare_starts])
    largest = [max({**c.rest_mb, **c.load_mb}.values()) for c in cities]
    last = cities[-1]
    service_rate = median([c.intake.per_second for c in cities])
    bare_rate = median([b.per_second for b in bare_intakes])
    return [
        Figure(
            "city_start_s",
            city_s,
            "s",
            target=2.0,
            goal="below",
            baseline=bare_s,
            judge="ratio",
            detail={
                "ratio": round(city_s / bare_s, 2),
                "wards": wards,
                "processes": last.processes,
                "rounds_s": [round(c.start.seconds, 2) for c in cities],
                "bare_rounds_s": [round(b.seconds, 2) for b in bare_starts],
                "cpu_s_per_service": round(median([c.start.cpu_s_each for c in cities]), 2),
                "cpu_s_per_bare_process": round(median([b.cpu_s_each for b in bare_starts]), 2),
                "service_restarts": [c.restarts for c in cities],
                # Without it (PYTHONDONTWRITEBYTECODE) every process compiles each module it
                # imports at every start: a service's ~1,550 modules weigh more than the bare
                # process's ~450.
                "bytecode_cache": not sys.dont_write_bytecode,
            },
        ),
        Figure(
            "rss_mb_max",
            median(largest),
            "MB",
            target=150.0,
            goal="below",
            detail={
                "rounds_mb": [round(mb, 1) for mb in largest],
                "at_rest_mb": _mb(last.rest_mb),
                "under_intake_mb": _mb(last.load_mb),
                "nats_server_mb": round(last.nats_mb, 1),
            },
        ),
        Figure(
            "intake_ratio",
            service_rate,
            "req/s",
            target=0.7,
            goal="at_least",
            baseline=bare_rate,
            detail={
                "ward": wards[0],
                "clients": scale.intake_clients,
                "petitions": scale.intake_petitions,
                "database": "sqlite" if not os.environ.get(DATABASE_URL) else "postgresql",
                "service": last.intake.detail(),
                "bare": bare_intakes[-1].detail(),
                "rounds_per_s": [round(c.intake.per_second, 1) for c in cities],
                "bare_rounds_per_s": [round(b.per_second, 1) for b in bare_intakes],
            },
        ),
    ]
