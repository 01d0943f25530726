"""Keeps the city stream attached to every ward stream (hub-leaf topology, DESIGN §1).

When the hub restarts, the server sets a source in another domain up again only after a fixed
wait (30-40 s measured on nats-server 2.15); the city then looks behind for that long although
every leaf is back. The keeper looks every few seconds for sources that have been silent (an
attached source sends idle heartbeats every second) and has the server set them up at once
(``qcdc_shared.streams.reattach_sources``). A ward whose leaf is really away is retried with a
growing pause, so a long outage costs the hub little. In the single-server topology the city
stream has no such source and the keeper does nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI
from nats.aio.client import Client
from nats.js import JetStreamContext

from qcdc_shared.bus import stop_if_cancelled
from qcdc_shared.streams import CITY_STREAM, detached_sources, reattach_sources

log = logging.getLogger(__name__)

LOOK_EVERY_SECONDS = 2.0
SILENT_AFTER_SECONDS = 3.0  # three missed heartbeats
FIRST_RETRY_SECONDS, LAST_RETRY_SECONDS = 4.0, 300.0


class SourceKeeper:
    def __init__(self, ensure: Callable[[JetStreamContext], Awaitable[None]] | None = None) -> None:
        """``ensure`` makes the city stream with every ward's source (hub-leaf): at start, and
        at every look, so a source dropped by a keeper that died mid-reattach comes back."""
        self._ensure = ensure
        self._task: asyncio.Task[None] | None = None
        self._next_try: dict[str, float] = {}
        self._pause: dict[str, float] = {}
        self.reattached = 0

    async def start(self, client: Client) -> None:
        """``ServiceDefinition.on_connect``: runs once the gateway's NATS link is up."""
        if self._ensure is not None:
            await self._ensure(client.jetstream())
        if self._task is None:
            self._task = asyncio.create_task(self._keep(client), name="source-keeper")

    async def stop(self, app: FastAPI) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _keep(self, client: Client) -> None:
        while True:
            # The stop's cancellation may have been swallowed by nats-py during the last
            # look: the keeper then slept on and the stop waited forever (seen in make bench).
            stop_if_cancelled()
            await asyncio.sleep(LOOK_EVERY_SECONDS)
            try:
                await self.look(client)
            except Exception as error:  # the hub away: look again later
                stop_if_cancelled()
                log.debug("source keeper: %r", error)

    async def look(self, client: Client) -> list[str]:
        js = client.jetstream()
        if self._ensure is not None:
            await self._ensure(js)
        silent = detached_sources(
            await js.stream_info(CITY_STREAM), idle_after=SILENT_AFTER_SECONDS
        )
        for name in set(self._pause) - set(silent):  # attached again: the next outage starts afresh
            self._pause.pop(name)
            self._next_try.pop(name, None)
        now = time.monotonic()
        due = [name for name in silent if self._next_try.get(name, 0.0) <= now]
        if not due:
            return []
        await reattach_sources(js, CITY_STREAM, due)
        for name in due:
            pause = min(self._pause.get(name, FIRST_RETRY_SECONDS / 2) * 2, LAST_RETRY_SECONDS)
            self._pause[name], self._next_try[name] = pause, now + pause
        self.reattached += len(due)
        log.info("city stream: sources set up again: %s", ", ".join(sorted(due)))
        return due
