"""HTTP routes of the ledger: its head, its entries, and a posting version's proof.

Everything here is public: the point of the ledger is that anyone can re-check it with standard
tools (docs/ledger.md; the README shows the ten-line script). An empty chain's head is
sequence 0 with the genesis hash, the value the first entry chains from, never a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy import and_, select

from qcdc_publicity.adapters.tables import ledger_entries, posting_versions
from qcdc_publicity.domain.ledger import GENESIS, canonical
from qcdc_shared.api import Page, PageQuery, Problem, not_found, paginate
from qcdc_shared.auth import public
from qcdc_shared.service import RuntimeDep

router = APIRouter(tags=["ledger"])

ALGORITHM = (
    "hash_n = SHA-256(bytes.fromhex(hash_{n-1}) || UTF-8(canonical_n)), hash_0 = 64 × '0'; "
    "canonical_n = RFC 8785 (JCS) JSON of version document n. "
    "Kiểm chứng: từ previous_hash, băm lần lượt mục này và mọi mục trong `later`, so với `head` "
    "và với bản sao của thành phố (/api/wards/{ward}/ledger-heads). "
    "Verify: starting from previous_hash, hash this entry then every entry of `later` in order; "
    "each result must equal that entry's hash, the last one the head's, which must equal the "
    "city's copy (/api/wards/{ward}/ledger-heads)."
)


class HeadOut(BaseModel):
    ward: str
    sequence: int = Field(ge=0, description="Số thứ tự mục mới nhất (0: sổ trống) — newest entry")
    hash: str = Field(description="SHA-256 của mục mới nhất, hex — its hash, hex")


class EntryOut(BaseModel):
    sequence: int
    posting_id: str
    version: int
    previous_hash: str
    hash: str
    recorded_at: dt.datetime


class LaterEntryOut(BaseModel):
    sequence: int
    previous_hash: str
    hash: str
    posting_id: str
    version: int
    canonical: str | None = Field(description="JCS text of its version document (null: missing)")


class ProofOut(BaseModel):
    ward: str
    posting_id: str
    version: int
    status: str
    sequence: int
    recorded_at: dt.datetime
    document: dict[str, Any] = Field(description="Nội dung công khai của phiên bản — the version")
    canonical: str = Field(description="RFC 8785 canonical JSON of `document`, UTF-8 text")
    previous_hash: str
    hash: str
    later: list[LaterEntryOut] = Field(description="Every later entry, up to the head, in order")
    head: HeadOut
    algorithm: str = ALGORITHM


def _text(document: dict[str, Any] | None) -> str | None:
    return canonical(document).decode("utf-8") if document is not None else None


@router.get(
    "/ledger/head",
    response_model=HeadOut,
    **public(),
    summary="Đầu chuỗi sổ cái công khai — the ledger's head",
)
async def ledger_head(runtime: RuntimeDep) -> HeadOut:
    async with runtime.sessionmaker() as session:
        row = (
            await session.execute(
                select(ledger_entries.c.sequence, ledger_entries.c.hash)
                .order_by(ledger_entries.c.sequence.desc())
                .limit(1)
            )
        ).first()
    if row is None:
        return HeadOut(ward=runtime.ward, sequence=0, hash=GENESIS)
    return HeadOut(ward=runtime.ward, sequence=row.sequence, hash=row.hash)


@router.get(
    "/ledger",
    response_model=Page[EntryOut],
    **public(),
    summary="Các mục sổ cái, theo thứ tự — ledger entries in order",
)
async def list_entries(runtime: RuntimeDep, page: PageQuery) -> Any:
    async with runtime.sessionmaker() as session:
        return await paginate(
            session,
            select(ledger_entries),
            key=ledger_entries.c.sequence,
            params=page,
            item=lambda row: EntryOut.model_validate(row, from_attributes=True),
        )


def _missing(posting_id: str, version: int | None) -> Problem:
    which = f" phiên bản {version}" if version else ""
    which_en = f" version {version}" if version else ""
    return not_found(
        f"Không có tin công khai {posting_id}{which} trong sổ cái.",
        f"No posting {posting_id}{which_en} in the ledger.",
    )


@router.get(
    "/postings/{posting_id}/proof",
    response_model=ProofOut,
    **public(),
    summary="Bằng chứng kiểm chứng một phiên bản tin — proof of a posting version",
)
async def posting_proof(
    posting_id: str,
    runtime: RuntimeDep,
    version: Annotated[
        int | None, Query(ge=1, description="Mặc định: mới nhất — default latest")
    ] = None,
) -> ProofOut:
    query = select(posting_versions).where(posting_versions.c.posting_id == posting_id)
    query = (
        query.where(posting_versions.c.version == version)
        if version
        else query.order_by(posting_versions.c.version.desc()).limit(1)
    )
    async with runtime.sessionmaker() as session:
        stored = (await session.execute(query)).first()
        entry = (
            stored
            and (
                await session.execute(
                    select(ledger_entries).where(
                        ledger_entries.c.posting_id == posting_id,
                        ledger_entries.c.version == stored.version,
                    )
                )
            ).first()
        )
        if not stored or not entry:
            raise _missing(posting_id, version)
        later = (
            await session.execute(
                select(ledger_entries, posting_versions.c.document)
                .outerjoin(
                    posting_versions,
                    and_(
                        posting_versions.c.posting_id == ledger_entries.c.posting_id,
                        posting_versions.c.version == ledger_entries.c.version,
                    ),
                )
                .where(ledger_entries.c.sequence > entry.sequence)
                .order_by(ledger_entries.c.sequence)
            )
        ).all()
    last = later[-1] if later else entry  # the head, read with the chain that leads to it
    return ProofOut(
        ward=runtime.ward,
        posting_id=posting_id,
        version=stored.version,
        status=stored.status,
        sequence=entry.sequence,
        recorded_at=entry.recorded_at,
        document=stored.document,
        canonical=canonical(stored.document).decode("utf-8"),
        previous_hash=entry.previous_hash,
        hash=entry.hash,
        later=[
            LaterEntryOut(
                sequence=row.sequence,
                previous_hash=row.previous_hash,
                hash=row.hash,
                posting_id=row.posting_id,
                version=row.version,
                canonical=_text(row.document),
            )
            for row in later
        ],
        head=HeadOut(ward=runtime.ward, sequence=last.sequence, hash=last.hash),
    )
