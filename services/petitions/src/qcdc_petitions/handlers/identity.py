"""Sealed identities (DEN-SECRET): opened only for the assigned handler, every attempt logged.

A read records its attempt in the identity access log and the route's ``run_command`` audits
and commits it before the answer leaves. A refused attempt is refused like any command (403
problem+json, audited as refused with DEN-SECRET), and ``record_refused_read`` keeps its
access-log row in the refusal's own transaction: the inspection board sees who tried, not only
who succeeded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qcdc_petitions.domain.petition import IdentityAccess, IdentityOutcome, may_read_identity
from qcdc_petitions.handlers.petitions import load
from qcdc_petitions.unit_of_work import Petitions, PetitionsUnitOfWork
from qcdc_shared.refusals import NotPermitted
from qcdc_shared.sealing import Sealer


@dataclass(frozen=True)
class Reader:
    """Who asks: staff by account id, a citizen by keyed pseudonym (``ref``); the ward of
    their token."""

    ref: str
    role: str
    ward: str | None


@dataclass(frozen=True)
class IdentityRead:
    outcome: IdentityOutcome
    petitioner: dict[str, Any] | None = None  # only when granted and there is one


async def read_identity(
    *, uow: PetitionsUnitOfWork, sealer: Sealer, reader: Reader, petition_id: str
) -> IdentityRead:
    """The petitioner's identity for the assigned handler (None when anonymous). Raises
    NotPermitted (DEN-SECRET) for anyone else, NotFound for no petition (nothing logged)."""
    petition = await load(uow, petition_id)
    if not may_read_identity(
        petition, role=reader.role, ref=reader.ref, ward=reader.ward, home_ward=uow.ward
    ):
        raise NotPermitted(
            "Chỉ cán bộ được giao xử lý đơn mới được xem thông tin người gửi (DEN-SECRET);"
            " lần truy cập này đã được ghi lại.",
            "Only the handler assigned to this petition may read the petitioner's identity"
            " (DEN-SECRET); this attempt was logged.",
            rule="DEN-SECRET",
        )
    sealed = await uow.petitions.sealed_identity(petition_id)
    outcome: IdentityOutcome = "granted" if sealed else "none"
    await _log(uow, reader, petition_id, outcome)
    return IdentityRead(outcome, sealer.unseal(sealed) if sealed else None)


async def record_refused_read(
    *, uow: PetitionsUnitOfWork, reader: Reader, petition_id: str
) -> None:
    """A refused attempt's access-log row, written in the refusal's transaction."""
    await _log(uow, reader, petition_id, "refused")


async def _log(
    uow: PetitionsUnitOfWork, reader: Reader, petition_id: str, outcome: IdentityOutcome
) -> None:
    await uow.identity_log.add(
        IdentityAccess(
            at=uow.clock.now(),
            petition_id=petition_id,
            reader=reader.ref,
            role=reader.role,
            reader_ward=reader.ward,
            outcome=outcome,
        )
    )


async def reseal_identities(*, petitions: Petitions, sealer: Sealer) -> int:
    """Key rotation: re-seal every stored identity under the current first key; returns how
    many. The caller (``qcdc_petitions.reseal``) commits."""
    stored = await petitions.sealed_identities()
    for petition_id, sealed in stored:
        await petitions.reseal(petition_id, sealer.rotate(sealed))
    return len(stored)
