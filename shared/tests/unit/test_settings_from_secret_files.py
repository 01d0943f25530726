"""A deployment gives passwords and keys as files (compose's /run/secrets, named after the
setting) instead of environment variables that `docker inspect` shows: QCDC_SECRETS_DIR."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

# The folder is read when the settings class is made, so each case is its own interpreter.
READ = (
    "import json; from qcdc_shared.settings import Locations; s = Locations(); "
    "print(json.dumps([s.nats_user, s.nats_password and s.nats_password.get_secret_value(), "
    "s.database_url]))"
)


def settings_in(environment: dict[str, str]) -> list[str | None]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("QCDC_")}
    done = subprocess.run(
        [sys.executable, "-c", READ],
        env={**clean, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    read: list[str | None] = json.loads(done.stdout)
    return read


def test_settings_are_read_from_files_named_after_them(tmp_path: Path) -> None:
    (tmp_path / "qcdc_nats_password").write_text("from-a-file\n")
    (tmp_path / "qcdc_database_url").write_text("postgresql+asyncpg://q:pw@db/{service}")
    user, password, url = settings_in(
        {"QCDC_SECRETS_DIR": str(tmp_path), "QCDC_NATS_USER": "services"}
    )
    assert (user, password, url) == (
        "services",
        "from-a-file",
        "postgresql+asyncpg://q:pw@db/{service}",
    )


def test_the_environment_wins_and_no_folder_means_none(tmp_path: Path) -> None:
    (tmp_path / "qcdc_nats_password").write_text("from-a-file")
    given = {"QCDC_SECRETS_DIR": str(tmp_path), "QCDC_NATS_PASSWORD": "from-the-environment"}
    assert settings_in(given)[1] == "from-the-environment"
    assert settings_in({})[1] is None
