"""The city ``bench/chaos.py`` breaks: ``qcdc run``'s own launcher in this process (the
steady load is in ``chaos_load``, what the databases hold in ``chaos_ledger``).

The launcher runs here rather than as a ``qcdc run`` child because the drills need its hands:
in the single-server topology it restarts a dead service (with its growing pause) but not a
dead ``nats-server``, which the NATS drill restarts as the launcher started it (its
``NatsServer``: the same port, the same store); and a service it must keep down for a minute
is taken out of its supervision, then handed back to it.
"""

from __future__ import annotations

import asyncio
import math
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import nats
from sqlalchemy.engine import make_url

from qcdc_shared.registry import SERVICES_OF_A_WARD, load_registry
from qcdc_shared.settings import Settings
from qcdc_shared.tooling.launcher import Launcher, ServiceProcess
from qcdc_shared.tooling.nats_server import free_port

REPO = Path(__file__).resolve().parents[1]
WARDS = ("ben-thanh", "sai-gon")
GATEWAY = "city/gateway"


class _Launcher(Launcher):
    """The launcher's messages go to ``log/launcher.log``; only their first line is shown (a
    restart's log tail would bury the drills' table)."""

    def _say(self, message: str) -> None:
        with (self.var_dir / "log" / "launcher.log").open("a", encoding="utf-8") as log:
            log.write(message + "\n")
        if message.strip():
            print(f"    launcher: {message.strip().splitlines()[0]}", flush=True)


def database_path(url: str) -> Path:
    return Path(make_url(url).database or "")


@dataclass
class City:
    var: Path
    wards: tuple[str, ...] = WARDS
    launcher: Launcher | None = None
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _supervising: asyncio.Task[None] | None = None
    paused: set[int] = field(default_factory=set)
    read_only: dict[Path, str] = field(default_factory=dict)  # path -> how it was made so

    async def start(self) -> None:
        registry = load_registry(REPO / "deploy" / "wards.toml").only(list(self.wards))
        (self.var / "log").mkdir(parents=True, exist_ok=True)
        # Its own NATS and SQLite files whatever QCDC_NATS_URL / QCDC_DATABASE_URL say: the
        # drills kill that server and read those files.
        self.launcher = _Launcher(registry=registry, var_dir=self.var, gateway_port=free_port())
        await self.launcher.start()
        self._supervising = asyncio.create_task(self.launcher.supervise(self._stop))

    async def stop(self) -> None:
        """Everything this started, whatever state a drill left it in."""
        self._stop.set()
        try:
            if self._supervising is not None:
                await asyncio.gather(self._supervising, return_exceptions=True)
        finally:
            for pid in list(self.paused):
                self.resume(pid)
            await asyncio.to_thread(self.make_writable, list(self.read_only))
            if self.launcher is not None:
                await asyncio.to_thread(self.launcher.stop)

    # -- where things are ---------------------------------------------------------------------

    def process(self, name: str) -> ServiceProcess:
        assert self.launcher is not None
        return next(proc for proc in self.launcher.processes if proc.name == name)

    def url(self, ward: str, service: str) -> str:
        return self.process(f"{ward}/{service}").url

    def database(self, ward: str, service: str) -> Path:
        """From the URL the launcher gave the process (``Settings.database_url_for``)."""
        name = GATEWAY if ward == "city" else f"{ward}/{service}"
        template = self.process(name).env["QCDC_DATABASE_URL"]
        settings = Settings(database_url=template)
        return database_path(settings.database_url_for(ward=ward, service=service))

    def ward_databases(self) -> dict[str, Path]:
        return {
            f"{ward}/{service}": self.database(ward, service)
            for ward in self.wards
            for service in SERVICES_OF_A_WARD
        }

    # -- faults -------------------------------------------------------------------------------

    def kill(self, name: str) -> None:
        """SIGKILL; the launcher's supervisor sees it within a second and restarts it."""
        process = self.process(name).process
        assert process is not None
        process.send_signal(signal.SIGKILL)

    async def hold_down(self, name: str) -> int:
        """Stop it (SIGTERM, as an operator would) and keep the supervisor off it."""
        proc = self.process(name)
        assert proc.process is not None
        proc.next_restart = math.inf
        proc.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.to_thread(proc.process.wait, 30)
        except subprocess.TimeoutExpired:
            proc.process.kill()
            return await asyncio.to_thread(proc.process.wait)

    async def hand_back(self, name: str, limit: float = 30.0) -> None:
        """Back to the supervisor, which restarts it; returns once it has."""
        proc = self.process(name)
        proc.next_restart = 0.0
        deadline = time.monotonic() + limit
        while proc.exited() is not None:  # the supervisor looks once a second
            if time.monotonic() > deadline:
                return
            await asyncio.sleep(0.05)

    def pause(self, name: str) -> int:
        process = self.process(name).process
        assert process is not None
        os.kill(process.pid, signal.SIGSTOP)
        self.paused.add(process.pid)
        return process.pid

    def resume(self, pid: int) -> None:
        self.paused.discard(pid)
        try:
            os.kill(pid, signal.SIGCONT)
        except ProcessLookupError:
            pass

    async def consumer(self, stream: str, durable: str) -> dict[str, Any]:
        """What NATS says of a durable consumer: messages delivered and not yet acknowledged,
        of those how many were redelivered, and how many wait in the stream."""
        assert self.launcher is not None and self.launcher.nats_url
        try:
            client = await nats.connect(self.launcher.nats_url, connect_timeout=2)
        except Exception as error:  # a note of the drill, not its end
            return {"error": repr(error)}
        try:
            info = await client.jetstream().consumer_info(stream, durable)
            return {
                "ack_pending": info.num_ack_pending or 0,
                "redelivered": info.num_redelivered or 0,
                "waiting_in_stream": info.num_pending or 0,
            }
        except Exception as error:
            return {"error": repr(error)}
        finally:
            await client.close()

    async def kill_nats(self) -> None:
        assert self.launcher is not None and self.launcher.nats_server is not None
        await asyncio.to_thread(self.launcher.nats_server.stop, kill=True)

    async def start_nats(self) -> None:
        """As the launcher started it: same port, same store, so the streams are back."""
        assert self.launcher is not None and self.launcher.nats_server is not None
        await asyncio.to_thread(self.launcher.nats_server.start)

    def make_read_only(self, paths: list[Path]) -> str:
        """Every write to these files fails (a database, its WAL and shared memory; a folder:
        no file created in it). As root, ``chmod`` changes nothing (root ignores file modes):
        the immutable attribute (``chattr +i``: ext4, tmpfs...) refuses root too, even through
        the descriptors the services already hold open. Returns how it was done."""
        names = [str(path) for path in paths]
        how = "chmod a-w"
        if os.geteuid() == 0:
            made = subprocess.run(["chattr", "+i", *names], capture_output=True, check=False)
            if made.returncode == 0:
                how = "chattr +i"
            else:  # a file system without the attribute: undo the part that took
                subprocess.run(["chattr", "-i", *names], capture_output=True, check=False)
        if how == "chmod a-w":
            for path in paths:
                path.chmod(path.stat().st_mode & ~0o222)
        self.read_only.update(dict.fromkeys(paths, how))
        return how

    def make_writable(self, paths: list[Path]) -> None:
        for path in paths:
            how = self.read_only.pop(path, None)
            if how == "chattr +i":
                subprocess.run(["chattr", "-i", str(path)], check=False)
            elif how == "chmod a-w":
                path.chmod(path.stat().st_mode | 0o200)

    async def healthy(self, name: str, limit: float = 90.0, *, replaced: bool = False) -> bool:
        """Whether it answers ``/health`` within ``limit``; ``replaced``: a new process of it
        (the launcher's restart), not the one running now."""
        proc = self.process(name)
        old = proc.process.pid if replaced and proc.process else None
        deadline = time.monotonic() + limit
        async with httpx.AsyncClient(timeout=2.0) as client:
            while time.monotonic() < deadline:
                try:
                    current = proc.process.pid if proc.process else None
                    if proc.exited() is None and current != old:
                        if (await client.get(proc.url + "/health")).status_code == 200:
                            return True
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.2)
        return False


def writable(path: Path) -> bool:
    """Whether this process could open the file for writing (the services run as we do)."""
    try:
        with path.open("r+b"):
            return True
    except OSError:
        return False
