"""Keyset pagination and the list envelope against a real SQLite file (qcdc_shared.api)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from qcdc_shared.api import (
    MAX_LIMIT,
    MEDIA_TYPE,
    CursorError,
    Page,
    PageParams,
    PageQuery,
    Problem,
    access,
    decode_cursor,
    encode_cursor,
    install_problem_handlers,
    paginate,
)
from qcdc_shared.db import UtcDateTime, make_engine, make_sessionmaker

pytestmark = pytest.mark.unit

ROWS = 120
metadata = MetaData()
postings = Table(
    "postings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(64), nullable=False),
    Column("category", String(16), nullable=False),
    # Ten rows share each instant, so only (published_at, id) is unique.
    Column("published_at", DateTime(timezone=True), nullable=False),
)
START = dt.datetime(2026, 1, 1, 8, 0)
# Instants stored by UtcDateTime: SQLite keeps them as text without an offset.
instants = Table(
    "instants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime(), nullable=False),
)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/t.db")
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
        # Inserted in shuffled order so insertion order cannot pass for key order.
        order = [(i * 37) % ROWS + 1 for i in range(ROWS)]
        await conn.execute(
            insert(postings),
            [
                {
                    "id": i,
                    "title": f"Bài {i}",
                    "category": "budget" if i % 3 == 0 else "land",
                    "published_at": START + dt.timedelta(hours=i // 10),
                }
                for i in order
            ],
        )
    yield engine
    await engine.dispose()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with make_sessionmaker(engine)() as session:
        yield session


async def walk(session: AsyncSession, limit: int, **kwargs: Any) -> tuple[list[Any], list[int]]:
    items: list[Any] = []
    totals: list[int] = []
    cursor: str | None = None
    while True:
        page = await paginate(session, params=PageParams(limit=limit, cursor=cursor), **kwargs)
        items.extend(page.items)
        totals.append(page.total)
        assert len(page.items) <= limit
        if page.next_cursor is None:
            return items, totals
        cursor = page.next_cursor


async def test_walk_every_page_without_gap_or_duplicate(session: AsyncSession) -> None:
    items, totals = await walk(session, 50, stmt=select(postings.c.id), key=postings.c.id)
    assert items == list(range(1, ROWS + 1))
    assert totals == [ROWS, ROWS, ROWS]


async def test_last_page_exactly_full_has_no_next_cursor(session: AsyncSession) -> None:
    items, totals = await walk(session, 40, stmt=select(postings.c.id), key=postings.c.id)
    assert items == list(range(1, ROWS + 1)) and len(totals) == 3


async def test_filtered_composite_key_descending(session: AsyncSession) -> None:
    stmt = select(postings).where(postings.c.category == "budget")
    key = [postings.c.published_at, postings.c.id]
    items, totals = await walk(session, 7, stmt=stmt, key=key, descending=True)
    expected = sorted(
        (i for i in range(1, ROWS + 1) if i % 3 == 0), key=lambda i: (i // 10, i), reverse=True
    )
    assert [row["id"] for row in items] == expected
    assert set(totals) == {len(expected)}
    assert set(items[0]) == {"id", "title", "category", "published_at"}


async def test_item_converter_builds_the_output_model(session: AsyncSession) -> None:
    page = await paginate(
        session,
        select(postings.c.id, postings.c.title),
        key=postings.c.id,
        params=PageParams(limit=2),
        item=lambda row: f"{row.id}:{row.title}",
    )
    assert page.items == ["1:Bài 1", "2:Bài 2"]
    assert page.model_dump()["next_cursor"] == encode_cursor([2, ROWS])  # last key, total


async def test_the_total_is_counted_on_the_first_page_only(session: AsyncSession) -> None:
    """Counting walks every matching row: later pages carry the first page's count."""
    stmt, key = select(postings.c.id), postings.c.id
    first = await paginate(session, stmt, key=key, params=PageParams(limit=50))
    late = {"id": ROWS + 1, "title": "Bài mới", "category": "land", "published_at": START}
    await session.execute(insert(postings), [late])
    second = await paginate(session, stmt, key=key, params=PageParams(cursor=first.next_cursor))
    assert first.total == second.total == ROWS
    assert second.items[0] == 51  # the keyset still walks on from the first page


@pytest.mark.parametrize("total", [-1, "120", None, True])
async def test_a_cursor_with_a_forged_total_is_refused(session: AsyncSession, total: Any) -> None:
    with pytest.raises(Problem) as refused:
        await paginate(
            session,
            select(postings.c.id),
            key=postings.c.id,
            params=PageParams(cursor=encode_cursor([50, total])),
        )
    assert refused.value.status == 422


async def test_helper_clamps_to_cap(session: AsyncSession) -> None:
    more = [
        {"id": i, "title": f"Bài {i}", "category": "land", "published_at": START}
        for i in range(ROWS + 1, 2 * MAX_LIMIT + 1)
    ]
    await session.execute(insert(postings), more)
    assert PageParams(limit=10_000).limit == MAX_LIMIT
    params = PageParams()
    params.limit = 10_000  # as a caller outside HTTP might
    page = await paginate(session, select(postings.c.id), key=postings.c.id, params=params)
    assert page.items == list(range(1, MAX_LIMIT + 1))
    assert page.total == 2 * MAX_LIMIT and page.next_cursor is not None


async def test_cursor_of_wrong_shape_is_refused(session: AsyncSession) -> None:
    with pytest.raises(Problem) as refused:
        await paginate(
            session,
            select(postings.c.id),
            key=[postings.c.published_at, postings.c.id],
            params=PageParams(cursor=encode_cursor([5])),
        )
    assert refused.value.status == 422
    with pytest.raises(Problem):
        await paginate(
            session,
            select(postings.c.id),
            key=postings.c.id,
            params=PageParams(cursor=encode_cursor(["not a number"])),
        )


async def test_composite_key_on_an_aware_instant(session: AsyncSession) -> None:
    # The cursor carries the instant as ISO text; it must come back as an instant, not as
    # text compared with SQLite's stored format (which would repeat the first page).
    at = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
    await session.execute(
        insert(instants), [{"id": i, "at": at + dt.timedelta(seconds=i % 3)} for i in range(9)]
    )
    key = [instants.c.at, instants.c.id]
    items, _ = await walk(session, 2, stmt=select(instants.c.id), key=key, descending=True)
    assert items == sorted(range(9), key=lambda i: (i % 3, i), reverse=True)


def test_cursor_round_trip_and_tampering() -> None:
    key = [dt.datetime(2026, 1, 1, 8, 30, tzinfo=dt.UTC), 42, "Bến Thành"]
    cursor = encode_cursor(key)
    assert "=" not in cursor and "+" not in cursor and "/" not in cursor
    assert decode_cursor(cursor) == ["2026-01-01T08:30:00+00:00", 42, "Bến Thành"]
    for forged in ("!!!", cursor[:-3], encode_cursor([]), "eyJhIjogMX0"):  # last: {"a": 1}
        with pytest.raises(CursorError):
            decode_cursor(forged)


def test_page_envelope_shape() -> None:
    page = Page[int](items=[1, 2], total=5, next_cursor=None)
    assert page.model_dump(mode="json") == {"items": [1, 2], "total": 5, "next_cursor": None}


@pytest.fixture
async def client(engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    install_problem_handlers(app)
    sessions = make_sessionmaker(engine)

    @app.get("/postings", **access(public=True))
    async def list_postings(page: PageQuery) -> Page[int]:
        async with sessions() as session:
            return await paginate(session, select(postings.c.id), key=postings.c.id, params=page)

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


async def test_http_walk_with_default_limit(client: httpx.AsyncClient) -> None:
    seen: list[int] = []
    url = "/postings"
    while True:
        body = (await client.get(url)).json()
        assert set(body) == {"items", "total", "next_cursor"}
        assert body["total"] == ROWS and len(body["items"]) <= 50
        seen += body["items"]
        if body["next_cursor"] is None:
            break
        url = f"/postings?cursor={body['next_cursor']}"
    assert seen == list(range(1, ROWS + 1))


async def test_http_limit_above_cap_is_422(client: httpx.AsyncClient) -> None:
    refused = await client.get("/postings", params={"limit": MAX_LIMIT + 1})
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith(MEDIA_TYPE)
    assert refused.json()["errors"][0]["location"] == ["query", "limit"]
    accepted = await client.get("/postings", params={"limit": MAX_LIMIT})
    assert accepted.status_code == 200 and len(accepted.json()["items"]) == ROWS
    assert (await client.get("/postings", params={"limit": 0})).status_code == 422


async def test_http_tampered_cursor_is_422_problem(client: httpx.AsyncClient) -> None:
    refused = await client.get("/postings", params={"cursor": "%%%not-base64"})
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith(MEDIA_TYPE)
    body = refused.json()
    assert body["errors"][0]["location"] == ["query", "cursor"]
    assert body["detail"] and body["detail_en"]


async def test_openapi_declares_the_cap(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    params = {p["name"]: p for p in spec["paths"]["/postings"]["get"]["parameters"]}
    assert params["limit"]["schema"]["maximum"] == MAX_LIMIT
    assert params["limit"]["schema"]["default"] == 50
