"""The portal tests' client: a browser at :data:`portal_fakes.CLIENT` on the ``app`` a test
module builds (``portal_fakes.build_portal``); it keeps cookies as a browser does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from .portal_fakes import CLIENT


@pytest.fixture
async def portal(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=(CLIENT, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
        yield http
