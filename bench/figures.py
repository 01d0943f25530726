"""What every figure of ``make bench`` is: a value beside its baseline from the same run, the
ratio between them, the target and whether it was met; and the one table and JSON file
(``bench/results.json``) they all go to.

A figure module (``relay.py``, ``intake.py``...) exposes ``async def measure(scale, folder)``
returning a list of :class:`Figure`; ``run.py`` runs them one after another and writes the
results. Medians of ``scale.rounds`` rounds, never a single run.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

# "at_least": the ratio (or, with no baseline, the value) must reach the target; "below": the
# value must stay under it.
Goal = Literal["at_least", "below"]


@dataclass(frozen=True)
class Scale:
    """How big a run is: ``full`` for ``make bench``, ``quick`` for the CI smoke test (same
    figures, same table, small sizes)."""

    quick: bool
    rounds: int
    wards: int  # of Ho Chi Minh City's 168, for the city figures
    city_events: int  # what QCDC_CITY holds for the ingest figure
    rebuild_events: int  # what QCDC_CITY holds for the rebuild and the read figures
    relay_events: int
    intake_petitions: int
    intake_clients: int
    freshness_seconds: float
    freshness_rate: float  # petitions per second, spread over freshness_wards
    freshness_wards: int
    reads: int  # requests per read figure


FULL = Scale(
    quick=False,
    rounds=3,
    wards=168,
    city_events=168_000,
    rebuild_events=1_008_000,
    relay_events=5_000,
    intake_petitions=2_000,
    intake_clients=32,
    freshness_seconds=30.0,
    freshness_rate=100.0,
    freshness_wards=10,
    reads=200,
)
QUICK = Scale(
    quick=True,
    rounds=1,
    wards=168,
    city_events=3_360,
    rebuild_events=6_720,
    relay_events=500,
    intake_petitions=200,
    intake_clients=32,
    freshness_seconds=5.0,
    freshness_rate=20.0,
    freshness_wards=2,
    reads=20,
)


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: float
    goal: Goal
    baseline: float | None = None
    # Anything else worth keeping beside the value (p50, sizes, every round's value).
    detail: dict[str, Any] = field(default_factory=dict)
    # What ``met`` holds to the target. None: the ratio for "at_least" (the value with no
    # baseline), the value for "below". "ratio" for a "below" target that is a multiple of the
    # baseline ("within 2× of the bare processes").
    judge: Literal["value", "ratio"] | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def met(self) -> bool:
        ratio = self.ratio
        if self.judge == "ratio" and ratio is None:
            return False  # a multiple of a baseline that was not measured
        by_ratio = self.judge == "ratio" or (self.judge is None and self.goal == "at_least")
        judged = ratio if by_ratio and ratio is not None else self.value
        return judged >= self.target if self.goal == "at_least" else judged < self.target

    def as_json(self) -> dict[str, Any]:
        found = asdict(self)
        del found["name"]
        ratio = self.ratio
        found["ratio"] = round(ratio, 4) if ratio is not None else None
        found["met"] = self.met
        for key in ("value", "baseline"):
            if found[key] is not None:
                found[key] = round(found[key], 3)
        return found


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (p99 of 200 samples is the 198th smallest)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no samples")
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


class Stopwatch:
    def __enter__(self) -> Stopwatch:
        self.began = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self.began


def machine() -> dict[str, Any]:
    memory_kib = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        first = meminfo.read_text().splitlines()[0]
        memory_kib = int(first.split()[1])
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gib": round(memory_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def write_results(
    path: Path, figures: Sequence[Figure], *, scale: Scale, took_s: float, keep: bool = True
) -> dict[str, Any]:
    """``keep``: other top-level keys already in the file (``chaos``, from ``make chaos``)
    stay."""
    held: dict[str, Any] = {}
    if keep and path.is_file():
        held = json.loads(path.read_text(encoding="utf-8"))
    held.update(
        {
            "machine": machine(),
            "scale": "quick" if scale.quick else "full",
            "took_s": round(took_s, 1),
            "results": {figure.name: figure.as_json() for figure in figures},
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(held, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return held


def table(figures: Sequence[Figure]) -> str:
    lines = [
        f"{'figure':<22} {'value':>12} {'unit':<10} {'baseline':>12} {'ratio':>7} "
        f"{'target':>10}  met"
    ]
    for figure in figures:
        ratio = figure.ratio
        target = ("≥ " if figure.goal == "at_least" else "< ") + f"{figure.target:g}"
        lines.append(
            f"{figure.name:<22} {figure.value:>12.1f} {figure.unit:<10} "
            f"{'' if figure.baseline is None else f'{figure.baseline:.1f}':>12} "
            f"{'' if ratio is None else f'{ratio:.3f}':>7} {target:>10}  "
            f"{'yes' if figure.met else 'NO'}"
        )
    return "\n".join(lines)
