"""Ready means ready (DESIGN §10): ``qcdc run`` on a first start builds the demo city before it
says the city is up. Meanwhile every service says so (/readyz, /health, /api/wards, the
dashboard) and refuses a user's write with 503 and Retry-After, never a misleading 422; the
moment the ready line is printed, the README's example works at the present."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from .city import POSTING, City

pytestmark = pytest.mark.e2e

WARD = "ben-thanh"


@pytest.fixture(scope="module")
def building(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    city = City(tmp_path_factory.mktemp("ready") / "var", WARD, demo_months=1, wait=False)
    try:
        yield city
    finally:
        if city.process.poll() is None:
            city.terminate()


def wait_for(what: str, check: Any, limit: float = 120.0) -> Any:
    began = time.monotonic()
    while time.monotonic() - began < limit:
        try:
            found = check()
        except (httpx.HTTPError, OSError, KeyError, ValueError):
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"not within {limit}s: {what}")


def publicity_url(city: City) -> str:
    topology = json.loads((city.var_dir / "run" / "topology.json").read_text())
    return str(topology["wards"][WARD]["publicity"])


def test_while_the_demo_is_built_the_city_says_so_and_refuses_writes_with_503(
    building: City,
) -> None:
    def gateway_not_ready() -> httpx.Response | None:
        answer = httpx.get(f"{building.gateway}/readyz")
        return answer if answer.status_code == 503 else None

    readyz = wait_for("the gateway to answer /readyz", gateway_not_ready)
    assert readyz.json()["checks"]["city"]["state"] == "building_demo"
    assert readyz.headers["Retry-After"]
    assert not any("the city is up" in line for line in building.output)

    url = publicity_url(building)
    officer = {"Authorization": f"Bearer {building.token('officer', WARD)}"}
    body = {**POSTING, "decided_on": (building.clock.today() - dt.timedelta(days=1)).isoformat()}
    refused = httpx.post(f"{url}/postings", json=body, headers=officer)
    assert refused.status_code == 503, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert int(refused.headers["Retry-After"]) > 0
    problem = refused.json()
    assert "thành phố mẫu" in problem["detail"] and "demo city" in problem["detail_en"]
    assert problem["city"]["ready"] is False

    wards = httpx.get(f"{building.gateway}/api/wards").json()
    assert wards["city"]["ready"] is False and "weeks" in wards["city"]["text_en"]
    assert httpx.get(f"{url}/health").json()["city"]["state"] == "building_demo"
    page = httpx.get(f"{building.gateway}/")
    assert "Đang dựng thành phố mẫu" in page.text
    # Reads go on while the city is built.
    assert httpx.get(f"{url}/postings").status_code == 200


def test_at_the_ready_line_the_readme_example_works_at_once_at_the_present(
    building: City,
) -> None:
    building.wait_until_up()
    url = publicity_url(building)
    assert httpx.get(f"{building.gateway}/readyz").status_code == 200
    assert httpx.get(f"{building.gateway}/api/wards").json()["city"]["ready"] is True
    service_now = dt.datetime.fromisoformat(httpx.get(f"{url}/health").json()["clock"]["now"])
    assert abs(service_now - building.clock.now()) < dt.timedelta(minutes=5)

    officer = {"Authorization": f"Bearer {building.token('officer', WARD)}"}
    yesterday = building.clock.today() - dt.timedelta(days=1)
    body = {**POSTING, "decided_on": yesterday.isoformat()}
    created = httpx.post(f"{url}/postings", json=body, headers=officer)
    assert created.status_code == 201, created.text
    published = httpx.post(f"{url}/postings/{created.json()['id']}/publish", headers=officer)
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published" and published.json()["violations"] == []
    # The demo city is there: the ward has a history before the user's posting.
    total = httpx.get(f"{url}/postings").json()["total"]
    assert total > 1
