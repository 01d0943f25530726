"""The city's API: the ward registry with each ward's indicators (live, or ``as_of`` an
instant, for a year or a month), the city's indicators with rankings, and the city's copy of
each ward's ledger heads (what ``qcdc verify-ledger`` compares a ward's chain with)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from qcdc_gateway.adapters.ledger_heads import latest_ledger_heads
from qcdc_gateway.adapters.tables import ward_ledger_heads
from qcdc_gateway.api.common import CalendarDep, IndicatorQuery, asks_as_of
from qcdc_gateway.queries import facts_for, monthly, per_ward
from qcdc_shared.api import Page, PageQuery, not_found, paginate
from qcdc_shared.api.limits import limited
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.readiness import CityStateOut
from qcdc_shared.registry import Registry
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api", tags=["city"])


class LedgerHeadOut(BaseModel):
    sequence: int
    hash: str


class RecordedHeadOut(LedgerHeadOut):
    recorded_at: dt.datetime
    conflicting_hash: str | None = Field(
        description="Một mã băm khác cho cùng mục (lịch sử phường đã đổi) — a second hash for "
        "the same entry: the ward's history changed after the city recorded it"
    )
    conflict_at: dt.datetime | None


class WardOut(BaseModel):
    """A ward as the public sees it. No service address: where a ward's services answer is
    the gateway's own business (the proxy), and an operator's (var/run/topology.json)."""

    slug: str
    code: str
    name: str
    indicators: dict[str, Any] = Field(description="docs/indicators.md; `GET /api/indicators`")
    ledger_head: LedgerHeadOut | None = Field(
        description="Đầu chuỗi sổ cái mới nhất thành phố đã ghi — the newest head the city holds"
    )


def registry_of(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


RegistryDep = Annotated[Registry, Depends(registry_of)]


def service_urls(topology_file: str | None) -> dict[str, dict[str, str]]:
    """Where each ward's services answer, as the launcher wrote it (empty when unknown)."""
    if not topology_file or not Path(topology_file).is_file():
        return {}
    topology: dict[str, Any] = json.loads(Path(topology_file).read_text())
    return dict(topology.get("wards", {}))


class WardDetailOut(WardOut):
    as_of: dt.datetime
    period: str
    monthly: list[dict[str, Any]] = Field(description="Each month of the year asked (or this).")


async def _wards(
    runtime: RuntimeDep, registry: Registry, query: IndicatorQuery, calendar: Any
) -> list[WardOut]:
    slugs = [ward.slug for ward in registry.wards]
    facts, now = await facts_for(runtime, as_of=query.as_of, wards=slugs)
    values = per_ward(facts, slugs, now=now, period=query.period, calendar=calendar)
    async with runtime.sessionmaker() as session:
        heads = await latest_ledger_heads(session, as_of=query.as_of)
    return [
        WardOut(
            slug=ward.slug,
            code=ward.code,
            name=ward.name,
            indicators=values[ward.slug],
            ledger_head=LedgerHeadOut(sequence=heads[ward.slug][0], hash=heads[ward.slug][1])
            if ward.slug in heads
            else None,
        )
        for ward in registry.wards
    ]


class WardsPage(Page[WardOut]):
    city: CityStateOut = Field(
        description="Thành phố đã nhận ghi dữ liệu chưa — whether the city takes users' writes "
        "yet: not while the demo city is being built (DESIGN §10, ready means ready)"
    )


@router.get(
    "/wards",
    response_model=WardsPage,
    **limited("costly", public(), when=asks_as_of),
    summary="Các phường và chỉ số — wards and their indicators",
)
async def list_wards(
    runtime: RuntimeDep, registry: RegistryDep, query: IndicatorQuery, calendar: CalendarDep
) -> WardsPage:
    wards = await _wards(runtime, registry, query, calendar)
    # The registry is small (a city has at most a few hundred wards): one page, no cursor.
    return WardsPage(
        items=wards, total=len(wards), next_cursor=None, city=runtime.city.state.public()
    )


@router.get(
    "/wards/{slug}",
    response_model=WardDetailOut,
    **limited("costly", public(), when=asks_as_of),
    summary="Một phường, chỉ số và xu hướng theo tháng — one ward, its indicators and trend",
)
async def get_ward(
    slug: str,
    runtime: RuntimeDep,
    registry: RegistryDep,
    query: IndicatorQuery,
    calendar: CalendarDep,
) -> WardDetailOut:
    if all(ward.slug != slug for ward in registry.wards):
        raise not_found(f"Không có phường {slug}.", f"No ward {slug}.")
    (ward,) = [w for w in await _wards(runtime, registry, query, calendar) if w.slug == slug]
    facts, now = await facts_for(runtime, as_of=query.as_of, wards=[slug])
    year = query.period.year or now.astimezone(VN_TZ).year
    return WardDetailOut(
        **ward.model_dump(),
        as_of=now,
        period=query.period.label,
        monthly=monthly(facts, year=year, now=now, calendar=calendar),
    )


@router.get(
    "/wards/{slug}/ledger-heads",
    response_model=Page[RecordedHeadOut],
    **public(),
    summary="Bản sao đầu chuỗi sổ cái của phường — the city's copy of a ward's ledger heads",
)
async def list_ledger_heads(
    slug: str, runtime: RuntimeDep, registry: RegistryDep, page: PageQuery
) -> Any:
    if all(ward.slug != slug for ward in registry.wards):
        raise not_found(f"Không có phường {slug}.", f"No ward {slug}.")
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            select(ward_ledger_heads).where(ward_ledger_heads.c.ward == slug),
            key=ward_ledger_heads.c.sequence,
            params=page,
            item=lambda row: RecordedHeadOut.model_validate(row, from_attributes=True),
        )
