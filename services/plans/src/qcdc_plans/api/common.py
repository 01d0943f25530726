"""What every plans router shares: strict bodies, path types, the rule book, the unit of
work typed with the service's protocol, and how a route runs a command."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, TypeVar

from fastapi import Depends, Path

from qcdc_plans.unit_of_work import PlansUnitOfWork
from qcdc_shared.api.commands import StrictBody, run_command
from qcdc_shared.auth import Principal
from qcdc_shared.service import RuleBookDep, unit_of_work

T = TypeVar("T")

GROUP_CODE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
# A household's id as the register writes it (e.g. "HO-012", "12/3"): never a name.
HOUSEHOLD_ID = r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$"
GroupCodePath = Annotated[str, Path(pattern=GROUP_CODE, description="Mã tổ dân phố.")]
IdPath = Annotated[str, Path(min_length=1, max_length=64)]
In = StrictBody
Rules = RuleBookDep
PlansUoW = Annotated[PlansUnitOfWork, Depends(unit_of_work)]


async def command(
    call: Awaitable[T], uow: PlansUnitOfWork, actor: Principal, action: str, target: str
) -> T:
    """Run a handler's call (``run_command``): audited as ``action`` on ``target`` and
    committed; a refusal is undone, audited with its rule and raised as problem+json."""
    return await run_command(call, uow=uow, actor=actor, action=action, target=target)
