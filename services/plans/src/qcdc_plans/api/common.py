"""What every plans router shares: strict request bodies and one mapping of the domain's
refusals to problem+json."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, TypeVar

from fastapi import Path
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import IntegrityError

from qcdc_plans.domain.errors import NotFound, NotPermitted, Refused
from qcdc_shared.api import Problem, conflict, forbidden, not_found, refusal_problem
from qcdc_shared.refusals import ConcurrentChange

T = TypeVar("T")

GROUP_CODE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
GroupCodePath = Annotated[str, Path(pattern=GROUP_CODE, description="Mã tổ dân phố.")]
IdPath = Annotated[str, Path(min_length=1, max_length=64)]


class In(BaseModel):
    """A request body: unknown fields refused, strings trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def missing(error: NotFound) -> Problem:
    return not_found(f"Không có {error.what_vi} {error.key}.", f"No {error.what_en} {error.key}.")


async def run_command(call: Awaitable[T]) -> T:
    """Await a handler and turn what the domain says into problem+json."""
    try:
        return await call
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
