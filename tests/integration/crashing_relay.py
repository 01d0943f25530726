"""Run as a process by proof (b): publish one batch, then die before marking it sent."""

from __future__ import annotations

import asyncio
import os
import sys

import nats

from qcdc_shared.db import make_engine, make_sessionmaker
from qcdc_shared.outbox import OutboxRelay


class DiesBeforeMarking(OutboxRelay):
    async def _mark_sent(self, positions: list[int]) -> None:
        print(f"published {len(positions)}, dying before marking", flush=True)
        os._exit(137)  # a crash: no finally blocks, no clean shutdown


async def main(database_url: str, nats_url: str, batch_size: int) -> None:
    nc = await nats.connect(nats_url)
    relay = DiesBeforeMarking(
        make_sessionmaker(make_engine(database_url)), nc.jetstream().publish, batch_size=batch_size
    )
    await relay.drain()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
