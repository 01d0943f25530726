"""HTTP commands on petitions: parse (every string bounded, unknown fields refused), authorise,
call a handler, shape the answer."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Body
from pydantic import BaseModel, ConfigDict, Field

from qcdc_petitions.api import examples as example
from qcdc_petitions.api.common import (
    PetitionsUoW,
    Pseudonyms,
    RemoteArea,
    Rules,
    SealerDep,
    as_petitioner,
    petition_command,
    staff,
)
from qcdc_petitions.api.views import PetitionOut, SubmittedOut, TrackingOut
from qcdc_petitions.domain.petition import Actor
from qcdc_petitions.handlers import petitions as handlers
from qcdc_shared.api import Day, Instant
from qcdc_shared.api.limits import limited
from qcdc_shared.auth import CurrentPrincipal, requires
from qcdc_shared.law.deadlines import start_of_day

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
    model_config = example.of(example.PETITION, example.PAPER_COMPLAINT)
    kind: Literal["feedback", "complaint", "denunciation", "information_request"] = Field(
        description="phản ánh, kiến nghị / khiếu nại / tố cáo / yêu cầu cung cấp thông tin"
    )
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=20_000)
    act_date: Day | None = Field(
        default=None, description="Ngày biết được hành vi bị khiếu nại (CMP-FILE)."
    )
    received_at: Instant | Day | None = Field(
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
    channel: Literal["online", "post", "fax", "in_person"] | None = Field(
        default=None,
        description="Kênh nhận: công dân gửi là online; cán bộ vào sổ đơn qua bưu điện (post),"
        " fax hoặc nộp trực tiếp (in_person). Yêu cầu cung cấp thông tin tính hạn theo kênh"
        " (INF-REQ). Channel: online for a citizen; post, fax or in_person for an officer.",
    )

    def received_instant(self) -> dt.datetime | None:
        if self.received_at is None or isinstance(self.received_at, dt.datetime):
            return self.received_at
        # A paper stamp carries a date: its first instant, local time.
        return start_of_day(self.received_at)


class AcceptIn(_In):
    model_config = example.of(example.ACCEPT)
    complex_reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        description="Khiếu nại phức tạp: lý do (CMP-RESOLVE.complex).",
    )


class ReasonIn(_In):
    model_config = example.of(example.REFUSE)
    reason: str = Field(min_length=1, max_length=2000)


class ForwardIn(_In):
    model_config = example.of(example.FORWARD)
    to: str = Field(min_length=1, max_length=300, description="Cơ quan có thẩm quyền nhận đơn.")
    reason: str = Field(min_length=1, max_length=2000)


class AssignIn(_In):
    model_config = example.of(example.ASSIGN)
    handler: str = Field(min_length=1, max_length=128, description="Tài khoản cán bộ phường.")


# An input-size bound, not a law: the legal caps come from the rule table in the domain.
INPUT_DAYS_BOUND = 3650


class ExtendIn(_In):
    model_config = example.of(example.EXTEND)
    reason: str = Field(min_length=1, max_length=2000)
    days: int | None = Field(
        default=None,
        ge=1,
        le=INPUT_DAYS_BOUND,
        description="Số ngày gia hạn; giới hạn pháp lý theo DEN-RESOLVE, INF-REQ.complex.",
    )
    especially_complex: bool = Field(
        default=False,
        description="Tố cáo: vụ việc đặc biệt phức tạp, được gia hạn thêm"
        " (DEN-RESOLVE.especially-complex). Denunciation declared especially complex.",
    )


class NotifyIn(_In):
    model_config = example.of(example.NOTIFY)
    notified_at: Instant | None = Field(
        default=None,
        description="Lúc thông báo cho người tố cáo (bỏ trống: bây giờ; từ lúc thụ lý, không ở"
        " tương lai) — when the denouncer was told (default: now)",
    )


class AnswerIn(_In):
    model_config = example.of(example.ANSWER)
    text: str = Field(min_length=1, max_length=20_000)
    public_interest: bool = Field(
        default=False, description="Chỉ phản ánh, kiến nghị: kết quả được công khai."
    )
    public_title: str | None = Field(default=None, min_length=1, max_length=300)


class EscalateIn(_In):
    model_config = example.of(example.ESCALATE)
    tracking_code: str = Field(min_length=4, max_length=32)
    reason: str | None = Field(default=None, max_length=2000)


@router.post(
    "/petitions",
    status_code=201,
    response_model=SubmittedOut,
    **limited("filing", requires("citizen", "officer")),
    summary="Gửi đơn (công dân trực tuyến) hoặc vào sổ đơn giấy (cán bộ) — submit a petition",
)
async def submit_petition(
    body: PetitionIn,
    uow: PetitionsUoW,
    rules: Rules,
    sealer: SealerDep,
    pseudonyms: Pseudonyms,
    actor: CurrentPrincipal,
) -> SubmittedOut:
    petition_id = str(uuid.uuid4())
    online = actor.role == "citizen"
    # The petitioner's stable alias: their account when they write online under their name;
    # otherwise (paper, or anonymous) this petition only, so an anonymous report is never
    # linked to an account, not even through a pseudonym.
    named_online = online and not body.anonymous
    alias = pseudonyms(actor.sub if named_online else f"petition:{petition_id}")
    submitted = handlers.submit_petition(
        uow=uow,
        rules=rules,
        sealer=sealer,
        petition_id=petition_id,
        by=Actor("citizen", alias) if online else staff(actor),
        online=online,
        petitioner_alias=alias,
        **body.model_dump(exclude={"received_at", "group"}),
        received_at=body.received_instant(),
        residential_group=body.group,
    )
    audited = as_petitioner(actor, alias) if online else actor
    return SubmittedOut.of(await petition_command(submitted, uow, audited, "submit", petition_id))


@router.post(
    "/petitions/{petition_id}/accept",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Thụ lý khiếu nại, tố cáo — accept (CMP-ACCEPT, DEN-INTAKE)",
)
async def accept_petition(
    petition_id: str,
    uow: PetitionsUoW,
    rules: Rules,
    remote_area: RemoteArea,
    actor: CurrentPrincipal,
    body: Annotated[AcceptIn | None, Body()] = None,
) -> PetitionOut:
    accepted = handlers.accept_petition(
        uow=uow,
        rules=rules,
        by=staff(actor),
        petition_id=petition_id,
        complex_reason=body.complex_reason if body else None,
        remote_area=remote_area,
    )
    return PetitionOut.of(await petition_command(accepted, uow, actor, "accept", petition_id))


@router.post(
    "/petitions/{petition_id}/refuse",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Từ chối thụ lý, nêu lý do — refuse with a reason",
)
async def refuse_petition(
    petition_id: str, body: ReasonIn, uow: PetitionsUoW, actor: CurrentPrincipal
) -> PetitionOut:
    refused = handlers.refuse_petition(
        uow=uow, by=staff(actor), petition_id=petition_id, **body.model_dump()
    )
    return PetitionOut.of(await petition_command(refused, uow, actor, "refuse", petition_id))


@router.post(
    "/petitions/{petition_id}/forward",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Chuyển đơn không thuộc thẩm quyền — forward (FB-FWD, DEN-INTAKE.forward)",
)
async def forward_petition(
    petition_id: str, body: ForwardIn, uow: PetitionsUoW, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    forwarded = handlers.forward_petition(
        uow=uow, rules=rules, by=staff(actor), petition_id=petition_id, **body.model_dump()
    )
    return PetitionOut.of(await petition_command(forwarded, uow, actor, "forward", petition_id))


@router.post(
    "/petitions/{petition_id}/assign",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Giao cán bộ xử lý — assign a handler",
)
async def assign_petition(
    petition_id: str, body: AssignIn, uow: PetitionsUoW, actor: CurrentPrincipal
) -> PetitionOut:
    assigned = handlers.assign_petition(
        uow=uow, by=staff(actor), petition_id=petition_id, **body.model_dump()
    )
    return PetitionOut.of(await petition_command(assigned, uow, actor, "assign", petition_id))


@router.post(
    "/petitions/{petition_id}/extend",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Xác định phức tạp hoặc gia hạn, nêu lý do — extend (CMP-RESOLVE, DEN-RESOLVE)",
)
async def extend_petition(
    petition_id: str, body: ExtendIn, uow: PetitionsUoW, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    extended = handlers.extend_petition(
        uow=uow, rules=rules, by=staff(actor), petition_id=petition_id, **body.model_dump()
    )
    return PetitionOut.of(await petition_command(extended, uow, actor, "extend", petition_id))


@router.post(
    "/petitions/{petition_id}/notify-denouncer",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Thông báo thụ lý cho người tố cáo — notify the denouncer (DEN-INTAKE.notice)",
)
async def notify_denouncer(
    petition_id: str,
    uow: PetitionsUoW,
    actor: CurrentPrincipal,
    body: Annotated[NotifyIn | None, Body()] = None,
) -> PetitionOut:
    notified = handlers.notify_denouncer_of_acceptance(
        uow=uow,
        by=staff(actor),
        petition_id=petition_id,
        notified_at=body.notified_at if body else None,
    )
    return PetitionOut.of(
        await petition_command(notified, uow, actor, "notify-denouncer", petition_id)
    )


@router.post(
    "/petitions/{petition_id}/answer",
    response_model=PetitionOut,
    **requires("officer"),
    summary="Trả lời đơn — answer (feedback may be marked of public interest)",
)
async def answer_petition(
    petition_id: str, body: AnswerIn, uow: PetitionsUoW, rules: Rules, actor: CurrentPrincipal
) -> PetitionOut:
    answered = handlers.answer_petition(
        uow=uow, rules=rules, by=staff(actor), petition_id=petition_id, **body.model_dump()
    )
    return PetitionOut.of(await petition_command(answered, uow, actor, "answer", petition_id))


@router.post(
    "/petitions/{petition_id}/escalate",
    response_model=TrackingOut,
    # A tracking code is checked here too: guesses count as lookups.
    **limited("lookup", requires("citizen")),
    summary="Công dân đề nghị chuyển lên thành phố bằng mã theo dõi — escalate (PET-ESC)",
)
async def escalate_petition(
    petition_id: str,
    body: EscalateIn,
    uow: PetitionsUoW,
    pseudonyms: Pseudonyms,
    actor: CurrentPrincipal,
) -> TrackingOut:
    # The code holder acts as the petitioner (their alias, never their account, which would
    # link an anonymous report to it); a wrong code is audited under the caller's pseudonym.
    alias = await handlers.code_holder_alias(
        uow=uow,
        petition_id=petition_id,
        tracking_code=body.tracking_code,
        caller_alias=pseudonyms(actor.sub),
    )
    escalated = handlers.escalate_petition(uow=uow, petition_id=petition_id, **body.model_dump())
    petition = await petition_command(
        escalated, uow, as_petitioner(actor, alias), "escalate", petition_id
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
    petition_id: str, uow: PetitionsUoW, actor: CurrentPrincipal
) -> PetitionOut:
    closed = handlers.close_petition(uow=uow, by=staff(actor), petition_id=petition_id)
    return PetitionOut.of(await petition_command(closed, uow, actor, "close", petition_id))
