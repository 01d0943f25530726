"""What the plans domain says when it refuses or cannot find something (pure exceptions)."""

from __future__ import annotations

from qcdc_shared.refusals import Refused

__all__ = ["NotFound", "Refused"]


class NotFound(LookupError):
    """No such record in this ward: ``what`` names it for people, in both languages."""

    def __init__(self, what_vi: str, what_en: str, key: str) -> None:
        super().__init__(f"{what_en} {key}")
        self.what_vi = what_vi
        self.what_en = what_en
        self.key = key


class NotPermitted(Refused):
    """The law gives this act to someone else (HTTP 403), e.g. adopting the plan."""
