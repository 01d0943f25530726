"""HTTP on residents' initiatives (DEC-INIT).

Officers record what residents brought and each household's consent. Anyone may see an
initiative and how far it is from the threshold (counts only); which households consented
is shown to ward staff only, and even then as opaque ids.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from qcdc_plans.adapters.initiatives import InitiativeRepository, to_initiative
from qcdc_plans.adapters.register import GroupRepository
from qcdc_plans.adapters.sql import where_given
from qcdc_plans.adapters.tables import initiatives
from qcdc_plans.api import examples as example
from qcdc_plans.api.common import GROUP_CODE, HOUSEHOLD_ID, IdPath, In, PlansUoW, Rules, command
from qcdc_plans.domain import initiative as model
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.domain.initiative import Consent, Initiative, Status, Support
from qcdc_plans.handlers import initiatives as handlers
from qcdc_shared.api import Day, Page, PageQuery, paginate
from qcdc_shared.api.commands import missing
from qcdc_shared.auth import CurrentPrincipal, OptionalPrincipal, is_ward_staff, public, requires
from qcdc_shared.clock import local_today
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import NotFound
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["initiatives"])


class InitiativeIn(In):
    model_config = example.of(example.INITIATIVE)
    topic: int = Field(
        ge=1, le=99, description="DEC-TOPIC, numbered from 1 (checked against the rule table)."
    )
    title: str = Field(min_length=1, max_length=500, description="Nội dung Nhân dân đề xuất.")
    group: str | None = Field(
        default=None, pattern=GROUP_CODE, description="Mã tổ dân phố; bỏ trống: toàn phường."
    )


class ConsentIn(In):
    model_config = example.of(example.CONSENT)
    household: str = Field(pattern=HOUSEHOLD_ID, description="Mã hộ gia đình (không ghi tên).")
    given_on: Day = Field(description="Ngày hộ đồng ý (không ở tương lai).")


class SupportOut(BaseModel):
    rule: str = Field(description="DEC-INIT")
    share: str = Field(
        pattern=r"^\d+/\d+$", description="Tỷ lệ hộ theo bảng quy tắc (DEC-INIT), dạng tử/mẫu."
    )
    comparison: str
    households: int = Field(description="Số hộ đăng ký của tổ (hoặc cả phường) hôm nay.")
    valid: int = Field(description="Số hộ có ý kiến đồng ý còn hiệu lực hôm nay.")
    required: int = Field(description="Số hộ đồng ý tối thiểu.")
    reached: bool
    on: dt.date
    validity_rule: str = Field(default=model.VALIDITY_RULE)
    table_version: str

    @classmethod
    def of(cls, backing: Support) -> SupportOut:
        share = f"{backing.share.numerator}/{backing.share.denominator}"
        return cls(**{**vars(backing), "share": share}, reached=backing.reached)


class ConsentOut(BaseModel):
    household: str
    given_on: dt.date
    valid_until: dt.date = Field(description="Ngày cuối còn hiệu lực (DEC-INIT.validity).")
    valid: bool

    @classmethod
    def of(cls, consent: Consent, *, today: dt.date) -> ConsentOut:
        return cls(
            household=consent.household,
            given_on=consent.given_on,
            valid_until=consent.valid_until,
            valid=consent.valid_on(today),
        )


class InitiativeOut(BaseModel):
    id: str
    ward: str
    topic: int
    title: str
    residential_group: str | None
    status: Status
    reached_at: dt.datetime | None
    decision_id: str | None
    created_at: dt.datetime
    version: int
    support: SupportOut

    @classmethod
    def of(cls, initiative: Initiative, backing: Support) -> InitiativeOut:
        return cls(**vars(initiative), support=SupportOut.of(backing))


class InitiativeDetailOut(InitiativeOut):
    consents: list[ConsentOut] | None = Field(
        description="Ward staff only; null for anyone else, who sees the counts."
    )


class ConsentRecordedOut(InitiativeOut):
    consent: ConsentOut


def _support(
    initiative: Initiative,
    consents: Sequence[Consent],
    groups: Sequence[ResidentialGroup],
    today: dt.date,
    rules: RuleBook,
) -> Support:
    households = model.households_of(groups, initiative.residential_group)
    return model.support(consents, households=households, today=today, rules=rules)


@router.post(
    "/initiatives",
    status_code=201,
    response_model=InitiativeOut,
    **requires("officer"),
    summary="Ghi nhận đề xuất của Nhân dân — record a residents' initiative (DEC-INIT)",
)
async def open_initiative(
    body: InitiativeIn, rules: Rules, uow: PlansUoW, actor: CurrentPrincipal
) -> Any:
    initiative_id = str(uuid.uuid4())
    opened = handlers.open_initiative(
        uow=uow, rules=rules, initiative_id=initiative_id, **body.model_dump()
    )
    target = f"initiative:{initiative_id}"
    initiative, backing = await command(opened, uow, actor, "initiative.open", target)
    return InitiativeOut.of(initiative, backing)


@router.post(
    "/initiatives/{initiative_id}/consents",
    status_code=201,
    response_model=ConsentRecordedOut,
    **requires("officer"),
    summary="Ghi nhận ý kiến đồng ý của một hộ — record a household's consent (DEC-INIT)",
)
async def add_consent(
    initiative_id: IdPath, body: ConsentIn, rules: Rules, uow: PlansUoW, actor: CurrentPrincipal
) -> Any:
    consented = handlers.add_consent(
        uow=uow, rules=rules, actor=actor, initiative_id=initiative_id, **body.model_dump()
    )
    target = f"initiative:{initiative_id}"
    initiative, consent, backing = await command(
        consented, uow, actor, "initiative.consent", target
    )
    return ConsentRecordedOut(
        **InitiativeOut.of(initiative, backing).model_dump(),
        consent=ConsentOut.of(consent, today=backing.on),
    )


@router.get(
    "/initiatives",
    response_model=Page[InitiativeOut],
    **public(),
    summary="Đề xuất của Nhân dân — residents' initiatives, newest first",
)
async def list_initiatives(
    runtime: RuntimeDep,
    rules: Rules,
    page: PageQuery,
    status: Annotated[Status | None, Query()] = None,
    group: Annotated[str | None, Query(pattern=GROUP_CODE)] = None,
) -> Any:
    query = where_given(
        select(initiatives),
        (initiatives.c.status, status),
        (initiatives.c.residential_group, group),
    )
    today = local_today(runtime.clock)
    async with runtime.sessionmaker() as session:
        found = await paginate(
            session,
            query,
            key=[initiatives.c.created_at, initiatives.c.id],
            params=page,
            descending=True,
            item=lambda row: to_initiative(row._mapping),
        )
        consents = await InitiativeRepository(session).consents_of([i.id for i in found.items])
        groups = await GroupRepository(session).all()
    return Page[InitiativeOut](
        items=[
            InitiativeOut.of(i, _support(i, consents.get(i.id, []), groups, today, rules))
            for i in found.items
        ],
        total=found.total,
        next_cursor=found.next_cursor,
    )


@router.get(
    "/initiatives/{initiative_id}",
    response_model=InitiativeDetailOut,
    **public(),
    summary="Một đề xuất và số hộ đồng ý — an initiative and its consents",
)
async def get_initiative(
    initiative_id: IdPath,
    runtime: RuntimeDep,
    rules: Rules,
    request: Request,
    principal: OptionalPrincipal,
) -> Any:
    async with runtime.sessionmaker() as session:
        repository = InitiativeRepository(session)
        initiative = await repository.get(initiative_id)
        if initiative is None:
            raise missing(NotFound("đề xuất của Nhân dân", "initiative", initiative_id))
        consents = await repository.consents(initiative_id)
        groups = await GroupRepository(session).all()
    today = local_today(runtime.clock)
    staff = is_ward_staff(principal, request)
    return InitiativeDetailOut(
        **InitiativeOut.of(
            initiative, _support(initiative, consents, groups, today, rules)
        ).model_dump(),
        consents=[ConsentOut.of(c, today=today) for c in consents] if staff else None,
    )
