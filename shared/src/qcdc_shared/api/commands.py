"""Commands over HTTP: strict request bodies, and one mapping of what a domain says
(:mod:`qcdc_shared.refusals`) to problem+json."""

from __future__ import annotations

from collections.abc import Awaitable
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
from qcdc_shared.refusals import ConcurrentChange, NotFound, NotPermitted, Refused
from qcdc_shared.rules import UnknownRule

T = TypeVar("T")


class StrictBody(BaseModel):
    """A request body: unknown fields refused, strings trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def missing(error: NotFound) -> Problem:
    return not_found(f"Không có {error.what_vi} {error.key}.", f"No {error.what_en} {error.key}.")


async def run_command(call: Awaitable[T]) -> T:
    """Await a handler and turn its refusals into problem+json."""
    try:
        return await call
    except UnknownRule as error:  # e.g. a date before the rule took effect
        raise Problem.for_status(
            422,
            detail=f"Quy định {error.rule} không áp dụng cho ngày đã nhập: {error}",
            detail_en=f"Rule {error.rule} does not apply to the date given: {error}",
            rule=error.rule,
        ) from None
    except NotFound as error:
        raise missing(error) from None
    except NotPermitted as refusal:
        raise forbidden(refusal.detail_vi, refusal.detail_en, rule=refusal.rule) from None
    except Refused as refusal:
        raise refusal_problem(refusal) from None
    except (ConcurrentChange, IntegrityError):  # another request changed the same record
        raise conflict(
            "Bản ghi vừa được thay đổi bởi một thao tác khác; vui lòng tải lại và thử lại.",
            "The record was changed by another request at the same time; reload and retry.",
        ) from None
