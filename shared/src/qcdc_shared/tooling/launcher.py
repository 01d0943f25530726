"""``qcdc run``: a whole city on one machine (DESIGN §1).

One ``nats-server`` from the wheel on a free loopback port (or ``QCDC_NATS_URL``), or with
``--topology hub-leaf`` a hub and one leaf per ward (``hub_leaf``: each ward's services on their
own leaf with the ward's credentials, the gateway on the hub); the streams, then every service
of every ward and the gateway as their own uvicorn processes, and in the hub-leaf topology each
ward's own local processes (``qcdc.ward_local``: its portal, ``<ward>/portal``, which reads only
its ward's services, over HTTP and with no database URL or NATS credential, so it serves the
ward with the hub down). Processes that die are reported and restarted; SIGINT or SIGTERM
stops everything this started, NATS last. Which services run, and what a new city is given
before it opens (the demo city), come from the installed packages' entry points
(``qcdc_shared.tooling.plugins``, ``first_start``). The city says it is ready only when a
user's write would succeed (DESIGN §10): after every first-start hook is done, with the shared
clock back at the present.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from qcdc_shared.clock import clock_bucket, offset_to_reach, read_offset, write_offset
from qcdc_shared.readiness import READY, CityState
from qcdc_shared.registry import SERVICES_OF_A_WARD, Registry, dump_registry
from qcdc_shared.runtime import redact_url
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.tooling.brokers import Brokers, Credentials
from qcdc_shared.tooling.first_start import FirstStart, StartingCity
from qcdc_shared.tooling.forked import ForkedProcess, start_service, warm
from qcdc_shared.tooling.hub_leaf import HubAndLeaves
from qcdc_shared.tooling.nats_server import NatsServer, NatsServerError, free_ports
from qcdc_shared.tooling.plugins import (
    CITY_SERVICES,
    WARD_LOCAL,
    WARD_SERVICES,
    app_path,
    found,
)

STOP_GRACE_SECONDS = 6.0  # then SIGKILL: the whole stop stays under 10 s
HEALTH_TIMEOUT_SECONDS = 90.0


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


# What a ward's own local process (its portal) is not given: it serves pages from its ward's
# services over HTTP (its clock too, from their /health), so it holds no database URL and no
# NATS server, user or password, whatever the launcher's environment has.
WITHHELD_FROM_LOCAL = ("QCDC_DATABASE_URL",)
WITHHELD_PREFIXES_FROM_LOCAL = ("QCDC_NATS_",)


def local_environment(base: dict[str, str]) -> dict[str, str]:
    """``base`` without the credentials a ward-local process does not need."""
    return {
        key: value
        for key, value in base.items()
        if key not in WITHHELD_FROM_LOCAL and not key.startswith(WITHHELD_PREFIXES_FROM_LOCAL)
    }


@dataclass
class ServiceProcess:
    service: str
    ward: str | None
    port: int
    env: dict[str, str]
    log_path: Path
    process: ForkedProcess | subprocess.Popen[bytes] | None = None
    restarts: int = 0
    next_restart: float = 0.0

    @property
    def name(self) -> str:
        return f"{self.ward or 'city'}/{self.service}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    app: str = ""  # module:attribute of its ASGI app (its package's entry point)
    # Forked from the launcher's fork server (``forked``), whose memory holds the launcher's
    # whole environment: not for a process that must hold none of its credentials.
    forked: bool = True

    def spawn(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.process = start_service(self.app, self.port, self.env, self.log_path, fork=self.forked)

    def exited(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def log_tail(self, lines: int = 8) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@dataclass
class Launcher:
    registry: Registry
    var_dir: Path
    gateway_port: int
    nats_url: str | None = None
    database_url: str | None = None
    clock_at: dt.datetime | None = None  # development: the shared clock starts here
    first_start_wanted: bool = False  # False: `qcdc run --empty`, or production
    demo_months: int | None = None  # None: the first-start hook's default
    processes: list[ServiceProcess] = field(default_factory=list)
    topology: str = "single"  # or "hub-leaf": a hub and a leaf per ward (DESIGN §1)
    nats_server: NatsServer | None = None
    hub_and_leaves: HubAndLeaves | None = None
    hooks: list[FirstStart] = field(default_factory=list)
    building: list[FirstStart] = field(default_factory=list)  # the hooks building this start
    city: StartingCity | None = None
    began: float = field(default_factory=time.monotonic)

    def _say(self, message: str) -> None:
        print(message, flush=True)

    async def start(self) -> None:
        """Every process up and healthy; the city is not announced yet (see ``announce``)."""
        if not port_free(self.gateway_port):
            raise RuntimeError(
                f"port {self.gateway_port} is taken: set QCDC_GATEWAY_PORT to another port"
            )
        self.var_dir.mkdir(parents=True, exist_ok=True)
        warm()  # the services' common imports, while NATS starts (``forked``)
        if self.topology == "hub-leaf":
            # Held before they start, so a failed start still stops the ones that did.
            servers = self.hub_and_leaves = HubAndLeaves(self.registry, self.var_dir / "nats-city")
            await asyncio.to_thread(servers.start)
            await servers.ensure_streams()
            self.nats_url = servers.hub.url
        elif not self.nats_url:
            self.nats_server = NatsServer(self.var_dir / "nats", name="qcdc-city").start()
            self.nats_url = self.nats_server.url
        await self._prepare_broker(self._brokers())
        self._plan()
        for proc in self.processes:
            proc.spawn()
        self._write_topology()
        await self._wait_healthy()

    async def _prepare_broker(self, credentials: list[Credentials]) -> None:
        brokers = await Brokers.connect(credentials, connect_timeout=5, max_reconnect_attempts=3)
        try:
            js = brokers.first  # the hub: the hooks' markers and the clock are read there
            if self.hub_and_leaves is None:
                await ensure_city_topology(js, [ward.slug for ward in self.registry.wards])
            await clock_bucket(js)
            city = self.city = StartingCity(
                var_dir=self.var_dir,
                nats_url=self.nats_url or "",
                topology=self.var_dir / "run" / "topology.json",
                say=self._say,
                wanted=self.first_start_wanted,
                months=self.demo_months,
            )
            self.building = [hook for hook in self.hooks if await hook.prepare(city, js)]
            if self.clock_at is not None:
                real_now = dt.datetime.now(dt.UTC)
                await write_offset(js, offset_to_reach(self.clock_at, real_now=real_now))
            city.present = await read_offset(js)  # what a hook walking the clock returns to
            await brokers.write_offset(city.present)  # every leaf keeps the hub's time
            # Marked before any service starts, so none takes a user's write while a hook
            # builds; a start that builds nothing clears a stale mark.
            city.builder = CityState.building_now() if self.building else READY
            await brokers.write_city_state(city.builder)
        finally:
            await brokers.close()

    def _brokers(self) -> list[Credentials]:
        """Every server, hub first, as its administrator (the clock and readiness live on
        each)."""
        if self.hub_and_leaves is None:
            return [Credentials(self.nats_url or "")]
        return list(self.hub_and_leaves.admins())

    def _broker_of(self, ward: str | None) -> dict[str, str]:
        """Where a process connects, as whom: its ward's leaf as the ward's services, the hub
        as the gateway; the one server otherwise."""
        servers = self.hub_and_leaves
        if servers is None:
            return Credentials(self.nats_url or "").environment()
        credentials = servers.services(ward) if ward else servers.gateway()
        return {**credentials.environment(), "QCDC_NATS_TOPOLOGY": "hub-leaf"}

    def _plan(self) -> None:
        var = self.var_dir.resolve()
        base = {
            **os.environ,
            "QCDC_DATABASE_URL": self.database_url
            or f"sqlite+aiosqlite:///{var}/data/{{ward}}/{{service}}.db",
            "QCDC_TOPOLOGY_FILE": str(var / "run" / "topology.json"),
            "QCDC_VAR_DIR": str(var),
        }
        # The gateway shows the wards this city runs, which --wards may narrow.
        running = var / "run" / "wards.toml"
        running.parent.mkdir(parents=True, exist_ok=True)
        running.write_text(dump_registry(self.registry), encoding="utf-8")
        base["QCDC_REGISTRY_FILE"] = str(running)
        city = sorted(found(CITY_SERVICES))
        # The ward's own processes beside its services (its portal): hub-leaf only, where a
        # ward runs as its own place.
        local = sorted(found(WARD_LOCAL)) if self.topology == "hub-leaf" else []
        # Chosen together: one at a time, the kernel may hand the same free port out twice,
        # and two services would then share one (one restarting forever, the other answering
        # for both).
        per_ward = len(SERVICES_OF_A_WARD) + len(local)
        wanted = len(self.registry.wards) * per_ward + len(city)
        ports = iter([p for p in free_ports(wanted) if p != self.gateway_port])
        for ward in self.registry.wards:
            for service in SERVICES_OF_A_WARD:
                self.processes.append(
                    ServiceProcess(
                        service,
                        ward.slug,
                        next(ports),
                        {**base, **self._broker_of(ward.slug), "QCDC_WARD": ward.slug},
                        var / "log" / f"{ward.slug}-{service}.log",
                        app=app_path(WARD_SERVICES, service),
                    )
                )
            for name in local:
                self.processes.append(
                    ServiceProcess(
                        name,
                        ward.slug,
                        next(ports),
                        {**local_environment(base), "QCDC_WARD": ward.slug},
                        var / "log" / f"{ward.slug}-{name}.log",
                        app=app_path(WARD_LOCAL, name),
                        forked=False,
                    )
                )
        for service in city:
            port = self.gateway_port if service == "gateway" else next(ports)
            log = var / "log" / f"city-{service}.log"
            app = app_path(CITY_SERVICES, service)
            env = {**base, **self._broker_of(None)}
            self.processes.append(ServiceProcess(service, None, port, env, log, app=app))

    def _write_topology(self) -> None:
        """``var/run/topology.json``: every process by role with its pid, every URL. What a
        user, the gateway, ``qcdc clock`` and the demo read; never a password."""
        wards: dict[str, dict[str, str]] = {}
        for proc in self.processes:
            # A ward's services only: the gateway, the portal and the demo call them there.
            if proc.ward and proc.service in SERVICES_OF_A_WARD:
                wards.setdefault(proc.ward, {})[proc.service] = proc.url
        path = self.var_dir / "run" / "topology.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        gateway = f"http://127.0.0.1:{self.gateway_port}"
        processes = {
            proc.name: {"pid": proc.process.pid, "url": proc.url}
            for proc in self.processes
            if proc.process
        }
        topology: dict[str, object] = {"nats_url": self.nats_url, "gateway": gateway}
        servers = self.hub_and_leaves
        if servers is not None:
            topology["nats"] = {
                "topology": "hub-leaf",
                "servers": {role: server.url for role, server in servers.servers.items()},
                "config": str(servers.config_dir.resolve()),
            }
            processes = {
                **{
                    role: {"pid": server.process.pid, "url": server.url}
                    for role, server in servers.servers.items()
                    if server.process
                },
                **processes,
            }
        elif self.nats_server is not None and self.nats_server.process:
            processes = {
                "nats": {"pid": self.nats_server.process.pid, "url": self.nats_server.url},
                **processes,
            }
        topology["wards"] = wards
        topology["processes"] = processes
        topology["pids"] = {role: process["pid"] for role, process in processes.items()}
        # Atomic: the gateway and `qcdc clock` read it while a restart rewrites it.
        partial = path.with_suffix(".tmp")
        partial.write_text(json.dumps(topology, indent=2))
        partial.replace(path)

    async def _wait_healthy(self) -> None:
        pending = {proc.name: proc for proc in self.processes}
        deadline = time.monotonic() + HEALTH_TIMEOUT_SECONDS
        async with httpx.AsyncClient(timeout=2.0) as client:
            while pending:
                for name, proc in list(pending.items()):
                    if proc.exited() is not None:
                        raise RuntimeError(f"{name} exited at start:\n{proc.log_tail()}")
                    try:
                        if (await client.get(proc.url + "/health")).status_code == 200:
                            del pending[name]
                    except httpx.HTTPError:
                        pass
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"not healthy after {HEALTH_TIMEOUT_SECONDS:.0f}s: "
                        + ", ".join(sorted(pending))
                    )
                await asyncio.sleep(0.25)

    def announce(self) -> None:
        """The ready line: printed only when a user's write would succeed."""
        elapsed = time.monotonic() - self.began
        self._say(f"\nQCDC: thành phố đã sẵn sàng — the city is up in {elapsed:.1f}s")
        self._say(f"  gateway      http://127.0.0.1:{self.gateway_port}/api/wards")
        if self.hub_and_leaves is None:
            self._say(f"  NATS         {redact_url(self.nats_url or '')}")
        else:
            for role, server in self.hub_and_leaves.servers.items():
                self._say(f"  NATS {role:<17} {redact_url(server.url)}")
        for proc in self.processes:
            if not proc.ward:
                continue
            if proc.service in SERVICES_OF_A_WARD:
                self._say(f"  {proc.name:<22} {proc.url}  (docs: {proc.url}/docs)")
            else:
                self._say(f"  {proc.name:<22} {proc.url}/p/{proc.ward}/")
        self._say(f"  logs         {self.var_dir / 'log'}")
        self._say("  tokens       qcdc token --role officer --ward <slug>")
        self._say("Ctrl-C để dừng — Ctrl-C to stop\n")

    async def supervise(self, stop: asyncio.Event) -> None:
        """Report and restart a process that dies, with a growing pause between restarts."""
        while not stop.is_set():
            now = time.monotonic()
            await self._restart_dead_servers()
            for proc in self.processes:
                code = proc.exited()
                if code is None or now < proc.next_restart:
                    continue
                self._say(
                    f"! {proc.name} exited with {code}; restarting "
                    f"(restart {proc.restarts + 1}):\n{proc.log_tail()}"
                )
                proc.restarts += 1
                proc.next_restart = now + min(2**proc.restarts, 30)
                proc.spawn()
                self._write_topology()
            try:
                async with asyncio.timeout(1.0):  # not wait_for: see outbox.OutboxRelay.run
                    await stop.wait()
            except TimeoutError:
                pass

    async def _restart_dead_servers(self) -> None:
        """A hub or leaf that died comes back on its ports with its store (hub-leaf)."""
        if self.hub_and_leaves is None:
            return
        for role, server in self.hub_and_leaves.servers.items():
            if server.running:
                continue
            self._say(f"! NATS {role} exited; restarting:\n{server.log_tail(4)}")
            server.stop()  # reaps the dead process
            try:
                await asyncio.to_thread(server.start)
            except NatsServerError as error:
                self._say(f"! NATS {role} could not restart: {error}")
            self._write_topology()

    async def first_start(self, stop: asyncio.Event) -> None:
        """The hooks that said they would build, one after the other; a failing hook leaves
        the city running, and ready."""
        assert self.city is not None
        for hook in self.building:
            if stop.is_set():
                return
            try:
                await hook.build(self.city, stop)
            except Exception as error:  # the city stays up; the operator sees why
                self._say(f"! {type(hook).__name__} could not build: {error}")
        if self.building and not stop.is_set():
            await self._mark_ready()

    async def _mark_ready(self) -> None:
        """Hooks mark the city ready when they end; this covers one that could not."""
        brokers = await Brokers.connect(self._brokers(), connect_timeout=5)
        try:
            await brokers.write_city_state(READY)
        finally:
            await brokers.close()

    def stop(self) -> None:
        running = [p.process for p in self.processes if p.process and p.process.poll() is None]
        for process in running:
            process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for process in running:
            try:
                process.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.nats_server:
            self.nats_server.stop(timeout=3)
        if self.hub_and_leaves:
            self.hub_and_leaves.stop()


async def run_city(launcher: Launcher) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        starting = asyncio.create_task(launcher.start())
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not starting.done():  # Ctrl-C during start: stop what has started
            starting.cancel()
            await asyncio.gather(starting, return_exceptions=True)
            return 130
        stopping.cancel()
        starting.result()
        supervising = asyncio.create_task(launcher.supervise(stop))
        await launcher.first_start(stop)
        if not stop.is_set():
            launcher.announce()
        await supervising
        return 0
    except RuntimeError as error:
        print(f"qcdc run: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        began = time.monotonic()
        launcher.stop()
        print(f"QCDC: đã dừng — stopped in {time.monotonic() - began:.1f}s", flush=True)
