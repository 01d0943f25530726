"""What every plans handler does alike: load the aggregate a command is about, or refuse with
404 when there is none."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from qcdc_shared.refusals import NotFound

T = TypeVar("T")


async def load(
    get: Callable[[str], Awaitable[T | None]], key: str, what_vi: str, what_en: str
) -> T:
    """``get(key)`` from a repository; :class:`NotFound` names the record (``what``) when it
    holds none."""
    found = await get(key)
    if found is None:
        raise NotFound(what_vi, what_en, key)
    return found
