"""``qcdc migrate`` as a deployment's one-shot job runs it, and a service started with
QCDC_MIGRATE_AT_START=false: it serves a migrated database and refuses any other (issue 21).

The service is the plans service, found as the command finds it (its entry point): shared's
tests name it only as data. Each test runs on SQLite and on PostgreSQL, in a fresh database.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from qcdc_shared.db import ensure_database, infrastructure_metadata, make_engine
from qcdc_shared.migrations import (
    DatabaseNotReady,
    MigrationsMissing,
    alembic_config,
    missing_revisions,
)
from qcdc_shared.service import ServiceDefinition, create_app
from qcdc_shared.settings import Settings
from qcdc_shared.testing.environment import clean_environment, isolate
from qcdc_shared.tooling.migrate_cli import migrate_database
from qcdc_shared.tooling.plugins import WARD_SERVICES, found

pytestmark = pytest.mark.integration

QCDC = str(Path(sys.executable).parent / "qcdc")  # .venv/bin/qcdc, as the job runs it
SERVICE, WARD = "plans", "ben-thanh"
UNREACHABLE_NATS = "nats://127.0.0.1:1"
UNREACHABLE_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:1/qcdc_{ward}_{service}"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    isolate(monkeypatch, "OTEL_")
    # create_app installs a JSON log handler on the root logger; put the root logger back.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(scope="module")
def definition() -> ServiceDefinition:
    """The plans service's definition, from the app its entry point declares."""
    app = found(WARD_SERVICES)[SERVICE].load()
    declared: ServiceDefinition = app.state.definition
    return declared


def migrate(database_url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [QCDC, "migrate", *arguments],
        env=clean_environment(QCDC_DATABASE_URL=database_url),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def schema(url: str) -> tuple[list[str], list[str]]:
    """The database's tables and its Alembic revisions."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda sync: sorted(inspect(sync).get_table_names()))
            revisions: list[str] = []
            if "alembic_version" in tables:
                rows = await conn.execute(text("SELECT version_num FROM alembic_version"))
                revisions = sorted(rows.scalars())
    finally:
        await engine.dispose()
    return tables, revisions


def settings_of(database_url: str, *, migrate_at_start: bool = True) -> Settings:
    return Settings(
        ward=WARD,
        nats_url=UNREACHABLE_NATS,
        database_url=database_url,
        migrate_at_start=migrate_at_start,
    )


async def test_migrate_brings_an_empty_database_to_head_and_a_second_run_changes_nothing(
    database_url: str, definition: ServiceDefinition
) -> None:
    first = migrate(database_url, "--service", SERVICE, "--ward", WARD)
    assert first.returncode == 0, first.stderr
    assert "applied" in first.stdout and "plans_0001" in first.stdout, first.stdout

    tables, revisions = await schema(database_url)
    heads = ScriptDirectory.from_config(
        alembic_config(service_versions=definition.migrations, target_metadata=[])
    ).get_heads()
    assert revisions == sorted(heads)  # the shared branch's head and the service's
    assert definition.metadata is not None
    assert {*infrastructure_metadata.tables, *definition.metadata.tables} <= set(tables)
    assert await missing_revisions(database_url, service_versions=definition.migrations) == []

    second = migrate(database_url, "--service", SERVICE, "--ward", WARD)
    assert second.returncode == 0, second.stderr
    assert "already at head" in second.stdout and "applied" not in second.stdout
    assert await schema(database_url) == (tables, revisions)


async def test_a_service_that_does_not_migrate_at_start_serves_a_migrated_database(
    database_url: str, definition: ServiceDefinition
) -> None:
    settings = settings_of(database_url, migrate_at_start=False)
    outcome = await migrate_database(definition, settings)
    assert "plans_0001" in outcome.applied
    again = await migrate_database(definition, settings)
    assert again.applied == []  # idempotent in-process too

    app = create_app(definition, settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            health = await client.get("/health")
    assert health.status_code == 200, health.text
    assert health.json()["database"] == "ok"


async def test_a_service_that_does_not_migrate_at_start_refuses_an_empty_database(
    database_url: str, definition: ServiceDefinition
) -> None:
    await ensure_database(database_url)  # there, but never migrated
    app = create_app(definition, settings_of(database_url, migrate_at_start=False))
    with pytest.raises(DatabaseNotReady) as refused:
        async with app.router.lifespan_context(app):
            pytest.fail("the service started on a database that is not at head")
    message = str(refused.value.code)
    assert "not at head" in message and "chưa được nâng cấp" in message
    assert f"qcdc migrate --service {SERVICE} --ward {WARD}" in message
    tables, _ = await schema(database_url)
    assert tables == []  # refused, and altered nothing

    # Migrating at start (the default) is unchanged: the same database comes up at head.
    app = create_app(definition, settings_of(database_url))
    async with app.router.lifespan_context(app):
        pass
    assert await missing_revisions(database_url, service_versions=definition.migrations) == []


async def test_a_service_that_does_not_migrate_at_start_refuses_an_unreachable_database(
    definition: ServiceDefinition,
) -> None:
    app = create_app(definition, settings_of(UNREACHABLE_POSTGRES, migrate_at_start=False))
    with pytest.raises(DatabaseNotReady) as refused:
        async with app.router.lifespan_context(app):
            pytest.fail("the service started without its database")
    assert "is unreachable" in str(refused.value.code)
    assert "không kết nối được" in str(refused.value.code)


def test_an_unreachable_database_ends_the_job_non_zero_with_a_clear_message() -> None:
    result = migrate(UNREACHABLE_POSTGRES, "--service", SERVICE, "--ward", WARD)
    assert result.returncode == 1
    assert "không kết nối được cơ sở dữ liệu" in result.stderr
    assert "is unreachable" in result.stderr
    assert "127.0.0.1:1/qcdc_ben-thanh_plans" in result.stderr  # which database it tried
    assert "Traceback" not in result.stderr


def test_the_city_database_takes_no_ward_and_a_ward_service_needs_one(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db"
    city = migrate(url, "--service", "gateway")
    assert city.returncode == 0, city.stderr
    assert (tmp_path / "city-gateway.db").is_file()  # the city's database, not a ward's
    assert "gateway_0001" in city.stdout

    assert migrate(url, "--service", "gateway", "--ward", WARD).returncode == 2
    without_ward = migrate(url, "--service", SERVICE)
    assert without_ward.returncode == 2 and "--ward" in without_ward.stderr
    unknown = migrate(url, "--service", "no-such-service", "--ward", WARD)
    assert unknown.returncode == 2 and "no service" in unknown.stderr


async def test_a_service_installed_without_its_revisions_is_refused_not_called_at_head(
    tmp_path: Path, definition: ServiceDefinition
) -> None:
    """An image built from a wheel that left migrations/ out: Alembic alone would see only the
    shared branch and call a database without the service's tables "at head"."""
    lost = replace(definition, migrations=tmp_path / "site-packages" / "migrations" / "versions")
    url = f"sqlite+aiosqlite:///{tmp_path}/plans.db"
    with pytest.raises(MigrationsMissing, match="migrations folder"):
        await migrate_database(lost, settings_of(url))
    app = create_app(lost, settings_of(url, migrate_at_start=False))
    with pytest.raises(MigrationsMissing):
        async with app.router.lifespan_context(app):
            pytest.fail("the service started without knowing its revisions")
