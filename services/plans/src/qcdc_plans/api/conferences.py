"""HTTP on conferences and dialogues (DEC-NOTICE, OVS-YEAR).

Officers schedule, record held, or cancel; everything else is public: residents are owed
notice of these meetings, and the year's obligations are what an inspector checks.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy import select

from qcdc_plans.adapters.conferences import ConferenceRepository, to_conference
from qcdc_plans.adapters.register import GroupRepository
from qcdc_plans.adapters.sql import where_given
from qcdc_plans.adapters.tables import conferences
from qcdc_plans.api import examples as example
from qcdc_plans.api.common import GROUP_CODE, IdPath, In, PlansUoW, Rules, command
from qcdc_plans.domain import conference as model
from qcdc_plans.domain.conference import KIND_NAMES_VI, Conference, Kind, Status
from qcdc_plans.handlers import conferences as handlers
from qcdc_shared.api import DeadlineOut, Page, PageQuery, paginate
from qcdc_shared.api.commands import missing, problem_of
from qcdc_shared.auth import CurrentPrincipal, public, requires
from qcdc_shared.clock import local_today
from qcdc_shared.refusals import NotFound, Refused
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["conferences"])

# Input bounds, not laws: the contract's years, and room for long minutes.
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
YearQuery = Annotated[
    int | None, Query(ge=FIRST_DAY.year, le=LAST_DAY.year, description="Năm (theo held_on).")
]
MAX_MINUTES = 100_000
MAX_ATTENDEES = 1_000_000


class ConferenceIn(In):
    model_config = example.of(example.CONFERENCE)
    kind: Kind = Field(description="thematic: chuyên đề; dialogue: đối thoại; group_year_end.")
    title: str = Field(min_length=1, max_length=500, description="Tên hội nghị.")
    group: str | None = Field(
        default=None, pattern=GROUP_CODE, description="Mã tổ dân phố (bắt buộc: cuối năm)."
    )
    notice_on: dt.date = Field(
        ge=FIRST_DAY, le=LAST_DAY, description="Ngày thông báo, gửi tài liệu (DEC-NOTICE)."
    )
    held_on: dt.date = Field(ge=FIRST_DAY, le=LAST_DAY, description="Ngày tổ chức.")


class HeldIn(In):
    model_config = example.of(example.CONFERENCE_HELD)
    minutes: str = Field(min_length=1, max_length=MAX_MINUTES, description="Biên bản hội nghị.")
    attendees: int = Field(ge=0, le=MAX_ATTENDEES, description="Số người dự.")


class CancelIn(In):
    model_config = example.of(example.CONFERENCE_CANCEL)
    reason: str = Field(min_length=1, max_length=2000, description="Lý do hủy (công khai).")


class ConferenceOut(BaseModel):
    id: str
    ward: str
    kind: Kind
    kind_vi: str
    title: str
    residential_group: str | None
    year: int
    notice_on: dt.date
    held_on: dt.date
    notice_rule: str = Field(description="DEC-NOTICE or DEC-NOTICE.year-end.")
    notice_deadline: DeadlineOut = Field(description="Ngày chậm nhất được thông báo.")
    status: Status
    minutes: str | None
    attendees: int | None
    cancel_reason: str | None
    recorded_at: dt.datetime | None = Field(description="Khi ghi nhận đã tổ chức / đã hủy.")
    created_at: dt.datetime
    version: int

    @classmethod
    def of(cls, conference: Conference) -> ConferenceOut:
        return cls(
            **vars(conference),  # its ``notice`` is shown as ``notice_deadline``
            kind_vi=KIND_NAMES_VI[conference.kind],
            year=conference.year,
            notice_rule=conference.notice_rule,
            notice_deadline=DeadlineOut.model_validate(conference.notice, from_attributes=True),
        )


class DialoguesOut(BaseModel):
    rule: str = Field(description="OVS-YEAR")
    comparison: str
    required: int = Field(description="Số cuộc đối thoại tối thiểu theo bảng quy tắc.")
    held: int
    scheduled: int = Field(description="Đã lên lịch, chưa ghi nhận tổ chức.")
    conference_ids: list[str]
    met: bool


class GroupYearEndOut(BaseModel):
    group: str
    name: str
    held: int
    scheduled: int
    held_on: dt.date | None
    conference_ids: list[str]
    met: bool


class YearEndOut(BaseModel):
    rule: str = Field(description="OVS-YEAR.conference")
    comparison: str
    required: int = Field(description="Số hội nghị cuối năm tối thiểu của mỗi tổ.")
    groups: list[GroupYearEndOut]
    missing: list[str] = Field(description="Tổ dân phố chưa tổ chức hội nghị cuối năm.")
    met: bool


class ObligationsOut(BaseModel):
    year: int
    on: dt.date = Field(description="Ngày tính (giờ Việt Nam).")
    ended: bool = Field(description="Năm đã kết thúc: thiếu sót là vi phạm, không còn bổ sung.")
    rules: list[str]
    table_version: str
    dialogues: DialoguesOut
    year_end: YearEndOut
    met: bool

    @classmethod
    def of(cls, view: model.Obligations) -> ObligationsOut:
        return cls(
            year=view.year,
            on=view.on,
            ended=view.ended,
            rules=[view.dialogue.rule, view.year_end.rule],
            table_version=view.table_version,
            dialogues=DialoguesOut(
                **vars(view.dialogue),
                held=view.dialogues_held,
                scheduled=view.dialogues_scheduled,
                conference_ids=list(view.dialogue_ids),
                met=view.dialogues_met,
            ),
            year_end=YearEndOut(
                **vars(view.year_end),
                groups=[
                    GroupYearEndOut.model_validate(g, from_attributes=True) for g in view.groups
                ],
                missing=list(view.groups_missing),
                met=not view.groups_missing,
            ),
            met=view.met,
        )


@router.post(
    "/conferences",
    status_code=201,
    response_model=ConferenceOut,
    **requires("officer"),
    summary="Lên lịch hội nghị, đối thoại — schedule a conference (DEC-NOTICE)",
)
async def schedule_conference(
    body: ConferenceIn, rules: Rules, uow: PlansUoW, actor: CurrentPrincipal
) -> Any:
    conference_id = str(uuid.uuid4())
    scheduled = handlers.schedule_conference(
        uow=uow, rules=rules, conference_id=conference_id, **body.model_dump()
    )
    target = f"conference:{conference_id}"
    return ConferenceOut.of(await command(scheduled, uow, actor, "conference.schedule", target))


@router.post(
    "/conferences/{conference_id}/held",
    response_model=ConferenceOut,
    **requires("officer"),
    summary="Ghi nhận hội nghị đã tổ chức — record a conference as held (OVS-YEAR)",
)
async def record_held(
    conference_id: IdPath, body: HeldIn, uow: PlansUoW, actor: CurrentPrincipal
) -> Any:
    held = handlers.record_held(uow=uow, conference_id=conference_id, **body.model_dump())
    target = f"conference:{conference_id}"
    return ConferenceOut.of(await command(held, uow, actor, "conference.held", target))


@router.post(
    "/conferences/{conference_id}/cancel",
    response_model=ConferenceOut,
    **requires("officer"),
    summary="Hủy hội nghị — cancel a scheduled conference",
)
async def cancel_conference(
    conference_id: IdPath, body: CancelIn, uow: PlansUoW, actor: CurrentPrincipal
) -> Any:
    cancelled = handlers.cancel_conference(
        uow=uow, conference_id=conference_id, **body.model_dump()
    )
    target = f"conference:{conference_id}"
    return ConferenceOut.of(await command(cancelled, uow, actor, "conference.cancel", target))


@router.get(
    "/conferences",
    response_model=Page[ConferenceOut],
    **public(),
    summary="Hội nghị, đối thoại theo ngày tổ chức — conferences by the day held",
)
async def list_conferences(
    runtime: RuntimeDep,
    page: PageQuery,
    year: YearQuery = None,
    kind: Annotated[Kind | None, Query()] = None,
    group: Annotated[str | None, Query(pattern=GROUP_CODE)] = None,
    status: Annotated[Status | None, Query()] = None,
) -> Any:
    query = where_given(
        select(conferences),
        (conferences.c.year, year),
        (conferences.c.kind, kind),
        (conferences.c.residential_group, group),
        (conferences.c.status, status),
    )
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[conferences.c.held_on, conferences.c.id],
            params=page,
            item=lambda row: ConferenceOut.of(to_conference(row._mapping)),
        )


@router.get(
    "/conferences/obligations",
    response_model=ObligationsOut,
    **public(),
    summary="Nghĩa vụ hội nghị, đối thoại trong năm — OVS-YEAR for one year",
    description=(
        "Số cuộc đối thoại giữa UBND phường và Nhân dân đã tổ chức so với mức tối thiểu "
        "(OVS-YEAR), và từng tổ dân phố đang đăng ký đã tổ chức hội nghị cuối năm chưa "
        "(OVS-YEAR.conference). Chỉ hội nghị đã ghi nhận tổ chức mới được tính."
    ),
)
async def obligations(runtime: RuntimeDep, rules: Rules, year: YearQuery = None) -> Any:
    today = local_today(runtime.clock)
    chosen = year or today.year
    async with runtime.sessionmaker() as session:
        on_record = await ConferenceRepository(session).in_year(chosen)
        groups = await GroupRepository(session).all()
    try:
        view = model.obligations(on_record, groups=groups, year=chosen, today=today, rules=rules)
    except Refused as refusal:  # a year before the rule took effect: 422 naming the rule
        raise problem_of(refusal) from None
    return ObligationsOut.of(view)


@router.get(
    "/conferences/{conference_id}",
    response_model=ConferenceOut,
    **public(),
    summary="Một hội nghị — one conference",
)
async def get_conference(conference_id: IdPath, runtime: RuntimeDep) -> Any:
    async with runtime.sessionmaker() as session:
        conference = await ConferenceRepository(session).get(conference_id)
    if conference is None:
        raise missing(NotFound("hội nghị", "conference", conference_id))
    return ConferenceOut.of(conference)
