"""A city started with ``qcdc run`` as a user would, for the end-to-end tests."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from qcdc_shared.testing.clock import TestClock, clock_at_arguments
from qcdc_shared.testing.environment import clean_environment
from qcdc_shared.tooling.nats_server import free_port

# The README's posting, as a ward officer sends it.
POSTING = {
    "category": 1,
    "title": "Kế hoạch phát triển kinh tế - xã hội năm 2027",
    "body": "Toàn văn kế hoạch đã được Hội đồng nhân dân thông qua.",
    "channels": ["notice_board", "portal"],
}
REPO = Path(__file__).resolve().parents[2]
QCDC = str(Path(sys.executable).parent / "qcdc")


class City:
    """``qcdc run --empty`` by default; ``demo_months`` builds the demo city first, and
    ``wait=False`` returns before the ready line (see :meth:`wait_until_up`)."""

    def __init__(
        self,
        var_dir: Path,
        wards: str,
        *,
        demo_months: int | None = None,
        wait: bool = True,
        topology: str = "single",
    ) -> None:
        self.clock = TestClock.pinned()  # the city's "now" as the tests see it
        self.var_dir = var_dir
        self.gateway_port = free_port()
        self.env = clean_environment(
            QCDC_GATEWAY_PORT=str(self.gateway_port), QCDC_VAR_DIR=str(var_dir)
        )
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [
                QCDC,
                "run",
                "--wards",
                wards,
                "--var",
                str(var_dir),
                *(["--demo-months", str(demo_months)] if demo_months else ["--empty"]),
                *(["--topology", topology] if topology != "single" else []),
                *clock_at_arguments(),
            ],
            cwd=REPO,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.began = time.monotonic()
        self.started_in = self.wait_until_up() if wait else 0.0

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line.rstrip())

    def wait_until_up(self, limit: float = 240.0) -> float:
        """Until the ready line; the seconds since ``qcdc run`` started."""
        while time.monotonic() - self.began < limit:
            if any("the city is up" in line for line in self.output):
                return time.monotonic() - self.began
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

    def restore_clock(self) -> None:
        """Back to the harness's "now" after a test moved the shared clock."""
        self.qcdc("clock", "set", self.clock.now().isoformat())

    def pid(self, role: str) -> int:
        """The pid of a process ``qcdc run`` started: ``hub``, ``leaf:<ward>``,
        ``<ward>/<service>``, ``city/gateway``."""
        processes = self.topology["processes"]
        assert isinstance(processes, dict)
        return int(processes[role]["pid"])

    def token(self, role: str, ward: str | None = None) -> str:
        return self.qcdc("token", "--role", role, *(["--ward", ward] if ward else []))

    def terminate(self) -> float:
        began = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        return time.monotonic() - began
