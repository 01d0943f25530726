"""A receiver of webhooks for the tests: a real HTTP server (uvicorn) on a chosen loopback
port that records what arrives and answers as told; it can be started late (down first)."""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass, field
from typing import Any

import uvicorn

from qcdc_shared.testing.waiting import eventually


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass
class Receiver:
    port: int = field(default_factory=free_port)
    status: int = 204
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    # Answer with this many 64 KiB chunks (a receiver that talks back); -1: without end, until
    # the receiver stops (only a sender that stops reading can be done with it).
    body_chunks: int = 0
    delay: float = 0.0  # seconds before answering (a receiver that takes its time)
    received: list[Received] = field(default_factory=list)
    _server: uvicorn.Server | None = None
    _task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        self.received.append(Received(scope["path"], headers, body))
        await asyncio.sleep(self.delay)
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        sent = 0
        while self.body_chunks < 0 or sent < self.body_chunks:
            if self._server is None or self._server.should_exit:
                return
            await send({"type": "http.response.body", "body": b"x" * 65536, "more_body": True})
            sent += 1
            await asyncio.sleep(0)
        await send({"type": "http.response.body", "body": b""})

    async def start(self) -> None:
        self._server = uvicorn.Server(
            uvicorn.Config(
                self, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
            )
        )
        self._task = asyncio.create_task(self._server.serve())
        server = self._server
        await eventually(lambda: server.started, within=10, what="the webhook receiver")

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            self._server.force_exit = True  # a response still streaming must not hold it
            await self._task
            self._server = self._task = None
