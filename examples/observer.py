"""An external system reading the city's events from a given time (docs/subscribers.md).

It signs in to the city hub as ``observer``, the read-only identity for outsiders, and reads
the stream ``QCDC_CITY`` (every ward's events) with a durable consumer of its own: the first
run starts at ``since``; later runs with the same ``--durable`` continue where it stopped.

    QCDC_OBSERVER_PASSWORD=... python examples/observer.py nats://hub.example.vn:4222 \\
        2026-12-01T00:00:00+07:00 --durable newsroom-example

Needs only nats-py (``pip install nats-py``). Each message is a CloudEvents 1.0 structured JSON
event described by contracts/asyncapi.yaml; order per aggregate by ``aggregateversion``
(``sequence`` in events published before it, docs/decisions/0016).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
from typing import Any

import nats
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

CITY_STREAM = "QCDC_CITY"


async def read_events(
    url: str, password: str, since: dt.datetime, durable: str, *, idle: float = 2.0
) -> list[dict[str, Any]]:
    """The events stored in QCDC_CITY from ``since`` on that this durable has not yet
    acknowledged; returns once none has come for ``idle`` seconds."""
    client = await nats.connect(url, user="observer", password=password)
    try:
        reader = await client.jetstream().pull_subscribe(
            "qcdc.>",  # every ward's events; e.g. "qcdc.ben-thanh.publicity.>" for fewer
            durable=durable,  # any name but the city's own consumers (gateway-projections)
            stream=CITY_STREAM,
            config=ConsumerConfig(
                deliver_policy=DeliverPolicy.BY_START_TIME,
                opt_start_time=since,  # used when the durable is made, ignored afterwards
                ack_policy=AckPolicy.EXPLICIT,
            ),
        )
        events: list[dict[str, Any]] = []
        while True:
            try:
                batch = await reader.fetch(100, timeout=idle)
            except nats.errors.TimeoutError:
                return events
            for message in batch:
                events.append(json.loads(message.data))  # store it first, then acknowledge
                await message.ack()
    finally:
        await client.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the city hub, e.g. nats://hub.example.vn:4222")
    parser.add_argument("since", type=dt.datetime.fromisoformat, help="ISO 8601, with offset")
    parser.add_argument("--durable", default="observer-example")
    args = parser.parse_args(argv)
    password = os.environ["QCDC_OBSERVER_PASSWORD"]
    for event in asyncio.run(read_events(args.url, password, args.since, args.durable)):
        version = event.get("aggregateversion", event.get("sequence"))
        print(event["time"], event["type"], event["ward"], event["subject"], version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
