"""HTTP routes of consultations (lấy ý kiến nhân dân, CON-MIN20): parse, authorise, call a
handler, shape the answer.

A comment shows the resident's name only when they asked for it, and that name is the
``name`` claim of their token (the account's verified name), never one typed into the
request: a typed name would let anyone comment in someone else's name. Otherwise the comment
reads "Ẩn danh" / "Anonymous". The commenter's pseudonym is never served.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from qcdc_publicity.adapters.consultations import ConsultationRepository, to_consultation
from qcdc_publicity.adapters.tables import consultations
from qcdc_publicity.api import examples as example
from qcdc_publicity.api.common import PublicityUoW, Rules
from qcdc_publicity.domain.consultation import (
    MAX_COMMENT_CHARS,
    MAX_DRAFT_CHARS,
    MAX_ITEM_CHARS,
    MAX_ITEMS,
    MAX_TITLE_CHARS,
    Comment,
    Consultation,
    ConsultationStatus,
    ResponseItem,
)
from qcdc_publicity.handlers import consultations as handlers
from qcdc_shared.api import DeadlineOut, Page, PageQuery, Problem, not_found, paginate
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.limits import limited
from qcdc_shared.audit import pseudonym
from qcdc_shared.auth import CurrentPrincipal, Principal, public, requires
from qcdc_shared.service import RuntimeDep

T = TypeVar("T")

router = APIRouter(tags=["consultations"])

ANONYMOUS = "Ẩn danh"
ANONYMOUS_EN = "Anonymous"


class ConsultationIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.CONSULTATION)
    title: str = Field(min_length=1, max_length=MAX_TITLE_CHARS, description="Tên dự thảo")
    draft: str = Field(
        min_length=1, max_length=MAX_DRAFT_CHARS, description="Nội dung dự thảo — the draft"
    )


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.COMMENT)
    text: str = Field(min_length=1, max_length=MAX_COMMENT_CHARS, description="Nội dung ý kiến")
    show_name: bool = Field(
        default=False,
        description="Hiển thị họ tên (lấy từ tài khoản) — show the account's name; "
        "otherwise the comment is anonymous",
    )


class ItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    point: str = Field(min_length=1, max_length=MAX_ITEM_CHARS, description="Ý kiến — the point")
    reason: str = Field(min_length=1, max_length=MAX_ITEM_CHARS, description="Lý do — the reason")


class CloseIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.CLOSE)
    accepted: list[ItemIn] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Ý kiến tiếp thu và lý do"
    )
    rejected: list[ItemIn] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Ý kiến không tiếp thu và lý do"
    )

    @staticmethod
    def values(items: list[ItemIn]) -> tuple[ResponseItem, ...]:
        return tuple(ResponseItem(i.point, i.reason) for i in items)


class ItemOut(BaseModel):
    point: str
    reason: str


class CommentOut(BaseModel):
    id: str
    text: str
    author: str = Field(description="Họ tên người góp ý, hoặc «Ẩn danh»")
    author_en: str = Field(description="The commenter's name, or «Anonymous»")
    anonymous: bool
    received_at: dt.datetime

    @classmethod
    def of(cls, comment: Comment) -> CommentOut:
        return cls(
            id=comment.id,
            text=comment.text,
            author=comment.display_name or ANONYMOUS,
            author_en=comment.display_name or ANONYMOUS_EN,
            anonymous=comment.display_name is None,
            received_at=comment.received_at,
        )


class ConsultationOut(BaseModel):
    id: str
    ward: str
    title: str
    draft: str
    status: ConsultationStatus
    opened_at: dt.datetime
    minimum_end: DeadlineOut = Field(description="CON-MIN20: không kết thúc trước thời điểm này")
    comments_received: int
    accepted: list[ItemOut]
    rejected: list[ItemOut]
    closed_at: dt.datetime | None
    result_posting_id: str | None = Field(
        description="Tin công khai kết quả lấy ý kiến — the result posting"
    )
    version: int
    comments: list[CommentOut] | None = None

    @classmethod
    def of(
        cls, consultation: Consultation, comments: list[Comment] | None = None
    ) -> ConsultationOut:
        return cls(
            id=consultation.id,
            ward=consultation.ward,
            title=consultation.title,
            draft=consultation.draft,
            status=consultation.status,
            opened_at=consultation.opened_at,
            minimum_end=DeadlineOut.model_validate(consultation.minimum_end, from_attributes=True),
            comments_received=consultation.comments_received,
            accepted=[ItemOut(point=i.point, reason=i.reason) for i in consultation.accepted],
            rejected=[ItemOut(point=i.point, reason=i.reason) for i in consultation.rejected],
            closed_at=consultation.closed_at,
            result_posting_id=consultation.result_posting_id,
            version=consultation.version,
            comments=[CommentOut.of(c) for c in comments] if comments is not None else None,
        )


def _missing(consultation_id: str) -> Problem:
    return not_found(
        f"Không có đợt lấy ý kiến {consultation_id}.", f"No consultation {consultation_id}."
    )


async def _command(
    call: Awaitable[T], uow: PublicityUoW, actor: Principal, action: str, target: str
) -> T:
    return await run_command(call, uow=uow, actor=actor, action=action, target=target)


@router.post(
    "/consultations",
    status_code=201,
    response_model=ConsultationOut,
    **requires("officer"),
    summary="Mở lấy ý kiến nhân dân về dự thảo (thời gian tối thiểu: CON-MIN20) — open a "
    "consultation",
)
async def open_consultation(
    body: ConsultationIn, uow: PublicityUoW, rules: Rules, actor: CurrentPrincipal
) -> ConsultationOut:
    consultation_id = str(uuid.uuid4())
    opened = handlers.open_consultation(
        uow=uow,
        rules=rules,
        consultation_id=consultation_id,
        created_by=actor.sub,
        **body.model_dump(),
    )
    target = f"consultation:{consultation_id}"
    consultation = await _command(opened, uow, actor, "consultation.open", target)
    return ConsultationOut.of(consultation, [])


@router.get(
    "/consultations",
    response_model=Page[ConsultationOut],
    **public(),
    summary="Các đợt lấy ý kiến nhân dân — consultations (without their comments)",
)
async def list_consultations(
    runtime: RuntimeDep,
    page: PageQuery,
    status: Annotated[Literal["open", "closed"] | None, Query()] = None,
) -> Any:
    query = select(consultations)
    if status:
        query = query.where(consultations.c.status == status)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=consultations.c.id,
            params=page,
            item=lambda row: ConsultationOut.of(to_consultation(row)),
        )


@router.get(
    "/consultations/{consultation_id}",
    response_model=ConsultationOut,
    **public(),
    summary="Một đợt lấy ý kiến và các ý kiến đã nhận — one consultation with its comments",
)
async def get_consultation(consultation_id: str, runtime: RuntimeDep) -> ConsultationOut:
    async with runtime.sessionmaker() as session:
        repository = ConsultationRepository(session)
        consultation = await repository.get(consultation_id)
        if consultation is None:
            raise _missing(consultation_id)
        comments = await repository.comments(consultation_id)
    return ConsultationOut.of(consultation, comments)


@router.post(
    "/consultations/{consultation_id}/comments",
    status_code=201,
    response_model=CommentOut,
    **limited("filing", requires("citizen")),
    summary="Góp ý kiến (hiện tên hoặc ẩn danh) — comment, named or anonymous",
)
async def comment(
    consultation_id: str,
    body: CommentIn,
    uow: PublicityUoW,
    runtime: RuntimeDep,
    actor: CurrentPrincipal,
) -> CommentOut:
    # The commenter is stored and audited only as a keyed pseudonym, never as the account.
    commenter = pseudonym(runtime.settings.pseudonym_key.get_secret_value(), actor.sub)
    comment_id = str(uuid.uuid4())
    received = handlers.comment(
        uow=uow,
        consultation_id=consultation_id,
        comment_id=comment_id,
        commenter=commenter,
        name=actor.name,
        **body.model_dump(),
    )
    as_pseudonym = actor.model_copy(update={"sub": commenter, "name": None})
    target = f"consultation:{consultation_id}/comment:{comment_id}"
    return CommentOut.of(
        await _command(received, uow, as_pseudonym, "consultation.comment", target)
    )


@router.post(
    "/consultations/{consultation_id}/close",
    response_model=ConsultationOut,
    **requires("officer"),
    summary="Kết thúc, công khai ý kiến tiếp thu, không tiếp thu và lý do — close and publish",
)
async def close_consultation(
    consultation_id: str, body: CloseIn, uow: PublicityUoW, rules: Rules, actor: CurrentPrincipal
) -> ConsultationOut:
    closed = handlers.close_consultation(
        uow=uow,
        rules=rules,
        consultation_id=consultation_id,
        accepted=CloseIn.values(body.accepted),
        rejected=CloseIn.values(body.rejected),
    )
    target = f"consultation:{consultation_id}"
    return ConsultationOut.of(await _command(closed, uow, actor, "consultation.close", target))
