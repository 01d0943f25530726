"""The drills of ``bench/chaos.py``: each one's fault, how long it lasts (``Scale``), and
the order they run in (``DRILLS``). An injector breaks the city, ends the fault and says when
it ended; what each drill proves is told in ``chaos.py``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chaos_city import GATEWAY, WARDS, City, writable

from qcdc_shared.streams import CITY_STREAM

GATEWAY_CONSUMER = "gateway-projections"  # qcdc_gateway.consumers


@dataclass(frozen=True)
class Scale:
    name: str
    warm: float  # load before the fault
    after: float  # load after the fault's end
    nats_down: float
    gateway_down: float
    pause: float
    read_only: float
    settle_limit: float  # the most a drill waits for the gateway to hold everything


QUICK = Scale("quick", 2, 3, nats_down=3, gateway_down=10, pause=8, read_only=10, settle_limit=120)
FULL = Scale(
    "full", 15, 15, nats_down=10, gateway_down=60, pause=40, read_only=10, settle_limit=240
)


@dataclass
class Fault:
    what: str
    ended_at: float = 0.0
    applied: bool = True
    notes: dict[str, Any] = field(default_factory=dict)


Inject = Callable[[City, Scale], Awaitable[Fault]]


async def no_fault(city: City, scale: Scale) -> Fault:
    return Fault("none", ended_at=time.monotonic())


async def nats_killed(city: City, scale: Scale) -> Fault:
    fault = Fault(f"SIGKILL nats-server, restarted after {scale.nats_down:g} s")
    await city.kill_nats()
    await asyncio.sleep(scale.nats_down)
    await city.start_nats()
    fault.ended_at = time.monotonic()
    return fault


def killed(name: str) -> Inject:
    async def inject(city: City, scale: Scale) -> Fault:
        fault = Fault(f"SIGKILL {name}; the launcher restarts it")
        city.kill(name)
        fault.ended_at = time.monotonic()
        back = await city.healthy(name, replaced=True)
        fault.notes["answers_again_s"] = (
            round(time.monotonic() - fault.ended_at, 1) if back else None
        )
        return fault

    return inject


async def gateway_stopped(city: City, scale: Scale) -> Fault:
    fault = Fault(f"SIGTERM {GATEWAY}, kept down {scale.gateway_down:g} s, then restarted")
    fault.notes["exit_code"] = await city.hold_down(GATEWAY)
    await asyncio.sleep(scale.gateway_down)
    await city.hand_back(GATEWAY)
    fault.ended_at = time.monotonic()
    back = await city.healthy(GATEWAY)
    fault.notes["answers_again_s"] = round(time.monotonic() - fault.ended_at, 1) if back else None
    return fault


async def gateway_paused(city: City, scale: Scale) -> Fault:
    """NATS's view of the gateway's consumer is kept: what the frozen process held
    unacknowledged, and what NATS redelivered of it once its ack wait passed."""
    fault = Fault(f"SIGSTOP {GATEWAY} for {scale.pause:g} s, then SIGCONT")
    pid = city.pause(GATEWAY)
    try:
        await asyncio.sleep(1.0)
        fault.notes["consumer_after_1s"] = await city.consumer(CITY_STREAM, GATEWAY_CONSUMER)
        await asyncio.sleep(scale.pause - 1.0)
        fault.notes["consumer_at_resume"] = await city.consumer(CITY_STREAM, GATEWAY_CONSUMER)
    finally:
        city.resume(pid)
    fault.ended_at = time.monotonic()
    return fault


def ward_disk(city: City) -> list[Path]:
    """The folder of the first ward's four databases, and every file in it."""
    folder = city.database(WARDS[0], "petitions").parent
    return [*sorted(path for path in folder.iterdir() if path.is_file()), folder]


def database_files(ward: str, service: str) -> Callable[[City], list[Path]]:
    """One service's database alone: the file, its WAL and its shared memory."""

    def paths(city: City) -> list[Path]:
        database = city.database(ward, service)
        return [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]

    return paths


def read_only(what: str, paths_of: Callable[[City], list[Path]]) -> Inject:
    async def inject(city: City, scale: Scale) -> Fault:
        paths = paths_of(city)
        how = await asyncio.to_thread(city.make_read_only, paths)
        fault = Fault(f"{what} read-only ({how}) for {scale.read_only:g} s")
        try:
            files = [path for path in paths if path.is_file()]
            fault.applied = not any(writable(path) for path in files)
            fault.notes.update(method=how, applied=fault.applied)
            await asyncio.sleep(scale.read_only)
        finally:
            await asyncio.to_thread(city.make_writable, paths)
        fault.ended_at = time.monotonic()
        return fault

    return inject


DRILLS: list[tuple[str, Inject]] = [
    ("baseline", no_fault),
    ("nats_killed", nats_killed),
    *[
        (f"{service}_killed", killed(f"{WARDS[0]}/{service}"))
        for service in ("plans", "petitions", "publicity", "oversight")
    ],
    ("gateway_killed", killed(GATEWAY)),
    ("gateway_stopped", gateway_stopped),
    ("gateway_paused", gateway_paused),
    ("ward_disk_read_only", read_only(f"the folder of {WARDS[0]}'s databases", ward_disk)),
    (
        "oversight_db_read_only",
        read_only(f"{WARDS[0]}'s oversight database", database_files(WARDS[0], "oversight")),
    ),
    (
        "gateway_db_read_only",
        read_only("the gateway's database", database_files("city", "gateway")),
    ),
]
