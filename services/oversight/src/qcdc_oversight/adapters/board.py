"""Repositories of the boards: the residential groups plans announced, the inspection board's
members, and the investment supervision boards."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_oversight.adapters.rows import AggregateRepository, Repository
from qcdc_oversight.adapters.tables import board_members, investment_boards, known_groups
from qcdc_oversight.domain.board import BoardMember, InvestmentBoard, InvestmentMember, KnownGroup
from qcdc_shared.db import from_row, update_versioned
from qcdc_shared.law.deadlines import Deadline


class GroupRepository(Repository):
    """A projection of plans' register: written by the consumer only, read by the board."""

    async def get(self, code: str) -> KnownGroup | None:
        row = await self._one(select(known_groups).where(known_groups.c.code == code))
        return KnownGroup(**row) if row else None

    async def all(self) -> list[KnownGroup]:
        rows = await self.session.execute(select(known_groups).order_by(known_groups.c.code))
        return [KnownGroup(**r) for r in rows.mappings()]

    async def add(self, group: KnownGroup) -> None:
        await self.session.execute(known_groups.insert().values(**asdict(group)))

    async def save(self, group: KnownGroup, *, expected_version: int) -> None:
        await update_versioned(
            self.session,
            known_groups,
            group.code,
            expected_version=expected_version,
            values=asdict(group),
        )


def to_member(row: RowMapping) -> BoardMember:
    return from_row(BoardMember, row)


class BoardRepository(AggregateRepository[BoardMember]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, board_members, to_member, asdict)

    async def all(self) -> list[BoardMember]:
        rows = await self.session.execute(
            select(board_members).order_by(board_members.c.elected_on, board_members.c.id)
        )
        return [to_member(r) for r in rows.mappings()]


def to_investment_board(row: RowMapping) -> InvestmentBoard:
    return from_row(
        InvestmentBoard,
        row,
        members=tuple(InvestmentMember(**m) for m in row["members"]),
        notice_deadline=Deadline.model_validate(row["notice_deadline"]),
    )


def investment_row(board: InvestmentBoard) -> dict[str, Any]:
    return {
        **asdict(board),
        "members": [asdict(m) for m in board.members],
        "notice_deadline": board.notice_deadline.model_dump(mode="json"),
    }


class InvestmentBoardRepository(AggregateRepository[InvestmentBoard]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, investment_boards, to_investment_board, investment_row)
