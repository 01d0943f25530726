"""HTTP routes of the reception schedule (REC-WEEK): put a session on it, record whether it
was held, read the schedule, a session and the weeks and months short of sessions.

The schedule and the missing sessions are public; a session's visits are read by the ward's
officers only, and never with the visitor's identity (stored sealed, not readable over HTTP).
Logging and answering visits: :mod:`qcdc_petitions.api.reception_entries`.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query
from sqlalchemy import select

from qcdc_petitions.adapters.receptions import (
    ENTRY_PUBLIC_COLUMNS,
    HAS_VISITOR,
    ReceptionRepository,
    to_entry,
    to_reception,
)
from qcdc_petitions.adapters.tables import reception_entries, receptions
from qcdc_petitions.api.common import PetitionsUoW, Rules
from qcdc_petitions.api.reception_views import (
    EntryOut,
    GapOut,
    HeldIn,
    ReceptionDetailOut,
    ReceptionIn,
    ReceptionOut,
)
from qcdc_petitions.domain import reception as model
from qcdc_petitions.domain.reception import Host, SessionStatus
from qcdc_petitions.handlers import receptions as handlers
from qcdc_shared.api import Day, Page, PageQuery, Problem, not_found, paginate
from qcdc_shared.api.commands import run_command
from qcdc_shared.auth import CurrentPrincipal, Principal, public, requires
from qcdc_shared.clock import local_today
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["receptions"])
T = TypeVar("T")

# A missing-sessions report spans at most this many days: two years of weeks and months.
MAX_RANGE_DAYS = 731


def missing_reception(reception_id: str) -> Problem:
    """A read's 404 (commands raise :class:`qcdc_shared.refusals.NotFound` instead)."""
    return not_found(
        f"Không có buổi tiếp công dân {reception_id}.", f"No reception session {reception_id}."
    )


async def _command(
    call: Awaitable[T], uow: PetitionsUoW, actor: Principal, verb: str, reception_id: str
) -> T:
    """Run a command on one session, audited as ``reception.<verb>`` on ``reception:<id>``."""
    target = f"reception:{reception_id}"
    return await run_command(call, uow=uow, actor=actor, action=f"reception.{verb}", target=target)


@router.post(
    "/receptions",
    status_code=201,
    response_model=ReceptionOut,
    **requires("officer"),
    summary="Niêm yết lịch tiếp công dân — put a session on the reception schedule",
)
async def schedule_reception(
    body: ReceptionIn, rules: Rules, uow: PetitionsUoW, actor: CurrentPrincipal
) -> ReceptionOut:
    reception_id = str(uuid.uuid4())
    scheduled = handlers.schedule_reception(
        uow=uow, rules=rules, reception_id=reception_id, created_by=actor.sub, **body.model_dump()
    )
    return ReceptionOut.of(await _command(scheduled, uow, actor, "schedule", reception_id))


@router.get(
    "/receptions",
    response_model=Page[ReceptionOut],
    **public(),
    summary="Lịch tiếp công dân đã niêm yết — the posted reception schedule",
)
async def list_receptions(
    runtime: RuntimeDep,
    page: PageQuery,
    start: Annotated[Day | None, Query(alias="from", description="Từ ngày (session_on)")] = None,
    end: Annotated[Day | None, Query(alias="to", description="Đến ngày (session_on)")] = None,
    host: Annotated[Host | None, Query()] = None,
    status: Annotated[SessionStatus | None, Query()] = None,
) -> Any:
    query = select(receptions)
    if start:
        query = query.where(receptions.c.session_on >= start)
    if end:
        query = query.where(receptions.c.session_on <= end)
    if host:
        query = query.where(receptions.c.host == host)
    if status:
        query = query.where(receptions.c.status == status)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[receptions.c.session_on, receptions.c.id],
            params=page,
            item=lambda row: ReceptionOut.of(to_reception(row)),
        )


@router.get(
    "/receptions/missing",
    response_model=Page[GapOut],
    **public(),
    summary="Tuần, tháng thiếu buổi tiếp công dân — weeks and months short of sessions",
    description=(
        "Tuần hoặc tháng (theo dòng quy tắc đang áp dụng) Chủ tịch tiếp ít hơn mức tối thiểu "
        "(REC-WEEK) và tháng Bí thư tiếp ít hơn mức tối thiểu (REC-WEEK.party-secretary), trong "
        "các tuần, tháng giao với khoảng [from, to]. "
        f"Khoảng tối đa {MAX_RANGE_DAYS} ngày; danh sách không phân trang (next_cursor null)."
    ),
)
async def missing_receptions(
    rules: Rules,
    runtime: RuntimeDep,
    start: Annotated[Day, Query(alias="from", description="Từ ngày")],
    end: Annotated[Day, Query(alias="to", description="Đến ngày")],
) -> Page[GapOut]:
    if end < start or (end - start).days > MAX_RANGE_DAYS:
        raise Problem.for_status(
            422,
            detail=f"Khoảng ngày phải có from ≤ to và không quá {MAX_RANGE_DAYS} ngày.",
            detail_en=f"The range needs from ≤ to and at most {MAX_RANGE_DAYS} days.",
        )
    first, last = model.reception_window(start, end)
    async with runtime.sessionmaker() as session:
        sessions = await ReceptionRepository(session).between(first, last)
    gaps = model.missing_sessions(
        sessions, start=start, end=end, today=local_today(runtime.clock), rules=rules
    )
    items = [GapOut(**vars(gap)) for gap in gaps]
    return Page(items=items, total=len(items), next_cursor=None)


@router.get(
    "/receptions/{reception_id}",
    response_model=ReceptionDetailOut,
    **requires("officer"),
    summary="Buổi tiếp và các lượt tiếp (không có danh tính) — a session and its visits",
)
async def get_reception(reception_id: str, runtime: RuntimeDep) -> ReceptionDetailOut:
    async with runtime.sessionmaker() as session:
        reception = await ReceptionRepository(session).get(reception_id)
        if reception is None:
            raise missing_reception(reception_id)
        rows = (
            await session.execute(
                select(*ENTRY_PUBLIC_COLUMNS, HAS_VISITOR)
                .where(reception_entries.c.reception_id == reception_id)
                .order_by(reception_entries.c.received_at, reception_entries.c.id)
            )
        ).all()
    now = runtime.clock.now()
    return ReceptionDetailOut(
        **ReceptionOut.of(reception).model_dump(),
        entries=[EntryOut.of(to_entry(row), now=now) for row in rows],
    )


@router.post(
    "/receptions/{reception_id}/held",
    response_model=ReceptionOut,
    **requires("officer"),
    summary="Ghi nhận buổi tiếp có / không diễn ra — record whether the session took place",
)
async def record_held(
    reception_id: str, body: HeldIn, uow: PetitionsUoW, actor: CurrentPrincipal
) -> ReceptionOut:
    recorded = handlers.record_held(uow=uow, reception_id=reception_id, **body.model_dump())
    verb = "held" if body.held else "not_held"
    reception, _ = await _command(recorded, uow, actor, verb, reception_id)
    return ReceptionOut.of(reception)
