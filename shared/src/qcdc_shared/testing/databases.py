"""Databases for integration tests: SQLite files, and PostgreSQL with a fresh database per run.

PostgreSQL comes from ``QCDC_TEST_DATABASE_URL`` (a server URL, any database name), else a
testcontainers PostgreSQL when a Docker engine answers, else 127.0.0.1:5432 if it answers.
"""

from __future__ import annotations

import hashlib
import os
import socket
import uuid

from sqlalchemy.engine import make_url

LOCAL_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
RUN_ID = uuid.uuid4().hex[:8]
POSTGRES_NAME_LIMIT = 63  # longer identifiers are refused (NAMEDATALEN - 1)


def port_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=2).ping()
        return True
    except Exception:
        return False


def postgres_server_url() -> str | None:
    """A URL of a PostgreSQL server we may create databases on, or None."""
    given = os.environ.get("QCDC_TEST_DATABASE_URL")
    if given:
        return given
    url = make_url(LOCAL_POSTGRES)
    if port_answers(url.host or "127.0.0.1", url.port or 5432):
        return LOCAL_POSTGRES
    if docker_answers():
        return _postgres_container_url()
    return None


_container = None


def _postgres_container_url() -> str:
    # Not exercised on machines without a Docker engine; kept in the same shape as local.
    global _container
    if _container is None:
        from testcontainers.postgres import PostgresContainer

        _container = PostgresContainer("postgres:16-alpine", driver="asyncpg")
        _container.start()
    return str(_container.get_connection_url())


def fresh_database_url(server_url: str, label: str) -> str:
    """A database name unique to this test run, so parallel and repeated runs never meet."""
    name = f"qcdc_test_{RUN_ID}_{label}".lower()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def sibling_database_url(url: str, suffix: str) -> str:
    """A second database beside a test's own (another service's), on the same server."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.set(database=f"{parsed.database}.{suffix}").render_as_string(False)
    name = f"{parsed.database}_{suffix}"
    if len(name) > POSTGRES_NAME_LIMIT:  # keep it unique: a digest of the full name
        digest = hashlib.sha256(name.encode()).hexdigest()[:8]
        name = f"{name[: POSTGRES_NAME_LIMIT - len(suffix) - 10]}_{digest}_{suffix}"
    return parsed.set(database=name).render_as_string(False)
