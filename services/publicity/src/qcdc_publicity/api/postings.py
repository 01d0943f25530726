"""HTTP routes of postings: parse, authorise, call a handler, shape the answer."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, cast, select

from qcdc_publicity.adapters.postings import to_posting
from qcdc_publicity.adapters.tables import posting_versions, postings
from qcdc_publicity.api import examples as example
from qcdc_publicity.api.common import PublicityUoW, Rules
from qcdc_publicity.domain.posting import PROCEDURE_ELEMENTS, Attachment, Channel, Posting, Status
from qcdc_publicity.handlers import postings as handlers
from qcdc_shared.api import Day, DeadlineOut, Instant, Page, PageQuery, Problem, not_found, paginate
from qcdc_shared.api.commands import run_command
from qcdc_shared.auth import (
    CurrentPrincipal,
    OptionalPrincipal,
    Principal,
    is_ward_staff,
    public,
    requires,
)
from qcdc_shared.law.deadlines import start_of_day
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["postings"])


class AttachmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=300)
    url: str | None = Field(default=None, max_length=2000)
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")


class ContentIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.CONTENT)
    title: str = Field(min_length=1, max_length=500)
    body: str = Field(min_length=1, max_length=100_000)
    channels: list[Channel] = Field(min_length=1)
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=50)
    procedure: dict[str, str] | None = Field(
        default=None,
        description="Thủ tục hành chính (PUB-TTHC; các bộ phận cơ bản bắt buộc theo bảng quy "
        "tắc, theo thứ tự): " + ", ".join(PROCEDURE_ELEMENTS),
    )

    def arguments(self) -> dict[str, Any]:
        """The handler's keyword arguments: the fields, as the domain holds them."""
        return {
            **self.model_dump(exclude={"channels", "attachments"}),
            "channels": tuple(self.channels),
            "attachments": tuple(Attachment(a.name, a.url, a.sha256) for a in self.attachments),
        }


class PostingIn(ContentIn):
    model_config = example.of(example.POSTING)
    category: int = Field(description="Nhóm nội dung (PUB-CAT, Điều 11) — disclosure category")
    decided_on: Day = Field(description="Ngày ban hành văn bản — date of the decision")


class PublishIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.PUBLISH)
    published_at: Instant | None = Field(
        default=None, description="Ngày niêm yết thực tế (không ở tương lai) — when posted"
    )


class GroupHeadsIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.GROUP_HEADS)
    sent_at: Instant | None = Field(
        default=None,
        description="Lúc gửi Tổ trưởng tổ dân phố (bỏ trống: bây giờ) — when sent to the heads",
    )


class WithdrawIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.WITHDRAW)
    reason: str = Field(default="", max_length=2000, description="Lý do gỡ tin (công khai)")


class VersionOut(BaseModel):
    version: int
    status: str
    recorded_at: dt.datetime
    document: dict[str, Any]


class PostingOut(BaseModel):
    id: str
    ward: str
    category: int
    title: str
    body: str
    decided_on: dt.date
    channels: list[str]
    attachments: list[dict[str, str]]
    procedure: dict[str, str] | None
    source: dict[str, str] | None
    status: str
    published_at: dt.datetime | None
    changed_at: dt.datetime | None
    withdrawal_reason: str | None
    group_heads_sent_at: dt.datetime | None = Field(
        description="Lúc gửi Tổ trưởng tổ dân phố (PUB-LOUD.group-heads)"
    )
    version: int
    deadlines: list[DeadlineOut]
    violations: list[str]
    versions: list[VersionOut] | None = None

    @classmethod
    def of(cls, posting: Posting, versions: list[VersionOut] | None = None) -> PostingOut:
        plain = (
            "id",
            "ward",
            "category",
            "title",
            "body",
            "decided_on",
            "procedure",
            "status",
            "published_at",
            "changed_at",
            "withdrawal_reason",
            "group_heads_sent_at",
            "version",
        )
        return cls(
            **{name: getattr(posting, name) for name in plain},
            channels=list(posting.channels),
            attachments=[{k: v for k, v in vars(a).items() if v} for a in posting.attachments],
            source=vars(posting.source) if posting.source else None,
            deadlines=[
                DeadlineOut.model_validate(d, from_attributes=True) for d in posting.deadlines
            ],
            violations=list(posting.violations),
            versions=versions,
        )


def _missing(posting_id: str) -> Problem:
    return not_found(f"Không có tin công khai {posting_id}.", f"No posting {posting_id}.")


async def _command(
    call: Awaitable[Posting], uow: PublicityUoW, actor: Principal, action: str, posting_id: str
) -> PostingOut:
    target = f"posting:{posting_id}"
    return PostingOut.of(
        await run_command(call, uow=uow, actor=actor, action=action, target=target)
    )


@router.post(
    "/postings",
    status_code=201,
    response_model=PostingOut,
    **requires("officer"),
    summary="Tạo tin công khai (bản nháp) — create a posting (draft)",
)
async def create_posting(
    body: PostingIn, uow: PublicityUoW, rules: Rules, actor: CurrentPrincipal
) -> PostingOut:
    posting_id = str(uuid.uuid4())
    created = handlers.create_posting(
        uow=uow, rules=rules, posting_id=posting_id, created_by=actor.sub, **body.arguments()
    )
    return await _command(created, uow, actor, "posting.create", posting_id)


@router.post(
    "/postings/{posting_id}/publish",
    response_model=PostingOut,
    **requires("officer"),
    summary="Công khai tin — publish a posting",
)
async def publish_posting(
    posting_id: str,
    uow: PublicityUoW,
    rules: Rules,
    actor: CurrentPrincipal,
    body: Annotated[PublishIn | None, Body()] = None,
) -> PostingOut:
    published_at = body.published_at if body else None
    published = handlers.publish_posting(
        uow=uow, rules=rules, posting_id=posting_id, published_at=published_at
    )
    return await _command(published, uow, actor, "posting.publish", posting_id)


@router.post(
    "/postings/{posting_id}/withdraw",
    response_model=PostingOut,
    **requires("officer"),
    summary="Gỡ tin, nêu lý do — withdraw with a reason",
)
async def withdraw_posting(
    posting_id: str,
    uow: PublicityUoW,
    rules: Rules,
    actor: CurrentPrincipal,
    body: Annotated[WithdrawIn | None, Body()] = None,
) -> PostingOut:
    reason = body.reason if body else ""
    withdrawn = handlers.withdraw_posting(
        uow=uow, rules=rules, posting_id=posting_id, reason=reason
    )
    return await _command(withdrawn, uow, actor, "posting.withdraw", posting_id)


@router.post(
    "/postings/{posting_id}/group-heads",
    response_model=PostingOut,
    **requires("officer"),
    summary="Ghi việc gửi Tổ trưởng tổ dân phố (PUB-LOUD.group-heads) — sent to the group heads",
)
async def send_to_group_heads(
    posting_id: str,
    uow: PublicityUoW,
    rules: Rules,
    actor: CurrentPrincipal,
    body: Annotated[GroupHeadsIn | None, Body()] = None,
) -> PostingOut:
    sent = handlers.send_to_group_heads(
        uow=uow, rules=rules, posting_id=posting_id, sent_at=body.sent_at if body else None
    )
    return await _command(sent, uow, actor, "posting.group_heads", posting_id)


@router.post(
    "/postings/{posting_id}/amend",
    response_model=PostingOut,
    **requires("officer"),
    summary="Thay thế bằng phiên bản mới (PUB-PERM) — amend a permanent posting",
)
async def amend_posting(
    posting_id: str, body: ContentIn, uow: PublicityUoW, rules: Rules, actor: CurrentPrincipal
) -> PostingOut:
    amended = handlers.amend_posting(
        uow=uow, rules=rules, posting_id=posting_id, **body.arguments()
    )
    return await _command(amended, uow, actor, "posting.amend", posting_id)


@router.get(
    "/postings",
    response_model=Page[PostingOut],
    **public(),
    summary="Các tin đã công khai — published postings (nothing is ever deleted)",
)
async def list_postings(
    runtime: RuntimeDep,
    page: PageQuery,
    request: Request,
    viewer: OptionalPrincipal,
    status: Annotated[Status | None, Query()] = None,
    # An input bound, not PUB-CAT: an unknown category simply lists nothing.
    category: Annotated[int | None, Query(ge=1, le=99)] = None,
    channel: Annotated[Channel | None, Query()] = None,
    published_from: Annotated[Day | None, Query()] = None,
    published_to: Annotated[Day | None, Query()] = None,
) -> Any:
    query = select(postings)
    if not is_ward_staff(viewer, request, "officer"):
        query = query.where(postings.c.status != "draft")  # drafts are the ward's own work
    if status:
        query = query.where(postings.c.status == status)
    if category:
        query = query.where(postings.c.category == category)
    if channel:  # a JSON array: its text holds the quoted channel name on SQLite and PostgreSQL
        query = query.where(cast(postings.c.channels, String).like(f'%"{channel}"%'))
    if published_from:
        query = query.where(postings.c.published_at >= _local_midnight(published_from))
    if published_to:
        query = query.where(
            postings.c.published_at < _local_midnight(published_to + dt.timedelta(days=1))
        )
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[postings.c.created_at, postings.c.id],  # newest first
            descending=True,
            params=page,
            item=lambda row: PostingOut.of(to_posting(row)),
        )


def _local_midnight(day: dt.date) -> dt.datetime:
    return start_of_day(day)


@router.get(
    "/postings/{posting_id}",
    response_model=PostingOut,
    **public(),
    summary="Một tin công khai và mọi phiên bản — one posting with all its versions",
)
async def get_posting(
    posting_id: str, runtime: RuntimeDep, request: Request, viewer: OptionalPrincipal
) -> PostingOut:
    async with runtime.sessionmaker() as session:
        row = (await session.execute(select(postings).where(postings.c.id == posting_id))).first()
        hidden = (
            row is not None
            and row.status == "draft"
            and not is_ward_staff(viewer, request, "officer")
        )
        if row is None or hidden:
            raise _missing(posting_id)
        versions = (
            await session.execute(
                select(posting_versions)
                .where(posting_versions.c.posting_id == posting_id)
                .order_by(posting_versions.c.version)
            )
        ).all()
    return PostingOut.of(
        to_posting(row),
        [
            VersionOut(
                version=v.version, status=v.status, recorded_at=v.recorded_at, document=v.document
            )
            for v in versions
        ],
    )
