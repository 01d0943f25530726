"""Sealed identities (DEN-SECRET): opened only for the assigned handler, every attempt logged.

The access log row is committed before the answer leaves, refused attempts included, so the
inspection board sees who tried, not only who succeeded.
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_petitions.adapters.db import PetitionRepository, identity_access_log, petitions
from qcdc_petitions.handlers.petitions import PetitionNotFound, petitioner_pseudonym
from qcdc_shared.auth import Principal
from qcdc_shared.runtime import UnitOfWork
from qcdc_shared.sealing import Sealer

Outcome = Literal["granted", "refused", "none"]


class IdentityRefused(PermissionError):
    """Only the handler the petition is assigned to reads the petitioner's identity."""


def _reader(uow: UnitOfWork, principal: Principal) -> str:
    # A citizen's account id may itself be personal data: the log keeps its pseudonym.
    if principal.role == "citizen":
        return petitioner_pseudonym(uow, principal.sub)
    return principal.sub


async def read_identity(
    *, uow: UnitOfWork, sealer: Sealer, reader: Principal, petition_id: str
) -> dict[str, Any] | None:
    """The petitioner's identity for the assigned handler; None when there is none (anonymous).

    Raises ``IdentityRefused`` for anyone else, after logging the attempt.
    """
    repository = PetitionRepository(uow.session)
    petition = await repository.get(petition_id)
    if petition is None:
        raise PetitionNotFound(petition_id)
    allowed = (
        reader.role == "officer"
        and reader.ward == uow.runtime.ward
        and petition.handler is not None
        and petition.handler == reader.sub
    )
    sealed = await repository.sealed_identity(petition_id) if allowed else None
    outcome: Outcome = "refused" if not allowed else ("granted" if sealed else "none")
    await uow.session.execute(
        identity_access_log.insert().values(
            at=uow.runtime.clock.now(),
            petition_id=petition_id,
            reader=_reader(uow, reader),
            role=reader.role,
            reader_ward=reader.ward,
            outcome=outcome,
        )
    )
    await uow.commit()
    if not allowed:
        raise IdentityRefused(petition_id)
    return sealer.unseal(sealed) if sealed else None


async def reseal_identities(*, session: AsyncSession, sealer: Sealer) -> int:
    """Key rotation: re-seal every stored identity under the current first key; commits."""
    rows = (
        await session.execute(
            select(petitions.c.id, petitions.c.identity_sealed).where(
                petitions.c.identity_sealed.is_not(None)
            )
        )
    ).all()
    for row in rows:
        await session.execute(
            petitions.update()
            .where(petitions.c.id == row.id)
            .values(identity_sealed=sealer.rotate(row.identity_sealed))
        )
    await session.commit()
    return len(rows)
