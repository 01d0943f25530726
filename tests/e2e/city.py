"""A city started with ``qcdc run`` as a user would, for the end-to-end tests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from qcdc_shared.nats_server import free_port

REPO = Path(__file__).resolve().parents[2]
QCDC = str(Path(sys.executable).parent / "qcdc")


class City:
    def __init__(self, var_dir: Path, wards: str) -> None:
        self.var_dir = var_dir
        self.gateway_port = free_port()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("QCDC_")},
            "QCDC_GATEWAY_PORT": str(self.gateway_port),
            "QCDC_VAR_DIR": str(var_dir),
        }
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [QCDC, "run", "--wards", wards, "--var", str(var_dir), "--empty"],
            cwd=REPO,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.started_in = self._wait_for_start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line.rstrip())

    def _wait_for_start(self, limit: float = 120.0) -> float:
        began = time.monotonic()
        while time.monotonic() - began < limit:
            if any("the city is up" in line for line in self.output):
                return time.monotonic() - began
            if self.process.poll() is not None:
                raise AssertionError("qcdc run exited:\n" + "\n".join(self.output))
            time.sleep(0.1)
        raise AssertionError(f"qcdc run not up in {limit}s:\n" + "\n".join(self.output))

    @property
    def gateway(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    @property
    def topology(self) -> dict[str, object]:
        return dict(json.loads((self.var_dir / "run" / "topology.json").read_text()))

    def run_qcdc(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [QCDC, *args], cwd=REPO, env=self.env, capture_output=True, text=True, timeout=60
        )

    def qcdc(self, *args: str) -> str:
        done = self.run_qcdc(*args)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def token(self, role: str, ward: str | None = None) -> str:
        return self.qcdc("token", "--role", role, *(["--ward", ward] if ward else []))

    def terminate(self) -> float:
        began = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        return time.monotonic() - began
