"""A service forked from the launcher's fork server is a process of its own, as a spawned one
was: the environment it is given (not the launcher's), its own log, uvicorn's exit codes, and
the ``subprocess.Popen`` answers the launcher supervises it with (``qcdc_shared.tooling.forked``).

Uses the plans service against a SQLite file and a NATS URL nobody listens on (it starts and
answers ``/health`` without NATS, DESIGN §4).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from qcdc_shared.tooling.forked import ForkedProcess, start_service
from qcdc_shared.tooling.nats_server import free_port

pytestmark = pytest.mark.integration


def wait_health(url: str, process: ForkedProcess | subprocess.Popen[bytes]) -> dict[str, object]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"exited with {process.poll()}"
        try:
            response = httpx.get(f"{url}/health", timeout=2)
            if response.status_code == 200:
                body: dict[str, object] = response.json()
                return body
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} never answered /health")


def test_a_forked_service_runs_with_its_own_environment_and_log(tmp_path: Path) -> None:
    port, log = free_port(), tmp_path / "log" / "tan-dinh-plans.log"
    log.parent.mkdir()
    env = {
        **os.environ,
        "QCDC_ENV": "development",
        "QCDC_WARD": "tan-dinh",
        "QCDC_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
        "QCDC_NATS_URL": "nats://127.0.0.1:1",
    }
    process = start_service("qcdc_plans.main:app", port, env, log)
    try:
        assert isinstance(process, ForkedProcess)  # Linux: forked, not spawned
        assert process.pid != os.getpid()
        health = wait_health(f"http://127.0.0.1:{port}", process)
        assert (health["service"], health["ward"]) == ("plans", "tan-dinh")
        assert (tmp_path / "tan-dinh-plans.db").is_file()
        assert "QCDC_WARD" not in os.environ or os.environ["QCDC_WARD"] != "tan-dinh"
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(0.1)
        process.send_signal(signal.SIGTERM)
        # uvicorn stops gracefully, then raises the signal again: as under `python -m uvicorn`.
        assert process.wait(15) == -signal.SIGTERM
        assert process.poll() == -signal.SIGTERM
        process.send_signal(signal.SIGTERM)  # stopped already: nothing to signal
        assert log.read_text()  # the service's own output went to its log
    finally:
        process.kill()


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "spawned"])
def test_a_killed_service_reports_the_signal_as_popen_does(tmp_path: Path, fork: bool) -> None:
    port, log = free_port(), tmp_path / "plans.log"
    env = {
        **os.environ,
        "QCDC_ENV": "development",
        "QCDC_WARD": "ben-thanh",
        "QCDC_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/{{service}}.db",
        "QCDC_NATS_URL": "nats://127.0.0.1:1",
    }
    process = start_service("qcdc_plans.main:app", port, env, log, fork=fork)
    assert isinstance(process, ForkedProcess) == fork  # a ward's portal is spawned
    wait_health(f"http://127.0.0.1:{port}", process)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(15) == -signal.SIGKILL
