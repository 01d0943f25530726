"""Databases for integration tests: SQLite files, and PostgreSQL with a fresh database per run.

PostgreSQL comes from a container of the platform's image when ``QCDC_TEST_CONTAINERS=1``
(one per test process), else ``QCDC_TEST_DATABASE_URL`` (a server URL, any database name), else
127.0.0.1:5432 if it answers, else the same container when a Docker engine answers.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
import uuid
from typing import Any

from sqlalchemy.engine import URL, make_url

from qcdc_shared.testing.containers import (
    LOOPBACK,
    container_name,
    containers_asked,
    docker_answers,
    postgres_image,
    require_image,
    track,
    without_reaper,
)

LOCAL_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
RUN_ID = uuid.uuid4().hex[:8]
POSTGRES_NAME_LIMIT = 63  # longer identifiers are refused (NAMEDATALEN - 1)


def port_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def postgres_server_url() -> str | None:
    """A URL of a PostgreSQL server we may create databases on, or None."""
    if containers_asked():
        return _postgres_container_url()
    given = os.environ.get("QCDC_TEST_DATABASE_URL")
    if given:
        return given
    url = make_url(LOCAL_POSTGRES)
    if port_answers(url.host or "127.0.0.1", url.port or 5432):
        return LOCAL_POSTGRES
    if docker_answers():
        return _postgres_container_url()
    return None


_container_url: str | None = None
CONTAINER_USER = "qcdc"


def _postgres_container_url() -> str:
    """One container for the whole test process, with a password (the image never trusts);
    each test still gets its own database on it (``fresh_database_url``)."""
    global _container_url
    if _container_url is None:
        from testcontainers.community.postgres import PostgresContainer

        without_reaper()
        image = postgres_image()
        require_image(image)
        password = secrets.token_hex(16)
        container = PostgresContainer(
            image,
            username=CONTAINER_USER,
            password=password,
            dbname=CONTAINER_USER,
            driver="asyncpg",
        )
        # docker-py reads (address,) as any free port on that address only.
        ports: dict[str, Any] = container.ports
        ports["5432"] = (LOOPBACK,)
        track(container_name("postgres"), container)
        container.start()  # waits until psql answers inside the container
        wrapped = container.get_wrapped_container()
        wrapped.reload()
        host_port = int(wrapped.ports["5432/tcp"][0]["HostPort"])
        _container_url = URL.create(
            "postgresql+asyncpg",
            username=CONTAINER_USER,
            password=password,
            host=LOOPBACK,
            port=host_port,
            database=CONTAINER_USER,
        ).render_as_string(hide_password=False)
    return _container_url


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
