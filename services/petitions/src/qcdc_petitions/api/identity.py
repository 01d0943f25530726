"""The sealed identity (DEN-SECRET): one route for the assigned handler, one log for those who
audit it (the inspection board, the front)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import AwareDatetime, BaseModel
from sqlalchemy import select

from qcdc_petitions.adapters.db import identity_access_log
from qcdc_petitions.api.common import SealerDep, missing
from qcdc_petitions.handlers.identity import IdentityRefused, read_identity
from qcdc_petitions.handlers.petitions import PetitionNotFound
from qcdc_shared.api import Page, PageQuery, access, forbidden, paginate
from qcdc_shared.auth import CurrentPrincipal, requires
from qcdc_shared.service import RuntimeDep, UnitOfWorkDep

router = APIRouter(tags=["identity"])


class PetitionerOut(BaseModel):
    name: str | None = None
    address: str | None = None
    phone: str | None = None
    id_number: str | None = None


class IdentityOut(BaseModel):
    petition_id: str
    petitioner: PetitionerOut | None


class AccessOut(BaseModel):
    id: int
    at: AwareDatetime
    petition_id: str
    reader: str
    role: str
    reader_ward: str | None
    outcome: str


@router.get(
    "/petitions/{petition_id}/identity",
    response_model=IdentityOut,
    # Declared for officers, but every signed-in caller reaches the handler, so that refused
    # attempts by anyone (inspectors, other wards, citizens) are logged too.
    **access(roles=("officer",)),
    summary="Thông tin người gửi: chỉ cán bộ được giao xử lý; mọi lần đọc được ghi lại"
    " — the petitioner's identity, for the assigned handler only (every read logged)",
)
async def get_identity(
    petition_id: str,
    uow: UnitOfWorkDep,
    sealer: SealerDep,
    reader: CurrentPrincipal,
    response: Response,
) -> IdentityOut:
    response.headers["Cache-Control"] = "no-store"
    try:
        identity = await read_identity(
            uow=uow, sealer=sealer, reader=reader, petition_id=petition_id
        )
    except PetitionNotFound:
        raise missing(petition_id) from None
    except IdentityRefused:
        raise forbidden(
            "Chỉ cán bộ được giao xử lý đơn mới được xem thông tin người gửi (DEN-SECRET);"
            " lần truy cập này đã được ghi lại.",
            "Only the handler assigned to this petition may read the petitioner's identity"
            " (DEN-SECRET); this attempt was logged.",
            rule="DEN-SECRET",
        ) from None
    return IdentityOut(
        petition_id=petition_id,
        petitioner=PetitionerOut(**identity) if identity is not None else None,
    )


@router.get(
    "/identity-access-log",
    response_model=Page[AccessOut],
    **requires("inspector", "front"),
    summary="Nhật ký truy cập thông tin người gửi — who read or tried to read an identity",
)
async def list_identity_access(
    runtime: RuntimeDep,
    page: PageQuery,
    petition_id: Annotated[str | None, Query(max_length=36)] = None,
    since: Annotated[AwareDatetime | None, Query()] = None,
) -> Any:
    query = select(identity_access_log)
    if petition_id:
        query = query.where(identity_access_log.c.petition_id == petition_id)
    if since is not None:
        query = query.where(identity_access_log.c.at >= since)
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            query,
            key=identity_access_log.c.id,
            params=page,
            descending=True,
            item=lambda row: AccessOut.model_validate(row, from_attributes=True),
        )
