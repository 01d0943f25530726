"""Open311 GeoReport v2 (docs/open311.md): the petition kinds as services, a tracked petition
as a service request (without anything a person wrote), a posted request as the petitions
service's PetitionIn, and both forms of every document, held to the specification's own
examples element for element."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest

from qcdc_gateway.open311 import domain
from qcdc_gateway.open311.domain import Refusal
from qcdc_gateway.open311.rendering import to_xml
from qcdc_gateway.portal.kinds import KIND_RULES

from . import open311_spec_examples as spec
from .portal_fakes import CLIENT, WARD, FakeWard, build_portal

CODE = "BT-7K4M-Q9XD-R2HW-C8NP"
SECRET_WORDS = ("Nguyễn Thị Hoa", "34 Lý Tự Trọng", "0903123456", "hoa@example.vn")
# What the ward's tracking read answers (the petitions service's TrackingOut), with free text
# where a resident or an officer could have written a name.
TRACKED: dict[str, Any] = {
    "id": "5b0c0d8e-0000-4000-8000-000000000001",
    "tracking_code": CODE,
    "kind": "complaint",
    "status": "accepted",
    "received_on": "2026-12-01",
    "deadlines": [
        {"rule": "CMP-ACCEPT", "due": "2026-12-11", "due_at": "2026-12-11T23:59:59+07:00",
         "met": True},
        {"rule": "CMP-RESOLVE", "due": "2027-01-30", "due_at": "2027-01-30T23:59:59+07:00",
         "met": None},
        {"rule": "CMP-RESOLVE.complex", "due": "2027-02-14",
         "due_at": "2027-02-14T23:59:59+07:00", "met": None},
    ],
    "flags": [],
    "escalated": [],
    "answer": {"text": "Gửi bà Nguyễn Thị Hoa, 34 Lý Tự Trọng", "on_time": True},
    "history": [
        {"version": 1, "at": "2026-12-01T08:30:00+07:00", "action": "submit",
         "status": "received", "detail": {}},
        {"version": 2, "at": "2026-12-03T10:00:00+07:00", "action": "accept",
         "status": "accepted", "detail": {"reason": "bà Nguyễn Thị Hoa gọi 0903123456"}},
    ],
}  # fmt: skip


def paths(element: ElementTree.Element, prefix: str = "") -> set[str]:
    here = f"{prefix}/{element.tag}"
    found = {here}
    for child in element:
        found |= paths(child, here)
    return found


def shape(xml: bytes | str) -> set[str]:
    return paths(ElementTree.fromstring(xml))


def keys(value: Any) -> Any:
    """The structure of a JSON document: its keys, nested, one item per list."""
    if isinstance(value, dict):
        return {name: keys(inner) for name, inner in value.items()}
    if isinstance(value, list):
        return [keys(value[0])] if value else []
    return None


# The kinds as services


def test_each_kind_the_portal_files_is_one_service_in_the_portals_order() -> None:
    listed = domain.service_list()
    assert [s["service_code"] for s in listed] == list(KIND_RULES)
    complaint = next(s for s in listed if s["service_code"] == "complaint")
    assert complaint["service_name"] == "Khiếu nại — Complaint"
    assert all(s["metadata"] is True and s["type"] == "realtime" for s in listed)


def test_a_complaint_asks_its_act_date_and_a_petitioners_address() -> None:
    asked = {a["code"]: a for a in domain.service_definition("complaint")["attributes"]}
    assert set(asked) == {"title", "act_date", "group", "petitioner_address"}
    assert asked["act_date"]["datatype"] == "datetime"
    assert asked["petitioner_address"]["required"] is True
    feedback = {a["code"]: a for a in domain.service_definition("feedback")["attributes"]}
    assert "act_date" not in feedback  # the portal's form shows it for complaints only
    assert feedback["petitioner_address"]["required"] is False  # feedback may be anonymous
    assert [a["order"] for a in domain.service_definition("feedback")["attributes"]] == [1, 2, 3]


@pytest.mark.parametrize(
    ("petition_status", "status"),
    [
        ("received", "open"),
        ("accepted", "open"),
        ("assigned", "open"),
        ("suspended", "open"),
        ("answered", "closed"),
        ("refused", "closed"),
        ("forwarded", "closed"),
        ("withdrawn", "closed"),
        ("closed", "closed"),
    ],
)
def test_a_petition_is_open_until_the_ward_has_answered_or_let_it_go(
    petition_status: str, status: str
) -> None:
    assert domain.status_of(petition_status) == status


# A tracked petition as a service request


def test_a_request_reads_the_tracking_code_status_and_the_services_own_deadline() -> None:
    read = domain.service_request(TRACKED, agency="Phường Bến Thành")
    assert read["service_request_id"] == CODE
    assert read["status"] == "open"
    assert (
        read["status_notes"]
        == "Phường đã thụ lý đơn. — The ward has accepted the petition for handling."
    )
    assert read["service_code"] == "complaint"
    assert read["agency_responsible"] == "Phường Bến Thành"
    assert read["requested_datetime"] == "2026-12-01T08:30:00+07:00"
    assert read["updated_datetime"] == "2026-12-03T10:00:00+07:00"
    # The soonest clock still running (CMP-ACCEPT is met), exactly as the service set it.
    assert read["expected_datetime"] == "2027-01-30T23:59:59+07:00"


def test_a_read_carries_no_word_anyone_wrote() -> None:
    read = json.dumps(domain.service_request(TRACKED, agency="Phường Bến Thành"))
    assert not [word for word in SECRET_WORDS if word in read]
    withheld = ("description", "address", "address_id", "zipcode", "lat", "long", "media_url")
    assert all(domain.service_request(TRACKED, agency="x")[k] is None for k in withheld)


def test_an_anonymous_denunciation_kept_as_a_lead_reads_as_the_denunciation_filed() -> None:
    lead = {**TRACKED, "kind": "lead", "status": "closed", "deadlines": []}
    read = domain.service_request(lead, agency="x")
    assert read["service_code"] == "denunciation"
    assert read["status"] == "closed" and read["expected_datetime"] is None


# A posted request as PetitionIn

FORM = {
    "api_key": "o311_x",
    "jurisdiction_id": WARD,
    "service_code": "complaint",
    "description": "Tôi bị phạt vì để xe trước nhà mình.\nKhông có biển cấm.",
    "first_name": "Thị Hoa",
    "last_name": "Nguyễn",
    "email": "hoa@example.vn",
    "phone": "0903123456",
    "attribute[petitioner_address]": "34 Lý Tự Trọng",
    "attribute[act_date]": "2026-11-20",
    "address_string": "Lê Lợi",
}


def test_a_named_complaint_sends_its_petitioner_to_be_sealed_and_drops_the_email() -> None:
    sent = domain.petition_of("complaint", FORM)
    assert sent["petitioner"] == {
        "name": "Thị Hoa Nguyễn",
        "address": "34 Lý Tự Trọng",
        "phone": "0903123456",
    }
    assert sent["anonymous"] is False
    assert sent["title"] == "Tôi bị phạt vì để xe trước nhà mình."
    assert sent["act_date"] == "2026-11-20"
    assert "location" not in sent  # the portal takes a location with feedback only
    assert "hoa@example.vn" not in json.dumps(sent, ensure_ascii=False)


def test_feedback_without_a_name_is_anonymous_and_keeps_its_place() -> None:
    form = {"description": "Đèn đường hỏng", "address_string": "Lê Lợi", "lat": "10.77",
            "long": "106.70", "phone": "0903123456"}  # fmt: skip
    sent = domain.petition_of("feedback", form)
    assert sent["anonymous"] is True and "petitioner" not in sent
    assert sent["location"] == "Lê Lợi (10.77, 106.70)"
    assert "0903123456" not in json.dumps(sent)


@pytest.mark.parametrize(
    ("service", "form", "says"),
    [
        ("complaint", {"description": "x"}, "first_name"),
        ("information_request", {"description": "x"}, "first_name"),
        ("feedback", {"description": "x", "first_name": "An"}, "petitioner_address"),
        ("feedback", {"description": "  "}, "description"),
        ("pothole", {"description": "x"}, "pothole"),
    ],
)
def test_a_request_that_cannot_be_filed_is_refused_in_both_languages(
    service: str, form: dict[str, str], says: str
) -> None:
    with pytest.raises(Refusal) as refused:
        domain.petition_of(service, form)
    assert refused.value.status in (400, 404)
    [error] = refused.value.errors
    assert error["code"] == refused.value.status
    assert says in error["description"] and " — " in error["description"]


# Both forms, against the specification's examples


@pytest.mark.parametrize(
    ("root", "ours", "example_xml", "example_json"),
    [
        ("services", lambda: domain.service_list(), spec.SERVICES_XML, spec.SERVICES_JSON),
        (
            "service_requests",
            lambda: [domain.service_request(TRACKED, agency="x")],
            spec.REQUESTS_XML,
            spec.REQUESTS_JSON,
        ),
        (
            "service_requests",
            lambda: [{"service_request_id": CODE, "service_notice": "n", "account_id": None}],
            spec.POSTED_XML,
            spec.POSTED_JSON,
        ),
        ("errors", lambda: Refusal(403, "vi", "en").errors, spec.ERRORS_XML, spec.ERRORS_JSON),
    ],
)
def test_our_documents_have_the_specifications_elements(
    root: str, ours: Any, example_xml: str, example_json: Any
) -> None:
    document = ours()
    assert shape(to_xml(root, document)) == shape(example_xml)
    assert keys(document) == keys(example_json)


def test_a_service_definition_has_the_specifications_elements() -> None:
    document = domain.service_definition("complaint")
    ours = shape(to_xml("service_definition", document))
    # Our attributes are free text, so their ``values`` list is empty: every other element.
    assert ours == {p for p in shape(spec.DEFINITION_XML) if "/values/" not in p}
    example = keys(spec.DEFINITION_JSON)
    example["attributes"][0]["values"] = []
    assert keys(document) == example


def test_xml_is_utf8_declared_with_true_false_and_empty_elements() -> None:
    body = to_xml("service_requests", [domain.service_request(TRACKED, agency="Bến Thành")])
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    request = ElementTree.fromstring(body).find("request")
    assert request is not None
    assert request.findtext("agency_responsible") == "Bến Thành"
    assert b"<description />" in body and request.findtext("description") == ""
    services = ElementTree.fromstring(to_xml("services", domain.service_list()))
    assert services.findtext("service/metadata") == "true"


# The routes, over a fake ward


@pytest.fixture
def ward() -> FakeWard:
    return FakeWard(tracked={CODE: TRACKED})


@pytest.fixture
def app(tmp_path: Path, ward: FakeWard) -> Any:
    return build_portal(tmp_path, ward)


async def test_discovery_names_the_endpoint_and_both_formats(portal: httpx.AsyncClient) -> None:
    found = await portal.get("/open311/v2/discovery.json")
    assert found.status_code == 200
    assert keys(found.json()) == keys(spec.DISCOVERY_JSON)
    assert found.json()["endpoints"][0]["url"] == "http://gateway/open311/v2"
    xml = await portal.get("/open311/v2/discovery.xml")
    assert xml.headers["content-type"].startswith("text/xml")
    assert shape(xml.content) == shape(spec.DISCOVERY_XML)


async def test_services_of_a_ward_and_the_specs_error_for_an_unknown_one(
    portal: httpx.AsyncClient,
) -> None:
    listed = await portal.get("/open311/v2/services.json", params={"jurisdiction_id": WARD})
    assert [s["service_code"] for s in listed.json()] == list(KIND_RULES)
    unknown = await portal.get("/open311/v2/services.xml", params={"jurisdiction_id": "atlantis"})
    assert unknown.status_code == 404
    assert ElementTree.fromstring(unknown.content).findtext("error/code") == "404"
    missing = await portal.get("/open311/v2/services.json")
    assert missing.status_code == 400 and missing.json()[0]["code"] == 400
    assert (await portal.get("/open311/v2/services.html")).status_code == 404


async def test_a_service_definition_by_code(portal: httpx.AsyncClient) -> None:
    found = await portal.get(
        "/open311/v2/services/complaint.json", params={"jurisdiction_id": WARD}
    )
    assert found.json()["service_code"] == "complaint"
    unknown = await portal.get(
        "/open311/v2/services/pothole.json", params={"jurisdiction_id": WARD}
    )
    assert unknown.status_code == 404 and "pothole" in unknown.json()[0]["description"]


async def test_a_request_is_read_by_its_code_from_the_wards_tracking(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    one = await portal.get(f"/open311/v2/requests/{CODE}.json", params={"jurisdiction_id": WARD})
    assert one.status_code == 200, one.text
    [read] = one.json()
    assert read["service_request_id"] == CODE and read["status"] == "open"
    assert not [word for word in SECRET_WORDS if word in one.text]
    assert ward.looked_up == [(WARD, CODE, CLIENT)]  # the ward's lookup limit counts the caller
    many = await portal.get(
        "/open311/v2/requests.xml",
        params={"jurisdiction_id": WARD, "service_request_id": f"{CODE},BT-NONE-NONE"},
    )
    assert [r.findtext("service_request_id") for r in ElementTree.fromstring(many.content)] == [
        CODE
    ]
    unknown = await portal.get(
        "/open311/v2/requests/BT-NONE-NONE.json", params={"jurisdiction_id": WARD}
    )
    assert unknown.status_code == 404


async def test_a_ward_away_is_a_503_to_try_again(portal: httpx.AsyncClient, ward: FakeWard) -> None:
    ward.down = "petitions"
    found = await portal.get(f"/open311/v2/requests/{CODE}.xml", params={"jurisdiction_id": WARD})
    assert found.status_code == 503
    assert found.headers["retry-after"] == "30"
    assert ElementTree.fromstring(found.content).findtext("error/code") == "503"


async def test_nobody_lists_requests_without_holding_their_codes(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    listed = await portal.get(
        "/open311/v2/requests.json", params={"jurisdiction_id": WARD, "status": "open"}
    )
    assert listed.status_code == 400
    assert "service_request_id" in listed.json()[0]["description"]
    assert ward.looked_up == []
    many = ",".join(f"BT-{n:04d}" for n in range(21))
    too_many = await portal.get(
        "/open311/v2/requests.json", params={"jurisdiction_id": WARD, "service_request_id": many}
    )
    assert too_many.status_code == 400 and ward.looked_up == []


async def test_what_is_not_a_tracking_code_is_never_sent_on_to_the_ward(
    portal: httpx.AsyncClient, ward: FakeWard
) -> None:
    # ``..`` would reach the ward as /petitions/track/.. = /petitions, its officers' list.
    for typed in ("..", "%2E%2E", "BT-1234/../x", "x" * 60):
        found = await portal.get(
            f"/open311/v2/requests/{typed}.json", params={"jurisdiction_id": WARD}
        )
        assert found.status_code == 404, (typed, found.text)
    assert ward.looked_up == []


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2027-03-01", "2027-03-01"),
        ("2027-03-01T09:00:00", "2027-03-01"),
        ("2027-03-01T18:30:00Z", "2027-03-02"),  # 01:30 the next day in Vietnam
        ("2027-03-01T23:00:00+07:00", "2027-03-01"),
        ("hôm qua", "hôm qua"),  # not a date: the petitions service refuses it with reasons
    ],
)
def test_a_complaints_act_date_is_the_day_its_datetime_names_in_vietnam(
    typed: str, day: str
) -> None:
    assert domain.local_day(typed) == day
