"""Ready means ready: while the demo city is built, a write that is not the builder's gets 503
problem+json with Retry-After; reads, and the builder's own calls, go on."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from qcdc_shared.api import install_problem_handlers
from qcdc_shared.readiness import (
    BUILDER_HEADER,
    READY,
    CityState,
    CityStateHolder,
    RefuseWritesWhileBuilding,
)

pytestmark = pytest.mark.unit


def app_with(holder: CityStateHolder) -> httpx.AsyncClient:
    app = FastAPI()
    app.add_middleware(RefuseWritesWhileBuilding, holder=holder)
    install_problem_handlers(app)

    @app.get("/postings")
    async def listed() -> dict[str, int]:
        return {"total": 0}

    @app.post("/postings", status_code=201)
    async def created() -> dict[str, str]:
        return {"status": "draft"}

    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://ward")


async def test_a_write_while_building_gets_503_with_retry_after_and_both_languages() -> None:
    holder = CityStateHolder()
    holder.state = CityState.building_now(total=22).progress(3, 22)
    async with app_with(holder) as http:
        refused = await http.post("/postings", json={})
        assert refused.status_code == 503
        assert refused.headers["content-type"] == "application/problem+json"
        assert int(refused.headers["Retry-After"]) > 0
        problem = refused.json()
        assert "tuần 3/22" in problem["detail"] and "3 of 22 weeks" in problem["detail_en"]
        assert problem["city"] == holder.state.public().model_dump()
        assert holder.state.key not in refused.text  # the builder's key is never shown
        assert (await http.get("/postings")).status_code == 200


async def test_the_builders_own_calls_pass_and_a_wrong_key_does_not() -> None:
    holder = CityStateHolder()
    holder.state = CityState.building_now()
    async with app_with(holder) as http:
        builder = await http.post("/postings", headers={BUILDER_HEADER: holder.state.key})
        assert builder.status_code == 201
        guess = await http.post("/postings", headers={BUILDER_HEADER: "x" + holder.state.key})
        assert guess.status_code == 503


async def test_a_ready_city_takes_every_write() -> None:
    holder = CityStateHolder()
    assert holder.state == READY and READY.public().ready
    async with app_with(holder) as http:
        assert (await http.post("/postings")).status_code == 201
