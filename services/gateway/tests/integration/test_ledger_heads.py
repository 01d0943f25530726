"""The city's copy of each ward's ledger heads, from posting events in the gateway's real
database: a redelivery changes nothing, a second hash for one entry is kept as a conflict and
never replaces the first, and the API serves both."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_gateway.adapters.batch import BatchedProjections
from qcdc_gateway.adapters.facts import current_facts
from qcdc_gateway.adapters.ledger_heads import latest_ledger_heads
from qcdc_gateway.adapters.tables import metadata
from qcdc_gateway.domain.projection import LedgerHead
from qcdc_gateway.handlers.projection import project_batch, record_ledger_head
from qcdc_gateway.main import build
from qcdc_gateway.rebuild import migrated
from qcdc_shared.db import make_sessionmaker
from qcdc_shared.envelope import Envelope, dataschema_for
from qcdc_shared.settings import Settings
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

AT = dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)
REGISTRY = Path(__file__).resolve().parents[4] / "deploy" / "wards.toml"
H1, H2, H3, FORGED = "1" * 64, "2" * 64, "3" * 64, "f" * 64


def event(
    kind: str, posting: str, version: int, head: tuple[int, str] | None, ward: str = "ben-thanh"
) -> Envelope:
    status = {"withdrawn": "withdrawn", "expired": "expired"}.get(kind, "published")
    data: dict[str, Any] = {
        "posting_id": posting,
        "ward": ward,
        "category": 1,
        "status": status,
        "published_at": "2026-11-27T09:00:00+07:00",
        "violations": [],
        "version": version,
    }
    if head:
        data["ledger"] = {"sequence": head[0], "hash": head[1]}
    return Envelope(
        id=str(uuid.uuid4()),
        source=f"/wards/{ward}/publicity",
        type=f"vn.qcdc.publicity.posting.{kind}.v1",
        subject=posting,
        time=AT,
        dataschema=dataschema_for(f"publicity.posting.{kind}", 1),
        data=data,
        ward=ward,
        sequence=version,
    )


async def test_heads_are_recorded_once_and_a_conflict_never_overwrites(database_url: str) -> None:
    engine = await migrated(database_url)
    sessions = make_sessionmaker(engine)
    try:
        async with sessions.begin() as session:
            published = event("published", "a", 2, (1, H1))
            await project_batch(uow=BatchedProjections(session), envelopes=[published], at=AT)
            redelivered = AT + dt.timedelta(hours=1)
            await project_batch(
                uow=BatchedProjections(session), envelopes=[published], at=redelivered
            )
            rest = [
                event("published", "b", 2, (2, H2)),
                event("withdrawn", "a", 3, (3, H3)),
                event("published", "c", 2, None),  # no head
                event("published", "a", 2, (1, H1), "sai-gon"),  # another ward's
            ]
            await project_batch(uow=BatchedProjections(session), envelopes=rest, at=AT)
        async with sessions.begin() as session:
            uow = BatchedProjections(session)
            later = AT + dt.timedelta(days=1)

            async def record(value: str) -> str:
                head = LedgerHead("ben-thanh", 2, value)
                return await record_ledger_head(uow=uow, head=head, at=later)

            assert await record(FORGED) == "conflict"
            assert await record("9" * 64) == "conflict"
            assert await record(FORGED) == "known"
        async with sessions() as session:
            rows = (
                await session.execute(
                    metadata.tables["ward_ledger_heads"]
                    .select()
                    .where(metadata.tables["ward_ledger_heads"].c.ward == "ben-thanh")
                    .order_by(metadata.tables["ward_ledger_heads"].c.sequence)
                )
            ).all()
            latest = await latest_ledger_heads(session)
            facts = await current_facts(session, kinds=["posting"])
            counts = Counter(f.ward for f in facts if f.fields["status"] == "published")
    finally:
        await engine.dispose()
    assert [(r.sequence, r.hash, r.conflicting_hash) for r in rows] == [
        (1, H1, None),
        (2, H2, FORGED),  # the first hash stays; the first conflicting one is the evidence
        (3, H3, None),
    ]
    assert rows[0].recorded_at == AT and rows[1].conflict_at == AT + dt.timedelta(days=1)
    assert latest == {"ben-thanh": (3, H3), "sai-gon": (1, H1)}
    assert counts == {"ben-thanh": 2, "sai-gon": 1}  # "a" was withdrawn: it left the count


async def test_the_api_serves_each_wards_heads_and_its_newest(
    nats_server: NatsServer, database_url: str
) -> None:
    engine = await migrated(database_url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            uow = BatchedProjections(session)
            for sequence, value in enumerate((H1, H2, H3), start=1):
                head = LedgerHead("ben-thanh", sequence, value)
                await record_ledger_head(uow=uow, head=head, at=AT)
            forged = LedgerHead("ben-thanh", 2, FORGED)
            await record_ledger_head(uow=uow, head=forged, at=AT)
    finally:
        await engine.dispose()
    settings = Settings(
        nats_url=nats_server.url, database_url=database_url, registry_file=str(REGISTRY)
    )
    app = build(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
            wards = {w["slug"]: w for w in (await http.get("/api/wards")).json()["items"]}
            first = (await http.get("/api/wards/ben-thanh/ledger-heads?limit=2")).json()
            rest = (
                await http.get(
                    "/api/wards/ben-thanh/ledger-heads",
                    params={"limit": 2, "cursor": first["next_cursor"]},
                )
            ).json()
            unknown = await http.get("/api/wards/atlantis/ledger-heads")
    assert wards["ben-thanh"]["ledger_head"] == {"sequence": 3, "hash": H3}
    assert wards["sai-gon"]["ledger_head"] is None
    assert first["total"] == 3 and rest["next_cursor"] is None
    items = first["items"] + rest["items"]
    assert [(i["sequence"], i["hash"], i["conflicting_hash"]) for i in items] == [
        (1, H1, None),
        (2, H2, FORGED),
        (3, H3, None),
    ]
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert unknown.json()["detail_en"] == "No ward atlantis."
