"""What every oversight router shares: the rule book, the unit of work typed with the
service's protocol, the id in a path, and the one way a route runs a command."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, TypeVar

from fastapi import Depends, Path

from qcdc_oversight.unit_of_work import OversightUnitOfWork
from qcdc_shared.api.commands import run_command
from qcdc_shared.auth import Principal
from qcdc_shared.service import RuleBookDep, unit_of_work

T = TypeVar("T")

Rules = RuleBookDep
OversightUoW = Annotated[OversightUnitOfWork, Depends(unit_of_work)]
IdPath = Annotated[str, Path(min_length=1, max_length=64)]


async def command(
    call: Awaitable[T], uow: OversightUnitOfWork, actor: Principal, action: str, target: str
) -> T:
    """``call`` (a handler's coroutine) through ``run_command``: audited as ``action`` on
    ``target`` and committed, or refused as problem+json."""
    return await run_command(call, uow=uow, actor=actor, action=action, target=target)
