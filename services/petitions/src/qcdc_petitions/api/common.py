"""What every petitions router shares: the rule book and sealer dependencies, and handler
refusals as problem+json."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from sqlalchemy.exc import IntegrityError

from qcdc_petitions.domain.petition import PetitionRefused
from qcdc_petitions.handlers.petitions import PetitionNotFound
from qcdc_shared.api import Problem, conflict, not_found, refusal_problem
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.sealing import Sealer
from qcdc_shared.service import RuleBookDep

T = TypeVar("T")


def identity_sealer(request: Request) -> Sealer:
    sealer: Sealer = request.app.state.sealer
    return sealer


Rules = RuleBookDep
SealerDep = Annotated[Sealer, Depends(identity_sealer)]


def missing(petition_id: str) -> Problem:
    return not_found(f"Không có đơn {petition_id}.", f"No petition {petition_id}.")


async def run_command(call: Awaitable[T], petition_id: str = "") -> T:
    """Await a handler and turn its refusals into problem+json."""
    try:
        return await call
    except PetitionNotFound:
        raise missing(petition_id) from None
    except PetitionRefused as refusal:
        raise refusal_problem(refusal) from None
    except (ConcurrentChange, IntegrityError):  # another request changed the same petition
        raise conflict(
            "Đơn vừa được thay đổi bởi một thao tác khác; vui lòng tải lại và thử lại.",
            "The petition was changed by another request at the same time; reload and retry.",
        ) from None
