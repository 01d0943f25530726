"""The open-data catalogue (DCAT, JSON-LD) and the daily snapshots of every export.

A snapshot is an export as the city knew it at the end of a past day (Asia/Ho_Chi_Minh), folded
from the event log by the same as-of machinery as ``?as_of=``: its URL names the day, so the
same URL gives the same bytes. A day that has not ended yet is refused, since its file would
still change. The catalogue's wording and structure are in domain/open_data_catalog.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse, Response
from sqlalchemy import func, select

from qcdc_gateway.adapters.log import facts_as_of
from qcdc_gateway.adapters.tables import city_events
from qcdc_gateway.api.common import CalendarDep
from qcdc_gateway.api.exports import (
    DATASETS,
    DOWNLOAD,
    FACT_DATASETS,
    INDICATORS,
    Format,
    _download,
    fact_rows,
    indicator_rows,
)
from qcdc_gateway.api.wards import RegistryDep
from qcdc_gateway.domain.indicators import Period
from qcdc_gateway.domain.open_data_catalog import catalogue, end_of, last_finished_day
from qcdc_shared.api.limits import limited
from qcdc_shared.api.problems import Problem
from qcdc_shared.auth import public
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api/open-data", tags=["open data"])

JSON_LD = "application/ld+json"
DatasetName = Literal["indicators", "postings", "decisions", "violations"]


async def _log_span(runtime: Runtime) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The first and last event times the city holds: the catalogue's temporal coverage and
    its ``modified`` (from the data, never the wall clock)."""
    async with runtime.sessionmaker() as session:
        row = (
            await session.execute(
                select(func.min(city_events.c.time), func.max(city_events.c.time))
            )
        ).one()
    return row[0], row[1]


@router.get(
    "/catalog.json",
    **public(),
    summary="Danh mục dữ liệu mở (DCAT, JSON-LD) — the open-data catalogue",
    response_class=JSONResponse,
    responses={200: {"content": {JSON_LD: {"schema": {"type": "object"}}}}},
)
async def catalog(runtime: RuntimeDep, registry: RegistryDep) -> JSONResponse:
    first, last = await _log_span(runtime)
    body = catalogue(
        city=registry.city,
        datasets=DATASETS,
        first_event=first,
        last_event=last,
        now=runtime.clock.now(),
    )
    return JSONResponse(body, media_type=JSON_LD)


def _not_yet(day: dt.date, now: dt.datetime) -> Problem:
    return Problem.for_status(
        404,
        detail=f"Ngày {day.isoformat()} chưa kết thúc (giờ Việt Nam): chưa có bản chụp. "
        f"Bản chụp gần nhất là ngày {last_finished_day(now).isoformat()}.",
        detail_en=f"Day {day.isoformat()} has not ended yet (Vietnam time): no snapshot yet. "
        f"The latest snapshot is of {last_finished_day(now).isoformat()}.",
    )


@router.get(
    "/snapshots/{day}/{name}.{fmt}",
    **limited("costly", public()),
    response_class=Response,
    responses=DOWNLOAD,
    summary="Bản chụp dữ liệu mở cuối một ngày (CSV/JSON) — an export as of the end of a day",
)
async def snapshot(
    day: Annotated[dt.date, Path(description="Ngày đã kết thúc — a finished day, YYYY-MM-DD")],
    name: DatasetName,
    fmt: Format,
    runtime: RuntimeDep,
    registry: RegistryDep,
    calendar: CalendarDep,
) -> Response:
    now = runtime.clock.now()
    as_of = end_of(day)
    if as_of > now:
        raise _not_yet(day, now)
    slugs = [ward.slug for ward in registry.wards]
    async with runtime.sessionmaker() as session:
        facts = await facts_as_of(session, as_of, wards=slugs)
    if name == INDICATORS.name:
        rows = indicator_rows(registry, facts, slugs, now=as_of, period=Period(), calendar=calendar)
        response = _download(INDICATORS, rows, fmt)
    else:
        response = _download(FACT_DATASETS[name], fact_rows(FACT_DATASETS[name], facts), fmt)
    # A finished day's file never changes: caches may keep it (a year, as immutable).
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{name}-{day.isoformat()}.{fmt}"'
    )
    return response
