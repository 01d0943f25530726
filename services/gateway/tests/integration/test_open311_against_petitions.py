"""Open311 GeoReport v2 against a running gateway and a running petitions service (each behind
uvicorn, a real nats-server and database), driven by the ``georeport`` client from PyPI: an
admin issues an API key; the client lists services, a request is posted with the key and read
back in JSON and XML; a missing, wrong or revoked key is refused; a ward away is a 503 to try
again with nothing filed; no read, and no row of the gateway's database, holds the
petitioner's name, address, email or phone (nor, in the database, a tracking code).

``georeport`` 0.3.1 reads (services, definitions, requests) but has no method to post: the
post is the specification's form, sent with ``requests``, the library georeport itself uses.
Both are synchronous, so they run in a thread beside the servers' event loop."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
import requests
from georeport import GeoReport
from sqlalchemy import MetaData, select
from sqlalchemy.ext.asyncio import AsyncEngine

from qcdc_gateway.main import build
from qcdc_petitions.main import build as build_petitions
from qcdc_shared.auth import mint_development_token
from qcdc_shared.db import drop_database
from qcdc_shared.settings import Settings
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import following, serving, shared_offset
from qcdc_shared.tooling.nats_server import NatsServer

from .migrated import migrated
from .portal_harness import REGISTRY, WARD, bearer

pytestmark = pytest.mark.integration

PERSON = {
    "first_name": "Thị Hoa",
    "last_name": "Nguyễn",
    "email": "hoa.nguyen@example.vn",
    "phone": "0903123456",
    "attribute[petitioner_address]": "34 Lý Tự Trọng",
}
PERSONAL = ("Thị Hoa", "Nguyễn", "hoa.nguyen@example.vn", "0903123456", "34 Lý Tự Trọng")
DESCRIPTION = "Quyết định xử phạt ngày 20/11 ghi sai biển số xe của tôi."


def post(base: str, data: dict[str, str], fmt: str = "json") -> requests.Response:
    return requests.post(f"{base}/requests.{fmt}", data=data, timeout=15)


async def test_georeport_lists_posts_and_reads_a_request_with_an_issued_key(
    nats_server: NatsServer, database_url: str, tmp_path: Path
) -> None:
    database = sibling_database_url(database_url, "pet")
    petitions_settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database)
    officer = bearer(petitions_settings, "officer", ward=WARD)
    topology = tmp_path / "topology.json"
    city = Settings(
        nats_url=nats_server.url,
        database_url=database_url,
        registry_file=str(REGISTRY),
        topology_file=str(topology),
    )
    admin = {"Authorization": f"Bearer {mint_development_token(city, role='admin')}"}
    citizen = {"Authorization": f"Bearer {mint_development_token(city, role='citizen')}"}
    reads: list[str] = []  # every read's body, to search for personal data
    try:
        async with serving(build_petitions(petitions_settings)) as petitions:
            topology.write_text(json.dumps({"wards": {WARD: {"petitions": petitions}}}))
            gateway_app = build(city)
            async with serving(gateway_app) as gateway, httpx.AsyncClient(timeout=15) as http:
                await following(gateway_app.state.runtime, await shared_offset(nats_server.url))
                base = f"{gateway}/open311/v2"

                # Only an admin issues keys; the key is shown once, never listed.
                not_admin = await http.post(
                    f"{gateway}/api/open311/clients", json={"name": "x"}, headers=citizen
                )
                issued = await http.post(
                    f"{gateway}/api/open311/clients",
                    json={"name": "Ứng dụng Phản ánh 311"},
                    headers=admin,
                )
                assert issued.status_code == 201, issued.text
                key = issued.json()["api_key"]
                listed = await http.get(f"{gateway}/api/open311/clients", headers=admin)

                client = GeoReport(base, jurisdiction=WARD, api_key=key)
                services = await asyncio.to_thread(client.get_service_list)
                definition = await asyncio.to_thread(client.get_service_definition, "complaint")
                form = {
                    "api_key": key,
                    "jurisdiction_id": WARD,
                    "service_code": "complaint",
                    "description": DESCRIPTION,
                    "attribute[act_date]": "2026-11-20",
                    **PERSON,
                }
                without_key = await asyncio.to_thread(post, base, {**form, "api_key": ""})
                wrong_key = await asyncio.to_thread(
                    post, base, {**form, "api_key": key[:-4] + "AAAA"}, "xml"
                )
                posted = await asyncio.to_thread(post, base, form)
                assert posted.status_code == 201, posted.text
                [answer] = posted.json()
                code = answer["service_request_id"]

                one = await asyncio.to_thread(client.get_service_request, code)
                many = await asyncio.to_thread(client.get_service_requests, service_request_id=code)
                as_xml = GeoReport(base, jurisdiction=WARD, output_format="xml")
                one_xml = await asyncio.to_thread(as_xml.get_service_request, code)
                without_ids = await http.get(
                    f"{base}/requests.json", params={"jurisdiction_id": WARD, "api_key": key}
                )
                for path in (f"requests/{code}.json", f"requests/{code}.xml", "requests.xml"):
                    found = await http.get(
                        f"{base}/{path}",
                        params={"jurisdiction_id": WARD, "service_request_id": code},
                    )
                    assert found.status_code == 200, found.text
                    reads.append(found.text)
                reads += [json.dumps(x, ensure_ascii=False) for x in (one, many, one_xml)]
                reads.append(without_ids.text)

                # What the ward's service holds: a named complaint, the deadline we showed.
                tracked = (await http.get(f"{petitions}/petitions/track/{code}")).json()
                stored = await http.get(f"{petitions}/petitions/{tracked['id']}", headers=officer)

                # The ward's own refusal comes back as GeoReport's 400, with its reasons.
                bad_group = await asyncio.to_thread(
                    post, base, {**form, "attribute[group]": "tổ 3"}
                )

                # Anonymous only where the kind allows it.
                anonymous_complaint = await asyncio.to_thread(
                    post, base, {k: v for k, v in form.items() if k not in PERSON}
                )
                anonymous_feedback = await asyncio.to_thread(
                    post,
                    base,
                    {
                        "api_key": key,
                        "jurisdiction_id": WARD,
                        "service_code": "feedback",
                        "description": "Đèn đường hỏng ở góc Lê Lợi.",
                        "lat": "10.7725",
                        "long": "106.6980",
                    },
                )

                # The ward's service away: 503, Retry-After, nothing filed; back, it files.
                topology.write_text(
                    json.dumps({"wards": {WARD: {"petitions": "http://127.0.0.1:9"}}})
                )
                before = (await http.get(f"{petitions}/petitions", headers=officer)).json()
                away = await asyncio.to_thread(post, base, form)
                after = (await http.get(f"{petitions}/petitions", headers=officer)).json()
                topology.write_text(json.dumps({"wards": {WARD: {"petitions": petitions}}}))
                again = await asyncio.to_thread(post, base, form)
                gateway_rows = await rows_of(gateway_app.state.runtime.engine)

                revoked = await http.delete(
                    f"{gateway}/api/open311/clients/{issued.json()['id']}", headers=admin
                )
                after_revoke = await asyncio.to_thread(post, base, form)
    finally:
        await drop_database(database)

    assert not_admin.status_code == 403
    assert listed.status_code == 200
    assert [c["name"] for c in listed.json()] == ["Ứng dụng Phản ánh 311"]
    assert "api_key" not in listed.json()[0] and key not in listed.text

    assert [s["service_code"] for s in services] == [
        "feedback",
        "complaint",
        "denunciation",
        "information_request",
    ]
    assert {a["code"] for a in definition["attributes"]} >= {"act_date", "petitioner_address"}

    assert without_key.status_code == 403
    assert without_key.json()[0]["code"] == 403
    assert wrong_key.status_code == 403
    assert ElementTree.fromstring(wrong_key.content).findtext("error/code") == "403"

    assert set(answer) == {"service_request_id", "service_notice", "account_id"}
    assert answer["account_id"] is None
    accept = next(d for d in tracked["deadlines"] if d["rule"] == "CMP-ACCEPT")
    assert f"({accept['rule']})" in answer["service_notice"]
    assert code == tracked["tracking_code"]

    assert one["service_request_id"] == code and one["status"] == "open"
    assert one["service_code"] == "complaint"
    assert one["expected_datetime"] == accept["due_at"]  # the service's, not recomputed
    assert one["agency_responsible"] == "Phường Bến Thành"
    assert [r["service_request_id"] for r in many] == [code]
    assert one_xml["service_request_id"] == code and one_xml["status"] == "open"
    assert without_ids.status_code == 400  # a code is its holder's: no one lists them
    assert "service_request_id" in without_ids.json()[0]["description"]

    assert stored.status_code == 200, stored.text
    assert stored.json()["anonymous"] is False and stored.json()["kind"] == "complaint"
    for body in reads:
        assert not [word for word in PERSONAL if word in body], body
        assert DESCRIPTION not in body

    assert bad_group.status_code == 400, bad_group.text
    assert "(group)" in bad_group.json()[0]["description"]
    assert " — " in bad_group.json()[0]["description"]  # Vietnamese — English
    assert anonymous_complaint.status_code == 400
    assert "first_name" in anonymous_complaint.json()[0]["description"]
    assert anonymous_feedback.status_code == 201, anonymous_feedback.text

    assert away.status_code == 503 and away.headers["retry-after"] == "30"
    assert away.json()[0]["code"] == 503
    assert after["total"] == before["total"]  # nothing filed, nothing half-filed
    assert again.status_code == 201, again.text  # the same post, once the ward is back

    # The gateway's database keeps no code and nothing of the person (DEN-SECRET).
    codes = [code, again.json()[0]["service_request_id"]]
    assert gateway_rows and not [
        row for row in gateway_rows if any(word in row for word in (*PERSONAL, *codes))
    ]
    assert not [row for row in gateway_rows if key in row]  # the key only as its hash

    assert revoked.status_code == 204
    assert after_revoke.status_code == 403


async def rows_of(engine: AsyncEngine) -> list[str]:
    """Every row of every table of a database, as text."""
    tables = MetaData()
    async with engine.connect() as conn:
        await conn.run_sync(tables.reflect)
        return [
            f"{table.name} {json.dumps([str(v) for v in row], ensure_ascii=False)}"
            for table in tables.sorted_tables
            for row in (await conn.execute(select(table))).all()
        ]


async def test_the_migration_creates_exactly_the_open311_tables(database_url: str) -> None:
    differences, tables = await migrated(database_url)
    assert [d for d in differences if "open311_" in str(d)] == []
    assert "open311_clients" in tables
