"""Repositories of the register: residential groups (with their history) and the steering
committee."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_plans.adapters.tables import (
    committee_members,
    residential_group_history,
    residential_groups,
)
from qcdc_plans.domain.committee import Member
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_shared.db import update_versioned


def to_group(row: RowMapping) -> ResidentialGroup:
    return ResidentialGroup(
        code=row["code"],
        name=row["name"],
        households=row["households"],
        online_optin=row["online_optin"],
        effective_on=row["effective_on"],
        version=row["version"],
    )


def to_member(row: RowMapping) -> Member:
    fields = {k: row[k] for k in Member.__dataclass_fields__}
    return Member(**fields)


class GroupRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, code: str) -> ResidentialGroup | None:
        row = (
            (
                await self.session.execute(
                    select(residential_groups).where(residential_groups.c.code == code)
                )
            )
            .mappings()
            .first()
        )
        return to_group(row) if row else None

    async def all(self) -> list[ResidentialGroup]:
        rows = await self.session.execute(
            select(residential_groups).order_by(residential_groups.c.code)
        )
        return [to_group(r) for r in rows.mappings()]

    async def add(self, group: ResidentialGroup, *, actor: str, at: dt.datetime) -> None:
        await self.session.execute(
            residential_groups.insert().values(**asdict(group), registered_at=at, changed_at=at)
        )
        await self._history(group, actor=actor, at=at)

    async def save(
        self, group: ResidentialGroup, *, expected_version: int, actor: str, at: dt.datetime
    ) -> None:
        await update_versioned(
            self.session,
            residential_groups,
            group.code,
            expected_version=expected_version,
            values={**asdict(group), "changed_at": at},
        )
        await self._history(group, actor=actor, at=at)

    async def history(self, code: str) -> list[dict[str, Any]]:
        rows = await self.session.execute(
            select(residential_group_history)
            .where(residential_group_history.c.code == code)
            .order_by(residential_group_history.c.version)
        )
        return [dict(r) for r in rows.mappings()]

    async def _history(self, group: ResidentialGroup, *, actor: str, at: dt.datetime) -> None:
        await self.session.execute(
            residential_group_history.insert().values(**asdict(group), at=at, actor=actor)
        )


class CommitteeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, member_id: str) -> Member | None:
        row = (
            (
                await self.session.execute(
                    select(committee_members).where(committee_members.c.id == member_id)
                )
            )
            .mappings()
            .first()
        )
        return to_member(row) if row else None

    async def all(self) -> list[Member]:
        rows = await self.session.execute(
            select(committee_members).order_by(
                committee_members.c.joined_on, committee_members.c.id
            )
        )
        return [to_member(r) for r in rows.mappings()]

    async def add(self, member: Member, *, at: dt.datetime) -> None:
        await self.session.execute(
            committee_members.insert().values(**asdict(member), created_at=at, changed_at=at)
        )

    async def save(self, member: Member, *, expected_version: int, at: dt.datetime) -> None:
        await update_versioned(
            self.session,
            committee_members,
            member.id,
            expected_version=expected_version,
            values={**asdict(member), "changed_at": at},
        )
