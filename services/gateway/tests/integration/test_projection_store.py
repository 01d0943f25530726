"""The posting projection in the gateway's real database: redeliveries and late events never
roll a fact back, and counts are per ward."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_gateway.adapters.db import apply_posting, metadata, postings_published_by_ward
from qcdc_gateway.domain.projection import PostingFact
from qcdc_gateway.main import MIGRATIONS
from qcdc_shared.db import infrastructure_metadata, make_engine, make_sessionmaker
from qcdc_shared.migrations import upgrade

pytestmark = pytest.mark.integration

AT = dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)


def fact(ward: str, posting: str, version: int, status: str = "published") -> PostingFact:
    return PostingFact(ward, posting, version, status, 1, AT, True)


async def test_out_of_order_and_repeated_events_keep_the_newest_state(database_url: str) -> None:
    await upgrade(
        database_url,
        service_versions=MIGRATIONS,
        target_metadata=[infrastructure_metadata, metadata],
    )
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    try:
        async with sessions.begin() as session:
            assert await apply_posting(session, fact("ben-thanh", "a", 3, "withdrawn"))
            assert not await apply_posting(session, fact("ben-thanh", "a", 2))  # late
            assert not await apply_posting(session, fact("ben-thanh", "a", 3, "withdrawn"))
            assert await apply_posting(session, fact("ben-thanh", "b", 2))
            assert await apply_posting(session, fact("sai-gon", "a", 2))  # same id, other ward
        async with sessions() as session:
            counts = await postings_published_by_ward(session)
    finally:
        await engine.dispose()
    assert counts == {"ben-thanh": 1, "sai-gon": 1}
