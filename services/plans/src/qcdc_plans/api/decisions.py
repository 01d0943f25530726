"""HTTP on residents' decisions: open, vote, tally, close, recognise; public reads of closed
decisions. No answer ever says which household chose what."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from qcdc_plans.adapters.decisions import DecisionRepository, to_decision
from qcdc_plans.adapters.sql import where_given
from qcdc_plans.adapters.tables import decisions
from qcdc_plans.api import examples as example
from qcdc_plans.api.common import GROUP_CODE, HOUSEHOLD_ID, IdPath, In, PlansUoW, Rules, command
from qcdc_plans.domain.decision import FORMS_VI, Choice, Decision, Outcome, Status, Tally
from qcdc_plans.domain.opening import Form
from qcdc_plans.handlers import decisions as handlers
from qcdc_shared.api import Day, DeadlineOut, Instant, Page, PageQuery, paginate
from qcdc_shared.api.commands import missing
from qcdc_shared.auth import CurrentPrincipal, OptionalPrincipal, is_ward_staff, public, requires
from qcdc_shared.law.deadlines import start_of_day
from qcdc_shared.refusals import NotFound
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["decisions"])

# Input bounds, not laws: the legal figures are checked by the domain against the rule table.
MAX_HOUSEHOLDS = 100_000
DayOrInstant = Annotated[Instant | Day, Field(union_mode="left_to_right")]


def _instant(value: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    # A date on a paper notice: its first instant, local time.
    return start_of_day(value)


class DecisionIn(In):
    model_config = example.of(example.DECISION)
    topic: int = Field(ge=1, le=99, description="DEC-TOPIC: one of the rule table's topics.")
    title: str = Field(min_length=1, max_length=500, description="Nội dung biểu quyết.")
    group: str | None = Field(
        default=None, pattern=GROUP_CODE, description="Mã tổ dân phố; bỏ trống: toàn phường."
    )
    households_total: int | None = Field(
        default=None,
        ge=1,
        le=MAX_HOUSEHOLDS,
        description="Nếu nhập, phải khớp số hộ trong sổ đăng ký (DEC-PASS).",
    )
    form: Form = Field(description="meeting: họp; ballot: phát phiếu; online: trực tuyến.")
    notice_at: DayOrInstant = Field(description="Ngày gửi thông báo và tài liệu (DEC-NOTICE).")
    vote_at: DayOrInstant = Field(description="Ngày họp hoặc biểu quyết.")
    ballot_reason: str | None = Field(
        default=None, min_length=1, max_length=2000, description="Lý do không họp được."
    )
    draft_posted_on: Day | None = Field(
        default=None, description="Hương ước, quy ước: ngày niêm yết dự thảo (DEC-CONV30)."
    )
    draft_posting: str | None = Field(
        default=None, min_length=1, max_length=64, description="Mã bản niêm yết dự thảo."
    )
    initiative: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="Đề xuất của Nhân dân đã đủ số hộ đồng ý (DEC-INIT).",
    )

    def fields(self) -> dict[str, Any]:
        instants = {"notice_at": _instant(self.notice_at), "vote_at": _instant(self.vote_at)}
        return {**self.model_dump(), **instants}


class VoteIn(In):
    model_config = example.of(example.VOTE)
    household: str = Field(pattern=HOUSEHOLD_ID, description="Mã hộ gia đình.")
    choice: Choice


class TallyIn(In):
    model_config = example.of(example.TALLY)
    yes: int = Field(ge=0, le=MAX_HOUSEHOLDS)
    no: int = Field(ge=0, le=MAX_HOUSEHOLDS)
    abstain: int = Field(default=0, ge=0, le=MAX_HOUSEHOLDS)
    present: int = Field(ge=0, le=MAX_HOUSEHOLDS, description="Số hộ có mặt.")


class CloseIn(In):
    model_config = example.of(example.DECISION_CLOSE)
    minutes: str | None = Field(default=None, min_length=1, max_length=50_000)
    record_received_at: DayOrInstant | None = Field(
        default=None,
        description="Ngày UBND phường nhận biên bản (DEC-RECORD.recognition tính từ đây); "
        "bỏ trống: thời điểm ghi kết quả.",
    )


class RecogniseIn(In):
    model_config = example.of(example.RECOGNITION)
    outcome: Outcome = "recognised"
    reason: str | None = Field(default=None, min_length=1, max_length=5000)


class RecognitionOut(BaseModel):
    outcome: Outcome
    reason: str | None
    at: dt.datetime
    on_time: bool


class ResultOut(BaseModel):
    counted: Literal["household_votes", "meeting_tally"]
    yes: int
    no: int
    abstain: int
    present: int
    threshold: int = Field(description="Số phiếu đồng ý tối thiểu để thông qua.")
    share: str
    comparison: str
    decided_on: dt.date
    closed_at: dt.datetime
    record_due: DeadlineOut
    record_received_at: dt.datetime
    recognition_due: DeadlineOut


class DecisionOut(BaseModel):
    id: str
    topic: int
    title: str
    group: str | None
    households_total: int = Field(description="Số hộ đăng ký khi mở biểu quyết (cố định).")
    form: Form
    form_vi: str
    notice_at: dt.datetime
    vote_at: dt.datetime
    status: Status
    rules: list[str] = Field(description="Các quy tắc đã kiểm tra khi mở.")
    ballot_reason: str | None
    draft_posted_on: dt.date | None
    initiative: str | None
    passed: bool | None
    yes: int | None
    rule: str | None = Field(description="DEC-PASS.money or DEC-PASS.other, once closed.")
    result: ResultOut | None
    minutes: str | None
    recognition: RecognitionOut | None
    version: int

    @classmethod
    def of(cls, decision: Decision) -> DecisionOut:
        result = decision.result
        return cls(
            id=decision.id,
            topic=decision.topic,
            title=decision.title,
            group=decision.residential_group,
            households_total=decision.households_total,
            form=decision.form,
            form_vi=FORMS_VI[decision.form],
            notice_at=decision.notice_at,
            vote_at=decision.vote_at,
            status=decision.status,
            rules=list(decision.rules_checked),
            ballot_reason=decision.ballot_reason,
            draft_posted_on=decision.draft_posted_on,
            initiative=decision.initiative_id,
            passed=result.passed if result else None,
            yes=result.tally.yes if result else None,
            rule=result.rule if result else None,
            result=None
            if result is None
            else ResultOut(
                counted=result.counted,
                **vars(result.tally),
                threshold=result.threshold,
                share=result.share,
                comparison=result.comparison,
                decided_on=result.decided_on,
                closed_at=result.closed_at,
                record_due=DeadlineOut.model_validate(result.record_due.to_api()),
                record_received_at=result.record_received_at,
                recognition_due=DeadlineOut.model_validate(result.recognition_due.to_api()),
            ),
            minutes=decision.minutes,
            recognition=None
            if decision.recognition is None
            else RecognitionOut.model_validate(decision.recognition, from_attributes=True),
            version=decision.version,
        )


class VotesOut(BaseModel):
    decision_id: str
    households_voted: int
    households_total: int


@router.post(
    "/decisions",
    status_code=201,
    response_model=DecisionOut,
    **requires("officer"),
    summary="Mở biểu quyết Nhân dân bàn và quyết định — open a residents' decision",
)
async def open_decision(
    body: DecisionIn, uow: PlansUoW, rules: Rules, actor: CurrentPrincipal
) -> Any:
    decision_id = str(uuid.uuid4())
    opened = handlers.open_decision(
        uow=uow, rules=rules, actor=actor, decision_id=decision_id, **body.fields()
    )
    target = f"decision:{decision_id}"
    return DecisionOut.of(await command(opened, uow, actor, "decision.open", target))


@router.post(
    "/decisions/{decision_id}/votes",
    status_code=201,
    response_model=VotesOut,
    **requires("officer"),
    summary="Ghi phiếu của một hộ (mỗi hộ một phiếu) — record one household's vote",
)
async def record_vote(
    decision_id: IdPath, body: VoteIn, uow: PlansUoW, actor: CurrentPrincipal
) -> Any:
    voted = handlers.record_vote(uow=uow, actor=actor, decision_id=decision_id, **body.model_dump())
    target = f"decision:{decision_id}"
    decision, counts = await command(voted, uow, actor, "decision.vote", target)
    return VotesOut(
        decision_id=decision_id,
        households_voted=counts.present,
        households_total=decision.households_total,
    )


@router.post(
    "/decisions/{decision_id}/tally",
    response_model=DecisionOut,
    **requires("officer"),
    summary="Ghi kết quả kiểm phiếu cuộc họp — record a meeting's tally",
)
async def record_tally(
    decision_id: IdPath, body: TallyIn, uow: PlansUoW, rules: Rules, actor: CurrentPrincipal
) -> Any:
    tallied = handlers.record_tally(
        uow=uow, rules=rules, decision_id=decision_id, tally=Tally(**body.model_dump())
    )
    target = f"decision:{decision_id}"
    return DecisionOut.of(await command(tallied, uow, actor, "decision.tally", target))


@router.post(
    "/decisions/{decision_id}/close",
    response_model=DecisionOut,
    **requires("officer"),
    summary="Kết thúc biểu quyết, tính kết quả trên tổng số hộ (DEC-PASS) — close",
)
async def close_decision(
    decision_id: IdPath,
    uow: PlansUoW,
    rules: Rules,
    actor: CurrentPrincipal,
    body: Annotated[CloseIn | None, Body()] = None,
) -> Any:
    received = body.record_received_at if body else None
    closed = handlers.close_decision(
        uow=uow,
        rules=rules,
        decision_id=decision_id,
        minutes=body.minutes if body else None,
        record_received_at=None if received is None else _instant(received),
    )
    target = f"decision:{decision_id}"
    return DecisionOut.of(await command(closed, uow, actor, "decision.close", target))


@router.post(
    "/decisions/{decision_id}/recognise",
    response_model=DecisionOut,
    **requires("officer", "front"),
    summary="UBND hoặc MTTQ công nhận, hoặc từ chối có lý do (DEC-RECORD) — recognise",
)
async def recognise_decision(
    decision_id: IdPath,
    uow: PlansUoW,
    actor: CurrentPrincipal,
    body: Annotated[RecogniseIn | None, Body()] = None,
) -> Any:
    recognised = handlers.recognise_decision(
        uow=uow, actor=actor, decision_id=decision_id, **(body or RecogniseIn()).model_dump()
    )
    target = f"decision:{decision_id}"
    return DecisionOut.of(await command(recognised, uow, actor, "decision.recognise", target))


@router.get(
    "/decisions/{decision_id}",
    response_model=DecisionOut,
    **public(),
    summary="Một biểu quyết và kết quả — a decision and its result (public once closed)",
)
async def get_decision(
    decision_id: IdPath, runtime: RuntimeDep, request: Request, principal: OptionalPrincipal
) -> Any:
    async with runtime.sessionmaker() as session:
        decision = await DecisionRepository(session).get(decision_id)
    if decision is None or (decision.status == "open" and not is_ward_staff(principal, request)):
        raise missing(NotFound("biểu quyết", "decision", decision_id))
    return DecisionOut.of(decision)


@router.get(
    "/decisions",
    response_model=Page[DecisionOut],
    **public(),
    summary="Danh sách biểu quyết, mới nhất trước — decisions (the public sees closed ones)",
)
async def list_decisions(
    runtime: RuntimeDep,
    request: Request,
    principal: OptionalPrincipal,
    page: PageQuery,
    status: Annotated[Status | None, Query()] = None,
    group: Annotated[str | None, Query(pattern=GROUP_CODE)] = None,
    topic: Annotated[int | None, Query(ge=1, le=99)] = None,
) -> Any:
    query = select(decisions)
    if not is_ward_staff(principal, request):
        query = query.where(decisions.c.status != "open")
    query = where_given(
        query,
        (decisions.c.status, status),
        (decisions.c.residential_group, group),
        (decisions.c.topic, topic),
    )
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=[decisions.c.created_at, decisions.c.id],
            params=page,
            descending=True,
            item=lambda row: DecisionOut.of(to_decision(row._mapping)),
        )
