"""``qcdc demo`` against a city started with ``qcdc run --empty`` (as tests/e2e/city.py starts
one, with a single ward): a month of history seen only through the gateway, and a second fresh
city given the same seed ending with the same counts."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_shared.testing.clock import TestClock, clock_at_arguments
from qcdc_shared.testing.environment import clean_environment
from qcdc_shared.tooling.nats_server import free_port

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[3]
QCDC = str(Path(sys.executable).parent / "qcdc")
WARD = "ben-thanh"
KINDS = {"feedback", "complaint", "denunciation", "information_request", "lead"}


@dataclass
class DemoCity:
    demo: subprocess.CompletedProcess[str]
    demo_seconds: float
    wards: dict[str, Any]
    city: dict[str, Any]
    escalations: list[dict[str, Any]]
    event_types: Counter[str]
    clock: str
    present: TestClock


def build_demo_city(var_dir: Path) -> DemoCity:
    """Start a one-ward city, run a month of demo, read the gateway, stop the city."""
    present = TestClock.pinned()
    port = free_port()
    env = clean_environment(QCDC_GATEWAY_PORT=str(port), QCDC_VAR_DIR=str(var_dir))
    output: list[str] = []
    city = subprocess.Popen(
        [QCDC, "run", "--empty", "--wards", WARD, "--var", str(var_dir), *clock_at_arguments()],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert city.stdout is not None
    threading.Thread(target=lambda: output.extend(city.stdout or ()), daemon=True).start()
    try:
        began = time.monotonic()
        while not any("the city is up" in line for line in output):
            assert city.poll() is None, "qcdc run exited:\n" + "".join(output)
            assert time.monotonic() - began < 120, "qcdc run not up:\n" + "".join(output)
            time.sleep(0.1)

        def qcdc(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [QCDC, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
            )

        began = time.monotonic()
        topology = str(var_dir / "run" / "topology.json")
        demo = qcdc("demo", "--months", "1", "--seed", "2026", "--topology", topology, timeout=240)
        demo_seconds = time.monotonic() - began
        gateway = f"http://127.0.0.1:{port}"
        monitor = {
            "Authorization": "Bearer " + qcdc("token", "--role", "city_monitor").stdout.strip()
        }
        escalations = httpx.get(
            f"{gateway}/api/escalations", params={"limit": 200}, headers=monitor
        ).json()
        return DemoCity(
            demo=demo,
            demo_seconds=demo_seconds,
            wards=httpx.get(f"{gateway}/api/wards").json(),
            city=httpx.get(f"{gateway}/api/city/indicators").json()["city"],
            escalations=escalations["items"],
            event_types=event_types(gateway),
            clock=qcdc("clock", "show").stdout,
            present=present,
        )
    finally:
        city.send_signal(signal.SIGTERM)
        city.wait(timeout=30)


def event_types(gateway: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    params: dict[str, Any] = {"limit": 200}
    while True:
        page = httpx.get(f"{gateway}/api/events", params=params).json()
        counts.update(event["type"] for event in page["items"])
        if not page["next_cursor"]:
            return counts
        params["cursor"] = page["next_cursor"]


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoCity]:
    yield build_demo_city(tmp_path_factory.mktemp("demo-a") / "var")


def test_the_demo_runs_without_a_refusal_and_leaves_the_clock_at_the_present(
    first: DemoCity,
) -> None:
    assert first.demo.returncode == 0, first.demo.stdout + first.demo.stderr
    assert "từ chối" not in first.demo.stdout  # the summary lists refused calls
    assert "demo city: 1 phường" in first.demo.stdout
    # Where it found it: real time, or the instant the harness pinned (QCDC_TEST_NOW).
    shown = dt.datetime.fromisoformat(first.clock.split()[0])
    assert abs(shown - first.present.now()) < dt.timedelta(minutes=2), first.clock
    print(f"\na month of demo history for one ward in {first.demo_seconds:.1f}s")


def test_the_gateway_shows_a_living_ward(first: DemoCity) -> None:
    (ward,) = first.wards["items"]
    assert ward["slug"] == WARD
    indicators = ward["indicators"]
    assert indicators["postings_published"] >= 5 and indicators["postings_current"] >= 1
    assert indicators["tasks_total"] >= 1 and indicators["tasks_progress_pct"] is not None
    assert indicators["decisions_held"] >= 1 and indicators["conferences_held"] >= 1


def test_postings_petitions_decisions_and_violations_of_every_kind(first: DemoCity) -> None:
    city = first.city
    assert city["postings_withdrawn_early"] >= 1  # PUB-MIN30
    assert set(city["petitions_received_by_kind"]) == KINDS
    answered, on_time = city["petitions_answered"], city["petitions_answered_on_time"]
    assert on_time >= 1 and answered - on_time >= 1, city
    assert city["decisions_held"] >= 1 and city["decisions_recognised"] >= 1
    assert city["violations_detected"] >= 3
    assert {"PUB-MIN30", "OVS-ANSWER"} <= set(city["violations_open_by_rule"])
    types = first.event_types
    for event in (
        "plans.task.progressed",
        "plans.decision.recognised",
        "publicity.posting.withdrawn",
        "petitions.petition.answered",
        "oversight.recommendation.answered",
        "oversight.violation.detected",
    ):
        assert any(f".{event}." in t for t in types), event


def test_the_city_queue_has_escalated_petitions_and_an_unanswered_recommendation(
    first: DemoCity,
) -> None:
    assert first.city["petitions_escalated"] >= 1
    kinds = Counter(item["kind"] for item in first.escalations)
    assert kinds["petition"] >= 1 and kinds["recommendation"] >= 1, kinds
    assert all(item["ward"] == WARD for item in first.escalations)


def test_the_same_seed_builds_the_same_city(
    first: DemoCity, tmp_path_factory: pytest.TempPathFactory
) -> None:
    second = build_demo_city(tmp_path_factory.mktemp("demo-b") / "var")
    assert second.demo.returncode == 0, second.demo.stdout + second.demo.stderr
    assert second.city == first.city
    assert second.event_types == first.event_types
