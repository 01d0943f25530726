"""Processes as the bench sees them from outside: started, waited for, measured, stopped.

Generic helpers for the figures that run real servers (``processes.py``, ``bare_apps.py``):
each process in its own session with its output in a log, ``/health`` polled until it answers,
and what it costs read from ``/proc`` (resident set with its children's, CPU seconds), never
from inside, so a service and a bare app are measured the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from figures import median

START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 15.0  # the launcher's own stop stays under 10 s
POLL_S = 0.1
RSS_SAMPLE_S = 0.2

# ---------------------------------------------------------------------------------------------
# Starting and stopping


def tail(path: Path, lines: int = 12) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def spawn(
    argv: list[str], *, log: Path, cwd: Path, env: Mapping[str, str]
) -> subprocess.Popen[bytes]:
    """In its own session, so a stop that times out can kill whatever it started too."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        return subprocess.Popen(
            argv,
            cwd=cwd,
            env=dict(env),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_all(
    processes: list[subprocess.Popen[bytes]], how: signal.Signals = signal.SIGTERM
) -> None:
    """All signalled first, then each waited for; one that outlives the grace is killed with
    its session (whatever it started too)."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        process.send_signal(how)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for process in running:
        try:
            process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def exited(process: subprocess.Popen[bytes], name: str, log: Path) -> str | None:
    """Why waiting for ``process`` is hopeless (it is gone, with its last lines), else None."""
    code = process.poll()
    return None if code is None else f"{name} exited with {code}:\n{tail(log)}"


def uvicorn(app: str, port: int) -> list[str]:
    """As the launcher starts a service (``ServiceProcess.spawn``)."""
    return [
        sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "warning", "--timeout-graceful-shutdown", "3",
    ]  # fmt: skip


async def wait_healthy(
    urls: Mapping[str, str],
    *,
    expect: Mapping[str, Mapping[str, Any]] | None = None,
    alive: Callable[[], str | None],
    path: str = "/health",
) -> None:
    """Until every URL answers 200. Given ``expect``, the answer must also name itself as
    expected: another process answering on that port is an error, not a start. ``alive``
    returns why the wait is hopeless."""
    pending = dict(urls)
    deadline = time.monotonic() + START_TIMEOUT_S
    async with httpx.AsyncClient(timeout=2.0) as client:
        while pending:
            for name, url in list(pending.items()):
                try:
                    answer = await client.get(url + path)
                except httpx.HTTPError:
                    continue
                if answer.status_code != 200:
                    continue
                wanted = (expect or {}).get(name)
                if wanted and any(answer.json().get(k) != v for k, v in wanted.items()):
                    raise RuntimeError(f"{url}{path} answers {answer.text}, not as {name}")
                del pending[name]
            if not pending:
                return
            if (why := alive()) is not None:
                raise RuntimeError(why)
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"not answering {path} after {START_TIMEOUT_S:.0f} s: {sorted(pending)}"
                )
            await asyncio.sleep(POLL_S)


# ---------------------------------------------------------------------------------------------
# CPU and resident memory, from /proc


def _stat(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command (which may hold spaces and ')')."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _parents() -> dict[int, int]:
    """Every process's parent."""
    found: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        pid = int(stat.parent.name)
        try:
            found[pid] = int(_stat(pid)[1])
        except (OSError, IndexError):
            continue  # gone since the listing
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0  # gone, or a zombie: it holds no memory


def cpu_s(pid: int) -> float:
    """User and system CPU seconds the process has used."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Started:
    """How long until every process answered, and the CPU one of them spent getting there
    (the median): on a busy machine the first moves with the neighbours, the second hardly."""

    seconds: float
    cpu_s_each: float

    @classmethod
    def of(cls, seconds: float, pids: Iterable[int]) -> Started:
        return cls(seconds, median([cpu_s(pid) for pid in pids]))


def rss_mb(pids: Mapping[str, int]) -> dict[str, float]:
    """Each process's resident set with its descendants', in MB."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    found: dict[str, float] = {}
    for name, pid in pids.items():
        tree, todo = [], [pid]
        while todo:
            current = todo.pop()
            tree.append(current)
            todo += children.get(current, [])
        found[name] = sum(_rss_kib(p) for p in tree) / 1024
    return found


@dataclass
class Peaks:
    """The largest resident set seen of each process."""

    mb: dict[str, float] = field(default_factory=dict)

    def take(self, pids: Mapping[str, int]) -> None:
        for name, mb in rss_mb(pids).items():
            self.mb[name] = max(mb, self.mb.get(name, 0.0))

    async def sample(self, pids: Callable[[], Mapping[str, int]], stop: asyncio.Event) -> None:
        """Every RSS_SAMPLE_S until ``stop``; ``pids`` is read each time (a restart moves them)."""
        while not stop.is_set():
            self.take(pids())
            try:
                async with asyncio.timeout(RSS_SAMPLE_S):
                    await stop.wait()
            except TimeoutError:
                pass
