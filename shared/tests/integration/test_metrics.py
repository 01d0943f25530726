"""``/metrics`` and ``/readyz`` of a running ward service (issue 21, item 5): the publicity
service on its real database (SQLite and PostgreSQL) and a real nats-server, stopped and
started by the test. Publicity has durable consumers, so its consumer series show too."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import nats
import pytest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from qcdc_publicity.main import build
from qcdc_publicity.testing import WARD, Publicity
from qcdc_shared import metrics
from qcdc_shared.db import is_sqlite
from qcdc_shared.outbox import outbox_backlog
from qcdc_shared.settings import Settings
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.service import running
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.forked import ForkedProcess, start_service
from qcdc_shared.tooling.nats_server import NatsServer, free_port

pytestmark = pytest.mark.integration

# A durable consumer of publicity's (consumers.py): petitions' answers become postings.
CONSUMER = "publicity-public-answers"
CONSUMED_SUBJECT = f"qcdc.{WARD}.petitions.petition.answered"


@pytest.fixture(autouse=True)
def _lag_read_at_every_scrape(monkeypatch: pytest.MonkeyPatch) -> None:
    # The cache spares JetStream a request per consumer per scrape; here each scrape must see
    # what the last step did, not what the one before it did.
    monkeypatch.setattr(metrics, "LAG_CACHE_SECONDS", 0.0)


@pytest.fixture
async def publicity(nats_server: NatsServer, database_url: str) -> AsyncIterator[Publicity]:
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    async with running(Publicity, build, settings, nats_server.url) as service:
        yield service


Samples = dict[str, list[Sample]]


async def scrape(publicity: Publicity) -> Samples:
    response = await publicity.http.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    found: Samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            found.setdefault(sample.name, []).append(sample)
    return found


def value(samples: Samples, name: str, **labels: str) -> float | None:
    """The one sample of ``name`` whose labels include ``labels``; None when there is none."""
    matching = [
        s for s in samples.get(name, []) if all(s.labels.get(k) == v for k, v in labels.items())
    ]
    assert len(matching) <= 1, matching
    return matching[0].value if matching else None


async def until_scraped(
    publicity: Publicity, what: str, check: Callable[[Samples], bool]
) -> Samples:
    """Scrape until ``check(samples)`` holds; the last scrape."""
    last: Samples = {}

    async def holds() -> bool:
        nonlocal last
        last = await scrape(publicity)
        return check(last)

    await eventually(holds, within=20, what=what)
    return last


async def send_what_no_consumer_believes(publicity: Publicity) -> None:
    """A message its consumer cannot believe (not a CloudEvent): it goes to the dead letters."""
    client = await nats.connect(publicity.nats_url)
    try:
        await client.jetstream().publish(
            CONSUMED_SUBJECT, b"not an event", stream=ward_stream(WARD)
        )
    finally:
        await client.close()


async def test_metrics_show_requests_outbox_and_consumers_across_a_nats_outage(
    publicity: Publicity, nats_server: NatsServer
) -> None:
    await send_what_no_consumer_believes(publicity)
    linked = await until_scraped(
        publicity,
        "the consumer's lag and its dead letter",
        lambda s: (
            value(s, "qcdc_consumer_lag", consumer=CONSUMER) == 0
            and value(s, "qcdc_consumer_dead_letters_total", consumer=CONSUMER) == 1
            and value(s, "qcdc_outbox_backlog") == 0
        ),
    )
    assert value(linked, "qcdc_consumer_lag", consumer=CONSUMER, stream=ward_stream(WARD)) == 0
    assert value(linked, "qcdc_consumer_redeliveries_total", consumer=CONSUMER) == 0
    assert value(linked, "qcdc_nats_connected") == 1
    assert value(linked, "qcdc_database_up") == 1
    assert value(linked, "qcdc_outbox_backlog") == 0
    assert value(linked, "qcdc_outbox_oldest_unpublished_age_seconds") == 0

    await asyncio.to_thread(nats_server.stop)
    await eventually(lambda: not publicity.runtime.link.connected, what="the link to drop")
    posting = await publicity.published()  # taken while NATS is away: kept in the outbox
    await asyncio.sleep(0.05)  # the oldest row's age is measured at the scrape

    away = await scrape(publicity)
    async with publicity.runtime.sessionmaker() as session:
        waiting = await outbox_backlog(session)
    assert waiting >= 1
    assert value(away, "qcdc_outbox_backlog") == waiting
    age = value(away, "qcdc_outbox_oldest_unpublished_age_seconds")
    assert age is not None and 0.05 <= age < 60
    assert value(away, "qcdc_nats_connected") == 0
    # The last lag read stays while JetStream cannot be asked (the series does not vanish).
    assert value(away, "qcdc_consumer_lag", consumer=CONSUMER) == 0
    # Requests are counted by the route's template, never the address with its id.
    publish = "/postings/{posting_id}/publish"
    labels = {"http_route": publish, "http_request_method": "POST"}
    assert value(away, "qcdc_http_server_requests_total", **labels) == 1
    assert value(away, "qcdc_http_server_request_duration_seconds_count", **labels) == 1
    assert value(away, "qcdc_http_server_requests_total", http_route="/postings") == 1
    routes = {s.labels["http_route"] for s in away["qcdc_http_server_requests_total"]}
    assert not [route for route in routes if posting["id"] in route]

    await asyncio.to_thread(nats_server.start)
    back = await until_scraped(
        publicity, "the outbox to drain", lambda s: value(s, "qcdc_outbox_backlog") == 0
    )
    assert value(back, "qcdc_outbox_oldest_unpublished_age_seconds") == 0
    published = value(back, "qcdc_outbox_published_total")
    assert published is not None and published >= waiting
    assert value(back, "qcdc_nats_connected") == 1
    # The consumers took up again after the outage, and the lag is read again.
    await send_what_no_consumer_believes(publicity)
    await until_scraped(
        publicity,
        "the consumer to take up again",
        lambda s: (
            value(s, "qcdc_consumer_dead_letters_total", consumer=CONSUMER) == 2
            and value(s, "qcdc_consumer_lag", consumer=CONSUMER) == 0
        ),
    )
    # /metrics counts itself as any route, by its template too.
    assert value(back, "qcdc_http_server_requests_total", http_route="/metrics") is not None


@asynccontextmanager
async def database_away(publicity: Publicity, url: str) -> AsyncIterator[None]:
    """The service's database unreachable, then back. PostgreSQL: refusing connections to it
    and ending those open. SQLite: its file replaced by a directory (no file SQLite could
    open, even as root) and the pool's open connections, which would keep the old file,
    closed."""
    if is_sqlite(url):
        path = Path(make_url(url).database or "")
        moved = take_away(path)
        await publicity.runtime.engine.dispose()
        try:
            yield
        finally:
            put_back(path, moved)
        return
    name = make_url(url).database
    admin = create_async_engine(
        make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
            await conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
        try:
            yield
        finally:
            async with admin.connect() as conn:
                await conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
    finally:
        await admin.dispose()


def take_away(path: Path) -> list[Path]:
    """Move the SQLite file (and its -wal, -shm) aside; a directory takes its place."""
    aside = path.with_name(path.name + ".away")
    aside.mkdir()
    moved = [f for f in path.parent.glob(path.name + "*") if f.is_file()]
    for file in moved:
        file.rename(aside / file.name)
    path.mkdir()
    return moved


def put_back(path: Path, moved: list[Path]) -> None:
    aside = path.with_name(path.name + ".away")
    path.rmdir()
    for file in moved:
        (aside / file.name).rename(file)
    shutil.rmtree(aside)


async def test_readyz_is_503_while_the_database_is_unreachable(
    publicity: Publicity, database_url: str
) -> None:
    assert (await publicity.http.get("/readyz")).status_code == 200

    async with database_away(publicity, database_url):
        answer = await publicity.http.get("/readyz")
        assert answer.status_code == 503, answer.text
        assert answer.json()["checks"]["database"].startswith("unavailable")
        assert answer.headers["Retry-After"]
        assert (await publicity.http.get("/livez")).status_code == 200  # alive, not ready
        assert value(await scrape(publicity), "qcdc_database_up") == 0

    async def ready() -> bool:
        return bool((await publicity.http.get("/readyz")).status_code == 200)

    await eventually(ready, within=10, what="/readyz once the database is back")
    assert value(await scrape(publicity), "qcdc_database_up") == 1


def wait_ready(url: str, process: ForkedProcess | subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"exited with {process.poll()}"
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/livez", timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    raise AssertionError(f"{url} never answered /livez")


def test_each_forked_service_has_metrics_of_its_own(tmp_path: Path) -> None:
    # The fork server imports qcdc_shared (metrics included) once for every service it forks:
    # a provider made at import would be shared, and both would count each other's requests.
    started = []
    try:
        for ward in ("tan-dinh", "ben-thanh"):
            port = free_port()
            env = {
                **os.environ,
                "QCDC_ENV": "development",
                "QCDC_WARD": ward,
                "QCDC_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
                "QCDC_NATS_URL": "nats://127.0.0.1:1",
            }
            log = tmp_path / f"{ward}.log"
            process = start_service("qcdc_plans.main:app", port, env, log)
            started.append((ward, f"http://127.0.0.1:{port}", process))
        for asked, (_, url, process) in enumerate(started, start=1):
            wait_ready(url, process)
            for _ in range(asked - 1):  # wait_ready's was one
                assert httpx.get(f"{url}/livez", timeout=5).status_code == 200
        for asked, (ward, url, _) in enumerate(started, start=1):
            response = httpx.get(f"{url}/metrics", timeout=5)
            assert response.status_code == 200, response.text
            found: Samples = {}
            for family in text_string_to_metric_families(response.text):
                for sample in family.samples:
                    found.setdefault(sample.name, []).append(sample)
            assert value(found, "target_info", qcdc_ward=ward, service_name="qcdc-plans") == 1
            assert value(found, "qcdc_http_server_requests_total", http_route="/livez") == asked
            assert value(found, "qcdc_outbox_backlog") == 0
            assert value(found, "qcdc_nats_connected") == 0
    finally:
        for _, _, process in started:
            process.kill()
