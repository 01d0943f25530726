"""HTTP routes of citizen reception (REC-WEEK, REC-REPLY): parse, authorise, call a handler,
shape the answer.

The schedule and the missing sessions are public; visits are read by the ward's officers
only, and never with the visitor's identity (stored sealed, not readable over HTTP here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from qcdc_petitions.adapters.receptions import (
    ENTRY_PUBLIC_COLUMNS,
    HAS_VISITOR,
    ReceptionRepository,
    reception_entries,
    receptions,
    to_entry,
    to_reception,
)
from qcdc_petitions.domain import reception as model
from qcdc_petitions.domain.reception import (
    HOST_NAMES_VI,
    Entry,
    Host,
    Reception,
    ReceptionRefused,
    SessionStatus,
)
from qcdc_petitions.handlers import receptions as handlers
from qcdc_shared.api import (
    DeadlineOut,
    Page,
    PageQuery,
    Problem,
    conflict,
    not_found,
    paginate,
    refusal_problem,
)
from qcdc_shared.auth import CurrentPrincipal, public, requires
from qcdc_shared.clock import local_today
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.service import RuleBookDep, RuntimeDep, UnitOfWorkDep

router = APIRouter(tags=["receptions"])
T = TypeVar("T")

# A missing-sessions report spans at most this many days: two years of weeks and months.
MAX_RANGE_DAYS = 731


Rules = RuleBookDep


# ---- shapes ------------------------------------------------------------------------------


class ReceptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    host: Host = Field(description="Người chủ trì: chair | party_secretary | other_leader")
    session_on: dt.date = Field(description="Ngày tiếp công dân — the day of the session")
    posted_on: dt.date | None = Field(
        default=None,
        description="Ngày niêm yết lịch (mặc định hôm nay, không ở tương lai) — posted on",
    )
    location: str | None = Field(default=None, max_length=500, description="Địa điểm tiếp")


class HeldIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    held: bool = Field(description="Buổi tiếp có diễn ra không — whether the session took place")
    reason: str | None = Field(
        default=None, max_length=2000, description="Lý do không tổ chức (công khai)"
    )


class VisitorIn(BaseModel):
    """Who came; sealed at once, never shown, never in an event or a log."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    address: str | None = Field(default=None, max_length=500)
    phone: str | None = Field(default=None, max_length=30)
    id_number: str | None = Field(default=None, max_length=30)


class EntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    subject: str = Field(
        min_length=1, max_length=2000, description="Nội dung công dân trình bày — the subject"
    )
    received_at: AwareDatetime | None = Field(
        default=None, description="Thời điểm tiếp (trong ngày của buổi tiếp; mặc định bây giờ)"
    )
    petition_id: str | None = Field(
        default=None, max_length=64, description="Đơn thư liên quan — linked petition"
    )
    visitor: VisitorIn | None = Field(
        default=None, description="Thông tin công dân (được mã hóa, không hiển thị lại)"
    )


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=20_000, description="Nội dung trả lời")
    replied_at: AwareDatetime | None = Field(
        default=None, description="Thời điểm trả lời thực tế (không ở tương lai)"
    )


class ReceptionOut(BaseModel):
    id: str
    ward: str
    host: Host
    host_vi: str
    session_on: dt.date
    posted_on: dt.date
    location: str | None
    on_time: bool = Field(description="Niêm yết đúng hạn (REC-WEEK.schedule)")
    schedule_deadline: DeadlineOut = Field(description="Hạn chót niêm yết lịch")
    status: SessionStatus
    held_recorded_at: dt.datetime | None
    not_held_reason: str | None
    version: int

    @classmethod
    def of(cls, reception: Reception) -> ReceptionOut:
        return cls(
            id=reception.id,
            ward=reception.ward,
            host=reception.host,
            host_vi=HOST_NAMES_VI[reception.host],
            session_on=reception.session_on,
            posted_on=reception.posted_on,
            location=reception.location,
            on_time=reception.on_time,
            schedule_deadline=DeadlineOut.model_validate(reception.schedule, from_attributes=True),
            status=reception.status,
            held_recorded_at=reception.held_recorded_at,
            not_held_reason=reception.not_held_reason,
            version=reception.version,
        )


class ReplyOut(BaseModel):
    text: str
    replied_at: dt.datetime
    replied_by: str
    on_time: bool


class EntryOut(BaseModel):
    id: str
    reception_id: str
    subject: str
    petition_id: str | None
    received_at: dt.datetime
    has_visitor_identity: bool = Field(description="Có thông tin công dân (đã mã hóa)")
    reply_deadline: DeadlineOut = Field(description="REC-REPLY")
    reply: ReplyOut | None
    overdue: bool = Field(description="Quá hạn trả lời mà chưa trả lời")
    overdue_since: dt.datetime | None

    @classmethod
    def of(cls, entry: Entry, *, now: dt.datetime) -> EntryOut:
        return cls(
            id=entry.id,
            reception_id=entry.reception_id,
            subject=entry.subject,
            petition_id=entry.petition_id,
            received_at=entry.received_at,
            has_visitor_identity=entry.has_visitor,
            reply_deadline=DeadlineOut.model_validate(entry.reply_deadline, from_attributes=True),
            reply=ReplyOut(**vars(entry.reply)) if entry.reply else None,
            overdue=entry.is_overdue(now),
            overdue_since=entry.overdue_since,
        )


class ReceptionDetailOut(ReceptionOut):
    entries: list[EntryOut]


class GapOut(BaseModel):
    rule: str = Field(description="REC-WEEK (chair, weekly) or REC-WEEK.party-secretary")
    host: Host
    period: str = Field(description="ISO week (2027-W06) or month (2027-02)")
    start: dt.date
    end: dt.date
    required: int = Field(description="Số ngày tiếp tối thiểu theo bảng quy tắc")
    counted: int = Field(description="Số ngày có lịch tiếp (đã lên lịch hoặc đã tổ chức)")
    ended: bool = Field(description="Kỳ đã kết thúc; nếu chưa, vẫn có thể bổ sung lịch")
    table_version: str


# ---- plumbing ----------------------------------------------------------------------------


def _missing(reception_id: str) -> Problem:
    return not_found(
        f"Không có buổi tiếp công dân {reception_id}.", f"No reception session {reception_id}."
    )


async def _run(call: Awaitable[T], reception_id: str = "", entry_id: str = "") -> T:
    try:
        return await call
    except handlers.ReceptionNotFound:
        raise _missing(reception_id) from None
    except handlers.EntryNotFound:
        raise not_found(
            f"Buổi tiếp không có lượt tiếp {entry_id}.", f"No visit {entry_id} at this session."
        ) from None
    except ReceptionRefused as refusal:
        raise refusal_problem(refusal) from None
    except (ConcurrentChange, IntegrityError):  # another request changed the same record first
        raise conflict(
            "Buổi tiếp vừa được thay đổi bởi một thao tác khác; vui lòng thử lại.",
            "The session was changed by another request at the same time; try again.",
        ) from None


# ---- routes ------------------------------------------------------------------------------


@router.post(
    "/receptions",
    status_code=201,
    response_model=ReceptionOut,
    **requires("officer"),
    summary="Niêm yết lịch tiếp công dân — put a session on the reception schedule",
)
async def schedule_reception(
    body: ReceptionIn, rules: Rules, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> ReceptionOut:
    reception = await _run(
        handlers.schedule_reception(
            uow=uow,
            rules=rules,
            actor=actor,
            host=body.host,
            session_on=body.session_on,
            posted_on=body.posted_on,
            location=body.location,
        )
    )
    return ReceptionOut.of(reception)


@router.get(
    "/receptions",
    response_model=Page[ReceptionOut],
    **public(),
    summary="Lịch tiếp công dân đã niêm yết — the posted reception schedule",
)
async def list_receptions(
    runtime: RuntimeDep,
    page: PageQuery,
    start: Annotated[
        dt.date | None, Query(alias="from", description="Từ ngày (session_on)")
    ] = None,
    end: Annotated[dt.date | None, Query(alias="to", description="Đến ngày (session_on)")] = None,
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
        "Tuần không có buổi tiếp của Chủ tịch (REC-WEEK) và tháng Bí thư tiếp ít hơn mức tối "
        "thiểu (REC-WEEK.party-secretary), trong các tuần, tháng giao với khoảng [from, to]. "
        f"Khoảng tối đa {MAX_RANGE_DAYS} ngày; danh sách không phân trang (next_cursor null)."
    ),
)
async def missing_receptions(
    rules: Rules,
    runtime: RuntimeDep,
    start: Annotated[dt.date, Query(alias="from", description="Từ ngày")],
    end: Annotated[dt.date, Query(alias="to", description="Đến ngày")],
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
            raise _missing(reception_id)
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
    reception_id: str, body: HeldIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> ReceptionOut:
    reception, _ = await _run(
        handlers.record_held(
            uow=uow, actor=actor, reception_id=reception_id, held=body.held, reason=body.reason
        ),
        reception_id,
    )
    return ReceptionOut.of(reception)


@router.post(
    "/receptions/{reception_id}/entries",
    status_code=201,
    response_model=EntryOut,
    **requires("officer"),
    summary="Ghi nhận một lượt tiếp công dân — log a visit (REC-REPLY clock starts)",
)
async def add_entry(
    reception_id: str,
    body: EntryIn,
    rules: Rules,
    uow: UnitOfWorkDep,
    actor: CurrentPrincipal,
) -> EntryOut:
    entry = await _run(
        handlers.add_entry(
            uow=uow,
            rules=rules,
            actor=actor,
            reception_id=reception_id,
            subject=body.subject,
            received_at=body.received_at,
            petition_id=body.petition_id,
            visitor=body.visitor.model_dump(exclude_none=True) if body.visitor else None,
        ),
        reception_id,
    )
    return EntryOut.of(entry, now=uow.runtime.clock.now())


@router.post(
    "/receptions/{reception_id}/entries/{entry_id}/reply",
    response_model=EntryOut,
    **requires("officer"),
    summary="Trả lời lượt tiếp công dân — reply to a visit (REC-REPLY)",
)
async def reply_entry(
    reception_id: str,
    entry_id: str,
    body: ReplyIn,
    runtime: RuntimeDep,
    uow: UnitOfWorkDep,
    actor: CurrentPrincipal,
) -> EntryOut:
    entry = await _run(
        handlers.reply_entry(
            uow=uow,
            actor=actor,
            reception_id=reception_id,
            entry_id=entry_id,
            text=body.text,
            replied_at=body.replied_at,
        ),
        reception_id,
        entry_id,
    )
    return EntryOut.of(entry, now=runtime.clock.now())
