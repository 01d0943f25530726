"""Alembic wiring every service reuses: shared infrastructure revisions plus the service's own.

Two version locations, one version table: ``upgrade heads`` brings the shared branch
(``infra``) and the service branch up together.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from qcdc_shared.db import ensure_database, make_engine

HERE = Path(__file__).parent


class MigrationsMissing(RuntimeError):
    """A service's revisions folder is not where its code says: Alembic would see only the
    shared branch and call a database without the service's tables "at head"."""


def alembic_config(*, service_versions: Path | None, target_metadata: list[MetaData]) -> Config:
    if service_versions is not None and not service_versions.is_dir():
        raise MigrationsMissing(
            f"không thấy thư mục phiên bản {service_versions} — the service's migrations "
            f"folder {service_versions} is missing (installed without its migrations/?)"
        )
    config = Config()
    config.set_main_option("script_location", str(HERE))
    locations = [str(HERE / "versions")]
    if service_versions is not None:
        locations.append(str(service_versions))
    # os.pathsep keeps paths with spaces intact.
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(locations))
    config.attributes["target_metadata"] = target_metadata
    return config


async def upgrade(
    url: str,
    *,
    service_versions: Path | None = None,
    target_metadata: list[MetaData] | None = None,
    applied: Callable[[str], None] | None = None,
) -> None:
    """Create the database if needed and apply every pending revision (shared and service);
    ``applied`` is told each revision's id as it is applied."""
    from qcdc_shared import tables  # noqa: F401  (registers the infrastructure tables)
    from qcdc_shared.db import infrastructure_metadata

    await ensure_database(url)
    config = alembic_config(
        service_versions=service_versions,
        target_metadata=target_metadata or [infrastructure_metadata],
    )
    engine = make_engine(url)

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        if applied is not None:
            config.attributes["on_version_apply"] = [_tell(applied)]
        command.upgrade(config, "heads")

    try:
        async with engine.begin() as conn:
            await conn.run_sync(run)
    finally:
        await engine.dispose()


def _tell(applied: Callable[[str], None]) -> Callable[..., None]:
    def on_version_apply(*, step: Any, **_: Any) -> None:
        applied(str(step.up_revision_id))

    return on_version_apply


async def missing_revisions(url: str, *, service_versions: Path | None = None) -> list[str]:
    """The head revisions (shared and service) the database at ``url`` lacks: empty when it is
    at head. Reads only; raises the driver's error when the database does not answer."""
    script = ScriptDirectory.from_config(
        alembic_config(service_versions=service_versions, target_metadata=[])
    )
    engine = make_engine(url)

    def current(connection: Connection) -> set[str]:
        return set(MigrationContext.configure(connection).get_current_heads())

    try:
        async with engine.connect() as conn:
            present = await conn.run_sync(current)
    finally:
        await engine.dispose()
    return sorted(set(script.get_heads()) - present)


class DatabaseNotReady(SystemExit):
    """A service that does not migrate at start (QCDC_MIGRATE_AT_START=false) finds its
    database unreachable or behind: it ends with this message, not a traceback."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        self.message_vi, self.message_en = message_vi, message_en
        super().__init__(f"qcdc: {message_vi}\nqcdc: {message_en}")


def shown(url: str) -> str:
    """``url`` fit for a log line or a terminal: never its password."""
    return make_url(url).render_as_string(hide_password=True)


def unreachable(url: str, error: BaseException) -> DatabaseNotReady:
    reason = f"{type(error).__name__}: {error}".splitlines()[0]
    return DatabaseNotReady(
        f"không kết nối được cơ sở dữ liệu {shown(url)} ({reason})",
        f"the database {shown(url)} is unreachable ({reason})",
    )


async def require_head(
    url: str, *, service: str, ward: str | None, service_versions: Path | None
) -> None:
    """Refuse to start unless the database at ``url`` is at head (``qcdc migrate`` ran)."""
    try:
        missing = await missing_revisions(url, service_versions=service_versions)
    except (OSError, DBAPIError) as error:
        raise unreachable(url, error) from None
    if missing:
        listed = ", ".join(missing)
        command_line = f"qcdc migrate --service {service}" + (f" --ward {ward}" if ward else "")
        raise DatabaseNotReady(
            f"cơ sở dữ liệu {shown(url)} của dịch vụ {service} chưa được nâng cấp (thiếu phiên "
            f"bản {listed}); QCDC_MIGRATE_AT_START=false nên dịch vụ không tự nâng cấp: chạy "
            f"`{command_line}` trước",
            f"the database {shown(url)} of the {service} service is not at head (missing "
            f"{listed}); with QCDC_MIGRATE_AT_START=false the service does not migrate it: "
            f"run `{command_line}` first",
        )
