"""JetStream streams (DESIGN §1, §3): one per ward, the city stream sourcing them, the city's
own events, dead letters.

File storage, no age limit (the law keeps everything), duplicate window of at least an hour.
Creation is idempotent and additive, so every service and the launcher may call it at start.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from nats.js import JetStreamContext
from nats.js.api import ExternalStream, StorageType, StreamConfig, StreamInfo, StreamSource
from nats.js.errors import NotFoundError

from qcdc_shared.subjects import (
    CITY,
    CITY_EVENTS_STREAM,
    CITY_STREAM,
    DLQ_PREFIX,
    DLQ_STREAM,
    PREFIX,
    source_deliver_prefix,
    ward_stream,
    ward_subjects,
)

# The stream names live with the subjects (a ward's slug must never make one of them); they
# are part of this module's interface.
__all__ = [
    "CITY_EVENTS_STREAM",
    "CITY_STREAM",
    "DLQ_STREAM",
    "city_events_stream_config",
    "city_source",
    "detached_sources",
    "dlq_stream_config",
    "ensure_city_events_stream",
    "ensure_city_stream",
    "ensure_city_topology",
    "ensure_dlq_stream",
    "ensure_ward_streams",
    "reattach_sources",
    "ward_stream_config",
]

# What the city itself publishes (qcdc.city.>, e.g. the gateway's escalation queue). No ward
# stream overlaps it (no ward may be called "city"), and QCDC_CITY only sources ward streams,
# so the city's events never flow back into what the gateway consumes.
CITY_EVENTS_SUBJECTS = f"{PREFIX}.{CITY}.>"
# Names a ward stream (QCDC_<SLUG>) must never take: the registry refuses such slugs, else a
# ward "dlq" or "city-events" would find "its" stream already there and publish into it.
# Nats-Msg-Id dedup must outlast a relay that crashed and came back (DESIGN §3: >= 1 hour).
DUPLICATE_WINDOW_SECONDS = 3600.0


def _durable(name: str, **fields: object) -> StreamConfig:
    return StreamConfig(
        name=name,
        storage=StorageType.FILE,
        max_age=0,
        duplicate_window=DUPLICATE_WINDOW_SECONDS,
        **fields,  # type: ignore[arg-type]
    )


def ward_stream_config(ward: str) -> StreamConfig:
    return _durable(ward_stream(ward), subjects=[ward_subjects(ward)])


def dlq_stream_config() -> StreamConfig:
    return _durable(DLQ_STREAM, subjects=[f"{DLQ_PREFIX}.>"])


def city_events_stream_config() -> StreamConfig:
    return _durable(CITY_EVENTS_STREAM, subjects=[CITY_EVENTS_SUBJECTS])


def city_source(ward: str, *, domain: str | None = None) -> StreamSource:
    """A ward stream as a source of the city stream; ``domain`` for a ward on a leaf node,
    whose deliveries arrive on the ward's own prefix (the only subjects its leaf connection
    may send to the hub: ``qcdc_shared.tooling.nats_config``)."""
    if domain is None:
        return StreamSource(name=ward_stream(ward))
    external = ExternalStream(api=f"$JS.{domain}.API", deliver=source_deliver_prefix(ward))
    # Only the ward's own subjects, whatever its stream came to hold (a leaf's stream is in
    # the ward's hands; a subject transform there must not reach the city as another ward).
    return StreamSource(
        name=ward_stream(ward), external=external, filter_subject=ward_subjects(ward)
    )


async def _ensure(js: JetStreamContext, config: StreamConfig) -> None:
    try:
        await js.stream_info(config.name or "")
    except NotFoundError:
        await js.add_stream(config)


async def ensure_ward_streams(js: JetStreamContext, ward: str) -> None:
    """What a ward's own services need: its event stream and the dead-letter stream."""
    await _ensure(js, ward_stream_config(ward))
    await ensure_dlq_stream(js)


async def ensure_dlq_stream(js: JetStreamContext) -> None:
    await _ensure(js, dlq_stream_config())


async def ensure_city_events_stream(js: JetStreamContext) -> None:
    """Where the city's own events land; the gateway makes it at start, the launcher too."""
    await _ensure(js, city_events_stream_config())


async def ensure_city_stream(
    js: JetStreamContext, wards: Iterable[str], *, domains: dict[str, str] | None = None
) -> None:
    """The city stream has no subjects of its own (a catch-all would overlap the ward
    streams); it only sources them. New wards are added, existing sources kept."""
    domains = domains or {}
    wanted = [city_source(ward, domain=domains.get(ward)) for ward in wards]
    try:
        info = await js.stream_info(CITY_STREAM)
    except NotFoundError:
        await js.add_stream(_durable(CITY_STREAM, sources=wanted))
        return
    current = list(info.config.sources or [])
    have = {source.name for source in current}
    missing = [source for source in wanted if source.name not in have]
    if missing:
        info.config.sources = current + missing
        await js.update_stream(info.config)


async def ensure_city_topology(js: JetStreamContext, wards: Iterable[str]) -> None:
    """Single-machine default: every ward stream, the city streams and the DLQ on one server."""
    wards = list(wards)
    for ward in wards:
        await ensure_ward_streams(js, ward)
    await ensure_city_stream(js, wards)
    await ensure_city_events_stream(js)


def detached_sources(info: StreamInfo, *, idle_after: float) -> list[str]:
    """Sources in another domain (a ward on its leaf) that delivered nothing, not even their
    idle heartbeats (every second), for ``idle_after`` seconds."""
    configured = {source.name: source for source in info.config.sources or ()}
    detached = []
    for source in info.sources or ():
        config = configured.get(source.name)
        if config is None or config.external is None:
            continue  # same server: the server reattaches it by itself
        active = source.active if source.active is not None else -1
        if active < 0 or active > idle_after * 1e9:  # nanoseconds since its last message
            detached.append(source.name)
    return detached


async def reattach_sources(js: JetStreamContext, stream: str, names: Collection[str]) -> None:
    """Make the server set the named sources up now. After the hub restarts, the server
    retries a source in another domain only after a fixed wait (30-40 s measured); a stream
    update that drops and restores a source sets it up at once. The stream finds the last
    sequence it holds of each source in its own messages, so nothing is sourced twice."""
    if not names:
        return
    info = await js.stream_info(stream)
    sources = list(info.config.sources or ())
    info.config.sources = [source for source in sources if source.name not in names]
    await js.update_stream(info.config)
    info.config.sources = sources
    await js.update_stream(info.config)
