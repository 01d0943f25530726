"""``make bench`` must never rot: its quick mode (the same figures at small sizes) runs here,
and every figure the performance issue names comes out with a value beside its target, its
baseline and ratio consistent, and ``met`` what the numbers say. The figures themselves are
not judged here (a loaded CI machine is no benchmark): docs/performance.md holds them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
NAMES = {
    "relay_ratio",
    "intake_ratio",
    "city_ingest_ratio",
    "rebuild_events_per_s",
    "freshness_p99_ms",
    "overview_p99_ms",
    "ward_page_p99_ms",
    "as_of_p99_ms",
    "rss_mb_max",
    "city_start_s",
}


@pytest.mark.timeout(900)
def test_the_quick_bench_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=840,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    found = json.loads(out.read_text(encoding="utf-8"))

    assert found["scale"] == "quick" and found["machine"]["cpus"]
    results = found["results"]
    assert set(results) >= NAMES, NAMES - set(results)
    for name, figure in results.items():
        assert figure["value"] > 0 and figure["unit"] and figure["target"] > 0, name
        if figure["baseline"]:
            assert figure["ratio"] == pytest.approx(figure["value"] / figure["baseline"], 1e-3)
        judged = figure["ratio"] if figure["judge"] == "ratio" else figure["value"]
        if figure["judge"] is None and figure["goal"] == "at_least" and figure["ratio"]:
            judged = figure["ratio"]
        expected = (
            judged >= figure["target"]
            if figure["goal"] == "at_least"
            else judged < figure["target"]
        )
        assert figure["met"] is expected, name
    table = run.stdout
    assert all(name in table for name in NAMES), table
