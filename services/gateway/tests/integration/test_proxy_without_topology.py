"""The gateway as a deployment runs it (issue 21): no launcher, so no var/run/topology.json; it
reaches a ward's real service at the address QCDC_WARD_URL_TEMPLATE gives, and the registry's
own address for a service wins over the template."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from qcdc_gateway.main import build
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.auth import mint_development_token
from qcdc_shared.db import drop_database
from qcdc_shared.registry import Registry, Ward, dump_registry
from qcdc_shared.settings import Settings
from qcdc_shared.testing.clock import TestClock
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import serving
from qcdc_shared.tooling.nats_server import NatsServer, free_port

pytestmark = pytest.mark.integration

WARD = "ben-thanh"


async def test_the_proxy_reaches_a_ward_service_at_the_template_address(
    nats_server: NatsServer, database_url: str, tmp_path: Path, city_clock: TestClock
) -> None:
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    registry_file = tmp_path / "wards.toml"
    registry = Registry(
        city="Thành phố Hồ Chí Minh",
        wards=[Ward(slug=WARD, code="26743", name="Phường Bến Thành", urls={"plans": closed})],
    )
    registry_file.write_text(dump_registry(registry), encoding="utf-8")
    publicity_url = sibling_database_url(database_url, "publicity")
    ward = Settings(ward=WARD, nats_url=nats_server.url, database_url=publicity_url)
    try:
        async with serving(build_publicity(ward)) as publicity:
            settings = Settings(
                nats_url=nats_server.url,
                database_url=database_url,
                registry_file=str(registry_file),
                # Every service of every ward at the one real service this test runs; the
                # {ward}/{service} placeholders are the unit tests' (test_ward_addresses.py).
                ward_url_template=publicity,
                var_dir=str(tmp_path / "var"),
            )
            assert settings.topology_file is None
            officer = mint_development_token(settings, role="officer", ward=WARD)
            draft = {
                "category": 1,
                "title": "Kế hoạch sử dụng đất năm 2027",
                "body": "Toàn văn kế hoạch.",
                "channels": ["notice_board"],
                "decided_on": str(city_clock.today()),
            }
            app = build(settings)
            async with app.router.lifespan_context(app):
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://gw") as http:
                    created = await http.post(
                        f"/api/wards/{WARD}/publicity/postings",
                        json=draft,
                        headers={"Authorization": f"Bearer {officer}"},
                    )
                    read = await http.get(
                        f"/api/wards/{WARD}/publicity/postings/{created.json()['id']}",
                        headers={"Authorization": f"Bearer {officer}"},
                    )
                    # The registry names plans' address (closed): it wins over the template.
                    plans = await http.get(f"/api/wards/{WARD}/plans/plans")
    finally:
        await drop_database(publicity_url)

    assert created.status_code == 201, created.text
    assert read.status_code == 200 and read.json()["title"] == draft["title"]
    assert plans.status_code == 503, plans.text
    assert "not running" in plans.json()["detail_en"]
