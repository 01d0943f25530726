"""The dashboard's public pages: the city overview at ``/`` and each ward's page. They read
what the API reads (``facts_for``, ``per_ward``, ``monthly``, the ledger heads), with the same
``?as_of=&year=&month=``, so a number on a page is the number the API serves."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select

from qcdc_gateway.adapters.ledger_heads import latest_ledger_heads
from qcdc_gateway.adapters.tables import city_events
from qcdc_gateway.api.common import CalendarDep, IndicatorParams, ViewsDep, asks_as_of
from qcdc_gateway.api.wards import RegistryDep
from qcdc_gateway.domain.indicators import MINIMUM_SAMPLE, indicators
from qcdc_gateway.queries import facts_for, monthly, per_ward
from qcdc_gateway.web import queue, rules, views
from qcdc_gateway.web.i18n import Translator
from qcdc_gateway.web.rendering import error_page, render, translator
from qcdc_shared.api import Problem
from qcdc_shared.api.limits import limited
from qcdc_shared.api.schemas import Day, Instant
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["dashboard"], include_in_schema=False)
router.include_router(queue.router)
router.include_router(rules.router)

_AS_OF: TypeAdapter[Instant | Day] = TypeAdapter(Instant | Day)
PERIOD_KEYS = ("as_of", "year", "month")


class BadQuery(ValueError):
    pass


def _number(request: Request, key: str, low: int, high: int) -> int | None:
    text = request.query_params.get(key, "").strip()
    if not text:
        return None  # the period form sends "" for "all"
    if not text.isdigit() or not low <= int(text) <= high:
        raise BadQuery(key)
    return int(text)


def indicator_query(request: Request) -> IndicatorParams:
    """``?as_of=&year=&month=`` read as the API reads them; a page's form sends "" for none."""
    as_of_text = request.query_params.get("as_of", "").strip()
    try:
        as_of = _AS_OF.validate_python(as_of_text) if as_of_text else None
    except ValidationError as error:
        raise BadQuery("as_of") from error
    try:
        return IndicatorParams(
            as_of=as_of,
            year=_number(request, "year", 2000, 2100),
            month=_number(request, "month", 1, 12),
        )
    except Problem as problem:  # a month without its year
        raise BadQuery("month") from problem


def _period_params(request: Request) -> dict[str, str]:
    return {k: v for k in PERIOD_KEYS if (v := request.query_params.get(k, "").strip())}


def _with(url: str, params: dict[str, str]) -> str:
    return f"{url}?{urlencode(params)}" if params else url


def _period_text(t: Translator, query: IndicatorParams, now: dt.datetime) -> str:
    period = query.period
    if period.year is None:
        found = t("period.all")
    elif period.month is None:
        found = t("period.year", year=period.year)
    else:
        found = t("period.month", year=period.year, month=period.month)
    when = t.datetime(now)
    at = t("period.as_of", when=when) if query.as_of else t("period.now", when=when)
    return f"{found}; {at}"


def _live(request: Request, query: IndicatorParams, api: str, stream: str) -> dict[str, Any]:
    """Where the page's script refetches its numbers, and the stream it follows (none for a
    past instant: those numbers do not change)."""
    return {
        "api": _with(api, _period_params(request)),
        "stream": None if query.as_of else stream,
        "types": list(views.LIVE_TYPES),
    }


def _year(query: IndicatorParams, now: dt.datetime) -> int:
    """The year a page's charts show: the period's, or the one ``now`` is in."""
    return query.period.year or now.astimezone(VN_TZ).year


def _common(t: Translator, query: IndicatorParams, now: dt.datetime) -> dict[str, Any]:
    year = _year(query, now)
    return {
        "period_text": _period_text(t, query, now),
        "year": year,
        "selected_year": query.period.year,
        "selected_month": query.period.month,
        "years": list(range(now.astimezone(VN_TZ).year, now.astimezone(VN_TZ).year - 6, -1)),
        "minimum_sample": MINIMUM_SAMPLE,
    }


@router.get("/", response_class=HTMLResponse, **limited("costly", public(), when=asks_as_of))
async def overview(
    request: Request,
    runtime: RuntimeDep,
    registry: RegistryDep,
    calendar: CalendarDep,
    computed: ViewsDep,
) -> HTMLResponse:
    t = translator(request)
    try:
        query = indicator_query(request)
    except BadQuery:
        return error_page(request, 422, t("error.422"))
    slugs = [ward.slug for ward in registry.wards]

    async def compute() -> dict[str, Any]:
        facts, now = await facts_for(runtime, as_of=query.as_of, wards=slugs)
        by_ward = per_ward(facts, slugs, now=now, period=query.period, calendar=calendar)
        year = _year(query, now)
        return {
            "now": now,
            "city": indicators(facts, now=now, period=query.period, calendar=calendar),
            "by_ward": by_ward,
            "rankings": views.rankings(by_ward),
            "months": monthly(facts, year=year, now=now, calendar=calendar),
        }

    view = await computed.get(("overview", *query.key), compute, clock=runtime.clock)
    common = _common(t, query, view["now"])
    return render(
        request,
        "overview.html",
        {
            **common,
            "city": view["city"],
            "wards": registry.wards,
            "by_ward": view["by_ward"],
            "rankings": view["rankings"],
            "charts": views.chart_svgs(t, view["months"], year=common["year"], prefix="city"),
            "live": _live(request, query, "/api/city/indicators", "/api/stream"),
        },
    )


async def _recent_events(
    runtime: Runtime, slug: str, as_of: dt.datetime | None
) -> list[dict[str, Any]]:
    query = select(
        city_events.c.type, city_events.c.subject, city_events.c.time, city_events.c.position
    ).where(city_events.c.ward == slug)
    if as_of is not None:
        query = query.where(city_events.c.time <= as_of)
    query = query.order_by(city_events.c.position.desc()).limit(views.RECENT_EVENTS)
    async with runtime.sessionmaker() as session:
        return [dict(row._mapping) for row in await session.execute(query)]


@router.get(
    "/wards/{slug}", response_class=HTMLResponse, **limited("costly", public(), when=asks_as_of)
)
async def ward_page(
    slug: str,
    request: Request,
    runtime: RuntimeDep,
    registry: RegistryDep,
    calendar: CalendarDep,
    computed: ViewsDep,
) -> HTMLResponse:
    t = translator(request)
    ward = registry.ward(slug)
    if ward is None:
        return error_page(request, 404, t("error.ward", slug=slug))
    try:
        query = indicator_query(request)
    except BadQuery:
        return error_page(request, 422, t("error.422"))

    async def compute() -> dict[str, Any]:
        facts, now = await facts_for(runtime, as_of=query.as_of, wards=[slug])
        postings = views.postings(facts)
        year = _year(query, now)
        return {
            "now": now,
            "values": indicators(facts, now=now, period=query.period, calendar=calendar),
            "months": monthly(facts, year=year, now=now, calendar=calendar),
            "violations": views.open_violations(facts),
            "postings": postings[: views.POSTINGS_SHOWN],
            "postings_total": len(postings),
            "decisions": views.decisions(facts),
            "plan": views.plan_progress(facts, year=year),
        }

    view = await computed.get(("ward page", slug, *query.key), compute, clock=runtime.clock)
    common = _common(t, query, view["now"])
    async with runtime.sessionmaker() as session:
        heads = await latest_ledger_heads(session, as_of=query.as_of)
    return render(
        request,
        "ward.html",
        {
            **common,
            **{key: value for key, value in view.items() if key not in ("now", "months")},
            "ward": ward,
            "charts": views.chart_svgs(
                t, view["months"], year=common["year"], prefix=f"ward-{slug}"
            ),
            "events": await _recent_events(runtime, slug, query.as_of),
            "ledger_head": heads.get(slug),
            "live": _live(
                request, query, f"/api/wards/{slug}", _with("/api/stream", {"ward": slug})
            ),
        },
    )
