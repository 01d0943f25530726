"""What oversight's repositories share: a session, one row by a query, a dataclass read from
its row; and, for a table of one aggregate kind (keyed by ``id``, stamped ``created_at`` and
``changed_at``), get, add and a save with the optimistic version check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import Select, Table, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_shared.db import update_versioned

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

A = TypeVar("A")
D = TypeVar("D", bound="DataclassInstance")


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _one(self, query: Select[Any]) -> RowMapping | None:
        row: RowMapping | None = (await self.session.execute(query)).mappings().first()
        return row


class AggregateRepository(Repository, Generic[A]):
    def __init__(
        self,
        session: AsyncSession,
        table: Table,
        of_row: Callable[[RowMapping], A],
        to_row: Callable[[A], dict[str, Any]],
    ) -> None:
        super().__init__(session)
        self.table, self._of_row, self._to_row = table, of_row, to_row

    async def get(self, key: str) -> A | None:
        row = await self._one(select(self.table).where(self.table.c.id == key))
        return None if row is None else self._of_row(row)

    async def add(self, item: A, *, at: dt.datetime) -> None:
        row = self._to_row(item)
        await self.session.execute(self.table.insert().values(**row, created_at=at, changed_at=at))

    async def save(self, item: A, *, expected_version: int, at: dt.datetime) -> None:
        row = self._to_row(item)
        await update_versioned(
            self.session,
            self.table,
            row["id"],
            expected_version=expected_version,
            values={**row, "changed_at": at},
        )
