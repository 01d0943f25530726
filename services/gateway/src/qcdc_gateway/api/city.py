"""The city as a whole: its indicators, each ward's beside them, rankings with a minimum
sample, and the indicators' definitions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from qcdc_gateway.api.common import CalendarDep, IndicatorQuery, ViewsDep, asks_as_of
from qcdc_gateway.api.wards import RegistryDep
from qcdc_gateway.domain.indicators import (
    DEFINITIONS,
    MINIMUM_SAMPLE,
    RANKED,
    indicators,
    rank,
)
from qcdc_gateway.queries import facts_for, per_ward
from qcdc_shared.api.limits import limited
from qcdc_shared.auth import public
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api", tags=["city"])


class DefinitionOut(BaseModel):
    name: str
    vi: str
    en: str
    sample: str | None = Field(description="For a rate: the count it is a share of.")


class RankOut(BaseModel):
    ward: str
    value: float | None
    sample: int
    rank: int | None
    note: str | None


class CityIndicatorsOut(BaseModel):
    as_of: dt.datetime
    period: str
    city: dict[str, Any]
    wards: dict[str, dict[str, Any]]
    rankings: dict[str, list[RankOut]] = Field(
        description=f"Best first; wards under {MINIMUM_SAMPLE} cases are listed unranked."
    )
    minimum_sample: int


@router.get(
    "/indicators",
    response_model=list[DefinitionOut],
    **public(),
    summary="Định nghĩa các chỉ số — what each indicator counts",
)
async def definitions() -> Any:
    return [DefinitionOut(name=d.name, vi=d.vi, en=d.en, sample=d.sample) for d in DEFINITIONS]


@router.get(
    "/city/indicators",
    response_model=CityIndicatorsOut,
    **limited("costly", public(), when=asks_as_of),
    summary="Chỉ số toàn thành phố và xếp hạng — the city's indicators and rankings",
)
async def city_indicators(
    runtime: RuntimeDep,
    registry: RegistryDep,
    query: IndicatorQuery,
    calendar: CalendarDep,
    computed: ViewsDep,
) -> Any:
    slugs = [ward.slug for ward in registry.wards]

    async def compute() -> CityIndicatorsOut:
        facts, now = await facts_for(runtime, as_of=query.as_of, wards=slugs)
        by_ward = per_ward(facts, slugs, now=now, period=query.period, calendar=calendar)
        return CityIndicatorsOut(
            as_of=now,
            period=query.period.label,
            city=indicators(facts, now=now, period=query.period, calendar=calendar),
            wards=by_ward,
            rankings={d.name: [RankOut(**vars(r)) for r in rank(by_ward, d)] for d in RANKED},
            minimum_sample=MINIMUM_SAMPLE,
        )

    return await computed.get(("city indicators", *query.key), compute, clock=runtime.clock)
