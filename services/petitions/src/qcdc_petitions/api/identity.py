"""The sealed identity (DEN-SECRET): one route for the assigned handler, one log for those who
audit it (the inspection board, the front)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import AwareDatetime, BaseModel
from sqlalchemy import select

from qcdc_petitions.adapters.tables import identity_access_log
from qcdc_petitions.api.common import PetitionsUoW, Pseudonyms, SealerDep, as_petitioner
from qcdc_petitions.handlers.identity import Reader, read_identity, record_refused_read
from qcdc_shared.api import Instant, Page, PageQuery, Problem, access, paginate
from qcdc_shared.api.commands import run_command
from qcdc_shared.api.limits import limited
from qcdc_shared.auth import CurrentPrincipal, requires
from qcdc_shared.service import RuntimeDep

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
    **limited("identity", access(roles=("officer",))),
    summary="Thông tin người gửi: chỉ cán bộ được giao xử lý; mọi lần đọc được ghi lại"
    " — the petitioner's identity, for the assigned handler only (every read logged)",
)
async def get_identity(
    petition_id: str,
    uow: PetitionsUoW,
    sealer: SealerDep,
    pseudonyms: Pseudonyms,
    reader: CurrentPrincipal,
    response: Response,
) -> IdentityOut:
    response.headers["Cache-Control"] = "no-store"
    # A citizen's account id may itself be personal data: the logs keep its pseudonym.
    citizen = reader.role == "citizen"
    ref = pseudonyms(reader.sub) if citizen else reader.sub
    who = Reader(ref=ref, role=reader.role, ward=reader.ward)

    async def keep_refused_attempt(problem: Problem) -> None:
        if problem.rule == "DEN-SECRET":  # a petition that does not exist logs nothing
            await record_refused_read(uow=uow, reader=who, petition_id=petition_id)

    # Every attempt is logged and audited, then committed, before the answer leaves.
    read = await run_command(
        read_identity(uow=uow, sealer=sealer, reader=who, petition_id=petition_id),
        uow=uow,
        actor=as_petitioner(reader, ref) if citizen else reader,
        action="petition.identity.read",
        target=f"petition:{petition_id}",
        on_refusal=keep_refused_attempt,
    )
    return IdentityOut(
        petition_id=petition_id,
        petitioner=PetitionerOut(**read.petitioner) if read.petitioner is not None else None,
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
    since: Annotated[Instant | None, Query()] = None,
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
