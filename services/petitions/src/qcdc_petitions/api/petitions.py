"""HTTP commands on petitions: parse (every string bounded, unknown fields refused), authorise,
call a handler, shape the answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from qcdc_petitions.api.common import Rules, SealerDep, run_command
from qcdc_petitions.api.views import PetitionOut, SubmittedOut, TrackingOut
from qcdc_petitions.domain.petition import Petition
from qcdc_petitions.handlers import petitions as handlers
from qcdc_shared.auth import CurrentPrincipal, requires
from qcdc_shared.deadlines import start_of_day
from qcdc_shared.service import UnitOfWorkDep

router = APIRouter(tags=["petitions"])

GROUP_CODE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PetitionerIn(_In):
    """Sealed at rest as soon as it arrives (DEN-SECRET); never logged or published."""

    name: str = Field(min_length=1, max_length=200)
    address: str = Field(min_length=1, max_length=500)
    phone: str | None = Field(default=None, max_length=20, pattern=r"^\+?[0-9][0-9 .-]{5,19}$")
    id_number: str | None = Field(default=None, max_length=20, pattern=r"^[0-9A-Za-z]{6,20}$")


class PetitionIn(_In):
    kind: Literal["feedback", "complaint", "denunciation", "information_request"] = Field(
        description="phản ánh, kiến nghị / khiếu nại / tố cáo / yêu cầu cung cấp thông tin"
    )
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=20_000)
    act_date: dt.date | None = Field(
        default=None, description="Ngày biết được hành vi bị khiếu nại (CMP-FILE)."
    )
    received_at: AwareDatetime | dt.date | None = Field(
        default=None,
        union_mode="left_to_right",
        description="Đơn giấy: ngày nhận thực tế (không ở tương lai). Only officers, for paper.",
    )
    anonymous: bool = Field(
        default=False, description="Tố cáo nặc danh được lưu là nguồn tin (DEN-INTAKE)."
    )
    group: str | None = Field(default=None, pattern=GROUP_CODE, description="Mã tổ dân phố.")
    location: str | None = Field(default=None, max_length=500)
    petitioner: PetitionerIn | None = None

    def received_instant(self) -> dt.datetime | None:
        if self.received_at is None or isinstance(self.received_at, dt.datetime):
            return self.received_at
        # A paper stamp carries a date: its first instant, local time.
        return start_of_day(self.received_at)


class AcceptIn(_In):
    complex_reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        description="Khiếu nại phức tạp: lý do (CMP-RESOLVE.complex).",
    )


class ReasonIn(_In):
    reason: str = Field(min_length=1, max_length=2000)


class ForwardIn(_In):
    to: str = Field(min_length=1, max_length=300, description="Cơ quan có thẩm quyền nhận đơn.")
    reason: str = Field(min_length=1, max_length=2000)


class AssignIn(_In):
    handler: str = Field(min_length=1, max_length=128, description="Tài khoản cán bộ phường.")


# An input-size bound, not a law: the legal caps come from the rule table in the domain.
INPUT_DAYS_BOUND = 3650


class ExtendIn(_In):
    reason: str = Field(min_length=1, max_length=2000)
    days: int | None = Field(
        default=None,
        ge=1,
        le=INPUT_DAYS_BOUND,
        description="Số ngày gia hạn; giới hạn pháp lý theo DEN-RESOLVE, INF-REQ.complex.",
    )


class AnswerIn(_In):
    text: str = Field(min_length=1, max_length=20_000)
    public_interest: bool = Field(
        default=False, description="Chỉ phản ánh, kiến nghị: kết quả được công khai."
    )
    public_title: str | None = Field(default=None, min_length=1, max_length=300)


class EscalateIn(_In):
    tracking_code: str = Field(min_length=4, max_length=32)
    reason: str | None = Field(default=None, max_length=2000)


async def _command(call: Awaitable[Petition], petition_id: str) -> PetitionOut:
    return PetitionOut.of(await run_command(call, petition_id))


@router.post(
    "/petitions",
    status_code=201,
    response_model=SubmittedOut,
    **requires("citizen", "officer"),
    summary="Gửi đơn (công dân trực tuyến) hoặc vào sổ đơn giấy (cán bộ) — submit a petition",
)
async def submit_petition(
    body: PetitionIn,
    uow: UnitOfWorkDep,
    rules: Rules,
    sealer: SealerDep,
    actor: CurrentPrincipal,
) -> SubmittedOut:
    petitioner: dict[str, Any] | None = body.petitioner.model_dump() if body.petitioner else None
    petition = await run_command(
        handlers.submit_petition(
            uow=uow,
            rules=rules,
            sealer=sealer,
            actor=actor,
            kind=body.kind,
            title=body.title,
            body=body.body,
            petitioner=petitioner,
            anonymous=body.anonymous,
            received_at=body.received_instant(),
            act_date=body.act_date,
            location=body.location,
            residential_group=body.group,
        )
    )
    return SubmittedOut.of(petition)


@router.post(
    "/petitions/{petition_id}/accept",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Thụ lý khiếu nại, tố cáo — accept (CMP-ACCEPT, DEN-INTAKE)",
)
async def accept_petition(
    petition_id: str,
    uow: UnitOfWorkDep,
    rules: Rules,
    actor: CurrentPrincipal,
    body: Annotated[AcceptIn | None, Body()] = None,
) -> PetitionOut:
    return await _command(
        handlers.accept_petition(
            uow=uow,
            rules=rules,
            actor=actor,
            petition_id=petition_id,
            complex_reason=body.complex_reason if body else None,
        ),
        petition_id,
    )


@router.post(
    "/petitions/{petition_id}/refuse",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Từ chối thụ lý, nêu lý do — refuse with a reason",
)
async def refuse_petition(
    petition_id: str, body: ReasonIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> PetitionOut:
    return await _command(
        handlers.refuse_petition(uow=uow, actor=actor, petition_id=petition_id, reason=body.reason),
        petition_id,
    )


@router.post(
    "/petitions/{petition_id}/forward",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Chuyển đơn không thuộc thẩm quyền — forward (FB-FWD, DEN-INTAKE.forward)",
)
async def forward_petition(
    petition_id: str, body: ForwardIn, uow: UnitOfWorkDep, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    return await _command(
        handlers.forward_petition(
            uow=uow,
            rules=rules,
            actor=actor,
            petition_id=petition_id,
            to=body.to,
            reason=body.reason,
        ),
        petition_id,
    )


@router.post(
    "/petitions/{petition_id}/assign",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Giao cán bộ xử lý — assign a handler",
)
async def assign_petition(
    petition_id: str, body: AssignIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> PetitionOut:
    return await _command(
        handlers.assign_petition(
            uow=uow, actor=actor, petition_id=petition_id, handler=body.handler
        ),
        petition_id,
    )


@router.post(
    "/petitions/{petition_id}/extend",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Xác định phức tạp hoặc gia hạn, nêu lý do — extend (CMP-RESOLVE, DEN-RESOLVE)",
)
async def extend_petition(
    petition_id: str, body: ExtendIn, uow: UnitOfWorkDep, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    return await _command(
        handlers.extend_petition(
            uow=uow,
            rules=rules,
            actor=actor,
            petition_id=petition_id,
            reason=body.reason,
            days=body.days,
        ),
        petition_id,
    )


@router.post(
    "/petitions/{petition_id}/answer",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Trả lời đơn — answer (feedback may be marked of public interest)",
)
async def answer_petition(
    petition_id: str, body: AnswerIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> PetitionOut:
    return await _command(
        handlers.answer_petition(
            uow=uow,
            actor=actor,
            petition_id=petition_id,
            text=body.text,
            public_interest=body.public_interest,
            public_title=body.public_title,
        ),
        petition_id,
    )


@router.post(
    "/petitions/{petition_id}/escalate",
    response_model=TrackingOut,
    **requires("citizen"),
    summary="Công dân đề nghị chuyển lên thành phố bằng mã theo dõi — escalate (PET-ESC)",
)
async def escalate_petition(
    petition_id: str, body: EscalateIn, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> TrackingOut:
    petition = await run_command(
        handlers.escalate_petition(
            uow=uow,
            actor=actor,
            petition_id=petition_id,
            tracking_code=body.tracking_code,
            reason=body.reason,
        ),
        petition_id,
    )
    # The code holder sees what tracking shows: no account ids, no identity.
    return TrackingOut.of(petition)


@router.post(
    "/petitions/{petition_id}/close",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Đóng hồ sơ — close",
)
async def close_petition(
    petition_id: str, uow: UnitOfWorkDep, actor: CurrentPrincipal
) -> PetitionOut:
    return await _command(
        handlers.close_petition(uow=uow, actor=actor, petition_id=petition_id), petition_id
    )
