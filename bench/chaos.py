"""``make chaos``: fault drills under steady load, each judged by what the wards committed
against what the city gateway holds.

Why: DESIGN §4 promises that nothing is lost and nothing is doubled, and §1 that a ward keeps
working while the city is away and the city catches up when it returns. The integration tests
prove each mechanism alone (outbox relay, inbox, the stream's duplicate window); these drills
prove the running city keeps the promise when its processes die in the middle of real work.

A city of two wards (``qcdc run``'s launcher, its own ``nats-server``, SQLite) takes a steady
load over HTTP (``--rate`` writes a second, 10 by default, through the services' APIs with
development tokens): petitions filed by a citizen, residential groups registered and postings
published by officers, every other posting late so that oversight's detector, consuming the
ward's stream, answers with a ``violation.detected`` of its own. Each drill runs the load,
injects its fault, ends it, keeps the load a while, stops it, and waits (generous limits, no
timed assertion) until the gateway holds everything. Its verdict:

- lost: events the wards' outboxes committed that the gateway's ``city_events`` does not hold
  (by event id); writes acknowledged over HTTP that the ward's database does not hold; late
  postings published with no violation detected (an event lost inside the ward);
- doubled: an event id twice in ``city_events``; a petition filed twice (its unique title),
  or one aggregate's event of one type and sequence committed twice (a command or a consumed
  event whose effect happened twice). Petitions carry no idempotency key, so the load never
  retries them: a request that failed is counted as unknown and the ward's database says
  whether it committed (at most once). Groups and publications are idempotent by nature
  (409 once done) and are retried until answered;
- recovery_s: from the fault's end until the gateway holds every event the wards had
  committed by then (a kill ends at the kill: the restart is part of the recovery).

The drills, and what each proves:

- baseline: no fault; the checks themselves, and the gateway's lag under this load.
- nats_killed: SIGKILL of the one ``nats-server``, restarted on its port and store as the
  launcher starts it (in the single-server topology the launcher does not restart NATS).
  Writes keep succeeding while the broker is down (the outbox holds them), nothing JetStream
  acknowledged is lost with the process, the relays and consumers reconnect by themselves.
- <service>_killed, for plans, petitions, publicity, oversight (ward ben-thanh) and the
  gateway: SIGKILL in the middle of requests, relays and consumers; the launcher restarts it.
  A commit is all or nothing (a write, its outbox row, a consumer's inbox row and effects),
  rows committed but not relayed go out after the restart, a message taken but not
  acknowledged is redelivered and not applied twice.
- gateway_stopped: the gateway stopped (SIGTERM) for a minute (10 s with ``--quick``), then
  handed back to the launcher: the wards work on, the city catches up from the stream.
- gateway_paused: the slow consumer. SIGSTOP of the gateway for 40 s (8 s with ``--quick``),
  then SIGCONT: a consumer frozen mid-batch, as in a long GC pause, a swapped-out process or a
  stalled disk, holding what it fetched and has not acknowledged (NATS's view of the consumer
  is kept in the results: ``ack_pending``). 40 s is beyond its ack wait (30 s): on resume
  what it held is due for redelivery while the old batch completes and acknowledges late, so
  the inbox must apply each event once, and the backlog must be caught up.
- ward_disk_read_only: the folder of ben-thanh's four databases made read-only for 10 s.
  ``chmod`` would change nothing for root (which this machine's drills run as); the
  immutable attribute (``chattr +i`` on the files, their WAL and shared memory, and the folder)
  makes every write fail, even through descriptors already open (SQLite: "disk I/O error"), so
  the ward's requests, relays' marks and consumers' inbox rows all fail for 10 s; checked
  before the verdict (``applied``). Failed writes leave nothing behind; the services recover
  without a restart.
- oversight_db_read_only, gateway_db_read_only: one consumer's database alone, the rest of
  the city writing on: its events fail and are retried with backoff, then applied once.
  ``--read-only-s`` sets how long (10 s by default); beyond the consumers' retry budget
  (0.5 + 2 + 10 + 30 s in ``qcdc_shared.inbox``) events go to the dead letters.

Writes ``chaos`` into ``bench/results.json`` (other keys kept), prints a table, exits 1 when a
drill lost or doubled anything or never recovered.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from chaos_city import WARDS, City
from chaos_drills import DRILLS, FULL, QUICK, Scale
from chaos_ledger import Ledger
from chaos_verdict import run_drill

RESULTS = Path(__file__).resolve().parent / "results.json"


async def run(scale: Scale, rate: float, var: Path, only: list[str]) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    this = asyncio.current_task()
    assert this is not None
    loop.add_signal_handler(signal.SIGTERM, this.cancel)
    city = City(var)
    drills: dict[str, Any] = {}
    try:
        print(f"starting a city of {', '.join(WARDS)} in {var} …", flush=True)
        await city.start()
        ledger = Ledger(city.ward_databases(), city.database("city", "gateway"))
        for index, (name, inject) in enumerate(DRILLS):
            if only and name not in only:
                continue
            print(f"— {name} …", flush=True)
            began = time.monotonic()
            drills[name] = await run_drill(city, ledger, index, inject, scale, rate)
            drills[name]["took_s"] = round(time.monotonic() - began, 1)
            print(f"  {row(name, drills[name])}", flush=True)
    finally:
        await city.stop()
    return drills


FAILED_WRITES = ("not_sent", "unknown", "refused", "given_up", "not_created")


def row(name: str, drill: dict[str, Any]) -> str:
    recovery = drill["recovery_s"]
    tallies = drill["writes"].values()
    acked = sum(tally.get("acked", 0) for tally in tallies)
    failed = sum(tally.get(outcome, 0) for tally in tallies for outcome in FAILED_WRITES)
    retried = sum(tally.get("retried", 0) for tally in tallies)
    return (
        f"{name:<21} {drill['committed']:>9} {drill['lost']:>5} {drill['doubled']:>7} "
        f"{'never' if recovery is None else f'{recovery:.1f}':>10} {acked:>6} {failed:>6} "
        f"{retried:>7}  {'ok' if drill['passed'] else 'FAILED'}"
    )


def table(drills: dict[str, Any]) -> str:
    header = (
        f"{'drill':<21} {'committed':>9} {'lost':>5} {'doubled':>7} {'recovery_s':>10} "
        f"{'acked':>6} {'failed':>6} {'retried':>7}  verdict"
    )
    return "\n".join([header, *(row(name, drill) for name, drill in drills.items())])


def write_results(path: Path, chaos: dict[str, Any]) -> None:
    held: dict[str, Any] = {}
    if path.is_file():
        held = json.loads(path.read_text(encoding="utf-8"))
    held["chaos"] = chaos
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(held, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every drill, shorter (~4 min)")
    parser.add_argument("--rate", type=float, default=10.0, help="writes a second (default 10)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="default: bench/results.json")
    parser.add_argument("--keep", action="store_true", help="keep the city's folder and logs")
    parser.add_argument(
        "--read-only-s", type=float, help="how long a disk stays read-only (default 10 s)"
    )
    parser.add_argument(
        "--only", nargs="+", default=[], choices=[name for name, _ in DRILLS], help="these drills"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    scale = QUICK if args.quick else FULL
    if args.read_only_s is not None:
        scale = dataclasses.replace(scale, read_only=args.read_only_s)
    folder = Path(tempfile.mkdtemp(prefix="qcdc-chaos-"))
    began = time.monotonic()
    drills: dict[str, Any] = {}
    try:
        drills = asyncio.run(run(scale, args.rate, folder / "var", args.only))
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("chaos: interrupted; everything it started is stopped", file=sys.stderr)
        return 130
    except RuntimeError as error:  # the launcher's: a process did not start
        print(f"chaos: {error}", file=sys.stderr)
        return 1
    finally:
        passed = bool(drills) and all(drill["passed"] for drill in drills.values())
        if passed and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"the city's folder and logs: {folder}", file=sys.stderr)
    chaos = {
        "scale": scale.name,
        "durations_s": {k: v for k, v in dataclasses.asdict(scale).items() if k != "name"},
        "wards": list(WARDS),
        "rate_per_s": args.rate,
        "took_s": round(time.monotonic() - began, 1),
        "passed": passed,
        "drills": drills,
    }
    write_results(args.out, chaos)
    print(table(drills))
    print(f"{'all drills passed' if passed else 'a drill FAILED'}; results in {args.out}")
    return 0 if passed else 1


if __name__ == "__main__":
    # The cities measured here are development ones (production is the default; see Makefile).
    os.environ.setdefault("QCDC_ENV", "development")
    # A few load clients stand for a city of citizens: the per-client limits stay on (their
    # cost is measured) but far above what the load sends.
    os.environ.setdefault("QCDC_RATE_LIMIT_FILING", "1000000/minute")
    raise SystemExit(main())
