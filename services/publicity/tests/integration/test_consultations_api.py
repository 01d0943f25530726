"""Consultations over HTTP with the real database and a real nats-server (CON-MIN20): a draft
opened for 20 days, residents comment named or anonymously, the ward closes it only after the
period and publishes its answer as a category-11 posting; the events keep their contracts and
never name a commenter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from qcdc_publicity.testing import WARD, Publicity
from qcdc_shared.audit import pseudonym
from qcdc_shared.clock import FixedClock
from qcdc_shared.tables import audit_log
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration

VN = dt.timezone(dt.timedelta(hours=7))
OPENED = dt.datetime(2027, 1, 20, 9, 0, tzinfo=VN)  # + 20 days = 9 Feb, inside Tết → 11 Feb
ANONYMOUS_SUB = "cccd-079201001111"
ANONYMOUS_NAME = "Nguyễn Văn An"
NAMED_SUB = "cccd-079201002222"
NAMED_NAME = "Trần Thị Bình"
ACCEPTED = {"point": "Mở rộng vỉa hè đường Lê Lợi", "reason": "Phù hợp quy hoạch"}
REJECTED = {"point": "Cấm xe máy vào hẻm 12", "reason": "Trái quy định của thành phố"}


def at(publicity: Publicity, instant: dt.datetime) -> None:
    publicity.runtime.clock = FixedClock(instant)


def citizen(publicity: Publicity, sub: str, name: str | None = None) -> dict[str, str]:
    headers: dict[str, str] = publicity.token("citizen", None, sub=sub, name=name)
    return headers


async def open_draft(publicity: Publicity) -> dict[str, Any]:
    response = await publicity.http.post(
        "/consultations",
        headers=publicity.officer(),
        json={"title": "Dự thảo quy ước tổ dân phố 5", "draft": "Điều 1. Giữ gìn vệ sinh…"},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_a_consultation_from_its_opening_to_its_published_result(
    publicity: Publicity,
) -> None:
    http = publicity.http
    at(publicity, OPENED)
    opened = await open_draft(publicity)
    consultation_id = opened["id"]
    assert opened["status"] == "open" and opened["version"] == 1
    assert opened["minimum_end"]["rule"] == "CON-MIN20"
    assert opened["minimum_end"]["due"] == "2027-02-11"
    assert opened["minimum_end"]["due_at"] == "2027-02-11T23:59:59.999999+07:00"
    comments = f"/consultations/{consultation_id}/comments"

    at(publicity, OPENED + dt.timedelta(days=3))
    anonymous = await http.post(
        comments,
        headers=citizen(publicity, ANONYMOUS_SUB, ANONYMOUS_NAME),
        json={"text": "Nên giữ điều 1 như dự thảo.", "show_name": False},
    )
    at(publicity, OPENED + dt.timedelta(days=3, minutes=5))
    named = await http.post(
        comments,
        headers=citizen(publicity, NAMED_SUB, NAMED_NAME),
        json={"text": "Đề nghị mở rộng vỉa hè.", "show_name": True},
    )
    nameless = await http.post(
        comments, headers=citizen(publicity, "cccd-x"), json={"text": "…", "show_name": True}
    )
    typed_name = await http.post(
        comments,
        headers=citizen(publicity, "cccd-y"),
        json={"text": "…", "show_name": True, "display_name": "Chủ tịch phường"},
    )
    assert anonymous.status_code == 201 and named.status_code == 201, anonymous.text
    assert anonymous.json()["author"] == "Ẩn danh" and anonymous.json()["anonymous"]
    assert named.json()["author"] == NAMED_NAME
    assert nameless.status_code == 422 and typed_name.status_code == 422

    shown = await http.get(f"/consultations/{consultation_id}")
    assert shown.status_code == 200
    detail = shown.json()
    assert detail["comments_received"] == 2
    assert [(c["author"], c["author_en"]) for c in detail["comments"]] == [
        ("Ẩn danh", "Anonymous"),
        (NAMED_NAME, NAMED_NAME),
    ]
    key = publicity.settings.pseudonym_key.get_secret_value()
    for secret in (
        ANONYMOUS_NAME,
        ANONYMOUS_SUB,
        NAMED_SUB,
        pseudonym(key, ANONYMOUS_SUB),
        pseudonym(key, NAMED_SUB),
    ):
        assert secret not in shown.text

    close = f"/consultations/{consultation_id}/close"
    answer = {"accepted": [ACCEPTED], "rejected": [REJECTED]}
    as_citizen = await http.post(close, headers=citizen(publicity, NAMED_SUB), json=answer)
    other_ward = await http.post(close, headers=publicity.officer("sai-gon"), json=answer)
    assert as_citizen.status_code == 403 and other_ward.status_code == 403

    at(publicity, dt.datetime(2027, 2, 11, 20, 0, tzinfo=VN))  # the period's last evening
    early = await http.post(close, headers=publicity.officer(), json=answer)
    assert early.status_code == 422, early.text
    assert early.json()["rule"] == "CON-MIN20"
    assert early.headers["content-type"].startswith("application/problem+json")

    at(publicity, dt.datetime(2027, 2, 12, 8, 0, tzinfo=VN))
    unanswered = await http.post(close, headers=publicity.officer(), json={})
    assert unanswered.status_code == 422 and unanswered.json()["rule"] == "CON-MIN20"
    closed = await http.post(close, headers=publicity.officer(), json=answer)
    assert closed.status_code == 200, closed.text
    result = closed.json()
    assert result["status"] == "closed" and result["version"] == 2
    assert result["accepted"] == [ACCEPTED] and result["rejected"] == [REJECTED]
    posting_id = result["result_posting_id"]

    again = await http.post(close, headers=publicity.officer(), json=answer)
    late = await http.post(
        comments, headers=citizen(publicity, NAMED_SUB, NAMED_NAME), json={"text": "Muộn"}
    )
    assert again.status_code == 409 and late.status_code == 409

    posting = await http.get(f"/postings/{posting_id}")  # public, no token
    assert posting.status_code == 200, posting.text
    body = posting.json()
    assert body["category"] == 11 and body["status"] == "published"
    assert body["source"] == {"kind": "consultation_result", "id": consultation_id}
    for item in (ACCEPTED, REJECTED):
        assert item["point"] in body["body"] and item["reason"] in body["body"]

    listed_closed = (await http.get("/consultations", params={"status": "closed"})).json()
    listed_open = (await http.get("/consultations", params={"status": "open"})).json()
    assert [c["id"] for c in listed_closed["items"]] == [consultation_id]
    assert listed_open == {"items": [], "total": 0, "next_cursor": None}
    assert "comments" not in listed_closed["items"][0] or not listed_closed["items"][0]["comments"]

    messages = await publicity.ward_messages(f"qcdc.{WARD}.publicity.>")
    by_subject: dict[str, list[Any]] = {}
    for message in messages:
        by_subject.setdefault(message.subject, []).append(message)
    prefix = f"qcdc.{WARD}.publicity."
    [opened_msg] = by_subject[prefix + "consultation.opened"]
    received = by_subject[prefix + "comment.received"]
    [closed_msg] = by_subject[prefix + "consultation.closed"]

    envelope = validate_envelope(opened_msg.data)
    assert (envelope.subject, envelope.sequence) == (consultation_id, 1)
    assert envelope.data["minimum_end"]["due"] == "2027-02-11"

    assert len(received) == 2
    counts = []
    for message in received:
        envelope = validate_envelope(message.data)
        assert envelope.sequence == 1 and envelope.data["comment_id"] == envelope.subject
        assert envelope.data["consultation_id"] == consultation_id
        counts.append(envelope.data["comments_received"])
        raw = message.data.decode()
        for secret in (
            ANONYMOUS_NAME,
            NAMED_NAME,
            ANONYMOUS_SUB,
            NAMED_SUB,
            pseudonym(key, ANONYMOUS_SUB),
            pseudonym(key, NAMED_SUB),
            "Nên giữ điều 1",
            "Đề nghị mở rộng",
        ):
            assert secret not in raw
        assert not {"text", "name", "display_name", "sub", "commenter"} & set(envelope.data)
    assert sorted(counts) == [1, 2]

    envelope = validate_envelope(closed_msg.data)
    assert (envelope.subject, envelope.sequence) == (consultation_id, 2)
    assert envelope.data["result_posting_id"] == posting_id
    assert envelope.data["comments_received"] == 2
    assert envelope.data["accepted"] == [ACCEPTED] and envelope.data["rejected"] == [REJECTED]

    published = [
        validate_envelope(m.data)
        for m in by_subject[prefix + "posting.published"]
        if validate_envelope(m.data).subject == posting_id
    ]
    assert published and published[0].data["source"] == {
        "kind": "consultation_result",
        "id": consultation_id,
    }


async def test_commenters_appear_in_the_audit_only_as_pseudonyms(publicity: Publicity) -> None:
    http = publicity.http
    at(publicity, OPENED)
    consultation_id = (await open_draft(publicity))["id"]
    headers = citizen(publicity, NAMED_SUB, NAMED_NAME)
    ok = await http.post(
        f"/consultations/{consultation_id}/comments",
        headers=headers,
        json={"text": "Đồng ý", "show_name": True},
    )
    refused = await http.post(
        f"/consultations/{consultation_id}/comments", headers=headers, json={"text": "   "}
    )
    opened_by_citizen = await http.post(
        "/consultations", headers=headers, json={"title": "T", "draft": "D"}
    )
    assert (ok.status_code, refused.status_code, opened_by_citizen.status_code) == (201, 422, 403)

    async with publicity.runtime.sessionmaker() as session:
        rows = (await session.execute(select(audit_log).order_by(audit_log.c.id))).all()
    key = publicity.settings.pseudonym_key.get_secret_value()
    assert [(r.action, r.outcome, r.actor, r.role) for r in rows] == [
        ("consultation.open", "ok", "can-bo-1", "officer"),
        ("consultation.comment", "ok", pseudonym(key, NAMED_SUB), "citizen"),
        ("consultation.comment", "refused", pseudonym(key, NAMED_SUB), "citizen"),
    ]
    assert all(NAMED_SUB not in str(tuple(r)) and NAMED_NAME not in str(tuple(r)) for r in rows)
    missing = await http.post(
        "/consultations/nope/comments", headers=headers, json={"text": "Ý kiến"}
    )
    assert missing.status_code == 404
    assert (await http.get("/consultations/nope")).status_code == 404
