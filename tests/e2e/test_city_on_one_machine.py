"""`qcdc run` with two wards, driven over HTTP as people would use it: a ward officer posts,
the city sees it, the shared clock jumps, and every event on the wire keeps its contract."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import signal
import socket
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import nats
import pytest
from nats.js.api import ConsumerConfig, DeliverPolicy

from qcdc_shared.streams import CITY_STREAM
from qcdc_shared.tooling.contracts import validate_envelope

from .city import POSTING, City

pytestmark = pytest.mark.e2e

WARDS = "ben-thanh,sai-gon"


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    # The city must start where NATS's default port is already someone else's.
    with occupied(4222):
        running = City(tmp_path_factory.mktemp("city") / "var", WARDS)
    try:
        yield running
    finally:
        if running.process.poll() is None:
            running.terminate()


@contextlib.contextmanager
def occupied(port: int) -> Iterator[None]:
    """Hold ``port`` for the duration, unless another server (a system NATS) already does."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
            sock.listen()
        except OSError:
            pass  # taken already, which is the point
        yield


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def publicity(city: City, ward: str) -> str:
    return str(city.topology["wards"][ward]["publicity"])  # type: ignore[index]


def published_count(city: City, ward: str) -> int:
    ward_out = httpx.get(f"{city.gateway}/api/wards/{ward}").json()
    return int(ward_out["indicators"]["postings_current"])


def wait_for_count(city: City, ward: str, expected: int, limit: float = 15.0) -> float:
    began = time.monotonic()
    while published_count(city, ward) != expected:
        assert time.monotonic() - began < limit, f"gateway never showed {expected} in {ward}"
        time.sleep(0.05)
    return time.monotonic() - began


def test_the_gateway_lists_the_started_wards_with_their_services(city: City) -> None:
    body = httpx.get(f"{city.gateway}/api/wards").json()
    assert body["total"] == 2 and body["next_cursor"] is None
    by_slug = {ward["slug"]: ward for ward in body["items"]}
    assert by_slug["ben-thanh"]["code"] == "26743"
    assert by_slug["sai-gon"]["name"] == "Phường Sài Gòn"
    for slug, ward in by_slug.items():
        # The public list names no internal address; the operator's topology file does.
        assert "services" not in ward and "http://" not in json.dumps(ward)
        services: dict[str, str] = city.topology["wards"][slug]  # type: ignore[index]
        assert set(services) == {"plans", "petitions", "publicity", "oversight"}
        for url in services.values():
            health = httpx.get(f"{url}/health").json()
            assert health["database"] == "ok" and health["nats"]["connected"] is True
            assert httpx.get(f"{url}/openapi.json").status_code == 200
    assert not str(city.topology["nats_url"]).endswith(":4222")
    print(f"\ncity of 2 wards up in {city.started_in:.1f}s")


def test_a_ward_officer_posts_and_the_city_sees_it(city: City) -> None:
    url = publicity(city, "ben-thanh")
    officer = bearer(city.token("officer", "ben-thanh"))
    before = published_count(city, "ben-thanh")
    today = city.clock.today().isoformat()
    created = httpx.post(f"{url}/postings", json={**POSTING, "decided_on": today}, headers=officer)
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "draft"
    published = httpx.post(f"{url}/postings/{created.json()['id']}/publish", headers=officer)
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published"
    assert {d["rule"] for d in published.json()["deadlines"]} == {"PUB-DUE", "PUB-MIN30"}
    seen_after = wait_for_count(city, "ben-thanh", before + 1)
    assert published_count(city, "sai-gon") == 0
    print(f"\nposting visible at the gateway {seen_after:.2f}s after publish")


def test_refusals_are_problem_json(city: City) -> None:
    url = publicity(city, "ben-thanh")
    body = {**POSTING, "decided_on": city.clock.today().isoformat()}
    other_ward = httpx.post(
        f"{url}/postings", json=body, headers=bearer(city.token("officer", "sai-gon"))
    )
    anonymous = httpx.post(f"{url}/postings", json=body)
    malformed = httpx.post(
        f"{url}/postings",
        content=b'{"category": 1,',
        headers={**bearer(city.token("officer", "ben-thanh")), "content-type": "application/json"},
    )
    citizen = httpx.post(f"{url}/postings", json=body, headers=bearer(city.token("citizen")))
    for response, status in ((other_ward, 403), (anonymous, 401), (malformed, 422), (citizen, 403)):
        assert response.status_code == status, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["title"] and problem["title_en"] and problem["detail_en"]


def test_the_shared_clock_moves_every_service(city: City) -> None:
    url = publicity(city, "ben-thanh")
    officer = bearer(city.token("officer", "ben-thanh"))
    decided = city.clock.today().isoformat()
    draft = httpx.post(
        f"{url}/postings", json={**POSTING, "decided_on": decided}, headers=officer
    ).json()
    city.qcdc("clock", "advance", "40d")
    try:

        def service_now() -> dt.datetime:
            return dt.datetime.fromisoformat(httpx.get(f"{url}/health").json()["clock"]["now"])

        deadline = time.monotonic() + 10
        while service_now() < city.clock.now() + dt.timedelta(days=39):
            assert time.monotonic() < deadline, "the service never saw the clock move"
            time.sleep(0.1)
        late = httpx.post(f"{url}/postings/{draft['id']}/publish", headers=officer).json()
        # Published 40 days after the decision: past PUB-DUE's 5 working days.
        assert late["violations"] == ["PUB-DUE"]
        assert dt.date.fromisoformat(late["published_at"][:10]) >= (
            city.clock.today() + dt.timedelta(days=39)
        )

        # 40 days on, the earlier postings' 30 days are over: the sweeper expires them, and
        # the city's count follows the ward's own list of what is currently posted.
        def ward_published() -> int:
            listed = httpx.get(f"{url}/postings", params={"status": "published"}).json()
            return int(listed["total"])

        deadline = time.monotonic() + 15
        while published_count(city, "ben-thanh") != ward_published() or any(
            p["status"] == "published"
            and p["id"] != late["id"]
            and p["category"] == POSTING["category"]
            and not p["source"]
            for p in httpx.get(f"{url}/postings", params={"limit": 200}).json()["items"]
        ):
            assert time.monotonic() < deadline, "expiry never reached the city"
            time.sleep(0.1)
    finally:
        city.restore_clock()


def test_every_message_on_the_wire_keeps_its_contract(city: City) -> None:
    async def read_city_stream() -> list[bytes]:
        client = await nats.connect(str(city.topology["nats_url"]))
        try:
            js = client.jetstream()
            info = await js.stream_info(CITY_STREAM)
            sub = await js.pull_subscribe(
                "qcdc.>",
                stream=CITY_STREAM,
                config=ConsumerConfig(deliver_policy=DeliverPolicy.ALL),
            )
            messages = await sub.fetch(info.state.messages, timeout=5)
            return [message.data for message in messages]
        finally:
            await client.close()

    raw = asyncio.run(read_city_stream())
    assert len(raw) >= 2
    for data in raw:
        validate_envelope(data)


def test_verify_ledger_catches_an_edit_behind_the_services_back(city: City) -> None:
    intact = city.run_qcdc("verify-ledger", "--ward", "ben-thanh")
    assert intact.returncode == 0, intact.stdout + intact.stderr
    url = publicity(city, "ben-thanh")
    victim = httpx.get(f"{url}/postings", params={"limit": 1}).json()["items"][0]["id"]
    database = city.var_dir / "data" / "ben-thanh" / "publicity.db"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE postings SET title = 'Đã sửa lén' WHERE id = ?", (victim,))
    broken = city.run_qcdc("verify-ledger", "--ward", "ben-thanh")
    assert broken.returncode == 1 and victim in broken.stdout, broken.stdout


def test_a_service_that_dies_is_reported_and_restarted(city: City) -> None:
    victim = "sai-gon/plans"
    pid = int(city.topology["pids"][victim])  # type: ignore[index]
    url = city.topology["wards"]["sai-gon"]["plans"]  # type: ignore[index]
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while True:
        assert time.monotonic() < deadline, "the launcher never restarted " + victim
        new_pid = city.topology["pids"][victim]  # type: ignore[index]
        if new_pid != pid:
            try:
                if httpx.get(f"{url}/health").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    assert any(victim in line and "restarting" in line for line in city.output)


def test_sigterm_stops_every_process(city: City) -> None:
    urls = [url for ward in city.topology["wards"].values() for url in ward.values()]  # type: ignore[attr-defined]
    nats_port = int(str(city.topology["nats_url"]).rsplit(":", 1)[1])
    took = city.terminate()
    assert city.process.returncode == 0, "\n".join(city.output)
    for port in [int(u.rsplit(":", 1)[1]) for u in urls] + [city.gateway_port, nats_port]:
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still answers"
    print(f"\nSIGTERM stopped the city in {took:.1f}s")


def test_wards_data_stays_under_the_var_folder(city: City) -> None:
    data = Path(city.var_dir) / "data"
    assert (data / "ben-thanh" / "publicity.db").is_file()
    assert (data / "city" / "gateway.db").is_file()
