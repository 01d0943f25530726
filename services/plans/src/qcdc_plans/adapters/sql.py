"""What every repository of the service does alike: read a row into a domain dataclass, read
one or many, insert a new aggregate and save a changed one under its version check; and the
optional filters of the list reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from sqlalchemy import ColumnElement, Executable, Select, Table
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_shared.db import update_versioned

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

D = TypeVar("D", bound="DataclassInstance")
T = TypeVar("T")


def where_given(query: Select[Any], *filters: tuple[ColumnElement[Any], object]) -> Select[Any]:
    """``query`` narrowed to ``column == value`` for each (column, value) whose value was given
    (is not None)."""
    return query.where(*(column == value for column, value in filters if value is not None))


class SqlRepository:
    """One table's aggregates; ``created`` names the column that keeps when a row was added."""

    table: ClassVar[Table]
    created: ClassVar[str] = "created_at"

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _one(self, query: Executable, to: Callable[[RowMapping], T]) -> T | None:
        row = (await self.session.execute(query)).mappings().first()
        return to(row) if row else None

    async def _all(self, query: Executable, to: Callable[[RowMapping], T]) -> list[T]:
        return [to(row) for row in (await self.session.execute(query)).mappings()]

    async def _insert(self, values: dict[str, Any], *, at: dt.datetime) -> None:
        stamps = {self.created: at, "changed_at": at}
        await self.session.execute(self.table.insert().values({**values, **stamps}))

    async def _update(
        self, key: str, values: dict[str, Any], *, expected_version: int, at: dt.datetime
    ) -> None:
        await update_versioned(
            self.session,
            self.table,
            key,
            expected_version=expected_version,
            values={**values, "changed_at": at},
        )
