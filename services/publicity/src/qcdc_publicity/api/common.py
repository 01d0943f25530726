"""What every publicity router shares: the rule book and the unit of work, typed with the
service's protocol."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from qcdc_publicity.unit_of_work import PublicityUnitOfWork
from qcdc_shared.service import RuleBookDep, unit_of_work

Rules = RuleBookDep
PublicityUoW = Annotated[PublicityUnitOfWork, Depends(unit_of_work)]
