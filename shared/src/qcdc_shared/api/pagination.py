"""The list envelope ``{"items", "total", "next_cursor"}`` with keyset pagination (DESIGN §6).

Page size: ``limit`` defaults to 50; a value above 200 is refused with 422 problem+json
(declared as ``maximum: 200`` in OpenAPI, so a client learns the cap instead of silently
receiving fewer rows than it asked for). ``paginate`` also clamps, for callers outside HTTP.

A cursor is the urlsafe base64 of the JSON list of the last row's sort key and the list's
``total``, counted on the first page only (so a page's ``total`` is the list's as its first page
found it). It is opaque but not signed: a forged cursor only moves the start of a page the
caller may already read, or misstates a total the caller could count.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Annotated, Any, Final, Generic, TypeVar, overload

from fastapi import Depends, Query
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import ColumnElement, Row, Select, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_shared.api.problems import Problem

DEFAULT_LIMIT: Final = 50
MAX_LIMIT: Final = 200

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list; ``next_cursor`` is null on the last page."""

    items: list[T]
    total: int
    next_cursor: str | None = None


class CursorError(ValueError):
    """A cursor this service did not issue, or one for another sort key."""


def encode_cursor(key: Sequence[Any]) -> str:
    raw = json.dumps(list(key), default=_json_default, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).rstrip(b"=").decode()


def decode_cursor(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.b64decode(padded, altchars=b"-_", validate=True))
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise CursorError("not a cursor") from exc
    if not isinstance(key, list) or not key:
        raise CursorError("not a cursor")
    return key


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    raise TypeError(f"cannot put {type(value).__name__} in a cursor")


def invalid_cursor() -> Problem:
    return Problem.for_status(
        422,
        detail="Con trỏ phân trang không hợp lệ; hãy bắt đầu lại từ trang đầu.",
        detail_en="The page cursor is invalid; start again from the first page.",
        errors=[
            {
                "location": ["query", "cursor"],
                "type": "cursor_invalid",
                "message": "Con trỏ không hợp lệ",
                "message_en": "Invalid cursor",
            }
        ],
    )


class PageParams:
    """``?limit=&cursor=`` of a list route; use as ``Annotated[PageParams, Depends()]``."""

    def __init__(
        self,
        limit: Annotated[
            int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")
        ] = DEFAULT_LIMIT,
        cursor: Annotated[
            str | None,
            Query(max_length=1024, description="`next_cursor` of the previous page."),
        ] = None,
    ) -> None:
        self.limit = min(max(limit, 1), MAX_LIMIT)
        self.cursor = cursor
        try:
            self.after: list[Any] | None = decode_cursor(cursor) if cursor else None
        except CursorError as exc:
            raise invalid_cursor() from exc


PageQuery = Annotated[PageParams, Depends()]


@overload
async def paginate(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    key: ColumnElement[Any] | Sequence[ColumnElement[Any]],
    params: PageParams,
    descending: bool = False,
) -> Page[Any]: ...


@overload
async def paginate(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    key: ColumnElement[Any] | Sequence[ColumnElement[Any]],
    params: PageParams,
    descending: bool = False,
    item: Callable[[Row[Any]], T],
) -> Page[T]: ...


async def paginate(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    key: ColumnElement[Any] | Sequence[ColumnElement[Any]],
    params: PageParams,
    descending: bool = False,
    item: Callable[[Row[Any]], Any] | None = None,
) -> Page[Any]:
    """Run one page of ``stmt`` ordered by ``key`` (unique, non-null; one direction).

    ``key`` replaces any ORDER BY of ``stmt``. Each row becomes ``item(row)``; by default the
    single selected entity or column, or a dict of the row when several are selected.
    """
    keys = [key] if isinstance(key, ColumnElement) else list(key)
    if not keys:
        raise ValueError("paginate needs at least one key column")
    limit = min(max(params.limit, 1), MAX_LIMIT)
    width = len(stmt.selected_columns)

    page = stmt.order_by(None).add_columns(*(k.label(f"_page_key_{i}") for i, k in enumerate(keys)))
    if params.after is None:
        # Counted once, on the first page, and carried in the cursor: a count walks every
        # matching row, and the city's log has millions (docs/performance.md).
        total = await session.scalar(
            select(func.count()).select_from(
                stmt.order_by(None).limit(None).offset(None).subquery()
            )
        )
    else:
        *last_key, total = params.after
        if not isinstance(total, int) or isinstance(total, bool) or total < 0:
            raise invalid_cursor()
        after = _typed_key(last_key, keys)
        left = keys[0] if len(keys) == 1 else tuple_(*keys)
        right = after[0] if len(keys) == 1 else tuple_(*after)
        page = page.where(left < right if descending else left > right)
    page = page.order_by(*(k.desc() if descending else k.asc() for k in keys)).limit(limit + 1)

    rows = list((await session.execute(page)).all())
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor([*rows[-1][width:], total or 0]) if more and rows else None
    convert = item or (_first if width == 1 else _as_dict)
    return Page(items=[convert(row) for row in rows], total=total or 0, next_cursor=next_cursor)


def _typed_key(values: list[Any], keys: list[ColumnElement[Any]]) -> list[Any]:
    # JSON lost the key's type (datetimes are strings); bring it back from the column type.
    if len(values) != len(keys):
        raise invalid_cursor()
    typed = []
    for value, column in zip(values, keys, strict=True):
        try:
            python_type: Any = column.type.python_type
        except NotImplementedError:
            python_type = Any
        try:
            typed.append(TypeAdapter(python_type).validate_python(value, strict=False))
        except ValidationError as exc:
            raise invalid_cursor() from exc
    return typed


def _first(row: Row[Any]) -> Any:
    return row[0]


def _as_dict(row: Row[Any]) -> dict[str, Any]:
    return {k: v for k, v in row._mapping.items() if not str(k).startswith("_page_key_")}
