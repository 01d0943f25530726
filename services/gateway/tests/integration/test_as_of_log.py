"""An as-of read (adapters/log.py ``facts_as_of``) is the log folded up to the instant: for the
whole city (read by time, the wards picked out in Python) and for a few wards (read by ward),
it must equal folding the same events, in the order the city logged them, from scratch —
late events (logged after newer ones), redeliveries, events of a ward nobody asked for and
instants falling exactly on an event's time included. Seeded random histories, several seeds."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterable
from typing import Any

import pytest

from qcdc_gateway.adapters.batch import BatchedProjections
from qcdc_gateway.adapters.log import FEW_WARDS, facts_as_of
from qcdc_gateway.domain.facts import Fact, fold
from qcdc_gateway.handlers.projection import changes_of, project_batch
from qcdc_gateway.rebuild import migrated
from qcdc_shared.db import make_sessionmaker
from qcdc_shared.envelope import Envelope, dataschema_for

pytestmark = pytest.mark.integration

START = dt.datetime(2026, 1, 2, 1, 0, tzinfo=dt.UTC)
WARDS = [f"phuong-{n}" for n in range(FEW_WARDS + 4)]  # more than FEW_WARDS: the city's path


def posting(ward: str, posting_id: str, version: int, at: dt.datetime) -> Envelope:
    name = "withdrawn" if version == 3 else "published"
    data: dict[str, Any] = {
        "posting_id": posting_id,
        "ward": ward,
        "category": 1 + version,
        "title": f"Kế hoạch {version}",
        "status": "withdrawn" if name == "withdrawn" else "published",
        "published_at": at.isoformat(),
        "violations": ["PUB-DUE"] if version == 2 else [],
        "version": version,
    }
    if name == "withdrawn":
        data["withdrawn_at"] = at.isoformat()
    return Envelope(
        id=str(uuid.uuid4()),
        source=f"/wards/{ward}/publicity",
        type=f"vn.qcdc.publicity.posting.{name}.v1",
        subject=posting_id,
        time=at,
        dataschema=dataschema_for(f"publicity.posting.{name}", 1),
        data=data,
        ward=ward,
        sequence=version,
    )


def city_history(seed: int) -> list[Envelope]:
    """Postings of every ward, up to three versions a few days apart, shuffled so that many
    arrive after newer ones; some delivered twice."""
    rng = random.Random(seed)
    events = []
    for ward in WARDS:
        for n in range(rng.randint(1, 6)):
            first = START + dt.timedelta(days=rng.randint(0, 90), hours=rng.randint(0, 23))
            for version in range(1, rng.randint(1, 3) + 1):
                at = first + dt.timedelta(days=rng.randint(0, 20) * (version - 1))
                events.append(posting(ward, f"{ward}-{n}", version, at))
    rng.shuffle(events)
    return events + rng.sample(events, len(events) // 10)


def refolded(logged: list[Envelope], as_of: dt.datetime, wards: set[str]) -> dict[Any, Any]:
    """The reference: the logged events up to ``as_of``, folded from scratch in the log's
    order."""
    found = fold(
        change
        for envelope in logged
        if envelope.time <= as_of and envelope.ward in wards
        for change in changes_of(envelope)
    )
    return as_values(found.values())


def as_values(facts: Iterable[Fact]) -> dict[Any, Any]:
    return {(f.ward, f.kind, f.subject): (f.fields, f.versions, f.first_seen) for f in facts}


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_as_of_equals_a_refold_from_scratch(database_url: str, seed: int) -> None:
    history = city_history(seed)
    rng = random.Random(seed)
    engine = await migrated(database_url)
    sessions = make_sessionmaker(engine)
    try:
        for start in range(0, len(history), 7):  # batches, as the consumer fetches them
            async with sessions.begin() as session:
                await project_batch(
                    uow=BatchedProjections(session), envelopes=history[start : start + 7], at=None
                )
        logged = list({e.id: e for e in history}.values())  # a redelivery is logged once
        instants = [START - dt.timedelta(days=1), START + dt.timedelta(days=200)]
        instants += [e.time for e in rng.sample(logged, 6)]  # exactly on an event's time
        instants += [START + dt.timedelta(hours=rng.randint(0, 24 * 120)) for _ in range(6)]
        city, few = WARDS[:-1], WARDS[:2]  # the last ward's events are nobody's here
        for as_of in instants:
            async with sessions() as session:
                for wards in (city, few):
                    found = as_values(await facts_as_of(session, as_of, wards=wards))
                    assert found == refolded(logged, as_of, set(wards)), (as_of, len(wards))
                everything = as_values(await facts_as_of(session, as_of))
            assert everything == refolded(logged, as_of, set(WARDS))
    finally:
        await engine.dispose()
