"""The audit log: appended in the caller's transaction, traced, pseudonymous (DESIGN §6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from opentelemetry.sdk.trace import TracerProvider
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import qcdc_shared.audit as audit_module
from qcdc_shared.api import PageParams
from qcdc_shared.audit import (
    PSEUDONYM_PREFIX,
    AuditRecord,
    list_audit,
    pseudonym,
    record_audit,
)
from qcdc_shared.db import make_engine, make_sessionmaker
from qcdc_shared.migrations import upgrade
from qcdc_shared.tables import audit_log

pytestmark = pytest.mark.unit

KEY = "test-pseudonym-key"


@pytest.fixture
async def sessions(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    url = f"sqlite+aiosqlite:///{tmp_path}/t.db"
    await upgrade(url)
    engine = make_engine(url)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def count(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(audit_log)) or 0)


async def test_rolled_back_transaction_leaves_no_audit(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    with pytest.raises(RuntimeError, match="handler failed"):
        async with sessions() as session, session.begin():
            await record_audit(
                session,
                actor="officer-1",
                role="officer",
                ward="ben-thanh",
                action="petition.accept",
                target="petition:42",
            )
            raise RuntimeError("handler failed")
    assert await count(sessions) == 0


async def test_committed_row_carries_the_active_trace(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    tracer = TracerProvider().get_tracer("test")
    at = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    async with sessions() as session, session.begin():
        with tracer.start_as_current_span("accept") as span:
            row_id = await record_audit(
                session,
                actor=pseudonym(KEY, "citizen-account-17"),
                role="citizen",
                ward="ben-thanh",
                action="petition.submit",
                target="petition:42",
                detail={"kind": "complaint"},
                at=at,
            )
        expected_trace = format(span.get_span_context().trace_id, "032x")
        await record_audit(
            session,
            actor="officer-1",
            role="officer",
            ward="ben-thanh",
            action="petition.accept",
            target="petition:42",
            outcome="refused",
        )

    async with sessions() as session:
        page = await list_audit(session, target="petition:42")
    assert page.total == 2 and page.next_cursor is None
    newest, first = page.items
    assert first == AuditRecord(
        id=row_id,
        at=at,
        actor=pseudonym(KEY, "citizen-account-17"),
        role="citizen",
        ward="ben-thanh",
        action="petition.submit",
        target="petition:42",
        trace_id=expected_trace,
        outcome="ok",
        detail={"kind": "complaint"},
    )
    assert first.at.utcoffset() == dt.timedelta(0)
    assert newest.trace_id is None and newest.outcome == "refused" and newest.detail == {}


async def test_list_audit_filters_and_pages(sessions: async_sessionmaker[AsyncSession]) -> None:
    base = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    async with sessions() as session, session.begin():
        for i in range(7):
            await record_audit(
                session,
                actor=f"officer-{i % 2}",
                role="officer",
                ward="ben-thanh",
                action="posting.publish",
                target=f"posting:{i % 3}",
                at=base + dt.timedelta(days=i),
            )
    async with sessions() as session:
        by_actor = await list_audit(session, actor="officer-0", params=PageParams(limit=2))
        assert by_actor.total == 4 and len(by_actor.items) == 2
        rest = await list_audit(
            session, actor="officer-0", params=PageParams(limit=2, cursor=by_actor.next_cursor)
        )
        days = [r.at.day for r in by_actor.items + rest.items]
        assert days == [8, 6, 4, 2]
        window = await list_audit(
            session, since=base + dt.timedelta(days=2), until=base + dt.timedelta(days=4)
        )
        assert [r.at.day for r in window.items] == [5, 4]
        assert (await list_audit(session, target="posting:9")).total == 0


def test_pseudonym_is_keyed_stable_and_hides_the_identity() -> None:
    identity = "nguyen.van.a@example.vn"
    first = pseudonym(KEY, identity)
    assert first == pseudonym(KEY.encode(), identity)
    assert first.startswith(PSEUDONYM_PREFIX) and len(first) == len(PSEUDONYM_PREFIX) + 32
    assert first != pseudonym("another-ward-key", identity)
    assert first != pseudonym(KEY, identity + " ")
    assert identity not in first and "nguyen" not in first
    with pytest.raises(ValueError):
        pseudonym(b"", identity)


def test_module_offers_no_update_or_delete() -> None:
    public = {name for name in dir(audit_module) if not name.startswith("_")}
    assert not {n for n in public if any(w in n for w in ("update", "delete", "remove", "purge"))}


async def test_naive_time_is_refused(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        with pytest.raises(ValueError, match="timezone"):
            await record_audit(
                session,
                actor="a",
                role="admin",
                ward="ben-thanh",
                action="x",
                target="y",
                at=dt.datetime(2026, 1, 1),
            )
