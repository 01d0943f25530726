"""The fold of every ward's event into the city's projections on the fakes: the log, the facts
and the city's copy of ledger heads, as the consumer (and a rebuild) runs it. No database, no
broker: what it leaves is read from the fake unit of work's repositories."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from qcdc_gateway.domain.projection import HeldHead, LedgerHead
from qcdc_gateway.fakes import FakeGatewayUnitOfWork
from qcdc_gateway.handlers.projection import project, record_ledger_head
from qcdc_shared.envelope import Envelope, dataschema_for

pytestmark = pytest.mark.unit

WARD = "ben-thanh"
AT = dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)
H1, H2, FORGED = "1" * 64, "2" * 64, "f" * 64


def posting(
    name: str, version: int, *, head: tuple[int, str] | None = None, **data: Any
) -> Envelope:
    carried: dict[str, Any] = {
        "posting_id": "p-1",
        "ward": WARD,
        "category": 2,
        "title": "Dự toán ngân sách 2027",
        "status": {"withdrawn": "withdrawn"}.get(name, "published"),
        "published_at": "2026-11-27T09:00:00+07:00",
        "violations": [],
        "version": version,
    } | data
    if head is not None:
        carried["ledger"] = {"sequence": head[0], "hash": head[1]}
    return Envelope(
        id=str(uuid.uuid4()),
        source=f"/wards/{WARD}/publicity",
        type=f"vn.qcdc.publicity.posting.{name}.v1",
        subject="p-1",
        time=AT + dt.timedelta(hours=version),
        dataschema=dataschema_for(f"publicity.posting.{name}", 1),
        data=carried,
        ward=WARD,
        sequence=version,
    )


async def test_an_event_is_logged_once_and_folded_into_its_fact() -> None:
    uow = FakeGatewayUnitOfWork()
    published = posting("published", 1, head=(1, H1))
    assert await project(uow=uow, envelope=published, at=AT) is True
    assert await project(uow=uow, envelope=published, at=AT + dt.timedelta(hours=1)) is False

    assert [(e.envelope.id, e.received_at) for e in uow.log.entries] == [(published.id, AT)]
    fact = uow.facts.items[(WARD, "posting", "p-1")]
    assert (fact.fields["status"], fact.fields["pub_due_met"], fact.first_seen) == (
        "published",
        True,
        published.time,
    )
    assert set(fact.versions.values()) == {1}
    # The fold stages nothing of its own: the inbox's transaction commits what it wrote.
    assert (uow.events, uow.audit_log, uow.commits) == ([], [], 0)


async def test_the_newest_version_wins_whatever_the_order_of_arrival() -> None:
    uow = FakeGatewayUnitOfWork()
    withdrawn = posting("withdrawn", 2, withdrawn_at="2026-11-28T09:00:00+07:00")
    await project(uow=uow, envelope=withdrawn, at=AT)
    await project(uow=uow, envelope=posting("published", 1), at=AT)  # late: older

    fact = uow.facts.items[(WARD, "posting", "p-1")]
    assert fact.fields["status"] == "withdrawn"
    assert fact.first_seen == AT + dt.timedelta(hours=1)  # the older event's time
    assert len(uow.log.entries) == 2


async def test_a_refold_merges_again_without_logging_twice() -> None:
    uow = FakeGatewayUnitOfWork()
    published = posting("published", 1)
    await project(uow=uow, envelope=published, at=AT)
    uow.facts.items.clear()  # a rebuild starts from no facts, and keeps the log

    assert await project(uow=uow, envelope=published, at=published.time, refold=True)
    assert len(uow.log.entries) == 1
    assert uow.facts.items[(WARD, "posting", "p-1")].fields["status"] == "published"


async def test_an_event_of_no_known_kind_is_logged_and_makes_no_fact() -> None:
    uow = FakeGatewayUnitOfWork()
    unknown = posting("published", 1).model_copy(
        update={"type": "vn.qcdc.publicity.posting.published.v2"}
    )
    assert await project(uow=uow, envelope=unknown, at=AT)
    assert len(uow.log.entries) == 1 and uow.facts.items == {}


async def test_ledger_heads_are_kept_once_and_a_conflict_never_overwrites() -> None:
    uow = FakeGatewayUnitOfWork()
    await project(uow=uow, envelope=posting("published", 1, head=(1, H1)), at=AT)
    await project(uow=uow, envelope=posting("published", 2, head=(2, H2)), at=AT)
    await project(uow=uow, envelope=posting("published", 3), at=AT)  # carries none

    later = AT + dt.timedelta(days=1)
    outcomes = [
        await record_ledger_head(uow=uow, head=LedgerHead(WARD, 2, value), at=later)
        for value in (H2, FORGED, "9" * 64, FORGED)
    ]

    assert outcomes == ["known", "conflict", "conflict", "known"]
    assert {key: row.held for key, row in uow.ledger_heads.rows.items()} == {
        (WARD, 1): HeldHead(H1),
        (WARD, 2): HeldHead(H2, FORGED),  # the first hash stays; the first conflicting one too
    }
    assert uow.ledger_heads.rows[(WARD, 2)].recorded_at == AT
    assert uow.ledger_heads.rows[(WARD, 2)].conflict_at == later
