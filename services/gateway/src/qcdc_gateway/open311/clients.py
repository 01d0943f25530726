"""Open311 clients and their API keys, managed by an admin (``/api/open311/clients``).

A key is ``o311_`` and 32 random bytes, shown once when issued; the table keeps its SHA-256.
Revoking (DELETE) stops the key at once and keeps the row, so the requests the client filed
still name it. These routes answer problem+json like the rest of ``/api``; the GeoReport
routes themselves answer the specification's error list (routes.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from typing import Annotated, Any, Final

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_gateway.open311.tables import open311_clients
from qcdc_shared.api import not_found
from qcdc_shared.audit import record_audit
from qcdc_shared.auth import CurrentPrincipal, Principal, requires
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api/open311", tags=["open311"])

KEY_PREFIX: Final = "o311_"
# Enough of the key for an admin to tell two apart, far too little to guess the rest.
SHOWN: Final = len(KEY_PREFIX) + 6
_UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ClientIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={"examples": [{"name": "Ứng dụng 311 của quận 1"}]},
    )

    name: str = Field(
        min_length=1,
        max_length=200,
        description="Tên ứng dụng hoặc tổ chức — the application or organisation.",
    )


class ClientOut(BaseModel):
    id: str
    name: str
    key_prefix: str = Field(description="Đầu khóa, để phân biệt — the key's first characters.")
    created_by: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class IssuedOut(ClientOut):
    api_key: str = Field(
        description="Khóa API, chỉ hiện một lần — the API key, shown this once only."
    )


async def client_of_key(session: AsyncSession, key: str) -> str | None:
    """The id of the live client holding ``key``, or None (unknown or revoked)."""
    if not key.startswith(KEY_PREFIX):
        return None
    query = select(open311_clients.c.id).where(
        open311_clients.c.key_hash == key_hash(key), open311_clients.c.revoked_at.is_(None)
    )
    found: str | None = await session.scalar(query)
    return found


@router.post(
    "/clients",
    status_code=201,
    response_model=IssuedOut,
    **requires("admin"),
    summary="Cấp khóa API Open311 cho một ứng dụng — issue an Open311 API key",
)
async def issue_open311_client(
    body: ClientIn, runtime: RuntimeDep, admin: CurrentPrincipal
) -> IssuedOut:
    key, client_id, now = new_key(), str(uuid.uuid4()), runtime.clock.now()
    row: dict[str, Any] = {
        "id": client_id,
        "name": body.name,
        "key_hash": key_hash(key),
        "key_prefix": key[:SHOWN],
        "created_by": admin.sub,
        "created_at": now,
        "revoked_at": None,
    }
    async with runtime.sessionmaker() as session, session.begin():
        await session.execute(open311_clients.insert().values(**row))
        await _audit(session, admin, "open311.client.issue", client_id, now)
    return IssuedOut(**{k: v for k, v in row.items() if k != "key_hash"}, api_key=key)


@router.get(
    "/clients",
    response_model=list[ClientOut],
    **requires("admin"),
    summary="Các ứng dụng Open311 và khóa của chúng — the Open311 clients",
)
async def list_open311_clients(runtime: RuntimeDep) -> list[ClientOut]:
    async with runtime.sessionmaker() as session:
        rows = (
            await session.execute(select(open311_clients).order_by(open311_clients.c.created_at))
        ).mappings()
        return [ClientOut.model_validate(dict(row)) for row in rows]


@router.delete(
    "/clients/{client_id}",
    status_code=204,
    **requires("admin"),
    summary="Thu hồi khóa API Open311 — revoke an Open311 client's key",
)
async def revoke_open311_client(
    client_id: Annotated[str, Path(pattern=_UUID, description="Mã ứng dụng — the client id.")],
    runtime: RuntimeDep,
    admin: CurrentPrincipal,
) -> None:
    async with runtime.sessionmaker() as session, session.begin():
        found = await session.scalar(
            select(open311_clients.c.id).where(open311_clients.c.id == client_id)
        )
        if found is None:
            raise not_found("Không có ứng dụng này.", "No Open311 client has this id.")
        await session.execute(
            open311_clients.update()
            .where(open311_clients.c.id == client_id, open311_clients.c.revoked_at.is_(None))
            .values(revoked_at=runtime.clock.now())
        )
        await _audit(session, admin, "open311.client.revoke", client_id, runtime.clock.now())


async def _audit(
    session: AsyncSession, admin: Principal, action: str, client_id: str, at: dt.datetime
) -> None:
    # "city": the gateway's audit rows are the city's (its database is the city's).
    await record_audit(
        session, actor=admin.sub, role=admin.role, ward="city", action=action,
        target=f"open311_client:{client_id}", at=at,
    )  # fmt: skip
