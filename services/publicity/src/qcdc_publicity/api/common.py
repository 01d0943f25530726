"""What every publicity router shares: the rule book dependency and refusals as problems."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from qcdc_publicity.domain.model import PostingRefused
from qcdc_shared.api import Problem, conflict, refusal_problem
from qcdc_shared.refusals import ConcurrentChange
from qcdc_shared.service import RuleBookDep

T = TypeVar("T")


Rules = RuleBookDep


async def run_command(
    call: Awaitable[T],
    *,
    missing: type[Exception],
    missing_problem: Problem,
    changed_vi: str,
    changed_en: str,
) -> T:
    """Await a handler and turn its refusals into problem+json."""
    try:
        return await call
    except missing:
        raise missing_problem from None
    except PostingRefused as refusal:
        raise refusal_problem(refusal) from None
    except (ConcurrentChange, IntegrityError):  # another request changed the same record first
        raise conflict(changed_vi, changed_en) from None
