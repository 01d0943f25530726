"""The city's API: the ward registry with each ward's headline indicators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from qcdc_gateway.adapters.db import postings_published_by_ward
from qcdc_shared.api import Page, not_found
from qcdc_shared.auth import public
from qcdc_shared.registry import SERVICES_OF_A_WARD, Registry
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api", tags=["city"])


class WardOut(BaseModel):
    slug: str
    code: str
    name: str
    services: dict[str, str | None]
    indicators: dict[str, int]


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
    urls = service_urls(runtime.settings.topology_file)
    return [
        WardOut(
            slug=ward.slug,
            code=ward.code,
            name=ward.name,
            services={svc: urls.get(ward.slug, {}).get(svc) for svc in SERVICES_OF_A_WARD},
            indicators={"postings_published": published.get(ward.slug, 0)},
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
