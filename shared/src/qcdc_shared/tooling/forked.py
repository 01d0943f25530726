"""Service processes forked from one that has already imported what every service imports.

Each service stays a process of its own (DESIGN §1), run by uvicorn's own command line as
``python -m uvicorn`` would. But thirteen interpreters importing the same FastAPI, SQLAlchemy,
Alembic, FastStream, pydantic, OpenTelemetry and ``holidays`` modules spent most of a city's
start doing the same work thirteen times on two cores (docs/performance.md, city_start_s). A
fork server (``multiprocessing``'s) imports them once, while the launcher starts NATS; each
service is forked from it and imports only its own package. After the fork nothing is
shared: each service has its own memory, environment, log and event loop, and dies alone.

``ForkedProcess`` answers as the ``subprocess.Popen`` the launcher used before (``pid``,
``poll``, ``send_signal``, ``wait``, ``kill``), so supervision, restarts and stops are
unchanged. Where ``fork`` is not available, services are started as before, one interpreter
each (and with ``QCDC_FORK_SERVICES=0``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

# What every service imports before its own package: imported once, in the fork server. Only
# modules that read nothing from the environment at import (each service is given its own after
# the fork). One that raises ImportError is skipped by the fork server (each service imports
# it as before); any other failure ends the fork server, and services are spawned instead.
PRELOAD = [
    "__main__",  # the launcher's own script: a child must not import it again
    "uvicorn.main",
    "uvicorn.config",
    "uvicorn.server",
    "uvicorn.lifespan.on",
    "uvicorn.loops.auto",
    "uvicorn.protocols.http.auto",
    "uvicorn.protocols.websockets.auto",
    "pydantic.v1",  # FastAPI's routes import it (its compatibility layer)
    "httpx",
    "aiosqlite",
    "sqlalchemy.dialects.sqlite.aiosqlite",
    "alembic.command",
    "alembic.config",
    "alembic.runtime.migration",
    "alembic.runtime.environment",
    "alembic.script",
    "holidays",
    "holidays.countries.vietnam",
    "qcdc_shared.service",
    "qcdc_shared.migrations",
    "qcdc_shared.sealing",
    "qcdc_shared.published_contracts",
    "qcdc_shared.telemetry",
]


def _context() -> BaseContext | None:
    """The fork server's context; None where it cannot run, or when ``QCDC_FORK_SERVICES=0``
    asks for one interpreter per service (to compare, or to rule the fork server out)."""
    if os.environ.get("QCDC_FORK_SERVICES") == "0":
        return None
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def warm() -> None:
    """Start the fork server now, so its imports overlap what the launcher waits for."""
    if _context() is not None:
        from multiprocessing import forkserver

        forkserver.ensure_running()


def uvicorn_args(app: str, port: int) -> list[str]:
    """uvicorn's command line for one service (the same whether forked or spawned)."""
    return [
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--timeout-graceful-shutdown",
        "3",
    ]


def _serve(args: list[str], env: dict[str, str], log_path: str) -> None:
    """The forked service: its own environment and log, then uvicorn's command line."""
    os.environ.clear()
    os.environ.update(env)
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    sys.path.insert(0, os.getcwd())  # as ``python -m`` puts it first
    from uvicorn.main import main

    main.main(args=args, prog_name="uvicorn")  # exits (SystemExit) with uvicorn's code


class ForkedProcess:
    """A forked service, answering as the ``subprocess.Popen`` of a spawned one."""

    def __init__(self, process: Any, args: list[str]) -> None:
        self._process = process
        self.args = args

    @property
    def pid(self) -> int:
        pid: int = self._process.pid
        return pid

    @property
    def returncode(self) -> int | None:
        code: int | None = self._process.exitcode
        return code

    def poll(self) -> int | None:
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def wait(self, timeout: float | None = None) -> int:
        self._process.join(timeout)
        code = self.returncode
        if code is None:
            raise subprocess.TimeoutExpired(self.args, timeout or 0.0)
        return code


def start_service(
    app: str, port: int, env: dict[str, str], log_path: Path, *, fork: bool = True
) -> ForkedProcess | subprocess.Popen[bytes]:
    """One service process serving ``app`` on ``port``, its output appended to ``log_path``.

    ``fork=False`` spawns a fresh interpreter given only ``env``: the fork server was started
    with the launcher's environment, which a forked child's memory (``/proc/<pid>/environ``)
    still shows after it is given its own."""
    args = uvicorn_args(app, port)
    context = _context() if fork else None
    if context is not None:
        # Daemonic: should the launcher itself end without stopping it, the service ends too.
        process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(args, env, str(log_path)), name=app, daemon=True
        )
        try:
            process.start()
            return ForkedProcess(process, args)
        except (OSError, EOFError):
            pass  # the fork server died (a preloaded module failed): spawn, and its log says why
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "uvicorn", *args],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
