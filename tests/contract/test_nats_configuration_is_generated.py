"""``deploy/nats`` is exactly what ``qcdc deploy nats`` makes of the ward registry: a ward is
one registry line, passwords never land in a committed file, and nats-server accepts the
result."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from qcdc_shared.registry import Registry, Ward, load_registry
from qcdc_shared.tooling.nats_config import SECRETS_DIR, write_nats_configs
from qcdc_shared.tooling.nats_server import nats_server_binary

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "deploy" / "nats"


def generated(registry: Registry, out: Path) -> dict[str, str]:
    write_nats_configs(registry, out)
    return {path.name: path.read_text() for path in sorted(out.glob("*.conf"))}


@pytest.mark.contract
def test_the_committed_configuration_is_what_the_registry_generates(tmp_path: Path) -> None:
    registry = load_registry(REPO / "deploy" / "wards.toml")
    committed = {path.name: path.read_text() for path in sorted(COMMITTED.glob("*.conf"))}
    assert committed == generated(registry, tmp_path), (
        "deploy/nats differs from the registry: run `.venv/bin/qcdc deploy nats`"
    )


@pytest.mark.contract
def test_passwords_stay_in_the_secrets_folder_and_survive_regeneration(tmp_path: Path) -> None:
    registry = load_registry(REPO / "deploy" / "wards.toml")
    first = write_nats_configs(registry, tmp_path)
    again = write_nats_configs(registry, tmp_path)
    assert first.values == again.values  # regenerating never rotates by surprise
    secrets = tmp_path / SECRETS_DIR
    for path in secrets.glob("*.conf"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    configuration = "".join(path.read_text() for path in tmp_path.glob("*.conf"))
    assert all(password not in configuration for password in first.values.values())
    ignored = (REPO / ".gitignore").read_text().splitlines()
    assert f"deploy/nats/{SECRETS_DIR}/" in ignored


@pytest.mark.integration
def test_a_new_ward_is_one_registry_line_and_the_server_accepts_every_file(
    tmp_path: Path,
) -> None:
    registry = load_registry(REPO / "deploy" / "wards.toml")
    grown = Registry(
        city=registry.city,
        wards=[*registry.wards, Ward(slug="xuan-hoa", code="27139", name="Phường Xuân Hòa")],
    )
    before, after = generated(registry, tmp_path / "before"), generated(grown, tmp_path / "after")
    assert set(after) - set(before) == {"leaf-xuan-hoa.conf"}
    assert "leaf-xuan-hoa" in after["hub.conf"] and "leaf-xuan-hoa" not in before["hub.conf"]
    for name in after:
        checked = subprocess.run(
            [nats_server_binary(), "-t", "-c", str(tmp_path / "after" / name)],
            capture_output=True,
            text=True,
        )
        assert checked.returncode == 0, checked.stderr
