"""Scale drill of the hub-leaf topology (issue 15): Ho Chi Minh City's 168 wards on one machine.

Generates the configuration for every ward of ../shared/data/hcmc_units_2025.csv, starts the
hub and one leaf per ward (servers only: a small publisher per ward stands in for its
services, on the ward's own credentials), publishes ``--events`` events per ward, and reports:

- the time until QCDC_CITY on the hub holds them all;
- the same after the hub is killed, ``--while-down`` more events per ward are written to the
  leaves while it is away, and it is started again: once left to the server alone, once with
  the gateway's source keeper (``qcdc_gateway.source_keeper``) doing what the gateway does;
- the memory (RSS) of the hub, of one leaf, and of all leaves.

Writes ``bench/results/topology.json``. Run with ``make drill-topology`` (not part of
``make test``: it takes minutes and a few GB of memory).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from qcdc_demo.cli import registry_from_csv
from qcdc_gateway.source_keeper import SourceKeeper
from qcdc_shared.streams import CITY_STREAM
from qcdc_shared.tooling.hub_leaf import HubAndLeaves
from qcdc_shared.tooling.nats_server import NatsServer

REPO = Path(__file__).resolve().parents[1]
HCMC = REPO.parent / "shared" / "data" / "hcmc_units_2025.csv"
RESULTS = REPO / "bench" / "results" / "topology.json"
PUBLISHERS_AT_ONCE = 24
WAIT_LIMIT_SECONDS = 600.0


def rss_mib(server: NatsServer) -> float:
    assert server.process is not None
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    return round(kib / 1024, 1)


async def city_messages(city: HubAndLeaves) -> int:
    client = await city.admin().connect(connect_timeout=5)
    try:
        return (await client.jetstream().stream_info(CITY_STREAM)).state.messages
    finally:
        await client.close()


async def until_city_holds(
    city: HubAndLeaves, expected: int, *, nudge: Callable[[], Awaitable[object]] | None = None
) -> float:
    began = time.monotonic()
    while time.monotonic() - began < WAIT_LIMIT_SECONDS:
        try:
            if await city_messages(city) >= expected:
                return round(time.monotonic() - began, 2)
            if nudge is not None:
                await nudge()
        except Exception:  # the hub still starting
            pass
        await asyncio.sleep(0.25)
    raise RuntimeError(f"QCDC_CITY never reached {expected} in {WAIT_LIMIT_SECONDS:.0f}s")


async def publish(city: HubAndLeaves, per_ward: int, batch: str) -> float:
    """Every ward's publisher, a few at a time, each on its own leaf as the ward's services."""
    gate = asyncio.Semaphore(PUBLISHERS_AT_ONCE)

    async def ward_publisher(ward: str) -> None:
        async with gate:
            client = await city.services(ward).connect(connect_timeout=10)
            try:
                js = client.jetstream()
                acks = [
                    js.publish(
                        f"qcdc.{ward}.publicity.posting.published",
                        json.dumps({"ward": ward, "n": n, "batch": batch}).encode(),
                        headers={"Nats-Msg-Id": f"{ward}-{batch}-{n}"},
                    )
                    for n in range(per_ward)
                ]
                await asyncio.gather(*acks)
            finally:
                await client.close()

    began = time.monotonic()
    await asyncio.gather(*(ward_publisher(ward) for ward in city.leaves))
    return round(time.monotonic() - began, 2)


async def restart_hub(city: HubAndLeaves, per_ward: int, batch: str, expected: int, keep: bool):
    city.hub.stop(kill=True)
    wrote_in = await publish(city, per_ward, batch)
    began = time.monotonic()
    await asyncio.to_thread(city.hub.start, 30.0)
    up_in = round(time.monotonic() - began, 2)
    nudge = None
    if keep:
        keeper = SourceKeeper()
        client = await city.admin().connect(connect_timeout=5, max_reconnect_attempts=-1)

        async def look() -> None:
            await keeper.look(client)

        nudge = look
    try:
        complete_in = await until_city_holds(city, expected, nudge=nudge)
    finally:
        if keep:
            await client.close()
    return {
        "written_while_down": per_ward * len(city.leaves),
        "writing_took_s": wrote_in,
        "hub_restart_s": up_in,
        "complete_after_hub_return_s": complete_in,
        "source_keeper": keep,
    }


async def drill(args: argparse.Namespace) -> dict[str, object]:
    registry = registry_from_csv(HCMC, args.wards)
    wards = len(registry.wards)
    with tempfile.TemporaryDirectory(prefix="qcdc-drill-") as folder:
        began = time.monotonic()
        city = HubAndLeaves(registry, Path(folder))
        await asyncio.to_thread(city.start, 60.0)
        started = round(time.monotonic() - began, 2)
        try:
            began = time.monotonic()
            await city.ensure_streams()
            streams = round(time.monotonic() - began, 2)
            total = wards * args.events
            began = time.monotonic()
            published = await publish(city, args.events, "first")
            complete = await until_city_holds(city, total)
            first = {
                "events": total,
                "publishing_took_s": published,
                "city_complete_after_first_publish_s": round(time.monotonic() - began, 2),
                "city_complete_after_last_ack_s": complete,
            }
            memory = {
                "hub_rss_mib": rss_mib(city.hub),
                "one_leaf_rss_mib": rss_mib(next(iter(city.leaves.values()))),
                "all_leaves_rss_mib": round(sum(rss_mib(s) for s in city.leaves.values()), 1),
            }
            total += wards * args.while_down
            alone = await restart_hub(city, args.while_down, "alone", total, keep=False)
            total += wards * args.while_down
            kept = await restart_hub(city, args.while_down, "kept", total, keep=True)
            assert await city_messages(city) == total, "the city holds an event twice"
        finally:
            city.stop()
    return {
        "wards": wards,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "servers_started_s": started,
        "streams_made_s": streams,
        "first_load": first,
        "hub_restart_server_alone": alone,
        "hub_restart_with_source_keeper": kept,
        "memory_after_first_load": memory,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=168)
    parser.add_argument("--events", type=int, default=100, help="events per ward at first")
    parser.add_argument("--while-down", type=int, default=50, help="per ward, hub away")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    results = asyncio.run(drill(args))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    # The cities measured here are development ones (production is the default; see Makefile).
    os.environ.setdefault("QCDC_ENV", "development")
    main()
