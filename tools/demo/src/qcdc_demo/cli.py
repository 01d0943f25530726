"""``qcdc demo``: months of history for a running city, or a registry of N wards for benchmarks.

    qcdc demo                                   # every ward in var/run/topology.json, 5 months
    qcdc demo --wards ben-thanh --months 1 --seed 7
    qcdc demo --registry-csv ../shared/data/hcmc_units_2025.csv --limit 168 --output wards.toml

The history goes through the wards' HTTP APIs under the shared clock, so run it on a fresh
city (``qcdc run --empty``): a second run adds a second history, and the plan of a year and
the residential groups already registered are refused (reported, not fatal).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qcdc_demo.client import DemoError
from qcdc_demo.runner import Summary, build_city
from qcdc_shared.readiness import CityState
from qcdc_shared.registry import Registry, Ward, dump_registry
from qcdc_shared.settings import Locations
from qcdc_shared.subjects import check_ward

DEFAULT_MONTHS = 5
DEFAULT_SEED = 2026


def default_topology(settings: Locations) -> Path:
    return Path(settings.topology_file or Path(settings.var_dir) / "run" / "topology.json")


async def build(
    *,
    topology: Path,
    wards: list[str] | None = None,
    months: int = DEFAULT_MONTHS,
    seed: int = DEFAULT_SEED,
    say: Callable[[str], None] = print,
    builder: CityState | None = None,
) -> Summary:
    """What ``qcdc run`` calls on a first start (with the launcher's ``builder`` mark, made
    before any service started), and ``qcdc demo`` on demand."""
    running = load_topology(topology)
    summary = await build_city(
        running, wards=wards, months=months, seed=seed, say=say, builder=builder
    )
    for line in summary.lines():
        say(line)
    return summary


def load_topology(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise DemoError(f"no running city: {path} is missing (start one with `qcdc run`)")
    topology: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return topology


def registry_from_csv(path: Path, limit: int) -> Registry:
    """The first ``limit`` wards of an official list (../shared/data/*.csv) as a registry."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    if not rows:
        raise ValueError(f"{path} has no wards")
    chosen = rows[:limit]
    wards = [
        Ward(slug=check_ward(row["slug"]), code=row["code"], name=row["name"]) for row in chosen
    ]
    return Registry(city=chosen[0]["city"], wards=wards)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="qcdc demo",
        description="Build a demo city through the wards' APIs, or a registry for benchmarks.",
    )
    root.add_argument("--wards", help="comma-separated ward slugs (default: every running ward)")
    root.add_argument(
        "--months",
        type=int,
        default=DEFAULT_MONTHS,
        help="history length in months (default %(default)s)",
    )
    root.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="same seed, same city (default %(default)s)"
    )
    root.add_argument("--topology", help="the running city (default var/run/topology.json)")
    root.add_argument("--registry-csv", help="write a registry of wards from this CSV instead")
    root.add_argument("--limit", type=int, help="with --registry-csv: the first N wards")
    root.add_argument("--output", help="with --registry-csv: the TOML file (default stdout)")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.registry_csv:
        try:
            registry = registry_from_csv(Path(args.registry_csv), args.limit or 10**6)
        except (OSError, ValueError, KeyError) as error:
            print(f"qcdc demo: {error}", file=sys.stderr)
            return 2
        text = dump_registry(registry)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
            print(f"{len(registry.wards)} wards written to {args.output}")
        else:
            print(text, end="")
        return 0
    settings = Locations()
    if settings.env == "production":
        print("qcdc demo: refused when QCDC_ENV=production", file=sys.stderr)
        return 2
    topology = Path(args.topology) if args.topology else default_topology(settings)
    wards = [w.strip() for w in args.wards.split(",") if w.strip()] if args.wards else None
    try:
        summary = asyncio.run(
            build(topology=topology, wards=wards, months=args.months, seed=args.seed)
        )
    except (DemoError, ValueError, OSError) as error:
        print(f"qcdc demo: {error}", file=sys.stderr)
        return 2
    return 1 if summary.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
