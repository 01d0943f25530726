"""What every plans router shares: strict bodies, path types, and the refusal mapping."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from qcdc_shared.api.commands import StrictBody, missing, run_command

__all__ = ["GROUP_CODE", "HOUSEHOLD_ID", "GroupCodePath", "IdPath", "In", "missing", "run_command"]

GROUP_CODE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
# A household's id as the register writes it (e.g. "HO-012", "12/3"): never a name.
HOUSEHOLD_ID = r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$"
GroupCodePath = Annotated[str, Path(pattern=GROUP_CODE, description="Mã tổ dân phố.")]
IdPath = Annotated[str, Path(min_length=1, max_length=64)]
In = StrictBody
