"""``docker-compose.yml`` is what ``qcdc deploy compose`` makes of the ward registry, and it
keeps the deployment's promises before anything runs it (``make test-deploy`` runs it): no
trust auth, nothing published beyond 127.0.0.1, passwords only in secret files, migrations
before services, the same commands and images as the Kubernetes manifests."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from qcdc_shared.registry import SERVICES_OF_A_WARD, load_registry
from qcdc_shared.tooling import compose
from qcdc_shared.tooling import k8s_pods as pods
from qcdc_shared.tooling.compose_secrets import database_name, owner_role
from qcdc_shared.tooling.k8s import IMAGES, platform_version

REPO = Path(__file__).resolve().parents[2]
REGISTRY = REPO / "deploy" / "wards.toml"
PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nnot checked here\n-----END PUBLIC KEY-----\n"


def committed() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REPO / compose.COMPOSE_FILE).read_text())
    return loaded


@pytest.mark.contract
def test_the_committed_compose_file_is_what_the_registry_generates(tmp_path: Path) -> None:
    out = tmp_path / "docker-compose.yml"
    compose.write_compose(load_registry(REGISTRY), out, platform_version())
    assert (REPO / compose.COMPOSE_FILE).read_text() == out.read_text(), (
        "docker-compose.yml differs from the registry: run `.venv/bin/qcdc deploy compose "
        "--file-only`"
    )


@pytest.mark.contract
def test_every_ward_has_its_leaf_its_services_and_their_migrations_first() -> None:
    services = committed()["services"]
    for ward in load_registry(REGISTRY).wards:
        leaf = f"leaf-{ward.slug}"
        assert services[leaf]["networks"] == ["city", f"ward-{ward.slug}"]
        for service in SERVICES_OF_A_WARD:
            name = compose.ward_service_name(service, ward.slug)
            app = services[name]
            assert app["environment"]["QCDC_WARD"] == ward.slug
            assert app["environment"]["QCDC_NATS_URL"] == f"nats://{leaf}:4222"
            assert app["environment"]["QCDC_MIGRATE_AT_START"] == "false"
            assert app["depends_on"][f"migrate-{name}"] == {
                "condition": "service_completed_successfully"
            }
            migration = services[f"migrate-{name}"]
            assert migration["command"] == [
                "qcdc", "migrate", "--service", service, "--ward", ward.slug
            ]  # fmt: skip
            assert migration["restart"] == "no"
            # A ward's services reach their own leaf, never another ward's.
            assert set(app["networks"]) == {f"ward-{ward.slug}", "data"}


@pytest.mark.contract
def test_processes_start_as_the_launcher_and_kubernetes_start_them() -> None:
    services = committed()["services"]
    for name, service in services.items():
        image = service.get("image", "")
        if "/nats:" in image or name.startswith("migrate-") or "profiles" in service:
            continue
        if name == "postgres":
            assert image == compose.POSTGRES
            continue
        kind = "gateway" if name == "gateway" else name.split("-")[0]
        assert kind in IMAGES
        assert image == compose.image(kind, platform_version())
        assert service["command"][:2] == ["uvicorn", f"qcdc_{kind}.main:app"]
        assert service["command"][2:] == pods.uvicorn_command("app")[2:]
        assert service["environment"]["QCDC_ENV"] == "production"


@pytest.mark.contract
def test_nothing_is_published_beyond_this_machine_and_secrets_come_from_files() -> None:
    content = committed()
    text = (REPO / compose.COMPOSE_FILE).read_text()
    for name, service in content["services"].items():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), f"{name} publishes {port} beyond 127.0.0.1"
    assert "ports" not in content["services"]["postgres"]
    assert "trust" not in text.lower()
    for secret in content["secrets"].values():
        assert secret["file"].startswith(compose.SECRETS_IN_FILE)


@pytest.mark.contract
def test_secrets_are_kept_across_regeneration_and_ignored_by_git(tmp_path: Path) -> None:
    registry = load_registry(REGISTRY)
    compose.write_secrets(registry, tmp_path, PUBLIC_KEY)
    first = {p: p.read_text() for p in tmp_path.rglob("*") if p.is_file()}
    compose.write_secrets(registry, tmp_path, None)
    again = {p: p.read_text() for p in tmp_path.rglob("*") if p.is_file()}
    assert first == again  # regenerating never rotates by surprise
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700
    named = {
        Path(s["file"].replace(compose.SECRETS_IN_FILE, str(tmp_path)))
        for s in committed()["secrets"].values()
    }
    assert all(path.is_file() for path in named)  # every secret the file names is written
    assert f"{compose.GATEWAY}/database-url" in {str(p.relative_to(tmp_path)) for p in first}
    assert "POSTGRES_PASSWORD=" not in (tmp_path / "postgres.env").read_text()  # a file's name
    assert f"{compose.SECRETS}/" in (REPO / ".gitignore").read_text().splitlines()
    text = (REPO / compose.COMPOSE_FILE).read_text()
    assert all(value.strip() not in text for value in first.values() if len(value) > 20)


@pytest.mark.contract
def test_each_ward_logs_in_to_postgresql_as_the_owner_of_its_own_databases_only(
    tmp_path: Path,
) -> None:
    registry = load_registry(REGISTRY)
    compose.write_secrets(registry, tmp_path, PUBLIC_KEY)
    superuser_password = (tmp_path / "postgres-password").read_text()
    owners = {
        role: (password, databases.split(","))
        for role, password, databases in (
            line.split(":") for line in (tmp_path / "database-owners").read_text().splitlines()
        )
    }
    for ward in registry.wards:
        role = owner_role(ward.slug)
        password, databases = owners[role]
        assert databases == [database_name(s, ward.slug) for s in SERVICES_OF_A_WARD]
        url = (tmp_path / ward.slug / "database-url").read_text()
        assert url.startswith(f"postgresql+asyncpg://{role}:{password}@")
        assert superuser_password not in url
        for service in SERVICES_OF_A_WARD:  # the template names only the ward's own
            assert url.format(service=service).endswith(f"/{database_name(service, ward.slug)}")
    assert len({password for password, _ in owners.values()}) == len(owners)


@pytest.mark.contract
def test_the_images_run_as_the_manifests_expect() -> None:
    dockerfile = (REPO / "deploy" / "images" / "Dockerfile").read_text()
    assert f"USER {pods.RUN_AS}:{pods.RUN_AS}" in dockerfile
    assert f"--uid {pods.RUN_AS}" in dockerfile
    assert f"EXPOSE {pods.HTTP_PORT}" in dockerfile
    assert f"EXPOSE {pods.NATS_CLIENT_PORT}" in dockerfile
    assert f"QCDC_VAR_DIR={pods.SCRATCH}/var" in dockerfile
    assert dockerfile.count("HEALTHCHECK") == 2
