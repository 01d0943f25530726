"""Body size and rate limits (qcdc_shared/api/limits.py) on a small app of their own."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI, Request

from qcdc_shared.api import MEDIA_TYPE, Problem, install_openapi, install_problem_handlers
from qcdc_shared.api.access import access
from qcdc_shared.api.limits import BodyLimit, RateLimits, StreamSlots, limited
from qcdc_shared.auth import (
    CurrentPrincipal,
    TokenVerifier,
    mint_development_token,
    public,
    requires,
)
from qcdc_shared.readiness import BUILDER_HEADER, CityState, CityStateHolder
from qcdc_shared.settings import Settings
from qcdc_shared.testing.environment import isolate

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def _development(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    isolate(monkeypatch)
    yield


def build(settings: Settings) -> FastAPI:
    app = FastAPI()
    app.state.verifier = TokenVerifier(settings)
    app.state.ward = "ben-thanh"
    app.state.city = CityStateHolder()
    app.state.rate_limits = RateLimits(settings)
    app.add_middleware(BodyLimit, max_bytes=settings.request_body_max_bytes)
    install_problem_handlers(app)

    @app.post("/comments", **limited("filing", requires("citizen")))
    async def comment(request: Request) -> dict[str, int]:
        return {"read": len(await request.body())}

    @app.get("/identity", **limited("identity", access(roles=("officer",))))
    async def identity(principal: CurrentPrincipal) -> dict[str, str]:
        return {"reader": principal.sub}

    @app.get("/track/{code}", **limited("lookup", public()))
    async def track(code: str) -> dict[str, str]:
        return {"code": code}

    return app


@pytest.fixture
def settings() -> Settings:
    return Settings(
        request_body_max_bytes=1000,
        rate_limit_filing="2/minute",
        rate_limit_lookup="3/minute",
        rate_limit_identity="1/minute",
    )


@pytest.fixture
async def http(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=build(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


def citizen(settings: Settings, sub: str) -> dict[str, str]:
    token = mint_development_token(settings, role="citizen", sub=sub)
    return {"Authorization": f"Bearer {token}"}


async def test_a_body_over_the_limit_is_413_declared_or_chunked(
    http: httpx.AsyncClient, settings: Settings
) -> None:
    me = citizen(settings, "a")
    assert (await http.post("/comments", content=b"x" * 1000, headers=me)).json() == {"read": 1000}

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(3):
            yield b"x" * 400

    for content in (b"x" * 1001, chunks()):
        response = await http.post("/comments", content=content, headers=me)
        assert response.status_code == 413
        assert response.headers["content-type"].startswith(MEDIA_TYPE)
        assert response.json()["detail_en"] == "The request body is too large."


async def test_each_client_and_each_account_has_its_own_count(
    http: httpx.AsyncClient, settings: Settings
) -> None:
    one, two = citizen(settings, "one"), citizen(settings, "two")
    statuses = [(await http.post("/comments", headers=one)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    # The same client (one address) is spent for every account on it...
    assert (await http.post("/comments", headers=two)).status_code == 429
    # ...while another limit, and another address, count apart.
    limits = RateLimits(settings)
    for _ in range(3):
        await limits.spend("lookup", "client:198.51.100.1")
    with pytest.raises(Problem) as refused:
        await limits.spend("lookup", "client:198.51.100.1")
    assert refused.value.status == 429 and 0 < int(refused.value.headers["Retry-After"]) <= 60
    await limits.spend("lookup", "client:198.51.100.2")
    await limits.spend("filing", "client:198.51.100.1")


async def test_a_stranger_spends_nobodys_budget(
    http: httpx.AsyncClient, settings: Settings
) -> None:
    for _ in range(3):  # refused by the guard, or by the route's own sign-in check
        assert (await http.post("/comments")).status_code == 401
        assert (await http.get("/identity")).status_code == 401
    me = citizen(settings, "a")
    assert (await http.post("/comments", headers=me)).status_code == 200
    officer = mint_development_token(settings, role="officer", ward="ben-thanh")
    answer = await http.get("/identity", headers={"Authorization": f"Bearer {officer}"})
    assert answer.status_code == 200


async def test_the_demo_builder_is_not_counted(settings: Settings) -> None:
    app = build(settings)
    app.state.city.state = CityState.building_now(total=3)
    builder = {BUILDER_HEADER: app.state.city.state.key, **citizen(settings, "demo")}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        statuses = {(await http.post("/comments", headers=builder)).status_code for _ in range(5)}
    assert statuses == {200}


def test_openapi_names_the_limit_of_a_route_and_its_429(settings: Settings) -> None:
    app = build(settings)

    @app.get("/unlimited", **public())
    async def unlimited() -> None: ...

    install_openapi(app)
    paths = app.openapi()["paths"]
    assert paths["/comments"]["post"]["x-rate-limit"] == "filing"
    assert "429" in paths["/comments"]["post"]["responses"]
    assert "429" not in paths["/unlimited"]["get"]["responses"]
    assert paths["/comments"]["post"]["x-access"] == {"public": False, "roles": ["citizen"]}
    assert paths["/track/{code}"]["get"]["x-rate-limit"] == "lookup"


def test_open_streams_are_counted_per_client_and_in_all() -> None:
    slots = StreamSlots(per_client=2, total=3)
    slots.take("a")
    slots.take("a")
    with pytest.raises(Problem) as refused:
        slots.take("a")
    assert refused.value.status == 429
    slots.take("b")
    with pytest.raises(Problem):
        slots.take("c")  # the total is reached
    slots.give_back("b")
    slots.take("c")
    slots.give_back("a")
    slots.take("a")
