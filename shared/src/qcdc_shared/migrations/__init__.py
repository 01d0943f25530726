"""Alembic wiring every service reuses: shared infrastructure revisions plus the service's own.

Two version locations, one version table: ``upgrade heads`` brings the shared branch
(``infra``) and the service branch up together.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, MetaData

from qcdc_shared.db import ensure_database, make_engine

HERE = Path(__file__).parent


def alembic_config(*, service_versions: Path | None, target_metadata: list[MetaData]) -> Config:
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
) -> None:
    """Create the database if needed and apply every pending revision (shared and service)."""
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
        command.upgrade(config, "heads")

    try:
        async with engine.begin() as conn:
            await conn.run_sync(run)
    finally:
        await engine.dispose()
