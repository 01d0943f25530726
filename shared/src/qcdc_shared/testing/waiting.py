"""Waiting for something a background task or another process will make true."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable


async def eventually(
    condition: Callable[[], bool | Awaitable[bool]],
    *,
    within: float = 5.0,
    what: str = "",
    every: float = 0.02,
) -> None:
    """Poll ``condition`` (sync or async) every ``every`` seconds until true; fail after
    ``within`` seconds."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        result = condition()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not within {within}s: {what or 'condition'}")
        await asyncio.sleep(every)
