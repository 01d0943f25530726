"""DEN-SECRET, scanned: a scenario of every kind, then every event on the ward stream, every
row the service wrote (outbox, audit, history, access log, the petitions table outside its
sealed column), every log line and every response except the assigned handler's identity read
is searched for the petitioners' names, phones, addresses and ID numbers."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy import text

from qcdc_petitions.testing import WARD, Petitions
from qcdc_shared.tables import audit_log, outbox

pytestmark = pytest.mark.integration

PEOPLE = {
    kind: {
        "name": f"Trần Văn {suffix}",
        "address": f"{number} Đường Hàm Nghi, tổ {suffix}",
        "phone": f"09{number:08d}",
        "id_number": f"0791{number:08d}",
    }
    for kind, suffix, number in (
        ("feedback", "Phản Ánh", 11111111),
        ("complaint", "Khiếu Nại", 22222222),
        ("denunciation", "Tố Giác", 33333333),
        ("information_request", "Hỏi Tin", 44444444),
    )
}


async def _scenario(petitions: Petitions) -> list[str]:
    """Every kind through its workflow; returns every response body seen."""
    seen: list[str] = []

    async def post(url: str, body: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
        response = await petitions.http.post(
            url, headers=kw.get("headers") or petitions.officer(), json=body
        )
        assert response.status_code in (200, 201), response.text
        seen.append(response.text)
        return dict(response.json())

    ids: dict[str, dict[str, Any]] = {}
    for kind, person in PEOPLE.items():
        body = {"kind": kind, "title": f"Đơn {kind}", "body": "Nội dung", "petitioner": person}
        ids[kind] = await post("/petitions", body, headers=petitions.citizen(f"acc-{kind}"))
    ids["lead"] = await post(
        "/petitions",
        {"kind": "denunciation", "title": "Tin báo", "body": "…", "anonymous": True},
        headers=petitions.citizen("acc-lead"),
    )
    feedback, complaint = ids["feedback"]["id"], ids["complaint"]["id"]
    denunciation, request = ids["denunciation"]["id"], ids["information_request"]["id"]

    await post(f"/petitions/{feedback}/assign", {"handler": "can-bo-2"})
    await post(
        f"/petitions/{feedback}/answer",
        {"text": "Đã sửa.", "public_interest": True, "public_title": "Sửa đèn"},
    )
    await post(f"/petitions/{complaint}/accept")
    await post(f"/petitions/{complaint}/answer", {"text": "Giữ nguyên."})
    await post(
        f"/petitions/{complaint}/escalate",
        {"tracking_code": ids["complaint"]["tracking_code"], "reason": "Không đồng ý"},
        headers=petitions.citizen("acc-complaint"),
    )
    await post(f"/petitions/{denunciation}/assign", {"handler": "can-bo-2"})
    await post(f"/petitions/{denunciation}/accept")
    await post(f"/petitions/{denunciation}/extend", {"reason": "Phức tạp"})
    await post(f"/petitions/{denunciation}/answer", {"text": "Kết luận nội dung tố cáo."})
    await post(f"/petitions/{denunciation}/close")
    await post(f"/petitions/{request}/refuse", {"reason": "Thông tin thuộc bí mật nhà nước."})
    await post(f"/petitions/{ids['lead']['id']}/close")

    # The one legitimate read, by the assigned handler, is not scanned; the refused ones are.
    handler = await petitions.http.get(
        f"/petitions/{denunciation}/identity", headers=petitions.officer("can-bo-2")
    )
    assert handler.json()["petitioner"] == PEOPLE["denunciation"]
    for headers in (petitions.officer(), petitions.inspector()):
        refused = await petitions.http.get(f"/petitions/{denunciation}/identity", headers=headers)
        assert refused.status_code == 403
        seen.append(refused.text)

    reads = ["/petitions", "/petitions/counts", *(f"/petitions/{p['id']}" for p in ids.values())]
    for url in reads:
        for headers in (petitions.officer(), petitions.inspector()):
            seen.append((await petitions.http.get(url, headers=headers)).text)
    for created in ids.values():
        seen.append((await petitions.http.get(f"/petitions/track/{created['tracking_code']}")).text)
    seen.append((await petitions.http.get("/identity-access-log", headers=petitions.front())).text)
    return seen


async def test_no_identity_anywhere_but_the_sealed_column(
    petitions: Petitions, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    responses = await _scenario(petitions)
    events = await petitions.ward_messages(f"qcdc.{WARD}.petitions.>")
    assert len(events) >= 15

    stored: list[str] = []
    async with petitions.runtime.sessionmaker() as session:
        for table in ("petition_history", "escalations", "identity_access_log"):
            stored.append(str((await session.execute(text(f"SELECT * FROM {table}"))).all()))
        stored.append(str((await session.execute(outbox.select())).all()))
        stored.append(str((await session.execute(audit_log.select())).all()))
        columns = "id, title, body, location, petitioner_pseudonym, handler, deadlines, answer"
        stored.append(str((await session.execute(text(f"SELECT {columns} FROM petitions"))).all()))

    haystacks = {
        "event": [e.model_dump_json() for e in events],
        "row": stored,
        "response": responses,
        "log": [caplog.text, *(r.getMessage() for r in caplog.records), *capfd.readouterr()],
    }
    for person in PEOPLE.values():
        for field, value in person.items():
            for where, texts in haystacks.items():
                hits = [t for t in texts if value in t]
                assert not hits, f"{field} of a petitioner found in a {where}: {hits[0][:300]}"
    # Account ids of citizens are personal too: only their keyed pseudonyms are kept.
    for where, texts in haystacks.items():
        if where != "log":
            assert not [t for t in texts if "acc-complaint" in t], where
