"""Repositories of conferences and of residents' initiatives with their consents.

Consents are append-only: a renewal is a new row, so the history of who consented when stays
readable (the unique key refuses the same household twice on one day, even when two
requests race).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_plans.adapters.tables import conferences, initiative_consents, initiatives
from qcdc_plans.domain.conference import Conference
from qcdc_plans.domain.initiative import Consent, Initiative
from qcdc_shared.db import update_versioned
from qcdc_shared.deadlines import Deadline


def to_conference(row: RowMapping | Any) -> Conference:
    return Conference(
        id=row["id"],
        ward=row["ward"],
        kind=row["kind"],
        title=row["title"],
        residential_group=row["residential_group"],
        notice_on=row["notice_on"],
        held_on=row["held_on"],
        notice=Deadline.model_validate(row["notice_deadline"]),
        created_at=row["created_at"],
        status=row["status"],
        minutes=row["minutes"],
        attendees=row["attendees"],
        cancel_reason=row["cancel_reason"],
        recorded_at=row["recorded_at"],
        version=row["version"],
    )


def _conference_values(conference: Conference) -> dict[str, Any]:
    return {
        "ward": conference.ward,
        "kind": conference.kind,
        "title": conference.title,
        "residential_group": conference.residential_group,
        "year": conference.year,
        "notice_on": conference.notice_on,
        "held_on": conference.held_on,
        "notice_rule": conference.notice_rule,
        "notice_deadline": conference.notice.model_dump(mode="json"),
        "status": conference.status,
        "minutes": conference.minutes,
        "attendees": conference.attendees,
        "cancel_reason": conference.cancel_reason,
        "recorded_at": conference.recorded_at,
        "version": conference.version,
    }


class ConferenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, conference_id: str) -> Conference | None:
        result = await self.session.execute(
            select(conferences).where(conferences.c.id == conference_id)
        )
        row = result.mappings().first()
        return to_conference(row) if row else None

    async def in_year(self, year: int) -> list[Conference]:
        result = await self.session.execute(
            select(conferences)
            .where(conferences.c.year == year)
            .order_by(conferences.c.held_on, conferences.c.id)
        )
        return [to_conference(r) for r in result.mappings()]

    async def year_end_of(self, group: str, year: int) -> list[Conference]:
        result = await self.session.execute(
            select(conferences).where(
                conferences.c.year == year,
                conferences.c.kind == "group_year_end",
                conferences.c.residential_group == group,
            )
        )
        return [to_conference(r) for r in result.mappings()]

    async def add(self, conference: Conference) -> None:
        await self.session.execute(
            conferences.insert().values(
                id=conference.id,
                **_conference_values(conference),
                created_at=conference.created_at,
                changed_at=conference.created_at,
            )
        )

    async def save(self, conference: Conference, *, expected_version: int, at: dt.datetime) -> None:
        await update_versioned(
            self.session,
            conferences,
            conference.id,
            expected_version=expected_version,
            values={**_conference_values(conference), "changed_at": at},
        )


def to_initiative(row: RowMapping | Any) -> Initiative:
    return Initiative(
        id=row["id"],
        ward=row["ward"],
        topic=row["topic"],
        title=row["title"],
        residential_group=row["residential_group"],
        created_at=row["created_at"],
        status=row["status"],
        reached_at=row["reached_at"],
        decision_id=row["decision_id"],
        version=row["version"],
    )


def _initiative_values(initiative: Initiative) -> dict[str, Any]:
    return {
        "ward": initiative.ward,
        "topic": initiative.topic,
        "title": initiative.title,
        "residential_group": initiative.residential_group,
        "status": initiative.status,
        "reached_at": initiative.reached_at,
        "decision_id": initiative.decision_id,
        "version": initiative.version,
    }


class InitiativeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, initiative_id: str) -> Initiative | None:
        result = await self.session.execute(
            select(initiatives).where(initiatives.c.id == initiative_id)
        )
        row = result.mappings().first()
        return to_initiative(row) if row else None

    async def add(self, initiative: Initiative) -> None:
        await self.session.execute(
            initiatives.insert().values(
                id=initiative.id,
                **_initiative_values(initiative),
                created_at=initiative.created_at,
                changed_at=initiative.created_at,
            )
        )

    async def save(self, initiative: Initiative, *, expected_version: int, at: dt.datetime) -> None:
        await update_versioned(
            self.session,
            initiatives,
            initiative.id,
            expected_version=expected_version,
            values={**_initiative_values(initiative), "changed_at": at},
        )

    async def consents(self, initiative_id: str, household: str | None = None) -> list[Consent]:
        """An initiative's consents, oldest first; only one household's when ``household``."""
        query = select(initiative_consents).where(
            initiative_consents.c.initiative_id == initiative_id
        )
        if household is not None:
            query = query.where(initiative_consents.c.household == household)
        result = await self.session.execute(
            query.order_by(initiative_consents.c.given_on, initiative_consents.c.id)
        )
        return [_to_consent(r) for r in result.mappings()]

    async def consents_of(self, initiative_ids: Sequence[str]) -> dict[str, list[Consent]]:
        """The consents of several initiatives at once (a page of the list)."""
        found: dict[str, list[Consent]] = defaultdict(list)
        if not initiative_ids:
            return found
        result = await self.session.execute(
            select(initiative_consents)
            .where(initiative_consents.c.initiative_id.in_(list(initiative_ids)))
            .order_by(initiative_consents.c.given_on, initiative_consents.c.id)
        )
        for row in result.mappings():
            found[row["initiative_id"]].append(_to_consent(row))
        return found

    async def add_consent(
        self, initiative_id: str, consent: Consent, *, actor: str, at: dt.datetime
    ) -> None:
        await self.session.execute(
            initiative_consents.insert().values(
                initiative_id=initiative_id,
                household=consent.household,
                given_on=consent.given_on,
                valid_until=consent.valid_until,
                recorded_at=at,
                recorded_by=actor,
            )
        )


def _to_consent(row: RowMapping) -> Consent:
    return Consent(row["household"], row["given_on"], row["valid_until"])
