"""HTTP on recommendations (OVS-ANSWER): the board proposes, the front confirms (issued, the
answer deadline starts), the committee's receipt may be recorded (the deadline counts from
it), an officer answers for the ward committee.

Issued recommendations and their answers are public; a proposal is the board's and the
front's until the front confirms it, so only ward staff see it. Accounts are staff-only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, and_, or_, select

from qcdc_oversight.adapters.recommendations import RecommendationRepository, to_recommendation
from qcdc_oversight.adapters.tables import recommendations
from qcdc_oversight.api import examples as example
from qcdc_oversight.api.common import IdPath, OversightUoW, Rules, command
from qcdc_oversight.domain.recommendation import STATUS_VI, Acceptance, Recommendation, Status
from qcdc_oversight.handlers import recommendations as handlers
from qcdc_shared.api import DeadlineOut, Instant, Page, PageQuery, paginate
from qcdc_shared.api.commands import StrictBody, missing
from qcdc_shared.auth import CurrentPrincipal, OptionalPrincipal, is_ward_staff, public, requires
from qcdc_shared.refusals import NotFound
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["recommendations"])


class RecommendationIn(StrictBody):
    model_config = example.of(example.RECOMMENDATION)
    title: str = Field(min_length=1, max_length=300, description="Kiến nghị, một dòng.")
    body: str = Field(min_length=1, max_length=20000, description="Nội dung kiến nghị.")
    addressed_to: str = Field(
        min_length=1, max_length=200, description="Nơi nhận, e.g. UBND phường."
    )
    inspection_id: str | None = Field(default=None, min_length=1, max_length=64)


class ReceivedIn(StrictBody):
    model_config = example.of(example.RECEIVED)
    received_at: Instant | None = Field(
        default=None,
        description="Lúc UBND phường nhận kiến nghị (bỏ trống: bây giờ); OVS-ANSWER tính từ đây.",
    )


class AnswerIn(StrictBody):
    model_config = example.of(example.ANSWER)
    answer: str = Field(min_length=1, max_length=20000, description="Nội dung trả lời.")
    accepted: Acceptance = Field(description="accepted: tiếp thu; partly: một phần; rejected.")


class RecommendationOut(BaseModel):
    id: str
    title: str
    body: str
    addressed_to: str
    inspection_id: str | None
    status: Status
    status_vi: str
    issued_at: dt.datetime | None
    received_at: dt.datetime | None = Field(
        description="The addressee's receipt, once recorded; until then OVS-ANSWER counts "
        "from the issue."
    )
    answer_deadline: DeadlineOut | None = Field(
        description="OVS-ANSWER, from the receipt (the issue until a receipt is recorded)."
    )
    answer: str | None
    accepted: Acceptance | None
    answered_at: dt.datetime | None
    on_time: bool | None = Field(description="Answered by the end of the due day.")
    overdue: bool = Field(description="Its due day ended before it was answered.")
    escalated_at: dt.datetime | None = Field(description="When it was escalated to the city.")
    proposed_by: str | None = Field(description="Shown to ward staff only.")
    confirmed_by: str | None = Field(description="Shown to ward staff only.")
    answered_by: str | None = Field(description="Shown to ward staff only.")
    version: int

    @classmethod
    def of(cls, item: Recommendation, *, now: dt.datetime, staff: bool = True) -> RecommendationOut:
        deadline = item.answer_deadline
        return cls(
            id=item.id,
            title=item.title,
            body=item.body,
            addressed_to=item.addressed_to,
            inspection_id=item.inspection_id,
            status=item.status,
            status_vi=STATUS_VI[item.status],
            issued_at=item.issued_at,
            received_at=item.received_at,
            answer_deadline=DeadlineOut.model_validate(deadline.to_api()) if deadline else None,
            answer=item.answer,
            accepted=item.accepted,
            answered_at=item.answered_at,
            on_time=item.on_time,
            overdue=item.overdue(now),
            escalated_at=item.overdue_at,
            proposed_by=item.proposed_by if staff else None,
            confirmed_by=item.confirmed_by if staff else None,
            answered_by=item.answered_by if staff else None,
            version=item.version,
        )


async def _command(
    call: Awaitable[Recommendation],
    uow: OversightUoW,
    actor: CurrentPrincipal,
    action: str,
    recommendation_id: str,
) -> RecommendationOut:
    done = await command(call, uow, actor, action, f"recommendation:{recommendation_id}")
    return RecommendationOut.of(done, now=uow.clock.now())


@router.post(
    "/recommendations",
    status_code=201,
    response_model=RecommendationOut,
    **requires("inspector"),
    summary="Đề xuất kiến nghị — the board proposes a recommendation",
)
async def propose(body: RecommendationIn, uow: OversightUoW, actor: CurrentPrincipal) -> Any:
    recommendation_id = str(uuid.uuid4())
    proposed = handlers.propose(
        uow=uow, recommendation_id=recommendation_id, proposed_by=actor.sub, **body.model_dump()
    )
    return await _command(proposed, uow, actor, "recommendation.propose", recommendation_id)


@router.post(
    "/recommendations/{recommendation_id}/confirm",
    response_model=RecommendationOut,
    **requires("front"),
    summary="Ủy ban MTTQ xác nhận, ban hành kiến nghị (OVS-ANSWER) — issue a recommendation",
)
async def confirm(
    recommendation_id: IdPath, uow: OversightUoW, rules: Rules, actor: CurrentPrincipal
) -> Any:
    issued = handlers.confirm(
        uow=uow, rules=rules, recommendation_id=recommendation_id, confirmed_by=actor.sub
    )
    return await _command(issued, uow, actor, "recommendation.confirm", recommendation_id)


@router.post(
    "/recommendations/{recommendation_id}/received",
    response_model=RecommendationOut,
    **requires("officer", "front"),
    summary="Ghi ngày UBND phường nhận kiến nghị (OVS-ANSWER tính từ đây) — record its receipt",
)
async def receive(
    recommendation_id: IdPath,
    uow: OversightUoW,
    rules: Rules,
    actor: CurrentPrincipal,
    body: Annotated[ReceivedIn | None, Body()] = None,
) -> Any:
    received = handlers.receive(
        uow=uow,
        rules=rules,
        recommendation_id=recommendation_id,
        received_at=body.received_at if body else None,
    )
    return await _command(received, uow, actor, "recommendation.receive", recommendation_id)


@router.post(
    "/recommendations/{recommendation_id}/answer",
    response_model=RecommendationOut,
    **requires("officer"),
    summary="UBND phường trả lời kiến nghị — the committee answers",
)
async def answer(
    recommendation_id: IdPath, body: AnswerIn, uow: OversightUoW, actor: CurrentPrincipal
) -> Any:
    answered = handlers.answer(
        uow=uow,
        recommendation_id=recommendation_id,
        answered_by=actor.sub,
        text=body.answer,
        accepted=body.accepted,
    )
    return await _command(answered, uow, actor, "recommendation.answer", recommendation_id)


def _overdue(now: dt.datetime) -> ColumnElement[bool]:
    """SQL twin of ``Recommendation.overdue``: the due day ended before the answer, or
    before ``now`` while still unanswered."""
    due, answered = recommendations.c.due_at, recommendations.c.answered_at
    return and_(
        due.is_not(None),
        or_(and_(answered.is_(None), due < now), and_(answered.is_not(None), answered > due)),
    )


@router.get(
    "/recommendations",
    response_model=Page[RecommendationOut],
    **public(),
    summary="Các kiến nghị của Ban Thanh tra nhân dân — recommendations, newest first",
)
async def list_recommendations(
    runtime: RuntimeDep,
    request: Request,
    principal: OptionalPrincipal,
    page: PageQuery,
    status: Annotated[Status | None, Query()] = None,
    overdue: Annotated[
        bool | None, Query(description="Quá hạn trả lời — the answer missed its deadline.")
    ] = None,
) -> Any:
    now = runtime.clock.now()
    staff = is_ward_staff(principal, request)
    query = select(recommendations)
    if not staff:
        query = query.where(recommendations.c.status != "proposed")
    if status:
        query = query.where(recommendations.c.status == status)
    if overdue is not None:
        late = _overdue(now)
        query = query.where(late if overdue else ~late)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[recommendations.c.created_at, recommendations.c.id],
            params=page,
            descending=True,
            item=lambda row: RecommendationOut.of(
                to_recommendation(row._mapping), now=now, staff=staff
            ),
        )


@router.get(
    "/recommendations/{recommendation_id}",
    response_model=RecommendationOut,
    **public(),
    summary="Một kiến nghị và câu trả lời — a recommendation and its answer",
)
async def get_recommendation(
    recommendation_id: IdPath, runtime: RuntimeDep, request: Request, principal: OptionalPrincipal
) -> Any:
    async with runtime.sessionmaker() as session:
        item = await RecommendationRepository(session).get(recommendation_id)
    staff = is_ward_staff(principal, request)
    if item is None or (item.status == "proposed" and not staff):
        raise missing(NotFound("kiến nghị", "recommendation", recommendation_id))
    return RecommendationOut.of(item, now=runtime.clock.now(), staff=staff)
