"""Reads: the ward's petitions for its staff, counts for the dashboard, and citizen tracking.

No read selects the sealed identity column (``PUBLIC_COLUMNS``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel
from sqlalchemy import func, or_, select

from qcdc_petitions.adapters.petitions import PUBLIC_COLUMNS, PetitionRepository, to_petition
from qcdc_petitions.adapters.tables import petitions
from qcdc_petitions.api.common import missing
from qcdc_petitions.api.views import PetitionOut, TrackingOut
from qcdc_petitions.domain.petition import STATUSES, Kind, Status
from qcdc_petitions.domain.tracking import normalise
from qcdc_shared.api import Page, PageQuery, not_found, paginate
from qcdc_shared.api.limits import limited
from qcdc_shared.auth import CurrentPrincipal, public, requires
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["petitions"])


def _sees_texts(role: str) -> bool:
    # Officers handle petitions; inspectors and others audit clocks, not a denouncer's words.
    return role in ("officer", "admin")


class CountsOut(BaseModel):
    by_status: dict[str, int]
    overdue: int
    total: int


@router.get(
    "/petitions",
    response_model=Page[PetitionOut],
    **requires("officer", "inspector"),
    summary="Danh sách đơn của phường — the ward's petitions (newest first, no identity)",
)
async def list_petitions(
    runtime: RuntimeDep,
    actor: CurrentPrincipal,
    page: PageQuery,
    kind: Annotated[Kind | None, Query()] = None,
    status: Annotated[Status | None, Query()] = None,
    overdue: Annotated[
        bool | None, Query(description="Có thời hạn đang mở đã quá — an open deadline passed")
    ] = None,
    handler: Annotated[str | None, Query(max_length=128)] = None,
    group: Annotated[str | None, Query(max_length=64)] = None,
) -> Any:
    query = select(*PUBLIC_COLUMNS)
    if kind:
        query = query.where(petitions.c.kind == kind)
    if status:
        query = query.where(petitions.c.status == status)
    if handler:
        query = query.where(petitions.c.handler == handler)
    if group:
        query = query.where(petitions.c.residential_group == group)
    now = runtime.clock.now()
    if overdue is True:
        query = query.where(petitions.c.open_due_at < now)
    elif overdue is False:
        query = query.where(or_(petitions.c.open_due_at.is_(None), petitions.c.open_due_at >= now))
    texts = _sees_texts(actor.role)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[petitions.c.received_at, petitions.c.id],
            params=page,
            descending=True,
            item=lambda row: PetitionOut.of(to_petition(row), texts=texts),
        )


@router.get(
    "/petitions/counts",
    response_model=CountsOut,
    **requires("officer", "inspector"),
    summary="Số đơn theo trạng thái — counts by status, for the dashboard",
)
async def count_petitions(
    runtime: RuntimeDep, kind: Annotated[Kind | None, Query()] = None
) -> CountsOut:
    by_status = select(petitions.c.status, func.count()).group_by(petitions.c.status)
    late = select(func.count()).where(petitions.c.open_due_at < runtime.clock.now())
    if kind:
        by_status = by_status.where(petitions.c.kind == kind)
        late = late.where(petitions.c.kind == kind)
    async with runtime.sessionmaker() as session:
        rows = (await session.execute(by_status)).all()
        overdue = await session.scalar(late.select_from(petitions))
    counts = {name: 0 for name in STATUSES}
    counts.update({row[0]: int(row[1]) for row in rows})
    return CountsOut(by_status=counts, overdue=int(overdue or 0), total=sum(counts.values()))


@router.get(
    "/petitions/track/{code}",
    response_model=TrackingOut,
    **limited("lookup", public()),
    summary="Tra cứu đơn bằng mã theo dõi — track a petition (status, steps, deadlines)",
)
async def track_petition(
    code: Annotated[str, Path(max_length=40)], runtime: RuntimeDep
) -> TrackingOut:
    async with runtime.sessionmaker() as session:
        petition = await PetitionRepository(session).by_tracking_code(normalise(code))
    if petition is None:
        raise not_found(
            "Không có đơn nào với mã theo dõi này.", "No petition has this tracking code."
        )
    return TrackingOut.of(petition)


@router.get(
    "/petitions/{petition_id}",
    response_model=PetitionOut,
    **requires("officer", "inspector"),
    summary="Một đơn và toàn bộ lịch sử xử lý — one petition with its history (no identity)",
)
async def get_petition(
    petition_id: str, runtime: RuntimeDep, actor: CurrentPrincipal
) -> PetitionOut:
    async with runtime.sessionmaker() as session:
        petition = await PetitionRepository(session).get(petition_id)
    if petition is None:
        raise missing(petition_id)
    return PetitionOut.of(petition, texts=_sees_texts(actor.role), with_history=True)
