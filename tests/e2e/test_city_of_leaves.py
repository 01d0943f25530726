"""Issue 15: ``qcdc run --topology hub-leaf``: a hub and a leaf per ward, each its own
nats-server, every ward's services on their own leaf. Ward writes never wait for the city:
with the hub frozen, killed or away, ben-thanh keeps taking postings and petitions, and when
the hub is back the gateway holds every one of them exactly once."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import time
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest

from qcdc_shared.streams import CITY_STREAM
from qcdc_shared.subjects import ward_stream
from qcdc_shared.tooling.brokers import Brokers, brokers_of

from .city import POSTING, City

pytestmark = pytest.mark.e2e

WARD, OTHER = "ben-thanh", "sai-gon"
CATCH_UP_LIMIT = 60.0  # the promise: the city complete within a minute of the hub's return


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    running = City(
        tmp_path_factory.mktemp("leaves") / "var", f"{WARD},{OTHER}", topology="hub-leaf"
    )
    try:
        yield running
    finally:
        if running.process.poll() is None:
            running.terminate()


class Ward:
    """ben-thanh as its officer and a citizen use it."""

    def __init__(self, city: City) -> None:
        self.city = city
        services = city.topology["wards"][WARD]  # type: ignore[index]
        self.publicity, self.petitions = services["publicity"], services["petitions"]
        self.officer = {"Authorization": f"Bearer {city.token('officer', WARD)}"}
        self.citizen = {"Authorization": f"Bearer {city.token('citizen')}"}
        self.postings: list[str] = []
        self.petitions_received: list[str] = []

    def post(self, title: str) -> None:
        body = {**POSTING, "title": title, "decided_on": self.city.clock.today().isoformat()}
        draft = httpx.post(f"{self.publicity}/postings", json=body, headers=self.officer)
        assert draft.status_code == 201, draft.text
        posting = draft.json()["id"]
        published = httpx.post(f"{self.publicity}/postings/{posting}/publish", headers=self.officer)
        assert published.status_code == 200, published.text
        self.postings.append(posting)

    def petition(self, title: str) -> None:
        body = {
            "kind": "feedback",
            "title": title,
            "body": "Đèn đường trước số 12 Lê Lợi hỏng đã hai tuần.",
            "petitioner": {
                "name": "Nguyễn Văn A",
                "address": "12 Lê Lợi, phường Bến Thành",
                "phone": "0903123456",
            },
        }
        received = httpx.post(f"{self.petitions}/petitions", json=body, headers=self.citizen)
        assert received.status_code == 201, received.text
        self.petitions_received.append(received.json()["id"])


def city_events(city: City, event_type: str) -> Counter[str]:
    """How many times the gateway holds each aggregate's event of ``event_type``."""
    seen: Counter[str] = Counter()
    cursor: str | None = None
    while True:
        params = {
            "ward": WARD,
            "type": event_type,
            "limit": 200,
            **({"cursor": cursor} if cursor else {}),
        }
        page = httpx.get(f"{city.gateway}/api/events", params=params).json()
        seen.update(item["subject"] for item in page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return seen


def complete(city: City, ward: Ward) -> bool:
    postings = city_events(city, "vn.qcdc.publicity.posting.published.v1")
    petitions = city_events(city, "vn.qcdc.petitions.petition.received.v1")
    return all(postings[p] >= 1 for p in ward.postings) and all(
        petitions[p] >= 1 for p in ward.petitions_received
    )


def city_stream_holds_every_ward_event_once(city: City) -> bool:
    """QCDC_CITY on the hub holds exactly what the ward streams hold, once sourcing settles:
    the gateway's log dedups by event id and would hide a double sourcing."""

    topology = city.topology
    servers = topology["nats"]["servers"]  # type: ignore[index]
    wards = [role.removeprefix("leaf:") for role in servers if role.startswith("leaf:")]

    async def counts() -> tuple[int, int]:
        brokers = await Brokers.connect(brokers_of(topology))  # hub first, leaves in order
        try:
            hub, *leaves = brokers.clients
            held = (await hub.jetstream().stream_info(CITY_STREAM)).state.messages
            written = [
                (await leaf.jetstream().stream_info(ward_stream(ward))).state.messages
                for leaf, ward in zip(leaves, wards, strict=True)
            ]
            return held, sum(written)
        finally:
            await brokers.close()

    began = time.monotonic()
    while True:
        held, written = asyncio.run(counts())
        if held == written or time.monotonic() - began > CATCH_UP_LIMIT:
            return held == written
        time.sleep(0.25)


def caught_up(city: City, ward: Ward) -> float:
    """Seconds until the gateway holds each of the ward's writes, then checks it holds each
    exactly once."""
    began = time.monotonic()
    while not complete(city, ward):
        assert time.monotonic() - began < CATCH_UP_LIMIT, "the city never caught up"
        time.sleep(0.25)
    waited = time.monotonic() - began
    assert city_stream_holds_every_ward_event_once(city)
    postings = city_events(city, "vn.qcdc.publicity.posting.published.v1")
    petitions = city_events(city, "vn.qcdc.petitions.petition.received.v1")
    assert [postings[p] for p in ward.postings] == [1] * len(ward.postings)
    assert [petitions[p] for p in ward.petitions_received] == [1] * len(ward.petitions_received)
    return waited


def test_every_process_is_named_with_its_role_pid_and_url(city: City) -> None:
    topology = city.topology
    servers = topology["nats"]["servers"]  # type: ignore[index]
    assert set(servers) == {"hub", f"leaf:{WARD}", f"leaf:{OTHER}"}
    roles = set(topology["processes"])  # type: ignore[arg-type]
    assert {
        "hub",
        f"leaf:{WARD}",
        f"{WARD}/publicity",
        f"{OTHER}/oversight",
        f"{WARD}/portal",  # the ward-local portal (issue 19), reading only its ward
        f"{OTHER}/portal",
        "city/gateway",
    } <= roles
    for role in roles:
        os.kill(city.pid(role), 0)  # alive
    portal = topology["processes"][f"{WARD}/portal"]["url"]  # type: ignore[index]
    home = httpx.get(f"{portal}/p/{WARD}/")
    assert home.status_code == 200 and 'lang="vi"' in home.text, home.text[:500]
    assert httpx.get(f"{portal}/p/{OTHER}/").status_code == 404
    assert "portal" not in topology["wards"][WARD]  # type: ignore[index]
    for url in topology["wards"][WARD].values():  # type: ignore[index]
        health = httpx.get(f"{url}/health").json()
        assert health["nats"]["connected"] is True
    wards = httpx.get(f"{city.gateway}/api/wards").json()
    assert {w["slug"] for w in wards["items"]} == {WARD, OTHER}
    assert "password" not in (city.var_dir / "run" / "topology.json").read_text()


def test_the_shared_clock_moves_every_service_on_every_leaf(city: City) -> None:
    urls = [*city.topology["wards"][WARD].values(), city.gateway]  # type: ignore[index]
    city.qcdc("clock", "advance", "3d")
    try:
        target = city.clock.now() + dt.timedelta(days=3)
        began = time.monotonic()
        for url in urls:
            while True:
                now = dt.datetime.fromisoformat(httpx.get(f"{url}/health").json()["clock"]["now"])
                if abs(now - target) < dt.timedelta(minutes=5):
                    break
                assert time.monotonic() - began < 15, f"{url} did not follow the clock"
                time.sleep(0.1)
    finally:
        city.restore_clock()


def test_a_posting_published_in_a_ward_reaches_the_city(city: City) -> None:
    ward = Ward(city)
    ward.post("Kế hoạch năm 2027")
    caught_up(city, ward)


def test_the_ward_works_while_the_hub_is_away_and_the_city_catches_up(city: City) -> None:
    """The hub is killed and kept away for 30 s (the launcher is paused, so it cannot restart
    it); ben-thanh takes postings and petitions, and its publicity service is killed in the
    middle. Then the launcher resumes and restarts both."""
    ward = Ward(city)
    launcher, hub = city.process.pid, city.pid("hub")
    os.kill(launcher, signal.SIGSTOP)
    try:
        os.kill(hub, signal.SIGKILL)
        away_since = time.monotonic()
        for n in range(3):
            ward.post(f"Thông báo trong lúc mất kết nối {n}")
            ward.petition(f"Phản ánh trong lúc mất kết nối {n}")
        os.kill(city.pid(f"{WARD}/publicity"), signal.SIGKILL)  # accepted writes are in its outbox
        for n in range(3, 6):
            ward.petition(f"Phản ánh trong lúc mất kết nối {n}")
            time.sleep(1.0)
        time.sleep(max(0.0, 30.0 - (time.monotonic() - away_since)))
    finally:
        os.kill(launcher, signal.SIGCONT)
    began = time.monotonic()
    while city.pid("hub") == hub:  # the launcher restarts what died
        assert time.monotonic() - began < 15, "the launcher did not restart the hub"
        time.sleep(0.1)
    waited = caught_up(city, ward)
    print(f"\nhub away 30 s; the city complete {waited:.1f} s after the hub's return")


def test_a_frozen_hub_holds_nothing_back(city: City) -> None:
    """SIGSTOP for 30 s: no restart, the links stall and resume."""
    ward = Ward(city)
    hub = city.pid("hub")
    os.kill(hub, signal.SIGSTOP)
    try:
        frozen = time.monotonic()
        for n in range(3):
            ward.post(f"Thông báo khi trung tâm bị treo {n}")
            ward.petition(f"Phản ánh khi trung tâm bị treo {n}")
        time.sleep(max(0.0, 30.0 - (time.monotonic() - frozen)))
    finally:
        os.kill(hub, signal.SIGCONT)
    waited = caught_up(city, ward)
    print(f"\nhub frozen; the city complete {waited:.1f} s after SIGCONT")


def test_a_killed_hub_is_restarted_and_the_city_catches_up(city: City) -> None:
    ward = Ward(city)
    hub = city.pid("hub")
    os.kill(hub, signal.SIGKILL)
    killed = time.monotonic()
    for n in range(3):
        ward.post(f"Thông báo khi trung tâm khởi động lại {n}")
    waited = caught_up(city, ward)
    assert city.pid("hub") != hub
    after = time.monotonic() - killed
    print(f"\nhub killed; the city complete {after:.1f} s later ({waited:.1f} s of waiting)")
