"""What every petitions router shares: the unit of work typed with the service's protocol, the
rule book, the identity sealer, and pseudonyms (keyed by the settings, computed here so that
handlers never see a key)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request

from qcdc_petitions.domain.petition import Actor, Petition
from qcdc_petitions.unit_of_work import PetitionsUnitOfWork
from qcdc_shared.api import Problem, not_found
from qcdc_shared.api.commands import run_command
from qcdc_shared.audit import pseudonym
from qcdc_shared.auth import Principal
from qcdc_shared.sealing import Sealer
from qcdc_shared.service import RuleBookDep, runtime_of, unit_of_work

Rules = RuleBookDep
PetitionsUoW = Annotated[PetitionsUnitOfWork, Depends(unit_of_work)]


# The dependencies below are ``async`` though they never wait: FastAPI runs a plain ``def``
# dependency in its thread pool, a thread hop per dependency on every request.


async def identity_sealer(request: Request) -> Sealer:
    sealer: Sealer = request.app.state.sealer
    return sealer


SealerDep = Annotated[Sealer, Depends(identity_sealer)]


async def remote_area(request: Request) -> bool:
    """Whether this ward is a remote area (QCDC_REMOTE_AREA: the CMP-RESOLVE.remote rows)."""
    return bool(request.app.state.ward_settings.remote_area)


RemoteArea = Annotated[bool, Depends(remote_area)]


async def pseudonyms(request: Request) -> Callable[[str], str]:
    """The keyed pseudonym of an identity (an account id, ``petition:<id>``)."""
    key = runtime_of(request).settings.pseudonym_key.get_secret_value()
    return lambda identity: pseudonym(key, identity)


Pseudonyms = Annotated[Callable[[str], str], Depends(pseudonyms)]


def staff(principal: Principal) -> Actor:
    """An officer as petition history names them: by role and account id."""
    return Actor(principal.role, principal.sub)


def as_petitioner(principal: Principal, alias: str) -> Principal:
    """The principal the audit log records for a petitioner: the pseudonym, not the account."""
    return principal.model_copy(update={"sub": alias, "name": None})


async def petition_command(
    call: Awaitable[Petition],
    uow: PetitionsUnitOfWork,
    actor: Principal,
    verb: str,
    petition_id: str,
) -> Petition:
    """Run a command on one petition, audited as ``petition.<verb>`` on ``petition:<id>``."""
    target = f"petition:{petition_id}"
    return await run_command(call, uow=uow, actor=actor, action=f"petition.{verb}", target=target)


def missing(petition_id: str) -> Problem:
    """A read's 404 (commands raise :class:`qcdc_shared.refusals.NotFound` instead)."""
    return not_found(f"Không có đơn {petition_id}.", f"No petition {petition_id}.")
