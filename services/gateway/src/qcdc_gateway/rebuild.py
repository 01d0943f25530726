"""``qcdc gateway rebuild``: throw the city's projections away and fold QCDC_CITY again.

The facts are a function of the stream, so a rebuild gives the numbers the live consumer gave.
The event log keeps its rows and positions (clients resume /api/stream by position) and the
ledger heads stay as the append-only evidence they are; what either lacks is appended. Run it
with the gateway stopped, or accept that the live consumer and the rebuild both append (the
log's unique event id keeps either from doubling an event). It believes what the live consumer
believes (``provenance.refusals``, with the registry's wards): what that consumer dead-lettered
is skipped, never folded. Defaults follow ``qcdc run``: the city's NATS from
var/run/topology.json, the gateway database under var/data/city/ and the registry the settings
name.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Collection
from pathlib import Path

import nats
from nats.js.api import ConsumerConfig, DeliverPolicy
from sqlalchemy.ext.asyncio import AsyncEngine
from tqdm import tqdm

from qcdc_gateway.adapters.batch import BatchedProjections
from qcdc_gateway.adapters.facts import clear_facts
from qcdc_gateway.adapters.tables import metadata
from qcdc_gateway.handlers.projection import project_batch
from qcdc_shared.bus import waiting
from qcdc_shared.db import infrastructure_metadata, make_engine, make_sessionmaker
from qcdc_shared.envelope import Envelope
from qcdc_shared.inbox import examined
from qcdc_shared.migrations import upgrade
from qcdc_shared.published_contracts import published_contracts
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Locations
from qcdc_shared.streams import CITY_STREAM

BATCH = 500
MIGRATIONS = Path(__file__).resolve().parent / "migrations" / "versions"

log = logging.getLogger(__name__)


async def migrated(database_url: str) -> AsyncEngine:
    """The gateway's database at its newest migration, as the service brings it at start."""
    await upgrade(
        database_url,
        service_versions=MIGRATIONS,
        target_metadata=[infrastructure_metadata, metadata],
    )
    return make_engine(database_url)


async def rebuild(
    *,
    nats_url: str,
    database_url: str,
    wards: Collection[str],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Fold every event of QCDC_CITY the city believes (``wards``: the registry's) into a
    cleared gateway database; returns how many were folded."""
    contracts = published_contracts()
    engine = await migrated(database_url)
    sessions = make_sessionmaker(engine)
    client = await nats.connect(nats_url, connect_timeout=5, max_reconnect_attempts=3)
    try:
        js = client.jetstream()
        total = (await js.stream_info(CITY_STREAM)).state.messages
        async with sessions.begin() as session:
            await clear_facts(session)
        # An ephemeral consumer from the first message; the live durable one is untouched.
        sub = await js.pull_subscribe(
            "qcdc.>",
            stream=CITY_STREAM,
            config=ConsumerConfig(deliver_policy=DeliverPolicy.ALL, inactive_threshold=60.0),
        )
        done = folded = 0
        while done < total:
            wanted = min(BATCH, total - done)
            try:
                batch = await sub.fetch(wanted, timeout=2)
            except TimeoutError:  # nats-py raises its own subclass, or the builtin
                break
            batch += await waiting(sub, wanted - len(batch))
            believed: list[Envelope] = []
            for message in batch:  # what the live consumer dead-lettered is skipped
                envelope, refused = examined(message, wards=wards, contracts=contracts)
                if envelope is None:
                    log.warning("skipped stream message: %s", refused)
                    continue
                believed.append(envelope)
            async with sessions.begin() as session:
                folded += await project_batch(
                    uow=BatchedProjections(session), envelopes=believed, at=None, refold=True
                )
            for message in batch:
                await message.ack()
            done += len(batch)
            if progress:
                progress(done, total)
        await sub.unsubscribe()
        return folded
    finally:
        await client.close()
        await engine.dispose()


def _defaults(settings: Locations) -> tuple[str, str, str]:
    var = Path(settings.var_dir).resolve()
    topology = Path(settings.topology_file or var / "run" / "topology.json")
    nats_url = settings.nats_url
    if "QCDC_NATS_URL" not in os.environ and topology.is_file():
        nats_url = json.loads(topology.read_text()).get("nats_url") or nats_url
    if os.environ.get("QCDC_DATABASE_URL"):
        database_url = settings.database_url_for(ward="city", service="gateway")
    else:
        database_url = f"sqlite+aiosqlite:///{var}/data/city/gateway.db"
    # The running city's registry (``qcdc run --wards`` may narrow it), as its gateway reads it.
    running = var / "run" / "wards.toml"
    registry = settings.registry_file
    if "QCDC_REGISTRY_FILE" not in os.environ and running.is_file():
        registry = str(running)
    return nats_url, database_url, registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="qcdc gateway rebuild",
        description="rebuild the city's projections from the QCDC_CITY stream",
    )
    parser.add_argument("--nats-url", help="default: the running city's (var/run/topology.json)")
    parser.add_argument("--database-url", help="default: var/data/city/gateway.db")
    args = parser.parse_args(argv)
    nats_url, database_url, registry = _defaults(Locations())
    wards = {ward.slug for ward in load_registry(registry).wards}
    bar = tqdm(unit=" events", desc="QCDC_CITY", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    started = time.monotonic()
    try:
        count = asyncio.run(
            rebuild(
                nats_url=args.nats_url or nats_url,
                database_url=args.database_url or database_url,
                wards=wards,
                progress=progress,
            )
        )
    except (OSError, nats.errors.Error) as error:
        bar.close()
        print(f"qcdc gateway rebuild: {error}", file=sys.stderr)
        return 2
    bar.close()
    elapsed = time.monotonic() - started
    print(f"{count} events folded in {elapsed:.1f} s ({count / max(elapsed, 1e-9):.0f} events/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
