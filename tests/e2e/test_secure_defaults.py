"""Production is the default: a service process started without ``QCDC_ENV`` and without keys
refuses to start and names each missing setting; given the city's identity provider's public
key, its own keys and a registered ward, the same command serves in production."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from qcdc_shared.testing.environment import clean_environment
from qcdc_shared.tooling.nats_server import free_port

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
APPS = ["qcdc_plans", "qcdc_petitions", "qcdc_publicity", "qcdc_oversight", "qcdc_gateway"]


def environment(**given: str) -> dict[str, str]:
    """This process's environment without any QCDC_ setting (the suite's development
    included), plus ``given``."""
    return clean_environment(asked={}, **given)


def serve(app: str, env: dict[str, str], port: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "uvicorn", f"{app}.main:app", "--port", str(port)]
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.parametrize("app", APPS)
def test_without_qcdc_env_a_service_refuses_and_names_what_is_missing(app: str) -> None:
    process = serve(app, environment(), free_port())
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    for setting in ("QCDC_JWT_JWKS_URL", "QCDC_IDENTITY_KEY", "QCDC_PSEUDONYM_KEY"):
        assert setting in err, err
    assert "Traceback" not in err, err  # one readable line per setting, not a stack


def production_environment(tmp_path: Path, **given: str) -> dict[str, str]:
    public_key = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return environment(
        QCDC_JWT_PUBLIC_KEY=public_key,
        QCDC_IDENTITY_KEY=Fernet.generate_key().decode(),
        QCDC_PSEUDONYM_KEY=Fernet.generate_key().decode(),
        QCDC_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
        # Nothing answers there: the service serves and keeps trying to reach its broker.
        QCDC_NATS_URL=f"nats://127.0.0.1:{free_port()}",
        **given,
    )


def test_a_production_ward_service_needs_its_ward_named(tmp_path: Path) -> None:
    for given, said in [({}, "QCDC_WARD is missing"), ({"QCDC_WARD": ""}, "QCDC_WARD is empty")]:
        process = serve("qcdc_plans", production_environment(tmp_path, **given), free_port())
        _, err = process.communicate(timeout=60)
        assert process.returncode != 0
        assert said in err, err


def test_configured_production_serves(tmp_path: Path) -> None:
    port = free_port()
    process = serve("qcdc_plans", production_environment(tmp_path, QCDC_WARD="ben-thanh"), port)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()[1]
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/livez", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the production service never answered"
                time.sleep(0.2)
        assert response.status_code == 200
        anonymous = httpx.post(f"http://127.0.0.1:{port}/plans", json={}, timeout=5)
        assert anonymous.status_code == 401
    finally:
        process.terminate()
        process.wait(timeout=30)
