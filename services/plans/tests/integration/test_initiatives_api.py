"""Residents' initiatives over HTTP with a real database: the DEC-INIT threshold reached at
exactly 10% of the group's registered households, one valid consent per household, and
household ids shown to ward staff only."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_plans.testing import Plans
from qcdc_shared.clock import local_today

pytestmark = pytest.mark.integration


async def test_an_initiative_reaches_ten_percent_at_the_tenth_valid_consent(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=100)
    initiative = await plans.ok(
        "POST",
        "/initiatives",
        {"topic": 1, "title": "Bê tông hóa hẻm 12", "group": "TDP-01"},
        status=201,
    )
    assert initiative["status"] == "collecting"
    assert initiative["support"] | {"on": None, "table_version": None} == {
        "rule": "DEC-INIT",
        "share": "1/10",
        "comparison": "at_least",
        "households": 100,
        "valid": 0,
        "required": 10,
        "reached": False,
        "on": None,
        "validity_rule": "DEC-INIT.validity",
        "table_version": None,
    }
    today = local_today(plans.runtime.clock)
    url = f"/initiatives/{initiative['id']}/consents"

    for n in range(1, 10):
        answer = await plans.ok(
            "POST", url, {"household": f"H-{n:03d}", "given_on": str(today)}, status=201
        )
        assert answer["support"]["valid"] == n and not answer["support"]["reached"]
        assert answer["status"] == "collecting"
    tenth = await plans.ok("POST", url, {"household": "H-010", "given_on": str(today)}, status=201)
    assert tenth["support"]["valid"] == 10 and tenth["support"]["reached"]
    assert tenth["status"] == "reached" and tenth["reached_at"] is not None
    assert tenth["consent"]["household"] == "H-010"
    assert tenth["consent"]["valid_until"] > today.isoformat()

    twice = await plans.post(url, {"household": "H-001", "given_on": str(today)})
    assert twice.status_code == 409, twice.text
    assert twice.headers["content-type"] == "application/problem+json"
    assert twice.json()["rule"] == "DEC-INIT" and twice.json()["detail_en"]
    future = await plans.post(url, {"household": "H-011", "given_on": str(today + dt.timedelta(1))})
    assert future.status_code == 422
    bad_id = await plans.post(url, {"household": "Nguyễn Văn A", "given_on": str(today)})
    assert bad_id.status_code == 422
    lapsed = await plans.post(
        url, {"household": "H-012", "given_on": str(today - dt.timedelta(days=200))}
    )
    assert lapsed.status_code == 422 and lapsed.json()["rule"] == "DEC-INIT.validity"

    public = (await plans.http.get(f"/initiatives/{initiative['id']}")).json()
    assert public["consents"] is None and public["support"]["valid"] == 10
    assert public["status"] == "reached"
    for staff in (plans.officer(), plans.token("inspector", sub="ttnd-1")):
        seen = (await plans.http.get(f"/initiatives/{initiative['id']}", headers=staff)).json()
        assert len(seen["consents"]) == 10 and all(c["valid"] for c in seen["consents"])
    listed = (await plans.http.get("/initiatives?status=reached")).json()
    assert [i["id"] for i in listed["items"]] == [initiative["id"]]
    assert listed["items"][0]["support"]["valid"] == 10


async def test_initiatives_are_recorded_by_officers_for_registered_groups(plans: Plans) -> None:
    body = {"topic": 3, "title": "Sửa đổi quy ước tổ dân phố", "group": "TDP-09"}
    unknown = await plans.post("/initiatives", body)
    assert unknown.status_code == 422 and unknown.json()["rule"] == "DEC-INIT"
    assert (await plans.post("/initiatives", body, headers=plans.citizen())).status_code == 403
    assert (await plans.post("/initiatives", {**body, "topic": 7})).status_code == 422

    await plans.register_group("TDP-01", households=40)
    await plans.register_group("TDP-02", households=55)
    ward_wide = await plans.ok("POST", "/initiatives", {**body, "group": None}, status=201)
    assert ward_wide["support"]["households"] == 95 and ward_wide["support"]["required"] == 10
    missing = await plans.post("/initiatives/khong-co/consents", {"household": "H-1"})
    assert missing.status_code == 422  # given_on is required
    missing = await plans.post(
        "/initiatives/khong-co/consents", {"household": "H-1", "given_on": "2026-01-01"}
    )
    assert missing.status_code == 404
    assert (await plans.http.get("/initiatives/khong-co")).status_code == 404
