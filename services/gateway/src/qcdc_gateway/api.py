"""The city's API: the ward registry with each ward's headline indicators, and the city's copy
of each ward's ledger heads (what ``qcdc verify-ledger`` compares a ward's chain with)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from qcdc_gateway.adapters.db import (
    latest_ledger_heads,
    postings_published_by_ward,
    ward_ledger_heads,
)
from qcdc_shared.api import Page, PageQuery, not_found, paginate
from qcdc_shared.auth import public
from qcdc_shared.registry import SERVICES_OF_A_WARD, Registry
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
    slug: str
    code: str
    name: str
    services: dict[str, str | None]
    indicators: dict[str, int]
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


async def _wards(runtime: RuntimeDep, registry: Registry) -> list[WardOut]:
    async with runtime.sessionmaker() as session:
        published = await postings_published_by_ward(session)
        heads = await latest_ledger_heads(session)
    urls = service_urls(runtime.settings.topology_file)
    return [
        WardOut(
            slug=ward.slug,
            code=ward.code,
            name=ward.name,
            services={svc: urls.get(ward.slug, {}).get(svc) for svc in SERVICES_OF_A_WARD},
            indicators={"postings_published": published.get(ward.slug, 0)},
            ledger_head=LedgerHeadOut(sequence=heads[ward.slug][0], hash=heads[ward.slug][1])
            if ward.slug in heads
            else None,
        )
        for ward in registry.wards
    ]


@router.get(
    "/wards",
    response_model=Page[WardOut],
    **public(),
    summary="Các phường và chỉ số — wards and their indicators",
)
async def list_wards(runtime: RuntimeDep, registry: RegistryDep) -> Page[WardOut]:
    wards = await _wards(runtime, registry)
    # The registry is small (a city has at most a few hundred wards): one page, no cursor.
    return Page[WardOut](items=wards, total=len(wards), next_cursor=None)


@router.get("/wards/{slug}", response_model=WardOut, **public(), summary="Một phường — one ward")
async def get_ward(slug: str, runtime: RuntimeDep, registry: RegistryDep) -> WardOut:
    for ward in await _wards(runtime, registry):
        if ward.slug == slug:
            return ward
    raise not_found(f"Không có phường {slug}.", f"No ward {slug}.")


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
