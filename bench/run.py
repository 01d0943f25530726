"""``make bench``: every figure of the platform beside its baseline, measured in this one run.

Starts its own servers (nats-server from the wheel, SQLite files in a temporary folder), runs
each figure module in turn, prints one table and writes ``bench/results.json`` (see
``figures.py`` for its shape and ``docs/performance.md`` for what each figure means and what
limits it). ``--quick``: the same figures at small sizes, the CI smoke test
(tests/e2e/test_bench_runs.py), written elsewhere with ``--out``.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bare_apps import DATABASE_URL
from figures import FULL, QUICK, Figure, Scale, table, write_results

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results.json"
# In this order: the ones that start whole cities last, so the first figures run on a quiet
# machine.
MODULES = ("relay", "city", "freshness", "processes")


async def measure_all(scale: Scale, only: set[str], out: Path) -> list[Figure]:
    figures: list[Figure] = []
    began = time.perf_counter()
    for name in MODULES:
        if only and name not in only:
            continue
        module = importlib.import_module(name)
        print(f"— {name} …", file=sys.stderr, flush=True)
        folder = Path(tempfile.mkdtemp(prefix=f"qcdc-bench-{name}-"))
        started = time.perf_counter()
        try:
            found = await module.measure(scale, folder)
        except BaseException:
            # Kept: the services' logs there say why (a 500's traceback is only in its log).
            print(f"— {name} failed; its servers' files are kept in {folder}", file=sys.stderr)
            raise
        shutil.rmtree(folder, ignore_errors=True)
        print(f"— {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        figures += found
        # Each module's figures as soon as they are known: a later module that fails (a run
        # of twenty minutes) keeps what the earlier ones measured.
        print(table(found), file=sys.stderr, flush=True)
        write_results(out, figures, scale=scale, took_s=time.perf_counter() - began)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (the CI smoke test)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="default: bench/results.json")
    parser.add_argument("--only", nargs="*", default=[], choices=MODULES, help="these modules")
    parser.add_argument(
        "--database-url",
        help="the databases of processes' city and bare endpoint, as QCDC_DATABASE_URL takes"
        " them with {ward} and {service} (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/"
        "bench_{ward}_{service}); created and dropped by each round. Default: SQLite files in"
        " the round's folder",
    )
    args = parser.parse_args(argv)
    if args.database_url:
        os.environ[DATABASE_URL] = args.database_url
    # The services' own INFO lines would bury the table.
    logging.basicConfig(level=logging.WARNING)
    scale = QUICK if args.quick else FULL
    began = time.perf_counter()
    figures = asyncio.run(measure_all(scale, set(args.only), args.out))
    took = time.perf_counter() - began
    write_results(args.out, figures, scale=scale, took_s=took)
    print(table(figures))
    print(f"{len(figures)} figures in {took:.0f} s → {args.out}")
    return 0


if __name__ == "__main__":
    # The cities measured here are development ones (production is the default; see Makefile).
    os.environ.setdefault("QCDC_ENV", "development")
    # A few load clients stand for a city of citizens: the per-client limits stay on (their
    # cost is measured) but far above what the load sends.
    os.environ.setdefault("QCDC_RATE_LIMIT_FILING", "1000000/minute")
    raise SystemExit(main())
