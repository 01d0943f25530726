"""The ward-local portal (issue 19 item 1): the gateway's portal pages for one ward, and nothing
else; another ward is a 404 and never a call to that ward's services; the ward's services are
found in the launcher's topology file, read at each request."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from pydantic import SecretStr
from starlette.routing import Mount

from qcdc_gateway.portal import command
from qcdc_gateway.portal import routes as portal
from qcdc_gateway.portal.followed import FollowedClock, ask_once
from qcdc_gateway.portal.local import build_local_portal
from qcdc_shared.clock import FixedClock
from qcdc_shared.readiness import CityStateHolder
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Settings, StartRefused
from qcdc_shared.tooling.launcher import Launcher
from qcdc_shared.tooling.nats_server import free_port

from .portal_session import sign_in

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[4]
NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
WARD, OTHER = "ben-thanh", "sai-gon"
SERVICES = ("plans", "petitions", "publicity", "oversight")
POSTING = {
    "id": "p-1",
    "ward": WARD,
    "category": 1,
    "title": "Kế hoạch sử dụng đất năm 2027",
    "status": "published",
    "published_at": "2026-12-01T08:00:00+07:00",
    "deadlines": [],
}


def url_of(ward: str, service: str) -> str:
    return f"http://{ward}-{service}.test"


def write(path: Path, topology: dict[str, object]) -> None:
    path.write_text(json.dumps(topology))


@pytest.fixture
def topology(tmp_path: Path) -> Path:
    """As the launcher writes it: both wards' services."""
    path = tmp_path / "topology.json"
    wards = {w: {s: url_of(w, s) for s in SERVICES} for w in (WARD, OTHER)}
    write(path, {"nats_url": "nats://127.0.0.1:1", "wards": wards})
    return path


@pytest.fixture
def called() -> list[str]:
    return []


@pytest.fixture
def app(tmp_path: Path, topology: Path, called: list[str]) -> FastAPI:
    settings = Settings(
        env="development",
        registry_file=str(ROOT / "deploy" / "wards.toml"),
        topology_file=str(topology),
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{service}}.db",
    )
    built: FastAPI = build_local_portal(settings, WARD, clock=FixedClock(NOW))

    def ward_service(request: httpx.Request) -> httpx.Response:
        called.append(f"{request.url.scheme}://{request.url.host}{request.url.path}")
        if request.url.path == "/postings":
            return httpx.Response(200, json={"items": [POSTING], "next_cursor": None})
        return httpx.Response(200, json={"items": [], "next_cursor": None})

    # Its own pooled client (closed with the app), here answering as the ward's services.
    built.state.proxy_client = httpx.AsyncClient(transport=httpx.MockTransport(ward_service))
    return built


@pytest.fixture
async def local(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("198.51.100.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://portal.test") as http:
        yield http


async def test_it_serves_its_wards_pages_from_its_wards_services_only(
    local: httpx.AsyncClient, called: list[str]
) -> None:
    home = await local.get(f"/p/{WARD}/")
    assert home.status_code == 200, home.text[:500]
    assert 'lang="vi"' in home.text and str(POSTING["title"]) in home.text
    assert called == [f"{url_of(WARD, 'publicity')}/postings"]

    for path in (f"/p/{OTHER}/", f"/p/{OTHER}/bang-tin", f"/p/{OTHER}/gui-phan-anh"):
        other = await local.get(path)
        assert other.status_code == 404, path
        assert "text/html" in other.headers["content-type"]
    assert all(url.startswith(f"http://{WARD}-") for url in called), called


async def test_signing_in_and_out_stays_on_the_wards_pages(local: httpx.AsyncClient) -> None:
    await sign_in(local, role="citizen", ward=WARD)
    page = await local.get(f"/p/{WARD}/gui-phan-anh")
    assert page.status_code == 200 and "Nguyễn Văn An" in page.text
    home = await local.get("/")  # where signing out without a page to go back to lands
    assert (home.status_code, home.headers["location"]) == (303, f"/p/{WARD}/")
    assert (await local.get("/static/portal.css")).status_code == 200
    assert (await local.get("/rules")).status_code == 200  # every rule link lands there


async def test_health_and_readiness_name_the_wards_services_not_where_they_are(
    local: httpx.AsyncClient, topology: Path
) -> None:
    health = (await local.get("/health")).json()
    assert health["service"] == "portal" and health["ward"] == WARD
    assert health["status"] == "ok" and sorted(health["services"]) == sorted(SERVICES)
    assert health["clock"]["now"] == NOW.isoformat()
    assert "http" not in json.dumps(health)
    assert (await local.get("/livez")).status_code == 200
    assert (await local.get("/readyz")).status_code == 200

    # The launcher rewrote the file without the ward's services (read at each request).
    write(topology, {"wards": {OTHER: {"plans": url_of(OTHER, "plans")}}})
    ready = await local.get("/readyz")
    assert ready.status_code == 503 and ready.json()["checks"]["missing"] == list(SERVICES)
    down = await local.get(f"/p/{WARD}/")
    assert down.status_code == 503  # the "try later" page, never another ward's service


def served(app: FastAPI) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, Mount):
            found.add(("GET", f"{route.path}/{{path}}"))
            continue
        assert context.path_format is not None
        found |= {(m, context.path_format) for m in (context.methods or set()) - {"HEAD"}}
    return found


def test_it_has_the_portal_and_nothing_of_the_city(app: FastAPI) -> None:
    pages = served(FastAPI(routes=portal.router.routes, openapi_url=None, docs_url=None))
    own = {
        ("GET", "/"),
        ("GET", "/health"),
        ("GET", "/livez"),
        ("GET", "/readyz"),
        ("GET", "/static/{path}"),
        ("GET", "/rules"),
        ("GET", "/rules/changes"),
    }
    assert served(app) == pages | own
    assert not [path for _, path in served(app) if path.startswith("/api")]


def test_a_ward_the_registry_lacks_is_refused_at_start(tmp_path: Path) -> None:
    settings = Settings(env="development", registry_file=str(ROOT / "deploy" / "wards.toml"))
    with pytest.raises(StartRefused, match="unknown ward"):
        build_local_portal(settings, "no-such-ward")


def test_qcdc_portal_is_given_the_topology_and_keeps_no_credential(
    tmp_path: Path, topology: Path
) -> None:
    """``qcdc portal --ward`` beside ``qcdc run``: the ward's services from the topology file;
    a NATS user or password, or a database URL, in its environment is dropped, never used."""
    args = command.parser().parse_args(["--ward", WARD, "--topology", str(topology)])
    given = Settings(
        env="development",
        registry_file=str(ROOT / "deploy" / "wards.toml"),
        nats_user="ben-thanh-services",
        nats_password=SecretStr("s3cret"),
        database_url="postgresql+asyncpg://qcdc:s3cret@db/{service}",
    )
    settings = command.settings_for(args, given)
    assert (settings.topology_file, settings.ward) == (str(topology), WARD)
    kept: Settings = build_local_portal(settings, WARD).state.portal_settings
    assert kept.nats_credentials() == {}
    assert "s3cret" not in kept.model_dump_json() + kept.database_url


async def test_in_development_it_follows_its_wards_clock_over_http(
    tmp_path: Path, topology: Path
) -> None:
    """No clock given, in development: the time (and the city's state) its petitions
    service's /health shows, learned before the first page and kept up after; the system
    clock is far from it."""
    ward_now = dt.datetime(2027, 5, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    asked: list[str] = []

    def petitions(request: httpx.Request) -> httpx.Response:
        asked.append(f"{request.url.scheme}://{request.url.host}{request.url.path}")
        city = {"ready": False, "state": "building_demo", "weeks_done": 3, "weeks_total": 9}
        return httpx.Response(200, json={"clock": {"now": ward_now.isoformat()}, "city": city})

    settings = Settings(
        env="development",
        registry_file=str(ROOT / "deploy" / "wards.toml"),
        topology_file=str(topology),
    )
    app = build_local_portal(settings, WARD)
    app.state.proxy_client = httpx.AsyncClient(transport=httpx.MockTransport(petitions))
    async with app.router.lifespan_context(app):
        assert asked == [f"{url_of(WARD, 'petitions')}/health"]  # once, before serving
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://portal.test") as http:
            health = (await http.get("/health")).json()
    shown = dt.datetime.fromisoformat(health["clock"]["now"])
    assert abs(shown - ward_now) < dt.timedelta(seconds=5), shown
    assert health["clock"]["followed"] is True
    assert app.state.city.state.building and app.state.city.state.done == 3


async def test_a_silent_ward_leaves_the_clock_where_it_was() -> None:
    """Its service not answering (or answering nonsense): the clock keeps its offset."""
    clock = FollowedClock(dt.timedelta(days=3))
    city = CityStateHolder()

    def broken(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"clock": {"now": "not a time"}})

    async with httpx.AsyncClient(transport=httpx.MockTransport(broken)) as client:
        assert not await ask_once(clock, city, "http://petitions.test", client)
        assert not await ask_once(clock, city, None, client)
    assert clock.offset == dt.timedelta(days=3) and not clock.followed
    assert not city.state.building


@pytest.mark.parametrize("topology_name", ["single", "hub-leaf"])
def test_the_launcher_starts_one_portal_per_ward_only_on_leaves(
    tmp_path: Path, topology_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``qcdc run --topology hub-leaf``: ``<ward>/portal`` beside each ward's services (the
    entry point ``qcdc.ward_local``), kept out of the ward's services in topology.json; the
    single server starts none (the gateway serves every ward's portal there)."""
    monkeypatch.setenv("QCDC_NATS_PASSWORD", "s3cret")
    monkeypatch.setenv("QCDC_DATABASE_URL", "postgresql+asyncpg://qcdc:s3cret@db/{service}")
    registry = load_registry(ROOT / "deploy" / "wards.toml").only([WARD, OTHER])
    launcher = Launcher(
        registry=registry, var_dir=tmp_path, gateway_port=free_port(), topology=topology_name
    )
    launcher._plan()
    portals = {p.name: p for p in launcher.processes if p.service == "portal"}
    if topology_name == "single":
        assert portals == {}
        return
    assert set(portals) == {f"{WARD}/portal", f"{OTHER}/portal"}
    ours = portals[f"{WARD}/portal"]
    assert ours.app == "qcdc_gateway.portal.serve:app" and ours.env["QCDC_WARD"] == WARD
    # A page-serving process: no database URL, no NATS server, user or password (not even
    # the launcher's own); the ward's services keep theirs.
    withheld = [k for k in ours.env if k == "QCDC_DATABASE_URL" or k.startswith("QCDC_NATS_")]
    assert withheld == [] and "s3cret" not in json.dumps(ours.env)
    service = next(p for p in launcher.processes if p.name == f"{WARD}/petitions")
    assert {"QCDC_DATABASE_URL", "QCDC_NATS_URL", "QCDC_NATS_PASSWORD"} <= set(service.env)
    ports = [p.port for p in launcher.processes]
    assert len(ports) == len(set(ports))
    launcher._write_topology()
    written = json.loads((tmp_path / "run" / "topology.json").read_text())
    assert sorted(written["wards"][WARD]) == sorted(SERVICES)
