"""Repositories of the boards: the residential groups plans announced, the inspection board's
members, and the investment supervision boards."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.tables import board_members, investment_boards, known_groups
from qcdc_oversight.domain.board import (
    BoardMember,
    InvestmentBoard,
    InvestmentMember,
    KnownGroup,
)
from qcdc_shared.db import update_versioned
from qcdc_shared.deadlines import Deadline


class GroupRepository:
    """A projection of plans' register: written by the consumer only, read by the board."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, code: str) -> KnownGroup | None:
        row = (
            (await self.session.execute(select(known_groups).where(known_groups.c.code == code)))
            .mappings()
            .first()
        )
        return KnownGroup(**row) if row else None

    async def all(self) -> list[KnownGroup]:
        rows = await self.session.execute(select(known_groups).order_by(known_groups.c.code))
        return [KnownGroup(**r) for r in rows.mappings()]

    async def upsert(self, group: KnownGroup) -> bool:
        """Keep ``group`` unless a newer version is already stored (events may arrive out of
        order after a redelivery); returns whether anything was written."""
        current = await self.get(group.code)
        if current is None:
            await self.session.execute(known_groups.insert().values(**asdict(group)))
            return True
        if group.version <= current.version:
            return False
        await self.session.execute(
            known_groups.update()
            .where(known_groups.c.code == group.code, known_groups.c.version < group.version)
            .values(**asdict(group))
        )
        return True


def to_member(row: RowMapping) -> BoardMember:
    return BoardMember(**{k: row[k] for k in BoardMember.__dataclass_fields__})


class BoardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, member_id: str) -> BoardMember | None:
        row = (
            (
                await self.session.execute(
                    select(board_members).where(board_members.c.id == member_id)
                )
            )
            .mappings()
            .first()
        )
        return to_member(row) if row else None

    async def all(self) -> list[BoardMember]:
        rows = await self.session.execute(
            select(board_members).order_by(board_members.c.elected_on, board_members.c.id)
        )
        return [to_member(r) for r in rows.mappings()]

    async def add(self, member: BoardMember, *, at: dt.datetime) -> None:
        await self.session.execute(
            board_members.insert().values(**asdict(member), created_at=at, changed_at=at)
        )

    async def save(self, member: BoardMember, *, expected_version: int, at: dt.datetime) -> None:
        await update_versioned(
            self.session,
            board_members,
            member.id,
            expected_version=expected_version,
            values={**asdict(member), "changed_at": at},
        )


def to_investment_board(row: RowMapping) -> InvestmentBoard:
    return InvestmentBoard(
        id=row["id"],
        project=row["project"],
        investor=row["investor"],
        members=tuple(InvestmentMember(**m) for m in row["members"]),
        supervision_start=row["supervision_start"],
        investor_notified_on=row["investor_notified_on"],
        notice_deadline=Deadline.model_validate(row["notice_deadline"]),
        version=row["version"],
    )


def investment_row(board: InvestmentBoard) -> dict[str, Any]:
    return {
        "id": board.id,
        "project": board.project,
        "investor": board.investor,
        "members": [asdict(m) for m in board.members],
        "supervision_start": board.supervision_start,
        "investor_notified_on": board.investor_notified_on,
        "notice_deadline": board.notice_deadline.model_dump(mode="json"),
        "version": board.version,
    }


class InvestmentBoardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, board: InvestmentBoard, *, at: dt.datetime) -> None:
        await self.session.execute(
            investment_boards.insert().values(**investment_row(board), created_at=at, changed_at=at)
        )
