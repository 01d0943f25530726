"""The ward-local portal (issue 19 item 1): the city's ``/p/<ward>/...`` pages, served by one
ward's own process that reads only that ward's services (and, in development, takes the
shared clock from them: :mod:`qcdc_gateway.portal.followed`), so the ward keeps serving its
residents while its link to the city is down. It holds no NATS credential and no database
URL: it serves pages, and every read and write is its ward's services' to decide.

``qcdc portal --ward SLUG`` starts one (:mod:`qcdc_gateway.portal.command`);
``qcdc run --topology hub-leaf`` starts one per ward (``<ward>/portal`` in
``var/run/topology.json``, the entry point ``qcdc.ward_local``, :mod:`qcdc_gateway.portal.serve`).

The same portal router as the gateway's, and nothing of the city: no database, no projections,
no dashboard, no proxy. Besides the pages: ``/static`` (their styles), ``/rules`` (every rule
link of a page lands there; the rule table is in the process, not at the hub), ``/`` (to the
ward's home: where signing out lands) and ``/health``, ``/livez``, ``/readyz``. Every path is
one the gateway also serves with the same access, so the gateway's rows of the access matrix
are this app's (``tests/contract/test_ward_local_portal_routes.py``).

Where the ward's services answer: as at the city (:mod:`qcdc_gateway.ward_addresses`: the
registry's ``[wards.urls]``, else ``QCDC_WARD_URL_TEMPLATE``, else the launcher's topology
file, read at each request since a restarted service may come back on another port); only this
ward's addresses are ever looked up, so another ward's service is never called.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from qcdc_gateway.api.proxy import client_of, close_client
from qcdc_gateway.portal import routes as portal
from qcdc_gateway.portal.followed import TIME_SOURCE, FollowedClock, ask_once, follow
from qcdc_gateway.portal.wards import HttpWardReader
from qcdc_gateway.ward_addresses import WardAddresses
from qcdc_gateway.web import STATIC
from qcdc_gateway.web import rules as rule_pages
from qcdc_shared.api import install_problem_handlers
from qcdc_shared.api.limits import BodyLimit, RateLimits
from qcdc_shared.auth import TokenVerifier, public
from qcdc_shared.clock import LOCAL_TZ, Clock, SystemClock
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.readiness import CityStateHolder
from qcdc_shared.registry import SERVICES_OF_A_WARD, load_registry
from qcdc_shared.settings import Settings, StartRefused

SERVICE = "portal"
UNUSED_DATABASE = str(Settings.model_fields["database_url"].default)
ServiceUrls = Callable[[], Mapping[str, str]]


def ward_urls_of(addresses: WardAddresses, ward: str) -> ServiceUrls:
    """``ward``'s services (ward_addresses.py), looked up anew at each call."""

    def urls() -> Mapping[str, str]:
        return addresses.get(ward, {})

    return urls


def build_local_portal(
    settings: Settings,
    ward: str,
    *,
    urls: ServiceUrls | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    """The portal of ``ward`` alone. ``urls``: where its services answer (default: the
    registry's, the template's or the topology file's, :mod:`qcdc_gateway.ward_addresses`);
    ``clock``: the shared clock (default: in development the time its petitions service's
    /health shows, followed every couple of seconds; production reads the system clock and
    asks nothing)."""
    registry = load_registry(settings.registry_file)
    if registry.ward(ward) is None:
        known = ", ".join(w.slug for w in registry.wards)
        raise StartRefused([f"unknown ward {ward!r} (the registry has: {known})"])
    # What a page-serving process never needs, dropped if its environment gave it.
    unused = {"nats_user": None, "nats_password": None, "database_url": UNUSED_DATABASE}
    settings = settings.model_copy(update={"ward": ward, "service": SERVICE, **unused})
    ward_urls = urls or ward_urls_of(WardAddresses.of(settings, registry), ward)
    city = CityStateHolder()  # whether the demo city is being built (the /rules page says so)
    # As make_clock decides for the services: production keeps the system clock.
    followed = FollowedClock() if clock is None and settings.env != "production" else None
    shared_clock: Clock = clock or followed or SystemClock()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = None
        if followed is not None:
            # Once before serving (a page's date is the ward's from the first request, when
            # the service answers), then in the background: the pages never wait for it.
            await ask_once(followed, city, ward_urls().get(TIME_SOURCE), client_of(app))
            task = asyncio.create_task(
                follow(followed, city, ward_urls, lambda: client_of(app)), name="ward-clock"
            )
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await close_client(app)

    app = FastAPI(
        title=f"Cổng thông tin phường {ward} — ward portal of {ward}",
        lifespan=lifespan,
        openapi_url=None,  # pages, no API: nothing to describe
        docs_url=None,
        redoc_url=None,
    )
    app.state.ward = ward
    app.state.portal_settings = settings  # the sign-in and CSRF key, as at the city
    app.state.registry = registry.only([ward])  # another ward's pages are a 404 here
    app.state.verifier = TokenVerifier(settings)
    app.state.rules = RuleBook.from_settings(settings)
    app.state.rate_limits = RateLimits(settings)
    app.state.city = city
    app.state.portal_clock = shared_clock
    app.state.portal_urls = ward_urls
    app.state.portal_reader = HttpWardReader(
        urls=lambda: {ward: ward_urls()}, client=lambda: client_of(app)
    )
    app.add_middleware(BodyLimit, max_bytes=settings.request_body_max_bytes)
    install_problem_handlers(app)
    app.include_router(_own_router(ward, followed))
    app.include_router(rule_pages.router)
    app.include_router(portal.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _known(request: Request) -> list[str]:
    urls: ServiceUrls = request.app.state.portal_urls
    found = urls()
    return [service for service in SERVICES_OF_A_WARD if found.get(service)]


def _own_router(ward: str, followed: FollowedClock | None) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/", **public())
    async def home() -> RedirectResponse:
        """Where signing out without a page to go back to lands: the ward's home."""
        return RedirectResponse(f"/p/{ward}/", status_code=303)

    @router.get("/health", **public())
    async def health(request: Request) -> dict[str, Any]:
        known = _known(request)
        clock: Clock = request.app.state.portal_clock
        return {
            "status": "ok" if len(known) == len(SERVICES_OF_A_WARD) else "degraded",
            "service": SERVICE,
            "ward": ward,
            "services": known,  # names only: where they answer is the operator's business
            "clock": {
                "now": clock.now().astimezone(LOCAL_TZ).isoformat(),
                # In development: whether the ward's time has been learned from its services.
                **({"followed": followed.followed} if followed is not None else {}),
            },
        }

    @router.get("/livez", **public())
    async def livez() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz", **public())
    async def readyz(request: Request) -> JSONResponse:
        """Ready when it knows where each of the ward's services answers (whether each one
        answers is that service's own /readyz)."""
        known = _known(request)
        missing = [service for service in SERVICES_OF_A_WARD if service not in known]
        body = {"ready": not missing, "service": SERVICE, "checks": {"services": known}}
        if missing:
            body["checks"] = {"services": known, "missing": missing}
            return JSONResponse(body, status_code=503, headers={"Retry-After": "5"})
        return JSONResponse(body)

    return router


def from_environment() -> FastAPI:
    """The portal of ``QCDC_WARD`` as the launcher starts it (``QCDC_*`` settings)."""
    from qcdc_shared.settings import get_settings

    settings = get_settings()
    return build_local_portal(settings, settings.ward)
