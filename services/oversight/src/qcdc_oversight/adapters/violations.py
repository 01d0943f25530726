"""Checks and violations in the database, keyed by (rule, subject kind, subject id)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from qcdc_oversight.adapters.rows import Repository
from qcdc_oversight.adapters.tables import checks, violations
from qcdc_oversight.domain.detection import Check
from qcdc_oversight.domain.violation import Violation
from qcdc_shared.db import from_row, update_versioned

LIFECYCLE = (
    "status",
    "acknowledged_at",
    "acknowledged_by",
    "resolved_at",
    "resolved_by",
    "resolution",
    "version",
)


def to_violation(row: RowMapping) -> Violation:
    return from_row(Violation, row, evidence=tuple(row["evidence"]))


def to_check(row: RowMapping) -> Check:
    return from_row(Check, row, evidence=tuple(row["evidence"]))


def _check_row(check: Check) -> dict[str, Any]:
    return {**asdict(check), "evidence": list(check.evidence)}


class ViolationRepository(Repository):
    async def get(self, violation_id: str) -> Violation | None:
        row = await self._one(select(violations).where(violations.c.id == violation_id))
        return to_violation(row) if row else None

    async def add(self, violation: Violation) -> None:
        row = {**asdict(violation), "evidence": list(violation.evidence)}
        await self.session.execute(violations.insert().values(**row))

    async def save(self, violation: Violation, *, expected_version: int) -> None:
        """The lifecycle only: evidence grows by :meth:`save_evidence`, never by a save."""
        values = {k: getattr(violation, k) for k in LIFECYCLE}
        await update_versioned(
            self.session, violations, violation.id, expected_version=expected_version, values=values
        )

    async def save_evidence(self, violation: Violation) -> None:
        """The evidence only: a further event proving a known violation is no new version."""
        await self.session.execute(
            violations.update()
            .where(violations.c.id == violation.id)
            .values(evidence=list(violation.evidence))
        )

    def _key(self, rule: str, subject_kind: str, subject_id: str) -> tuple[Any, ...]:
        return (
            checks.c.rule == rule,
            checks.c.subject_kind == subject_kind,
            checks.c.subject_id == subject_id,
        )

    async def check(self, rule: str, subject_kind: str, subject_id: str) -> Check | None:
        row = await self._one(select(checks).where(*self._key(rule, subject_kind, subject_id)))
        return to_check(row) if row else None

    async def add_check(self, check: Check) -> None:
        await self.session.execute(checks.insert().values(**_check_row(check)))

    async def save_check(self, check: Check) -> None:
        key = self._key(check.rule, check.subject_kind, check.subject_id)
        await self.session.execute(checks.update().where(*key).values(**_check_row(check)))
