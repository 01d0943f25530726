"""Commands over HTTP, one way for every service (DESIGN §6): strict request bodies, and
``run_command``, which runs a handler in its unit of work, audits what happened and maps every
refusal a domain can say (:mod:`qcdc_shared.refusals`) to problem+json in this one place."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import IntegrityError

from qcdc_shared.api.problems import (
    Problem,
    conflict,
    forbidden,
    not_found,
    refusal_problem,
)
from qcdc_shared.law.rules import UnknownRule
from qcdc_shared.refusals import ConcurrentChange, NotFound, NotPermitted, Refused
from qcdc_shared.unit_of_work import Actor, UnitOfWork

T = TypeVar("T")

# What a command may be refused with: the law or the record's state (Refused, NotPermitted),
# a date the rule table does not cover (UnknownRule), no such record, or a concurrent change.
REFUSALS = (UnknownRule, NotFound, Refused, ConcurrentChange, IntegrityError)


class StrictBody(BaseModel):
    """A request body: unknown fields refused, strings trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def missing(error: NotFound) -> Problem:
    return not_found(f"Không có {error.what_vi} {error.key}.", f"No {error.what_en} {error.key}.")


def problem_of(error: Exception) -> Problem:
    """The problem+json of a refusal (one of ``REFUSALS``)."""
    if isinstance(error, UnknownRule):  # e.g. a date before the rule took effect
        return Problem.for_status(
            422,
            detail=f"Quy định {error.rule} không áp dụng cho ngày đã nhập: {error}",
            detail_en=f"Rule {error.rule} does not apply to the date given: {error}",
            rule=error.rule,
        )
    if isinstance(error, NotFound):
        return missing(error)
    if isinstance(error, NotPermitted):
        return forbidden(error.detail_vi, error.detail_en, rule=error.rule)
    if isinstance(error, Refused):
        return refusal_problem(error)
    if isinstance(error, ConcurrentChange | IntegrityError):  # the same record, changed first
        return conflict(
            "Bản ghi vừa được thay đổi bởi một thao tác khác; vui lòng tải lại và thử lại.",
            "The record was changed by another request at the same time; reload and retry.",
        )
    raise TypeError(f"not a refusal: {error!r}")


async def run_command(
    call: Awaitable[T],
    *,
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    target: str,
    on_refusal: Callable[[Problem], Awaitable[None]] | None = None,
) -> T:
    """The one way a route runs a command. ``call`` is the handler's coroutine: it loads,
    decides (pure domain), saves and records its events in ``uow``, and neither commits nor
    audits. Then the action is audited and everything commits together. A refusal undoes all
    the handler did, is audited in its place with the rule that refused it, and is raised as
    problem+json; ``on_refusal`` records, in that same transaction, what the law says must be
    kept even of a refused attempt (DEN-SECRET: every attempt to read an identity)."""
    try:
        result = await call
        await uow.audit(actor, action=action, target=target)
        await uow.commit()
        return result
    except REFUSALS as error:
        problem = problem_of(error)
    await uow.rollback()
    if on_refusal is not None:
        await on_refusal(problem)
    detail = {"rule": problem.rule}
    await uow.audit(actor, action=action, target=target, outcome="refused", detail=detail)
    await uow.commit()
    raise problem
