"""The register over HTTP with a real database and nats-server: residential groups with the
history of their figures and their events, and the steering committee over time."""

from __future__ import annotations

import pytest

from qcdc_plans.testing import Plans
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


async def test_groups_are_registered_updated_and_announced(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=100, online_optin=10)
    await plans.register_group("TDP-02", households=40)
    again = await plans.post(
        "/groups", {"code": "TDP-01", "name": "x", "households": 5, "online_optin": 0}
    )
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"

    changed = await plans.ok("PATCH", "/groups/TDP-01", {"households": 104, "online_optin": 60})
    assert changed["version"] == 2 and changed["households"] == 104
    too_many = await plans.http.patch(
        "/groups/TDP-02", json={"online_optin": 41}, headers=plans.officer()
    )
    assert too_many.status_code == 422 and too_many.json()["rule"] == "DEC-FORM"

    listed = (await plans.http.get("/groups")).json()  # public
    assert listed["total"] == 2 and listed["households"] == 144
    detail = (await plans.http.get("/groups/TDP-01")).json()
    assert [h["households"] for h in detail["history"]] == [100, 104]

    events = await plans.ward_messages(f"qcdc.{plans.ward}.plans.group.>")
    assert [(e.type, e.data["code"], e.data["households"]) for e in events] == [
        ("vn.qcdc.plans.group.registered.v1", "TDP-01", 100),
        ("vn.qcdc.plans.group.registered.v1", "TDP-02", 40),
        ("vn.qcdc.plans.group.updated.v1", "TDP-01", 104),
    ]
    for event in events:
        validate_envelope(event.model_dump(mode="json"))


async def test_only_officers_keep_the_register(plans: Plans) -> None:
    body = {"code": "TDP-09", "name": "Tổ 9", "households": 10}
    assert (await plans.post("/groups", body, headers=plans.citizen())).status_code == 403
    assert (await plans.http.post("/groups", json=body)).status_code == 401
    missing = await plans.http.patch(
        "/groups/TDP-77", json={"households": 3}, headers=plans.officer()
    )
    assert missing.status_code == 404


async def test_the_committee_keeps_its_history_and_hides_accounts_from_the_public(
    plans: Plans,
) -> None:
    head = await plans.appoint_head()
    member = await plans.appoint("Trần Thị Thành Viên")
    left = await plans.ok(
        "POST", f"/committee/members/{member['id']}/leave", {"reason": "Chuyển công tác"}
    )
    assert left["left_on"] is not None
    again = await plans.post(f"/committee/members/{member['id']}/leave", {"reason": "x"})
    assert again.status_code == 409

    sitting = (await plans.http.get("/committee/members")).json()
    assert [m["id"] for m in sitting["items"]] == [head["id"]]
    assert sitting["items"][0]["account"] is None  # the public does not see accounts
    staff = (
        await plans.http.get("/committee/members?history=true", headers=plans.officer())
    ).json()
    assert {m["id"] for m in staff["items"]} == {head["id"], member["id"]}
    assert head["account"] in {m["account"] for m in staff["items"]}
    duplicate = await plans.post(
        "/committee/members",
        {"name": "X", "position": "member", "organisation": "Y", "account": head["account"]},
    )
    assert duplicate.status_code == 409
