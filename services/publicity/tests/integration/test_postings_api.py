"""The publicity service over HTTP with its real database and a real nats-server: a posting
is created and published, its event reaches the ward stream and keeps its contract, and every
write (refusals included) is audited."""

from __future__ import annotations

import asyncio
import datetime as dt

import nats
import pytest
from sqlalchemy import select

from qcdc_publicity.testing import WARD, Publicity
from qcdc_shared.subjects import ward_stream
from qcdc_shared.tables import audit_log
from qcdc_shared.tooling.contracts import validate_envelope
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration


async def test_publish_reaches_the_ward_stream_and_keeps_its_contract(
    publicity: Publicity, nats_server: NatsServer
) -> None:
    http = publicity.http
    created = await publicity.draft(
        category=9,
        title="Danh sách gọi nhập ngũ năm 2027",
        channels=["notice_board", "loudspeaker"],
    )
    assert created.status_code == 201, created.text
    posting_id = created.json()["id"]
    assert (await http.get(f"/postings/{posting_id}")).status_code == 404  # drafts not public
    published = await http.post(f"/postings/{posting_id}/publish", headers=publicity.officer())
    assert published.status_code == 200, published.text
    assert (await http.get(f"/postings/{posting_id}")).json()["status"] == "published"
    listed = (await http.get("/postings")).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == posting_id

    nc = await nats.connect(nats_server.url)
    try:
        js = nc.jetstream()
        for _ in range(100):
            if (await js.stream_info(ward_stream(WARD))).state.messages:
                break
            await asyncio.sleep(0.05)
        message = await js.get_last_msg(ward_stream(WARD), f"qcdc.{WARD}.publicity.>")
    finally:
        await nc.close()
    envelope = validate_envelope(message.data)
    assert message.subject == f"qcdc.{WARD}.publicity.posting.published"
    assert message.headers and message.headers["Nats-Msg-Id"] == envelope.id
    assert envelope.subject == posting_id and envelope.sequence == 2
    assert {d["rule"] for d in envelope.data["deadlines"]} == {"PUB-DUE", "PUB-MIN30", "PUB-LOUD"}
    assert "body" not in envelope.data  # the event carries public state, not the full text


async def test_every_write_is_audited_with_its_outcome(publicity: Publicity) -> None:
    good = await publicity.draft(category=2, title="Dự toán ngân sách 2027")
    refused = await publicity.draft(category=15)
    assert good.status_code == 201 and refused.status_code == 422
    assert refused.json()["rule"] == "PUB-CAT"
    runtime = publicity.runtime
    async with runtime.sessionmaker() as session:
        rows = (await session.execute(select(audit_log).order_by(audit_log.c.id))).all()
    assert [(r.action, r.outcome, r.actor, r.ward) for r in rows] == [
        ("posting.create", "ok", "can-bo-1", WARD),
        ("posting.create", "refused", "can-bo-1", WARD),
    ]
    assert rows[1].detail == {"rule": "PUB-CAT"}


async def test_a_refused_request_loses_nothing_already_stored(publicity: Publicity) -> None:
    http = publicity.http
    created = (await publicity.draft()).json()
    future = (publicity.now() + dt.timedelta(days=2)).isoformat()
    refused = await http.post(
        f"/postings/{created['id']}/publish",
        headers=publicity.officer(),
        json={"published_at": future},
    )
    other_ward = await http.post(
        f"/postings/{created['id']}/publish", headers=publicity.officer("sai-gon")
    )
    assert refused.status_code == 422 and other_ward.status_code == 403
    published = await http.post(f"/postings/{created['id']}/publish", headers=publicity.officer())
    again = await http.post(f"/postings/{created['id']}/publish", headers=publicity.officer())
    assert published.status_code == 200 and again.status_code == 409
    assert (
        await http.post("/postings/nope/publish", headers=publicity.officer())
    ).status_code == 404
