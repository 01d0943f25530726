"""The harness takes the container path (the platform's own images, nothing pulled) only when
``QCDC_TEST_CONTAINERS=1`` asks for it, or where the broker binary is missing and Docker
answers; otherwise the local binary and database stay as they were."""

from __future__ import annotations

import os
from importlib.metadata import version

import pytest

from qcdc_shared.testing import containers, databases
from qcdc_shared.testing.environment import isolate
from qcdc_shared.tooling.nats_server import NatsServerError

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def no_shell_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, "TESTCONTAINERS_")


def no_docker_expected() -> bool:
    raise AssertionError("the harness asked Docker although nothing called for containers")


def binary_missing() -> str:
    raise NatsServerError("nats-server not found")


@pytest.mark.parametrize("asked", ["1", "true", "yes"])
def test_asked_containers_run_the_broker_in_one_even_beside_the_binary(
    monkeypatch: pytest.MonkeyPatch, asked: str
) -> None:
    monkeypatch.setenv("QCDC_TEST_CONTAINERS", asked)
    monkeypatch.setattr(containers, "nats_server_binary", lambda: "/usr/bin/nats-server")
    monkeypatch.setattr(containers, "docker_answers", no_docker_expected)
    assert containers.nats_in_container()


@pytest.mark.parametrize("setting", [None, "", "0", "no"])
def test_unasked_the_local_binary_stays_and_docker_is_not_asked(
    monkeypatch: pytest.MonkeyPatch, setting: str | None
) -> None:
    if setting is not None:
        monkeypatch.setenv("QCDC_TEST_CONTAINERS", setting)
    monkeypatch.setattr(containers, "nats_server_binary", lambda: "/usr/bin/nats-server")
    monkeypatch.setattr(containers, "docker_answers", no_docker_expected)
    assert not containers.nats_in_container()


def test_without_the_binary_a_docker_engine_is_the_fallback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(containers, "nats_server_binary", binary_missing)
    monkeypatch.setattr(containers, "docker_answers", lambda: True)
    assert containers.nats_in_container()


def test_without_the_binary_nor_docker_the_missing_binary_is_the_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(containers, "nats_server_binary", binary_missing)
    monkeypatch.setattr(containers, "docker_answers", lambda: False)
    with pytest.raises(NatsServerError, match="not found"):
        containers.nats_in_container()


def test_asked_containers_put_postgresql_in_one_even_with_a_server_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QCDC_TEST_CONTAINERS", "1")
    monkeypatch.setenv("QCDC_TEST_DATABASE_URL", "postgresql+asyncpg://given@db/x")
    monkeypatch.setattr(
        databases, "_postgres_container_url", lambda: "postgresql+asyncpg://c@127.0.0.1:1/qcdc"
    )
    assert databases.postgres_server_url() == "postgresql+asyncpg://c@127.0.0.1:1/qcdc"


def test_unasked_a_given_postgresql_is_used_and_no_container_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QCDC_TEST_DATABASE_URL", "postgresql+asyncpg://given@db/x")
    monkeypatch.setattr(databases, "_postgres_container_url", no_docker_expected)
    assert databases.postgres_server_url() == "postgresql+asyncpg://given@db/x"


def test_the_images_are_the_platforms_own_unless_named() -> None:
    assert containers.nats_image() == f"qcdc/nats:{version('qcdc-shared')}"
    assert containers.postgres_image() == "qcdc/postgres:15"


def test_named_images_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QCDC_TEST_NATS_IMAGE", "registry.local/nats:x")
    monkeypatch.setenv("QCDC_TEST_POSTGRES_IMAGE", "registry.local/postgres:y")
    assert containers.nats_image() == "registry.local/nats:x"
    assert containers.postgres_image() == "registry.local/postgres:y"


def test_the_reaper_is_off_before_any_container(monkeypatch: pytest.MonkeyPatch) -> None:
    from testcontainers.core.config import testcontainers_config

    monkeypatch.setattr(testcontainers_config, "_ryuk_disabled", None)
    monkeypatch.setenv("TESTCONTAINERS_RYUK_DISABLED", "false")
    containers.without_reaper()
    assert testcontainers_config.ryuk_disabled
    assert os.environ["TESTCONTAINERS_RYUK_DISABLED"] == "true"
