"""What a domain says when it refuses: pure exceptions every service's domain raises, mapped
once to problem+json (``qcdc_shared.api.refusal_problem``)."""

from __future__ import annotations


class Refused(Exception):
    """A request the law or the current state refuses; ``rule`` names the law when one does.

    ``conflict`` is true when the current state refuses (HTTP 409), false when the request
    itself is wrong (422). Both texts are shown to people: Vietnamese first, English second.
    """

    def __init__(
        self, detail_vi: str, detail_en: str, *, rule: str | None = None, conflict: bool = False
    ) -> None:
        super().__init__(detail_en)
        self.detail_vi = detail_vi
        self.detail_en = detail_en
        self.rule = rule
        self.conflict = conflict


class ConcurrentChange(Exception):
    """Another request changed the same record first (an optimistic version check failed)."""


class NotPermitted(Refused):
    """The law gives this act to someone else (HTTP 403), e.g. adopting the ward's plan."""


class NotFound(LookupError):
    """No such record here: ``what`` names it for people, in both languages (HTTP 404)."""

    def __init__(self, what_vi: str, what_en: str, key: str) -> None:
        super().__init__(f"{what_en} {key}")
        self.what_vi = what_vi
        self.what_en = what_en
        self.key = key
