"""The baselines beside the city's figures: bare FastAPI apps, started and loaded as a service is.

``city_start_s`` and ``intake_ratio`` are multiples of what the same machine does with no
platform at all, measured in the same run: as many one-route uvicorn processes as the city has
services (interpreters, imports, a bound port: what any service pays), and one FastAPI +
SQLAlchemy endpoint writing each petition as one row (what a plain insert costs). Each app is
written into the round's folder and started as the launcher starts a service.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from figures import Scale, Stopwatch
from intake_load import Intake, intake
from process_tools import Started, exited, spawn, stop_all, uvicorn, wait_healthy, write

from qcdc_shared.db import drop_database, ensure_database
from qcdc_shared.tooling.nats_server import free_port, free_ports

# run.py's --database-url: the city's and the bare endpoint's databases on another server
# (PostgreSQL), as QCDC_DATABASE_URL takes them; unset, SQLite files in the round's folder.
DATABASE_URL = "QCDC_BENCH_DATABASE_URL"

BARE_START_APP = """\
from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}
"""

# The engine comes from qcdc_shared.db so the pragmas (WAL, synchronous, busy timeout) are the
# services' own: the comparison is about the work per request, not the database's settings.
BARE_INTAKE_APP = """\
import os
import uuid
from contextlib import asynccontextmanager

from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy import Column, MetaData, String, Table, Text

from qcdc_shared.db import make_engine

metadata = MetaData()
petitions = Table(
    "petitions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("petitioner", Text),
)
engine = make_engine(os.environ["BARE_DATABASE_URL"])


class PetitionerIn(BaseModel):
    name: str
    address: str
    phone: str | None = None
    id_number: str | None = None


class PetitionIn(BaseModel):
    kind: str
    title: str
    body: str
    petitioner: PetitionerIn | None = None


@asynccontextmanager
async def lifespan(_app):
    async with engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
    yield
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/petitions", status_code=201)
async def submit(petition: PetitionIn) -> dict[str, str]:
    petition_id = str(uuid.uuid4())
    petitioner = petition.petitioner.model_dump_json() if petition.petitioner else None
    async with engine.begin() as connection:
        await connection.execute(
            petitions.insert().values(
                id=petition_id,
                kind=petition.kind,
                title=petition.title,
                body=petition.body,
                petitioner=petitioner,
            )
        )
    return {"id": petition_id}
"""


async def bare_start(folder: Path, count: int) -> Started:
    """Seconds for ``count`` one-route uvicorn processes to all answer."""
    write(folder / "bare_start_app.py", BARE_START_APP)
    ports = free_ports(count)
    logs = {port: folder / "log" / f"bare-{port}.log" for port in ports}
    processes: list[subprocess.Popen[bytes]] = []

    def why() -> str | None:
        for port, process in zip(ports, processes, strict=True):
            if found := exited(process, f"bare :{port}", logs[port]):
                return found
        return None

    try:
        with Stopwatch() as watch:
            for port in ports:
                argv = uvicorn("bare_start_app:app", port)
                processes.append(spawn(argv, log=logs[port], cwd=folder, env=os.environ))
            urls = {str(port): f"http://127.0.0.1:{port}" for port in ports}
            await wait_healthy(urls, alive=why)
        return Started.of(watch.seconds, (process.pid for process in processes))
    finally:
        stop_all(processes)


async def bare_intake(folder: Path, scale: Scale) -> Intake:
    """The intake load against one bare endpoint, on a fresh SQLite file (or a fresh database
    of the server ``--database-url`` names: the city's and its baseline's alike)."""
    write(folder / "bare_intake_app.py", BARE_INTAKE_APP)
    port = free_port()
    database = f"sqlite+aiosqlite:///{folder}/data/bare.db"
    if template := os.environ.get(DATABASE_URL):
        database = template.format(ward="bare", service="intake")
        await drop_database(database)
        await ensure_database(database)
    env = {**os.environ, "BARE_DATABASE_URL": database}
    log = folder / "log" / "bare-intake.log"
    process = spawn(uvicorn("bare_intake_app:app", port), log=log, cwd=folder, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        await wait_healthy({"bare": url}, alive=lambda: exited(process, "bare intake", log))
        return await intake(url, server=process.pid, scale=scale)
    finally:
        stop_all([process])
        await drop_database(database)
