"""Async engine and sessions (SQLAlchemy 2), one database per service per ward (DESIGN §5)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import DateTime, MetaData, Table, TypeDecorator, event, text
from sqlalchemy.engine import RowMapping, make_url
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    NotSupportedError,
    ProgrammingError,
)
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from qcdc_shared.refusals import ConcurrentChange

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

D = TypeVar("D", bound="DataclassInstance")
T = TypeVar("T")


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An instant: refused without a timezone, stored in UTC, read back aware on SQLite too
    (SQLite keeps no offset, so a plain DateTime(timezone=True) comes back naive there)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[dt.datetime]:
        # TypeDecorator says ``object``; pagination reads this to turn a cursor's text back
        # into an instant, else it compares ISO text with SQLite's stored format.
        return dt.datetime

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("an instant must be timezone-aware")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# Tables every service database carries (outbox, inbox, audit); migrated by
# qcdc_shared/migrations beside each service's own tables.
infrastructure_metadata = MetaData()


def from_row(cls: type[D], row: RowMapping, **converted: Any) -> D:
    """A domain dataclass from the row's columns named as its fields; ``converted`` gives the
    fields whose column holds another form (JSON, a list for a tuple, another name)."""
    kept = {f.name: row[f.name] for f in fields(cls) if f.name not in converted}
    return cls(**kept, **converted)


async def update_versioned(
    session: AsyncSession, table: Table, key: str, *, expected_version: int, values: dict[str, Any]
) -> None:
    """Update the row ``key`` (by primary key) only if it still has ``expected_version``;
    otherwise another request changed it first and :class:`ConcurrentChange` is raised."""
    (primary,) = table.primary_key.columns
    result = await session.execute(
        table.update().where(primary == key, table.c.version == expected_version).values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConcurrentChange(key)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the relay read while a request writes; busy_timeout rides out short locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """The service's engine. SQL parameters are hidden from its errors and logs: a failed
    statement's message would otherwise carry a denunciation's text or a petitioner's name
    (DEN-SECRET)."""
    kwargs.setdefault("hide_parameters", True)
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker:  # type: ignore[type-arg]
    return async_sessionmaker(engine, expire_on_commit=False)


async def ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in ``url`` if it is missing (SQLite needs nothing)."""
    if is_sqlite(url):
        return
    target = make_url(url)
    admin = create_async_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")

    try:
        async with admin.connect() as conn:
            exists = await conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
            )
            if not exists:
                await conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    finally:
        await admin.dispose()


def _remove_sqlite_files(database: str | None) -> None:
    if database and database != ":memory:":
        for suffix in ("", "-wal", "-shm"):
            Path(database + suffix).unlink(missing_ok=True)


async def drop_database(url: str) -> None:
    if is_sqlite(url):
        _remove_sqlite_files(make_url(url).database)
        return
    target = make_url(url)
    admin = create_async_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    finally:
        await admin.dispose()


def store_unavailable(error: BaseException) -> bool:
    """The database, not the event, failed: it is unreachable, lost the connection, or cannot
    write (read-only, disk I/O error, locked). A constraint or a handler's own error is not
    this: a consumer counts it towards the dead letters, an API answers it as a 500, where
    a store failure is a 503 to try again."""
    if isinstance(error, DBAPIError):
        # What the statement or its data did wrong is the event's; the rest (operational,
        # interface, internal, a bare "database error" such as SQLite's disk I/O) the store's.
        return error.connection_invalidated or not isinstance(
            error, IntegrityError | DataError | ProgrammingError | NotSupportedError
        )
    return isinstance(error, OSError | ConnectionError | TimeoutError)


async def to_its_end(work: Awaitable[T]) -> T:
    """A database transaction run to its end even when its task is cancelled meanwhile (the
    service stopping): SQLite keeps the lock of a transaction cut in the middle (its connection
    never goes back to the pool), and the next writer, a restarted service or ``qcdc-gateway
    rebuild``, would find the database locked. The cancellation is raised once it is done."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await task
        raise
