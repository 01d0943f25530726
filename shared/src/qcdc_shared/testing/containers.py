"""testcontainers' NATS, for machines with a Docker engine and no ``nats-server`` binary.

Same surface as ``qcdc_shared.tooling.nats_server.NatsServer`` (start, stop, restart, url,
starts), so the proofs that kill and restart the broker run unchanged. The host port is fixed at
creation so a restarted container answers on the same URL; the JetStream store lives in the
container, which a stop keeps. Not exercised where no Docker engine answers (this project's CI
machine).
"""

from __future__ import annotations

from typing import Any

from qcdc_shared.tooling.nats_server import free_port

NATS_IMAGE = "nats:2.11-alpine"


class ContainerNatsServer:
    def __init__(self, image: str = NATS_IMAGE) -> None:
        from testcontainers.community.nats import NatsContainer

        self.port = free_port()
        self._container: Any = NatsContainer(image).with_command("-js -sd /data")
        self._container.with_bind_ports(4222, self.port)
        self.starts = 0
        self._created = False

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        if not self._created:
            return False
        wrapped = self._container.get_wrapped_container()
        wrapped.reload()
        return bool(wrapped.status == "running")

    def start(self) -> ContainerNatsServer:
        if not self._created:
            self._container.start()
            self._created = True
        elif not self.running:
            self._container.get_wrapped_container().start()
            self._container._healthcheck()
        self.starts += 1
        return self

    def stop(self, *, kill: bool = False) -> None:
        if self.running:
            wrapped = self._container.get_wrapped_container()
            wrapped.kill() if kill else wrapped.stop(timeout=10)

    def restart(self, *, kill: bool = True) -> None:
        self.stop(kill=kill)
        self.start()

    def remove(self) -> None:
        if self._created:
            self._container.stop()  # testcontainers' stop removes the container
            self._created = False
