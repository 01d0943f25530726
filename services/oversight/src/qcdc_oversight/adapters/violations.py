"""Checks and violations in the database, keyed by (rule, subject kind, subject id)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.tables import checks, violations
from qcdc_oversight.domain.detection import Observation, merge
from qcdc_oversight.domain.violation import Violation
from qcdc_shared.db import update_versioned

# Ids are derived from the ward, rule and subject, so a violation has one id everywhere,
# whichever event or which replay revealed it.
VIOLATION_NAMESPACE = uuid.UUID("6f1c3f57-8a4e-4f6e-9d4a-2b8f3f0c7a11")


LIFECYCLE = (
    "status",
    "acknowledged_at",
    "acknowledged_by",
    "resolved_at",
    "resolved_by",
    "resolution",
    "version",
)


def violation_id(ward: str, rule: str, kind: str, subject: str) -> str:
    return str(uuid.uuid5(VIOLATION_NAMESPACE, f"{ward}/{rule}/{kind}/{subject}"))


def to_violation(row: RowMapping) -> Violation:
    fields: dict[str, Any] = {k: row[k] for k in Violation.__dataclass_fields__}
    fields["evidence"] = tuple(row["evidence"])
    return Violation(**fields)


class ViolationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, violation_id: str) -> Violation | None:
        row = (
            (await self.session.execute(select(violations).where(violations.c.id == violation_id)))
            .mappings()
            .first()
        )
        return to_violation(row) if row else None

    async def save(self, violation: Violation, *, expected_version: int) -> None:
        """The lifecycle only: evidence grows by :meth:`add_evidence`, never by a save."""
        values = {k: getattr(violation, k) for k in LIFECYCLE}
        await update_versioned(
            self.session, violations, violation.id, expected_version=expected_version, values=values
        )

    async def record(self, ward: str, found: Observation, *, now: dt.datetime) -> Violation | None:
        """Merge one observation into its check; returns the violation it newly reveals."""
        key = (
            checks.c.rule == found.rule,
            checks.c.subject_kind == found.subject_kind,
            checks.c.subject_id == found.subject_id,
        )
        row = (await self.session.execute(select(checks).where(*key))).mappings().first()
        if row is None:
            await self.session.execute(
                checks.insert().values(
                    rule=found.rule,
                    subject_kind=found.subject_kind,
                    subject_id=found.subject_id,
                    met=found.met,
                    evidence=[found.evidence],
                    occurred_at=found.occurred_at,
                    first_seen_at=now,
                )
            )
            was_met = None
        else:
            was_met = row["met"]
            evidence = list(row["evidence"])
            if found.evidence not in evidence:
                evidence.append(found.evidence)
            update: dict[str, Any] = {"evidence": evidence, "met": merge(was_met, found.met)}
            if was_met and not found.met:
                update["occurred_at"] = found.occurred_at
            await self.session.execute(checks.update().where(*key).values(**update))
        if found.met or was_met is False:
            return None  # met, or already a violation: nothing new to announce
        violation = Violation(
            id=violation_id(ward, found.rule, found.subject_kind, found.subject_id),
            rule=found.rule,
            subject_kind=found.subject_kind,
            subject_id=found.subject_id,
            evidence=(found.evidence,),
            status="open",
            occurred_at=found.occurred_at,
            detected_at=now,
            version=1,
        )
        values = {k: getattr(violation, k) for k in Violation.__dataclass_fields__}
        await self.session.execute(
            violations.insert().values(**values | {"evidence": list(violation.evidence)})
        )
        return violation

    async def add_evidence(self, found: Observation, ward: str) -> None:
        """A further event proving a known violation joins its evidence."""
        known = await self.get(violation_id(ward, found.rule, found.subject_kind, found.subject_id))
        if known is None or found.met or found.evidence in known.evidence:
            return
        await self.session.execute(
            violations.update()
            .where(violations.c.id == known.id)
            .values(evidence=[*known.evidence, found.evidence])
        )
