"""Where the gateway reaches a ward's services (qcdc_gateway/ward_addresses.py): the registry's
address, else QCDC_WARD_URL_TEMPLATE's, else the launcher's topology file (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from qcdc_gateway.main import build
from qcdc_gateway.ward_addresses import WardAddresses
from qcdc_shared.registry import Registry, Ward, dump_registry
from qcdc_shared.settings import Settings

pytestmark = pytest.mark.unit

TEMPLATE = "http://{service}.qcdc-{ward}.svc:8000"
REGISTRY = Registry(
    city="Thành phố Hồ Chí Minh",
    wards=[
        Ward(
            slug="ben-thanh",
            code="26743",
            name="Phường Bến Thành",
            urls={"plans": "http://ben-thanh-plans.internal:9000"},
        ),
        Ward(slug="sai-gon", code="26740", name="Phường Sài Gòn"),
    ],
)


def topology(tmp_path: Path, wards: dict[str, dict[str, str]]) -> str:
    path = tmp_path / "topology.json"
    path.write_text(json.dumps({"wards": wards}))
    return str(path)


def test_the_registry_beats_the_template_which_beats_the_topology_file(tmp_path: Path) -> None:
    launched = topology(
        tmp_path,
        {
            "ben-thanh": {"plans": "http://127.0.0.1:1001", "petitions": "http://127.0.0.1:1002"},
            "sai-gon": {"plans": "http://127.0.0.1:2001"},
        },
    )
    with_template = WardAddresses(REGISTRY, TEMPLATE, launched)
    assert with_template["ben-thanh"] == {
        "plans": "http://ben-thanh-plans.internal:9000",  # the registry's own
        "petitions": "http://petitions.qcdc-ben-thanh.svc:8000",
        "publicity": "http://publicity.qcdc-ben-thanh.svc:8000",
        "oversight": "http://oversight.qcdc-ben-thanh.svc:8000",
    }
    assert with_template["sai-gon"]["plans"] == "http://plans.qcdc-sai-gon.svc:8000"

    without_template = WardAddresses(REGISTRY, None, launched)
    assert without_template["ben-thanh"] == {
        "plans": "http://ben-thanh-plans.internal:9000",  # still the registry's
        "petitions": "http://127.0.0.1:1002",  # the launcher's
    }
    assert without_template["sai-gon"] == {"plans": "http://127.0.0.1:2001"}


def test_without_a_topology_file_only_the_registry_and_the_template_answer(
    tmp_path: Path,
) -> None:
    missing = str(tmp_path / "run" / "topology.json")
    assert WardAddresses(REGISTRY, None, missing)["ben-thanh"] == {
        "plans": "http://ben-thanh-plans.internal:9000"
    }
    assert WardAddresses(REGISTRY, None, None).get("sai-gon") == {}  # every service: 503
    assert len(WardAddresses(REGISTRY, TEMPLATE, None)["sai-gon"]) == 4


def test_the_topology_file_is_not_read_when_the_template_names_every_service(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "topology.json"
    broken.write_text("{ half-written")  # would fail to parse if it were read
    addresses = WardAddresses(REGISTRY, TEMPLATE, str(broken))
    assert addresses["sai-gon"]["oversight"] == "http://oversight.qcdc-sai-gon.svc:8000"


def test_only_registry_wards_have_addresses(tmp_path: Path) -> None:
    addresses = WardAddresses(REGISTRY, TEMPLATE, None)
    assert list(addresses) == ["ben-thanh", "sai-gon"] and len(addresses) == 2
    assert addresses.get("atlantis") is None
    with pytest.raises(KeyError):
        addresses["atlantis"]


def test_the_settings_give_the_template_and_the_topology_file(tmp_path: Path) -> None:
    settings = Settings(ward_url_template=TEMPLATE, topology_file=str(tmp_path / "t.json"))
    addresses = WardAddresses.of(settings, REGISTRY)
    assert (addresses.template, addresses.topology_file) == (TEMPLATE, str(tmp_path / "t.json"))


async def test_the_proxy_goes_to_the_template_address_with_no_topology_file(
    tmp_path: Path,
) -> None:
    registry_file = tmp_path / "wards.toml"
    registry_file.write_text(dump_registry(REGISTRY), encoding="utf-8")
    settings = Settings(
        env="development",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{service}}.db",
        registry_file=str(registry_file),
        ward_url_template=TEMPLATE,
        var_dir=str(tmp_path / "var"),  # no var/run/topology.json anywhere
    )
    asked: list[str] = []

    def ward_service(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(200, json={"items": [], "total": 0, "next_cursor": None})

    app = build(settings)  # never started: no database, no broker
    app.state.runtime = SimpleNamespace(settings=app.state.settings)
    app.state.proxy_client = httpx.AsyncClient(transport=httpx.MockTransport(ward_service))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
        templated = await http.get("/api/wards/sai-gon/publicity/postings?limit=5")
        registered = await http.get("/api/wards/ben-thanh/plans/plans")
    await app.state.proxy_client.aclose()

    assert templated.status_code == 200 and registered.status_code == 200
    assert asked == [
        "http://publicity.qcdc-sai-gon.svc:8000/postings?limit=5",
        "http://ben-thanh-plans.internal:9000/plans",
    ]
