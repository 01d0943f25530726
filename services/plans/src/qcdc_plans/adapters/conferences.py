"""The repository of conferences and dialogues (DEC-NOTICE, OVS-YEAR)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from qcdc_plans.adapters.sql import SqlRepository
from qcdc_plans.adapters.tables import conferences
from qcdc_plans.domain.conference import Conference
from qcdc_shared.db import from_row
from qcdc_shared.law.deadlines import Deadline


def to_conference(row: RowMapping | Any) -> Conference:
    return from_row(Conference, row, notice=Deadline.model_validate(row["notice_deadline"]))


def _row(conference: Conference) -> dict[str, Any]:
    row = {**vars(conference), "year": conference.year, "notice_rule": conference.notice_rule}
    row["notice_deadline"] = row.pop("notice").model_dump(mode="json")
    return row


class ConferenceRepository(SqlRepository):
    table = conferences

    async def get(self, conference_id: str) -> Conference | None:
        query = select(conferences).where(conferences.c.id == conference_id)
        return await self._one(query, to_conference)

    async def in_year(self, year: int) -> list[Conference]:
        query = (
            select(conferences)
            .where(conferences.c.year == year)
            .order_by(conferences.c.held_on, conferences.c.id)
        )
        return await self._all(query, to_conference)

    async def year_end_of(self, group: str, year: int) -> list[Conference]:
        query = select(conferences).where(
            conferences.c.year == year,
            conferences.c.kind == "group_year_end",
            conferences.c.residential_group == group,
        )
        return await self._all(query, to_conference)

    async def add(self, conference: Conference) -> None:
        await self._insert(_row(conference), at=conference.created_at)

    async def save(self, conference: Conference, *, expected_version: int, at: dt.datetime) -> None:
        await self._update(
            conference.id, _row(conference), expected_version=expected_version, at=at
        )
