"""Withdrawal, amendment, reads and roles over HTTP, with the events subscribers receive."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_publicity.domain.posting import PROCEDURE_ELEMENTS
from qcdc_publicity.testing import WARD, Publicity
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


async def test_early_withdrawal_needs_a_reason_and_carries_pub_min30(publicity: Publicity) -> None:
    three_days_ago = publicity.now() - dt.timedelta(days=3)
    created = (
        await publicity.draft(
            category=2,
            title="Dự toán ngân sách phường năm 2027",
            decided_on=(local_date(three_days_ago) - dt.timedelta(days=1)).isoformat(),
        )
    ).json()
    posting_id = created["id"]
    publish = await publicity.http.post(
        f"/postings/{posting_id}/publish",
        headers=publicity.officer(),
        json={"published_at": three_days_ago.isoformat()},
    )
    assert publish.status_code == 200, publish.text
    url = f"/postings/{posting_id}/withdraw"
    without_reason = await publicity.http.post(url, headers=publicity.officer())
    assert without_reason.status_code == 422
    assert without_reason.headers["content-type"].startswith("application/problem+json")
    withdrawn = await publicity.http.post(
        url, headers=publicity.officer(), json={"reason": "Số liệu cần điều chỉnh"}
    )
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["violations"] == ["PUB-MIN30"]

    messages = await publicity.ward_messages(f"qcdc.{WARD}.publicity.posting.withdrawn")
    assert len(messages) == 1
    event = validate_envelope(messages[0].data)
    assert event.data["violations"] == ["PUB-MIN30"] and event.data["status"] == "withdrawn"
    assert event.data["reason"] == "Số liệu cần điều chỉnh" and event.sequence == 3
    assert event.data["ledger"]["sequence"] == 2  # published, then withdrawn

    shown = (await publicity.http.get(f"/postings/{posting_id}")).json()
    assert [v["status"] for v in shown["versions"]] == ["published", "withdrawn"]
    assert {d["rule"] for d in shown["deadlines"]} == {"PUB-DUE", "PUB-MIN30"}


async def test_citizens_and_other_wards_cannot_change_postings(publicity: Publicity) -> None:
    posting = await publicity.published()
    citizen = publicity.token("citizen", None, sub="cong-dan-1")
    attempts = {
        "create": await publicity.draft(headers=citizen),
        "publish": await publicity.http.post(f"/postings/{posting['id']}/publish", headers=citizen),
        "withdraw": await publicity.http.post(
            f"/postings/{posting['id']}/withdraw", headers=citizen, json={"reason": "x"}
        ),
        "other ward": await publicity.http.post(
            f"/postings/{posting['id']}/withdraw",
            headers=publicity.officer("sai-gon"),
            json={"reason": "x"},
        ),
    }
    assert {name: r.status_code for name, r in attempts.items()} == dict.fromkeys(attempts, 403)
    assert (await publicity.http.get(f"/postings/{posting['id']}")).json()["status"] == (
        "published"
    )


async def test_a_procedure_is_amended_by_a_new_version(publicity: Publicity) -> None:
    procedure = {element: f"Nội dung {element}" for element in PROCEDURE_ELEMENTS}
    incomplete = await publicity.draft(
        category=13, title="Đăng ký khai sinh", procedure={"name": "Đăng ký khai sinh"}
    )
    assert incomplete.status_code == 422 and incomplete.json()["rule"] == "PUB-TTHC"
    posting = await publicity.published(category=13, title="Đăng ký khai sinh", procedure=procedure)
    amended = await publicity.http.post(
        f"/postings/{posting['id']}/amend",
        headers=publicity.officer(),
        json={
            "title": "Đăng ký khai sinh (sửa đổi)",
            "body": "Lệ phí mới",
            "channels": ["notice_board", "portal"],
            "procedure": {**procedure, "fees": "Miễn lệ phí"},
        },
    )
    assert amended.status_code == 200, amended.text
    withdraw = await publicity.http.post(
        f"/postings/{posting['id']}/withdraw", headers=publicity.officer(), json={"reason": "x"}
    )
    assert withdraw.status_code == 409 and withdraw.json()["rule"] == "PUB-PERM"
    versions = (await publicity.http.get(f"/postings/{posting['id']}")).json()["versions"]
    assert [v["document"]["title"] for v in versions] == [
        "Đăng ký khai sinh",
        "Đăng ký khai sinh (sửa đổi)",
    ]
    assert versions[1]["document"]["procedure"]["fees"] == "Miễn lệ phí"
    messages = await publicity.ward_messages(f"qcdc.{WARD}.publicity.posting.amended")
    assert validate_envelope(messages[0].data).data["version"] == 3


async def test_public_reads_filter_and_page(publicity: Publicity) -> None:
    for category, channels in (
        (1, ["portal"]),
        (7, ["loudspeaker", "notice_board"]),
        (7, ["portal"]),
    ):
        await publicity.published(category=category, channels=channels)
    await publicity.draft(category=7)  # a draft is never listed
    by_category = (await publicity.http.get("/postings", params={"category": 7})).json()
    assert by_category["total"] == 2
    by_channel = (await publicity.http.get("/postings", params={"channel": "loudspeaker"})).json()
    assert by_channel["total"] == 1 and by_channel["items"][0]["category"] == 7
    today = publicity.today().isoformat()
    by_date = (
        await publicity.http.get(
            "/postings", params={"published_from": today, "status": "published"}
        )
    ).json()
    assert by_date["total"] == 3
    first = (await publicity.http.get("/postings", params={"limit": 2})).json()
    second = (
        await publicity.http.get("/postings", params={"limit": 2, "cursor": first["next_cursor"]})
    ).json()
    ids = [p["id"] for p in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 3 and second["next_cursor"] is None


async def test_officers_find_their_drafts_the_public_never_sees_them(publicity: Publicity) -> None:
    first = await publicity.published(title="Tin thứ nhất")
    draft = (await publicity.draft(title="Bản nháp")).json()
    second = await publicity.published(title="Tin thứ hai")

    public = (await publicity.http.get("/postings")).json()
    assert [p["id"] for p in public["items"]] == [second["id"], first["id"]]  # newest first
    assert (await publicity.http.get(f"/postings/{draft['id']}")).status_code == 404

    mine = (
        await publicity.http.get(
            "/postings", params={"status": "draft"}, headers=publicity.officer()
        )
    ).json()
    assert [p["id"] for p in mine["items"]] == [draft["id"]]
    shown = await publicity.http.get(f"/postings/{draft['id']}", headers=publicity.officer())
    assert shown.status_code == 200 and shown.json()["status"] == "draft"

    elsewhere = (
        await publicity.http.get(
            "/postings", params={"status": "draft"}, headers=publicity.officer("sai-gon")
        )
    ).json()
    assert elsewhere["total"] == 0
    bad_token = await publicity.http.get(
        "/postings", headers={"Authorization": "Bearer not-a-token"}
    )
    assert bad_token.status_code == 401
