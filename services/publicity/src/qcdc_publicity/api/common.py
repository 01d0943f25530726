"""What every publicity router shares: the rule book dependency and refusals as problems."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from sqlalchemy.exc import IntegrityError

from qcdc_publicity.adapters.db import ConcurrentChange
from qcdc_publicity.domain.model import PostingRefused, RuleBook
from qcdc_shared.api import Problem, conflict

T = TypeVar("T")


def rule_book(request: Request) -> RuleBook:
    rules: RuleBook = request.app.state.rules
    return rules


Rules = Annotated[RuleBook, Depends(rule_book)]


def refusal_problem(refusal: PostingRefused) -> Problem:
    """409 when the current state refuses, 422 when the request does; ``rule`` when a law."""
    if refusal.conflict:
        return conflict(refusal.detail_vi, refusal.detail_en, rule=refusal.rule)
    return Problem.for_status(
        422, detail=refusal.detail_vi, detail_en=refusal.detail_en, rule=refusal.rule
    )


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
