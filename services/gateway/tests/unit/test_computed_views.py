"""The city's views are computed once per change of the log: a quick one again by the request
that finds the log changed, a slow one in the background while the last one is served."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from qcdc_gateway.computed import MAX_AGE_SECONDS, MAX_VIEWS, ComputedViews
from qcdc_shared.clock import FixedClock

pytestmark = pytest.mark.unit

AT = dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self) -> int:
        self.calls += 1
        return self.calls


async def test_a_view_is_computed_once_until_the_log_changes() -> None:
    views, compute, clock = ComputedViews(), Counting(), FixedClock(AT)
    assert [await views.get("city", compute, clock=clock) for _ in range(3)] == [1, 1, 1]
    views.changed()
    assert await views.get("city", compute, clock=clock) == 2  # quick: on the request
    assert await views.get("other", compute, clock=clock) == 3  # each key its own


async def test_now_moving_on_or_back_recomputes_an_unchanged_view() -> None:
    views, compute, clock = ComputedViews(), Counting(), FixedClock(AT)
    await views.get("city", compute, clock=clock)
    clock.advance(dt.timedelta(seconds=MAX_AGE_SECONDS - 1))
    assert await views.get("city", compute, clock=clock) == 1
    clock.advance(dt.timedelta(seconds=1))
    assert await views.get("city", compute, clock=clock) == 2  # what is overdue may change
    clock.advance(dt.timedelta(days=-1))  # a test's clock set back
    assert await views.get("city", compute, clock=clock) == 3


async def test_a_slow_view_is_served_while_it_is_computed_again() -> None:
    views, compute, clock = ComputedViews(slow_seconds=0.0), Counting(), FixedClock(AT)
    assert await views.get("city", compute, clock=clock) == 1
    views.changed()
    served = [await views.get("city", compute, clock=clock) for _ in range(3)]
    assert served == [1, 1, 1]  # no request waits; one refresh runs
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert compute.calls == 2
    assert await views.get("city", compute, clock=clock) == 2
    await views.close()


async def test_concurrent_requests_compute_a_view_once() -> None:
    views, clock = ComputedViews(), FixedClock(AT)
    started = asyncio.Event()
    release = asyncio.Event()
    calls = 0

    async def compute() -> int:
        nonlocal calls
        calls += 1
        started.set()
        await release.wait()
        return calls

    first = asyncio.create_task(views.get("city", compute, clock=clock))
    await started.wait()
    second = asyncio.create_task(views.get("city", compute, clock=clock))
    release.set()
    assert (await first, await second, calls) == (1, 1, 1)


async def test_views_asked_for_by_the_thousand_are_forgotten_oldest_first() -> None:
    views, compute, clock = ComputedViews(), Counting(), FixedClock(AT)
    for key in range(MAX_VIEWS + 1):
        await views.get(key, compute, clock=clock)
    assert await views.get(MAX_VIEWS, compute, clock=clock) == MAX_VIEWS + 1  # kept
    assert await views.get(0, compute, clock=clock) == MAX_VIEWS + 2  # forgotten, computed
