"""The consumer folds a fetched batch in one transaction (adapters/batch.py): what it leaves
must be what folding the same events one at a time with the per-statement repositories
leaves — the same facts, the same log in the same order, an event twice in a batch logged
once, a redelivered batch changing nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select

from qcdc_gateway.adapters.batch import BatchedProjections
from qcdc_gateway.adapters.facts import SqlFacts, current_facts
from qcdc_gateway.adapters.ledger_heads import SqlLedgerHeads
from qcdc_gateway.adapters.log import SqlCityLog
from qcdc_gateway.adapters.tables import city_events
from qcdc_gateway.handlers.projection import project, project_batch
from qcdc_gateway.rebuild import migrated
from qcdc_shared.db import make_sessionmaker
from qcdc_shared.envelope import Envelope, dataschema_for

pytestmark = pytest.mark.integration

AT = dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)


def posting(ward: str, posting_id: str, name: str, version: int, **data: Any) -> Envelope:
    carried = {
        "posting_id": posting_id,
        "ward": ward,
        "category": 1 + version,
        "status": {"withdrawn": "withdrawn"}.get(name, "published"),
        "published_at": "2026-11-27T09:00:00+07:00",
        "violations": [],
        "version": version,
    } | data
    return Envelope(
        id=str(uuid.uuid4()),
        source=f"/wards/{ward}/publicity",
        type=f"vn.qcdc.publicity.posting.{name}.v1",
        subject=posting_id,
        time=AT + dt.timedelta(hours=version),
        dataschema=dataschema_for(f"publicity.posting.{name}", 1),
        data=carried,
        ward=ward,
        sequence=version,
    )


def history(ward: str) -> list[Envelope]:
    """Two postings: one published, withdrawn, then its publication arriving late; the other
    published once. The same event twice, as a redelivery inside one fetch."""
    late = posting(ward, "p-1", "published", 1)
    twice = posting(ward, "p-2", "published", 1, title="Quy hoạch")
    withdrawn = posting(ward, "p-1", "withdrawn", 2, withdrawn_at="2026-11-28T09:00:00+07:00")
    return [twice, withdrawn, late, twice]


async def test_a_batch_leaves_what_one_event_at_a_time_leaves(database_url: str) -> None:
    engine = await migrated(database_url)
    sessions = make_sessionmaker(engine)
    one_by_one, batched = history("ben-thanh"), history("sai-gon")
    try:
        for envelope in one_by_one:  # the reference: a statement at a time, as before
            async with sessions.begin() as session:
                uow = SimpleNamespace(
                    log=SqlCityLog(session),
                    facts=SqlFacts(session),
                    ledger_heads=SqlLedgerHeads(session),
                )
                await project(uow=uow, envelope=envelope, at=AT)
        async with sessions.begin() as session:
            folded = await project_batch(uow=BatchedProjections(session), envelopes=batched, at=AT)
        async with sessions.begin() as session:  # the whole batch redelivered
            again = await project_batch(uow=BatchedProjections(session), envelopes=batched, at=AT)
        async with sessions() as session:
            facts = await current_facts(session)
            log = (
                await session.execute(
                    select(city_events.c.ward, city_events.c.id).order_by(city_events.c.position)
                )
            ).all()
    finally:
        await engine.dispose()

    assert (folded, again) == (3, 0)  # the second "twice" is a duplicate, then all are known
    by_ward = {
        ward: {
            (f.kind, f.subject): (f.fields, f.versions, f.first_seen)
            for f in facts
            if f.ward == ward
        }
        for ward in ("ben-thanh", "sai-gon")
    }
    assert by_ward["sai-gon"] == by_ward["ben-thanh"]
    withdrawn = by_ward["sai-gon"][("posting", "p-1")][0]
    assert withdrawn["status"] == "withdrawn"  # the late publication did not undo it
    assert by_ward["sai-gon"][("posting", "p-2")][0]["title"] == "Quy hoạch"
    logged = {ward: [i for w, i in log if w == ward] for ward in ("ben-thanh", "sai-gon")}
    assert logged["sai-gon"] == [e.id for e in batched[:3]]
    assert logged["ben-thanh"] == [e.id for e in one_by_one[:3]]
