"""The source keeper re-attaches only the city stream's silent sources in another domain,
and retries a ward that stays away after a growing pause."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from nats.js.api import (
    ExternalStream,
    StreamConfig,
    StreamInfo,
    StreamSource,
    StreamSourceInfo,
    StreamState,
)

from qcdc_gateway import source_keeper
from qcdc_gateway.source_keeper import SourceKeeper
from qcdc_shared.streams import CITY_STREAM, detached_sources

pytestmark = pytest.mark.unit

SECOND = 10**9  # nanoseconds, as the server reports a source's last activity


def city(active: dict[str, int | None], *, external: bool = True) -> StreamInfo:
    sources = [
        StreamSource(
            name=name, external=ExternalStream(api=f"$JS.{name}.API") if external else None
        )
        for name in active
    ]
    return StreamInfo(
        config=StreamConfig(name=CITY_STREAM, sources=sources),
        state=StreamState(messages=0, bytes=0, first_seq=0, last_seq=0, consumer_count=0),
        sources=[StreamSourceInfo(name=name, active=value) for name, value in active.items()],
    )


def test_only_silent_sources_in_another_domain_are_detached() -> None:
    info = city({"QCDC_A": SECOND // 2, "QCDC_B": 5 * SECOND, "QCDC_C": -1, "QCDC_D": None})
    assert detached_sources(info, idle_after=3.0) == ["QCDC_B", "QCDC_C", "QCDC_D"]
    same_server = city({"QCDC_A": 60 * SECOND}, external=False)
    assert detached_sources(same_server, idle_after=3.0) == []


class FakeJetStream:
    """Only what the keeper asks of JetStream: the city stream, and the re-attachments."""

    def __init__(self, active: dict[str, int | None]) -> None:
        self.active = active
        self.reattached: list[list[str]] = []

    async def stream_info(self, name: str) -> StreamInfo:
        return city(self.active)


class FakeClient:
    def __init__(self, js: FakeJetStream) -> None:
        self.js = js

    def jetstream(self) -> FakeJetStream:
        return self.js


async def test_a_ward_away_is_retried_after_a_growing_pause(monkeypatch: Any) -> None:
    now = [1000.0]
    js = FakeJetStream({"QCDC_A": 60 * SECOND, "QCDC_B": SECOND // 10})

    async def reattach(_js: Any, stream: str, names: list[str]) -> None:
        js.reattached.append(sorted(names))

    monkeypatch.setattr(source_keeper, "reattach_sources", reattach)
    monkeypatch.setattr(source_keeper.time, "monotonic", lambda: now[0])
    keeper = SourceKeeper()
    client: Any = FakeClient(js)

    tried_at = []
    for _ in range(40):  # 40 looks, one a second, ward A away all along
        if await keeper.look(client):
            tried_at.append(now[0] - 1000.0)
        now[0] += 1.0
    assert js.reattached == [["QCDC_A"]] * len(tried_at)
    assert tried_at == [0.0, 4.0, 12.0, 28.0]  # pauses of 4, 8, 16 s

    js.active["QCDC_A"] = SECOND // 10  # back: the next outage starts with a short pause
    await keeper.look(client)
    js.active["QCDC_A"] = 60 * SECOND
    assert await keeper.look(client) == ["QCDC_A"]


class SwallowsCancellation:
    """A client whose JetStream call turns a cancellation into a timeout, as nats-py's
    wait_for can on Python 3.11."""

    def __init__(self) -> None:
        self.looking = asyncio.Event()

    def jetstream(self) -> SwallowsCancellation:
        return self

    async def stream_info(self, name: str) -> StreamInfo:
        self.looking.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            raise TimeoutError("nats: timeout") from None
        raise AssertionError("never answers")


async def test_the_keeper_stops_even_when_nats_py_swallows_the_cancellation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(source_keeper, "LOOK_EVERY_SECONDS", 0.0)
    client = SwallowsCancellation()
    keeper = SourceKeeper()
    await keeper.start(client)  # type: ignore[arg-type]
    await asyncio.wait_for(client.looking.wait(), 5)
    await asyncio.wait_for(keeper.stop(None), 5)  # type: ignore[arg-type]
