"""What every oversight command shares: audit and commit in one place, and the local day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TypeVar

from qcdc_shared.auth import Principal
from qcdc_shared.deadlines import local_date
from qcdc_shared.refusals import Refused
from qcdc_shared.runtime import UnitOfWork, audited

T = TypeVar("T")


async def command(
    uow: UnitOfWork, actor: Principal, *, action: str, target: str, work: Callable[[], Awaitable[T]]
) -> T:
    """Run ``work``, audit it and commit; a refusal is audited with its rule and re-raised."""
    return await audited(uow, actor, action=action, target=target, work=work, refusals=(Refused,))


def today(uow: UnitOfWork) -> dt.date:
    """The shared clock's local date (Asia/Ho_Chi_Minh, CAL-COUNT)."""
    return local_date(uow.runtime.clock.now())
