"""Repositories of the register: residential groups (with their history) and the steering
committee."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from qcdc_plans.adapters.sql import SqlRepository
from qcdc_plans.adapters.tables import (
    committee_members,
    residential_group_history,
    residential_groups,
)
from qcdc_plans.domain.committee import Member
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_shared.db import from_row


def to_group(row: RowMapping) -> ResidentialGroup:
    return from_row(ResidentialGroup, row)


def to_member(row: RowMapping) -> Member:
    return from_row(Member, row)


class GroupRepository(SqlRepository):
    table = residential_groups
    created = "registered_at"

    async def get(self, code: str) -> ResidentialGroup | None:
        query = select(residential_groups).where(residential_groups.c.code == code)
        return await self._one(query, to_group)

    async def all(self) -> list[ResidentialGroup]:
        return await self._all(
            select(residential_groups).order_by(residential_groups.c.code), to_group
        )

    async def add(self, group: ResidentialGroup, *, actor: str, at: dt.datetime) -> None:
        await self._insert(asdict(group), at=at)
        await self._history(group, actor=actor, at=at)

    async def save(
        self, group: ResidentialGroup, *, expected_version: int, actor: str, at: dt.datetime
    ) -> None:
        await self._update(group.code, asdict(group), expected_version=expected_version, at=at)
        await self._history(group, actor=actor, at=at)

    async def history(self, code: str) -> list[dict[str, Any]]:
        query = (
            select(residential_group_history)
            .where(residential_group_history.c.code == code)
            .order_by(residential_group_history.c.version)
        )
        return await self._all(query, dict)

    async def _history(self, group: ResidentialGroup, *, actor: str, at: dt.datetime) -> None:
        await self.session.execute(
            residential_group_history.insert().values(**asdict(group), at=at, actor=actor)
        )


class CommitteeRepository(SqlRepository):
    table = committee_members

    async def get(self, member_id: str) -> Member | None:
        query = select(committee_members).where(committee_members.c.id == member_id)
        return await self._one(query, to_member)

    async def all(self) -> list[Member]:
        order = (committee_members.c.joined_on, committee_members.c.id)
        return await self._all(select(committee_members).order_by(*order), to_member)

    async def add(self, member: Member, *, at: dt.datetime) -> None:
        await self._insert(asdict(member), at=at)

    async def save(self, member: Member, *, expected_version: int, at: dt.datetime) -> None:
        await self._update(member.id, asdict(member), expected_version=expected_version, at=at)
