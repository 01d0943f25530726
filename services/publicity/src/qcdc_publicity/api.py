"""HTTP routes of the publicity service: parse, authorise, call a handler, shape the answer."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy import select

from qcdc_publicity import handlers
from qcdc_publicity.adapters.db import postings, to_posting
from qcdc_publicity.domain.model import Channel, Posting, PostingRefused, RuleBook
from qcdc_shared.api import DeadlineOut, Page, PageQuery, Problem, conflict, not_found, paginate
from qcdc_shared.auth import CurrentPrincipal, public, requires
from qcdc_shared.service import RuntimeDep, UnitOfWorkDep

router = APIRouter(tags=["postings"])


class PostingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: int = Field(description="Nhóm nội dung 1–14 (Điều 11) — disclosure category")
    title: str = Field(min_length=1, max_length=500)
    body: str = Field(min_length=1, max_length=100_000)
    decided_on: dt.date = Field(description="Ngày ban hành văn bản — date of the decision")
    channels: list[Channel] = Field(min_length=1)


class PublishIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    published_at: AwareDatetime | None = Field(
        default=None, description="Ngày niêm yết thực tế (không ở tương lai) — when posted"
    )


class PostingOut(BaseModel):
    id: str
    ward: str
    category: int
    title: str
    body: str
    decided_on: dt.date
    channels: list[str]
    status: str
    published_at: dt.datetime | None
    version: int
    deadlines: list[DeadlineOut]
    violations: list[str]

    @classmethod
    def of(cls, posting: Posting) -> PostingOut:
        return cls(
            **{
                k: getattr(posting, k)
                for k in (
                    "id",
                    "ward",
                    "category",
                    "title",
                    "body",
                    "decided_on",
                    "status",
                    "published_at",
                    "version",
                )
            },
            channels=list(posting.channels),
            deadlines=[
                DeadlineOut.model_validate(d, from_attributes=True) for d in posting.deadlines
            ],
            violations=list(posting.violations),
        )


def rule_book(request: Request) -> RuleBook:
    rules: RuleBook = request.app.state.rules
    return rules


Rules = Annotated[RuleBook, Depends(rule_book)]


def _problem(refusal: PostingRefused) -> Problem:
    if refusal.conflict:
        return conflict(refusal.detail_vi, refusal.detail_en, rule=refusal.rule)
    return Problem.for_status(
        422, detail=refusal.detail_vi, detail_en=refusal.detail_en, rule=refusal.rule
    )


def _missing(posting_id: str) -> Problem:
    return not_found(f"Không có tin công khai {posting_id}.", f"No posting {posting_id}.")


@router.post(
    "/postings",
    status_code=201,
    response_model=PostingOut,
    **requires("officer"),
    summary="Tạo tin công khai (bản nháp) — create a posting (draft)",
)
async def create_posting(
    body: PostingIn, uow: UnitOfWorkDep, rules: Rules, actor: CurrentPrincipal
) -> PostingOut:
    try:
        posting = await handlers.create_posting(
            uow=uow,
            rules=rules,
            actor=actor,
            category=body.category,
            title=body.title,
            body=body.body,
            decided_on=body.decided_on,
            channels=tuple(body.channels),
        )
    except PostingRefused as refusal:
        raise _problem(refusal) from None
    return PostingOut.of(posting)


@router.post(
    "/postings/{posting_id}/publish",
    response_model=PostingOut,
    **requires("officer"),
    summary="Công khai tin — publish a posting",
)
async def publish_posting(
    posting_id: str,
    uow: UnitOfWorkDep,
    rules: Rules,
    actor: CurrentPrincipal,
    body: Annotated[PublishIn | None, Body()] = None,
) -> PostingOut:
    try:
        posting = await handlers.publish_posting(
            uow=uow,
            rules=rules,
            actor=actor,
            posting_id=posting_id,
            published_at=body.published_at if body else None,
        )
    except handlers.PostingNotFound:
        raise _missing(posting_id) from None
    except PostingRefused as refusal:
        raise _problem(refusal) from None
    return PostingOut.of(posting)


@router.get(
    "/postings",
    response_model=Page[PostingOut],
    **public(),
    summary="Các tin đã công khai — published postings",
)
async def list_postings(runtime: RuntimeDep, page: PageQuery) -> Any:
    query = select(postings).where(postings.c.status != "draft")
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=postings.c.id,
            params=page,
            item=lambda row: PostingOut.of(to_posting(row)),
        )


@router.get(
    "/postings/{posting_id}",
    response_model=PostingOut,
    **public(),
    summary="Một tin công khai — one posting",
)
async def get_posting(posting_id: str, runtime: RuntimeDep) -> PostingOut:
    async with runtime.sessionmaker() as session:
        row = (await session.execute(select(postings).where(postings.c.id == posting_id))).first()
    if row is None or row.status == "draft":  # drafts are not public
        raise _missing(posting_id)
    return PostingOut.of(to_posting(row))
