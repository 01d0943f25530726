"""Ready means ready (DESIGN §10): a city takes a user's writes only once it is built.

While the demo city is being built, the shared clock walks through past months, so a user's
write would be dated months back or refused as "in the future" (a misleading 422). The
builder therefore marks the city as building in the development clock bucket (key
``city_state``), with its progress and a key of its own; every service watches it and refuses
other writes with 503 problem+json and ``Retry-After`` until the builder marks the city
ready. Reads go on. Production never builds a demo and never reads the bucket.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import asdict, dataclass
from typing import Literal

from fastapi import Request
from nats.js import JetStreamContext
from nats.js.errors import KeyNotFoundError
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Receive, Scope, Send

from qcdc_shared.api.problems import Problem, problem_response
from qcdc_shared.clock import clock_bucket, watch_key

log = logging.getLogger(__name__)

STATE_KEY = "city_state"
BUILDER_HEADER = "X-QCDC-Builder"  # the builder's own calls carry its key
RETRY_AFTER_SECONDS = 10
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CityStateOut(BaseModel):
    """Whether the city takes users' writes yet, as /health, /readyz and /api/wards say it."""

    ready: bool
    state: Literal["ready", "building_demo"]
    weeks_done: int
    weeks_total: int
    text: str = Field(description="Vietnamese, e.g. 'Đang dựng thành phố mẫu (tuần 3/22)'.")
    text_en: str = Field(description="English, e.g. 'Building the demo city (3 of 22 weeks)'.")


@dataclass(frozen=True)
class CityState:
    """``building``: the demo city is being built, ``done`` of ``total`` weeks so far."""

    building: bool = False
    done: int = 0
    total: int = 0
    key: str = ""

    @classmethod
    def building_now(cls, total: int = 0) -> CityState:
        return cls(building=True, total=total, key=secrets.token_urlsafe(16))

    def progress(self, done: int, total: int) -> CityState:
        return CityState(building=True, done=done, total=total, key=self.key)

    @property
    def text(self) -> str:
        if not self.building:
            return "Thành phố đã sẵn sàng"
        return f"Đang dựng thành phố mẫu (tuần {self.done}/{self.total or '?'})"

    @property
    def text_en(self) -> str:
        if not self.building:
            return "The city is ready"
        return f"Building the demo city ({self.done} of {self.total or '?'} weeks)"

    def public(self) -> CityStateOut:
        """What /health, /readyz and the gateway show: never the builder's key."""
        return CityStateOut(
            ready=not self.building,
            state="building_demo" if self.building else "ready",
            weeks_done=self.done,
            weeks_total=self.total,
            text=self.text,
            text_en=self.text_en,
        )

    def admits(self, request: Request) -> bool:
        return not self.building or request.method in SAFE_METHODS or self.sent_by_builder(request)

    def sent_by_builder(self, request: Request) -> bool:
        given = request.headers.get(BUILDER_HEADER, "")
        return self.building and bool(self.key) and secrets.compare_digest(given, self.key)


READY = CityState()


class CityStateHolder:
    """What a service knows of the city's state, kept current by :func:`watch_city_state`."""

    def __init__(self) -> None:
        self.state = READY


async def write_city_state(js: JetStreamContext, state: CityState) -> None:
    kv = await clock_bucket(js)
    await kv.put(STATE_KEY, json.dumps(asdict(state)).encode())


async def read_city_state(js: JetStreamContext) -> CityState:
    kv = await clock_bucket(js)
    try:
        entry = await kv.get(STATE_KEY)
    except KeyNotFoundError:
        return READY
    return _parse(entry.value)


def _parse(value: bytes | None) -> CityState:
    try:
        return CityState(**json.loads(value or b"{}"))
    except (ValueError, TypeError):
        log.warning("unreadable city state %r; taken as ready", value)
        return READY


async def watch_city_state(js: JetStreamContext, holder: CityStateHolder) -> None:
    """Keep ``holder.state`` equal to the bucket's value until cancelled."""

    def apply(value: bytes | None) -> None:
        holder.state = _parse(value) if value is not None else READY
        log.info("city state: %s", holder.state.text_en)

    await watch_key(js, STATE_KEY, apply)


def building_problem(state: CityState) -> Problem:
    return Problem.for_status(
        503,
        title="Thành phố chưa sẵn sàng",
        title_en="The city is not ready yet",
        detail=f"{state.text}: chưa nhận ghi dữ liệu. Vui lòng thử lại sau ít phút.",
        detail_en=f"{state.text_en}: writes are not taken yet. Please retry in a few minutes.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        city=state.public().model_dump(),
    )


class RefuseWritesWhileBuilding:
    """503 + Retry-After for every write but the builder's while the city is building.

    Plain ASGI rather than Starlette's BaseHTTPMiddleware, which would buffer the gateway's
    Server-Sent Events stream."""

    def __init__(self, app: ASGIApp, holder: CityStateHolder) -> None:
        self.app = app
        self.holder = holder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            state = self.holder.state
            if not state.admits(request):
                await problem_response(request, building_problem(state))(scope, receive, send)
                return
        await self.app(scope, receive, send)
