"""The city's event log over HTTP: every ward's events in the order the city received them, as
pages (``GET /api/events``) and live as Server-Sent Events (``GET /api/stream``).

An event's ``data`` is the event-carried state the wards already publish to any subscriber
(DESIGN §3: no personal data, no free text of complaints), so both routes are public.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, func, or_, select
from starlette.types import Receive, Scope, Send

from qcdc_gateway.adapters.log import FACT_COLUMNS
from qcdc_gateway.adapters.tables import city_events
from qcdc_shared.api import Page, PageQuery, Problem, paginate
from qcdc_shared.api.limits import StreamSlots, address_of, holds_a_stream
from qcdc_shared.api.schemas import Instant
from qcdc_shared.auth import public
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api", tags=["events"])

HEARTBEAT_SECONDS = 15.0  # a comment line, so proxies and browsers keep an idle stream open
# The consumer wakes the streams after each commit (EventFeed); this poll is only for rows
# another process wrote (``qcdc gateway rebuild``, a second gateway replica).
POLL_SECONDS = 1.0
BATCH = 100
RETRY_MILLISECONDS = 2000  # how long a browser's EventSource waits before reconnecting

COLUMNS = (city_events.c.position, city_events.c.id, *FACT_COLUMNS)


class EventOut(BaseModel):
    position: int = Field(
        description="Thứ tự thành phố nhận sự kiện; là `id` của luồng SSE — the order the city "
        "received it in, and the SSE `id` to resume after"
    )
    id: str = Field(description="Mã sự kiện CloudEvents (UUID) — the CloudEvent id")
    ward: str
    type: str = Field(examples=["vn.qcdc.publicity.posting.published.v1"])
    subject: str = Field(description="Mã của đối tượng — the aggregate's id")
    sequence: int = Field(description="Phiên bản của đối tượng — the aggregate's version")
    time: dt.datetime = Field(description="Khi phường ghi nhận — when the ward recorded it")
    data: dict[str, Any] = Field(description="Trạng thái công khai mang theo sự kiện")


def _item(row: Any) -> EventOut:  # a Row of COLUMNS
    return EventOut.model_validate(row, from_attributes=True)


class EventFilter:
    """``?ward=`` (repeatable) and ``?type=`` (a full type, or a prefix of whole segments)."""

    def __init__(
        self,
        ward: Annotated[
            list[str] | None,
            Query(description="Chỉ các phường này — only these wards (repeatable)"),
        ] = None,
        event_type: Annotated[
            str | None,
            Query(
                alias="type",
                pattern=r"^vn\.qcdc(\.[a-z0-9_]+)*\.?$",
                description="Một loại sự kiện (`vn.qcdc.plans.decision.closed.v1`) hoặc tiền tố "
                "theo đoạn (`vn.qcdc.petitions.`) — one event type, or a prefix of whole "
                "segments (`vn.qcdc.petitions` and `vn.qcdc.petitions.` both match every "
                "petitions event)",
            ),
        ] = None,
    ) -> None:
        self.wards = ward
        self.type = event_type.rstrip(".") if event_type else None

    def where(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.wards:
            found.append(city_events.c.ward.in_(self.wards))
        if self.type:
            # Whole segments only: "vn.qcdc.pet" must not match the petitions service.
            found.append(
                or_(
                    city_events.c.type == self.type,
                    city_events.c.type.startswith(self.type + ".", autoescape=True),
                )
            )
        return found


EventFilterQuery = Annotated[EventFilter, Depends()]


@router.get(
    "/events",
    response_model=Page[EventOut],
    **public(),
    summary="Nhật ký sự kiện của thành phố — the city's event log",
    description="Mọi sự kiện của mọi phường theo thứ tự thành phố nhận, phân trang bằng con "
    "trỏ — every ward's events in the order the city received them, by cursor. `since` and "
    "`until` select on the envelope `time` (since ≤ time < until).",
)
async def list_events(
    runtime: RuntimeDep,
    page: PageQuery,
    filters: EventFilterQuery,
    since: Annotated[
        Instant | None, Query(description="Từ thời điểm này (gồm) — from, inclusive")
    ] = None,
    until: Annotated[
        Instant | None, Query(description="Đến trước thời điểm này — until, exclusive")
    ] = None,
) -> Any:
    where = filters.where()
    if since is not None:
        where.append(city_events.c.time >= since)
    if until is not None:
        where.append(city_events.c.time < until)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            select(*COLUMNS).where(*where),
            key=city_events.c.position,
            params=page,
            item=_item,
        )


class EventFeed:
    """Wakes the open streams when the consumer has committed events to the log.

    ``notify`` sets the current event and replaces it: a stream takes ``changed()`` *before*
    it reads the log, so a commit landing between its read and its wait still wakes it.
    """

    def __init__(self) -> None:
        self._changed = asyncio.Event()
        self.closing = asyncio.Event()

    def changed(self) -> asyncio.Event:
        return self._changed

    def notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def close(self) -> None:
        """The app is stopping: every open stream ends."""
        self.closing.set()
        self.notify()


def feed_of(request: Request) -> EventFeed:
    feed: EventFeed = request.app.state.event_feed
    return feed


async def _after(
    runtime: Runtime, where: Sequence[ColumnElement[bool]], position: int
) -> list[EventOut]:
    # One consumer applies one message at a time (qcdc_shared.bus: batch_size=1), so positions
    # become visible in increasing order and reading "after the last one sent" misses nothing.
    query = select(*COLUMNS).where(city_events.c.position > position, *where)
    async with runtime.sessionmaker() as session:
        rows = await session.execute(query.order_by(city_events.c.position).limit(BATCH))
        return [_item(row) for row in rows]


def frame(event: EventOut) -> str:
    # JSON has no raw newline, so one `data:` line carries the whole item.
    return f"id: {event.position}\nevent: {event.type}\ndata: {event.model_dump_json()}\n\n"


async def _frames(
    request: Request,
    runtime: Runtime,
    feed: EventFeed,
    where: Sequence[ColumnElement[bool]],
    position: int,
) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    yield f"retry: {RETRY_MILLISECONDS}\n: connected after {position}\n\n"
    quiet_since = loop.time()
    while not feed.closing.is_set() and not await request.is_disconnected():
        changed = feed.changed()
        events = await _after(runtime, where, position)
        for event in events:
            yield frame(event)
            position = event.position
        if len(events) == BATCH:
            continue  # catching up: read on before waiting
        if events:
            quiet_since = loop.time()
        elif loop.time() - quiet_since >= HEARTBEAT_SECONDS:
            yield ": heartbeat\n\n"
            quiet_since = loop.time()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(POLL_SECONDS):
                await changed.wait()


def _resume_point(header: str | None, query: int | None) -> int | None:
    # The header wins: a browser's EventSource sends its newest id there on reconnection,
    # while the URL still carries the ?last_event_id= it was first opened with.
    if header is None:
        return query
    try:
        value = int(header.strip())
    except ValueError:
        value = -1
    if value < 0:
        raise Problem.for_status(
            422,
            detail="Last-Event-ID phải là số thứ tự của một sự kiện đã nhận.",
            detail_en="Last-Event-ID must be the position of an event received.",
        )
    return value


@router.get(
    "/stream",
    **holds_a_stream(public()),
    response_class=StreamingResponse,
    summary="Luồng sự kiện trực tiếp (SSE) — live events as Server-Sent Events",
    description="Mỗi sự kiện mới: `id: <position>`, `event: <type>`, `data: <JSON như "
    "/api/events>`. Nối lại sau `Last-Event-ID` (hoặc `?last_event_id=`); không có thì bắt đầu "
    "từ cuối nhật ký. Dòng chú thích mỗi ~15 s — each new event as one SSE message; resumes "
    "after `Last-Event-ID` (header, or `?last_event_id=`), else starts at the current end of "
    "the log; a comment line every ~15 s keeps it open. With a browser's EventSource, listen "
    "with `addEventListener(<type>, …)`: messages are named by their event type.",
    responses={200: {"content": {"text/event-stream": {"schema": {"type": "string"}}}}},
)
async def stream_events(
    request: Request,
    runtime: RuntimeDep,
    filters: EventFilterQuery,
    feed: Annotated[EventFeed, Depends(feed_of)],
    last_event_id_header: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
    last_event_id: Annotated[
        int | None,
        Query(ge=0, description="Như tiêu đề Last-Event-ID — as the Last-Event-ID header"),
    ] = None,
) -> StreamingResponse:
    position = _resume_point(last_event_id_header, last_event_id)
    if position is None:
        # Fixed before the response starts: whatever the city records from now on is sent.
        async with runtime.sessionmaker() as session:
            position = await session.scalar(select(func.max(city_events.c.position))) or 0
    slots: StreamSlots = request.app.state.stream_slots
    client = address_of(request)
    slots.take(client)  # a 429 past the open streams allowed per client and in all
    return HeldStream(
        _frames(request, runtime, feed, filters.where(), position),
        release=lambda: slots.give_back(client),
        media_type="text/event-stream",
        # no-transform and X-Accel-Buffering: a buffering proxy would hold events back.
        headers={"Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no"},
    )


class HeldStream(StreamingResponse):
    """A stream that gives its slot back however it ends (the client leaves, the city stops)."""

    def __init__(self, content: AsyncIterator[str], *, release: Callable[[], None], **kw: Any):
        super().__init__(content, **kw)
        self._release = release

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._release()
