"""The gateway's migrations against its tables' metadata: each feature's test checks that the
migrations make exactly its tables."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from qcdc_gateway.adapters.tables import metadata
from qcdc_gateway.main import MIGRATIONS
from qcdc_shared.db import infrastructure_metadata, make_engine
from qcdc_shared.migrations import upgrade


async def migrated(database_url: str) -> tuple[list[Any], set[str]]:
    """Migrate an empty database; what the metadata and the database then disagree on, and
    the tables the database holds."""
    await upgrade(
        database_url,
        service_versions=MIGRATIONS,
        target_metadata=[infrastructure_metadata, metadata],
    )
    engine = make_engine(database_url)
    try:
        async with engine.connect() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"compare_type": True}), metadata
                )
            )
            tables = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    finally:
        await engine.dispose()
    return differences, tables
