"""HTTP commands that only complaints take: suspend and resume the resolution
(CMP-RESOLVE.suspension), record the complainant's written withdrawal
(CMP-RESOLVE.withdrawal, .withdrawal-partial), record the decision's publication
(CMP-RESOLVE.publish). An officer records each; the withdrawal is the complainant's act,
recorded from their written request."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from qcdc_petitions.api import examples as example
from qcdc_petitions.api.common import PetitionsUoW, Rules, petition_command, staff
from qcdc_petitions.api.views import PetitionOut
from qcdc_petitions.handlers import complaints as handlers
from qcdc_shared.api import Day, Instant
from qcdc_shared.auth import CurrentPrincipal, requires

router = APIRouter(tags=["petitions"])


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SuspendIn(_In):
    model_config = example.of(example.SUSPEND)
    reason: str = Field(
        min_length=1,
        max_length=2000,
        description="Căn cứ tạm đình chỉ, như chờ kết quả giải quyết vấn đề liên quan.",
    )


class WithdrawIn(_In):
    model_config = example.of(example.WITHDRAW)
    whole: bool = Field(description="Rút toàn bộ khiếu nại (true) hay một phần (false).")
    part: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        description="Phần khiếu nại được rút (chỉ khi rút một phần).",
    )
    request_on: Day = Field(description="Ngày của văn bản rút khiếu nại của người khiếu nại.")


class PublishIn(_In):
    model_config = example.of(example.PUBLISH)
    form: Literal["posting", "meeting", "media"] = Field(
        description="Niêm yết tại trụ sở / nơi tiếp công dân (posting), công bố tại cuộc họp"
        " (meeting), hoặc trên phương tiện thông tin đại chúng (media)."
    )
    published_at: Instant | None = Field(
        default=None,
        description="Lúc công khai (bỏ trống: bây giờ; từ lúc ban hành quyết định, không ở tương"
        " lai) — when the decision was published (default: now)",
    )


@router.post(
    "/petitions/{petition_id}/suspend",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Tạm đình chỉ giải quyết khiếu nại — suspend (CMP-RESOLVE.suspension)",
)
async def suspend_complaint(
    petition_id: str, body: SuspendIn, uow: PetitionsUoW, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    call = handlers.suspend_complaint(
        uow=uow, rules=rules, by=staff(actor), petition_id=petition_id, reason=body.reason
    )
    return PetitionOut.of(await petition_command(call, uow, actor, "suspend", petition_id))


@router.post(
    "/petitions/{petition_id}/resume",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Tiếp tục giải quyết khiếu nại — resume (CMP-RESOLVE.suspension)",
)
async def resume_complaint(
    petition_id: str, uow: PetitionsUoW, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    call = handlers.resume_complaint(uow=uow, rules=rules, by=staff(actor), petition_id=petition_id)
    return PetitionOut.of(await petition_command(call, uow, actor, "resume", petition_id))


@router.post(
    "/petitions/{petition_id}/withdraw",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Ghi nhận rút khiếu nại (toàn bộ hoặc một phần) — record a withdrawal"
    " (CMP-RESOLVE.withdrawal)",
)
async def withdraw_complaint(
    petition_id: str, body: WithdrawIn, uow: PetitionsUoW, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    call = handlers.withdraw_complaint(
        uow=uow, rules=rules, by=staff(actor), petition_id=petition_id, **body.model_dump()
    )
    return PetitionOut.of(await petition_command(call, uow, actor, "withdraw", petition_id))


@router.post(
    "/petitions/{petition_id}/publish-decision",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Ghi nhận công khai quyết định giải quyết khiếu nại — record the decision's"
    " publication (CMP-RESOLVE.publish)",
)
async def publish_complaint_decision(
    petition_id: str, body: PublishIn, uow: PetitionsUoW, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    call = handlers.publish_complaint_decision(
        uow=uow, rules=rules, by=staff(actor), petition_id=petition_id, **body.model_dump()
    )
    return PetitionOut.of(await petition_command(call, uow, actor, "publish-decision", petition_id))
