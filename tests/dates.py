"""``make test-dates``: pytest once per instant, with every service's shared clock pinned there.

    python tests/dates.py --jobs 2 2027-03-31T16:00+07:00 2026-12-31T23:30+07:00 -- -m e2e ...

Each instant runs as its own pytest process (``QCDC_TEST_NOW``, SQLite only), ``--jobs`` of them
at a time: the suites mostly wait on sweeps, brokers and disks, so two share two cores well.
Each run gets its own temporary folder (on /dev/shm when the machine has one: the stores fsync
a lot) and its own log; a run's log is printed whole when it fails, its last line otherwise.
The exit status is 1 when any instant failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from qcdc_shared.clock import parse_instant


def run(instant: str, index: int, pytest_args: list[str], workdir: Path) -> tuple[bool, str]:
    began = time.monotonic()
    log = workdir / f"{index}.log"
    env = {**os.environ, "QCDC_TEST_NOW": instant, "QCDC_TEST_DATABASES": "sqlite"}
    with log.open("w", encoding="utf-8") as out:
        pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        done = subprocess.run(
            [*pytest, f"--basetemp={workdir / str(index)}", *pytest_args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    text = log.read_text(encoding="utf-8", errors="replace")
    ok = done.returncode == 0
    head = f"== QCDC_TEST_NOW={instant}: {'passed' if ok else 'FAILED'} in "
    head += f"{time.monotonic() - began:.0f}s"
    body = text.strip().splitlines()[-1:] if ok else text.splitlines()
    return ok, "\n".join([head, *body])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tests/dates.py", description=__doc__)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("instants", nargs="+", help="ISO instants (QCDC_TEST_NOW)")
    args, pytest_args = parser.parse_args(argv[: argv.index("--")]), argv[argv.index("--") + 1 :]
    for instant in args.instants:
        parse_instant(instant)  # a typo fails here, not as five red runs
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(
        prefix="qcdc-dates-", dir=shm if shm.is_dir() else None
    ) as folder:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = [
                pool.submit(run, instant, index, pytest_args, Path(folder))
                for index, instant in enumerate(args.instants)
            ]
            results = []
            for future in futures:  # in the order given, each as soon as it is done
                ok, report = future.result()
                print(report, flush=True)
                results.append(ok)
    failed = [i for i, ok in zip(args.instants, results, strict=True) if not ok]
    if failed:
        print(f"make test-dates failed at: {' '.join(failed)}", flush=True)
        return 1
    print(f"make test-dates: {len(results)} instants passed", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
