"""A collector for the compose city's traces: ``otlp_receiver.py`` in a container of the
platform's own gateway image, started by testcontainers on the city's own ``data`` network
(no other) under the name the services export to (``QCDC_OTLP_ENDPOINT``), published on
127.0.0.1 only."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from compose_city import OTLP_PORT, City
from testcontainers.core.container import DockerContainer

from qcdc_shared.streams import CITY_STREAM
from qcdc_shared.testing.containers import without_reaper
from qcdc_shared.tooling.k8s import platform_version
from qcdc_shared.tooling.nats_server import free_port

RECEIVER = Path(__file__).with_name("otlp_receiver.py")
# OTLP's span kinds (opentelemetry-proto's Span.SpanKind).
SERVER, PRODUCER, CONSUMER = 2, 4, 5


class Collector:
    def __init__(self, port: int, networks: list[str]) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.networks = networks

    def spans(self) -> list[dict[str, Any]]:
        listed: list[dict[str, Any]] = httpx.get(f"{self.url}/spans", timeout=10).json()
        return listed

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", int(self.url.rsplit(":", 1)[1])), 1):
                return httpx.get(f"{self.url}/spans", timeout=2).status_code == 200
        except (OSError, httpx.HTTPError):
            return False


@contextmanager
def collector_in(city: City) -> Iterator[Collector]:
    without_reaper()  # Ryuk's image is in a registry this machine cannot reach
    port = free_port()
    container = (
        DockerContainer(f"qcdc/gateway:{platform_version()}")
        .with_command(["python3", "/otlp_receiver.py"])
        .with_volume_mapping(str(RECEIVER), "/otlp_receiver.py", "ro")
        .with_name(city.collector)
        .with_kwargs(network=f"{city.project}_data")
    )
    # docker-py reads an (address, port) pair as a binding on that address only.
    ports: dict[str, Any] = container.ports
    ports[f"{OTLP_PORT}/tcp"] = ("127.0.0.1", port)
    container.start()
    try:
        wrapped = container.get_wrapped_container()
        wrapped.reload()
        yield Collector(port, sorted(wrapped.attrs["NetworkSettings"]["Networks"]))
    finally:
        container.stop()  # testcontainers' stop removes the container


def whole_chain(spans: list[dict[str, Any]], received: str) -> tuple[dict[str, Any], ...] | None:
    """(server, publish, oversight's process, the gateway's batch) of one petition, or None
    while a part is missing."""
    servers = [
        s for s in spans
        if s["service"] == "qcdc-petitions" and s["kind"] == SERVER
        and s["name"] == "POST /petitions"
    ]  # fmt: skip
    for server in servers:
        in_trace = [s for s in spans if s["trace_id"] == server["trace_id"]]
        publish = [
            s for s in in_trace if s["kind"] == PRODUCER and s["name"] == f"{received} publish"
        ]
        consumed = [
            s for s in in_trace
            if s["service"] == "qcdc-oversight" and s["kind"] == CONSUMER
            and s["name"] == f"{received} process"
        ]  # fmt: skip
        if not publish or not consumed:
            continue
        batch = [
            s for s in spans
            if s["service"] == "qcdc-gateway" and s["name"] == f"{CITY_STREAM} process"
            and any(link["span_id"] == publish[0]["span_id"] for link in s["links"])
        ]  # fmt: skip
        if batch:
            return server, publish[0], consumed[0], batch[0]
    return None


def ancestors(span: dict[str, Any], spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``span``'s parent, its parent's parent, … as far as the collector has them."""
    by_id = {(s["trace_id"], s["span_id"]): s for s in spans}
    found: list[dict[str, Any]] = []
    parent = by_id.get((span["trace_id"], span["parent_span_id"]))
    while parent is not None and len(found) < 50:
        found.append(parent)
        parent = by_id.get((parent["trace_id"], parent["parent_span_id"]))
    return found
