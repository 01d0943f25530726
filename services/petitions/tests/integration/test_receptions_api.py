"""Citizen reception over HTTP with the petitions service's real database and a real
nats-server: schedule → held → visit → reply, the ``reception.*`` events on the ward stream
keeping their contract, ward-scoped access, the missing sessions, and the REC-REPLY sweep.

No visitor identity may appear in a response, an event or an audit row; it is stored sealed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import nats
import pytest
from sqlalchemy import select

from qcdc_petitions.adapters.tables import reception_entries
from qcdc_petitions.main import build
from qcdc_petitions.testing import Petitions
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.sealing import Sealer
from qcdc_shared.settings import Settings
from qcdc_shared.subjects import ward_stream
from qcdc_shared.tables import audit_log
from qcdc_shared.testing.service import running as running_service
from qcdc_shared.tooling.contracts import validate_envelope
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration

WARD = "ben-thanh"
VISITOR = {
    "name": "Trần Thị Bích Ngọc",
    "address": "12 Lê Lợi, tổ dân phố 7",
    "phone": "0903123456",
    "id_number": "079190001234",
}


class Service(Petitions):
    """The petitions harness, with reception's verbs and the raw ward stream."""

    @property
    def rules(self) -> RuleBook:
        rules: RuleBook = self.app.state.rules
        return rules

    def token(self, role: str, ward: str | None = WARD, **claims: Any) -> dict[str, str]:
        return super().token(role, ward, **{"sub": "can-bo-1", **claims})

    async def schedule(self, **body: Any) -> dict[str, Any]:
        response = await self.http.post("/receptions", headers=self.officer(), json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def raw_messages(self, subject: str) -> list[Any]:
        """Every message on the ward stream matching ``subject``, once the relay sent them:
        the bytes and headers a subscriber receives."""
        await self.drained()
        client = await nats.connect(self.nats_url)
        try:
            sub = await client.jetstream().pull_subscribe(subject, stream=ward_stream(WARD))
            messages: list[Any] = []
            try:
                while batch := await sub.fetch(100, timeout=0.5):
                    messages.extend(batch)
            except TimeoutError:  # nats-py raises its own subclass, or the builtin
                pass
            return messages
        finally:
            await client.close()


@pytest.fixture
async def service(nats_server: NatsServer, database_url: str) -> AsyncIterator[Service]:
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    async with running_service(Service, build, settings, nats_server.url) as running:
        yield running


def _iso(day: dt.date) -> str:
    return day.isoformat()


async def test_schedule_held_visit_reply_and_the_events(service: Service) -> None:
    http, today = service.http, service.today()
    posted = today - dt.timedelta(days=30)  # well over 5 working days, even across Tết
    created = await service.schedule(
        host="chair", session_on=_iso(today), posted_on=_iso(posted), location="Trụ sở UBND"
    )
    expected = service.rules.deadline("REC-WEEK.schedule", today)
    assert created["schedule_deadline"]["rule"] == "REC-WEEK.schedule"
    assert created["schedule_deadline"]["due"] == _iso(expected.due)
    assert created["schedule_deadline"]["explanation_en"]
    assert created["on_time"] is True and created["status"] == "scheduled"
    reception_id = created["id"]

    late = await service.schedule(host="party_secretary", session_on=_iso(today))  # posted today
    assert late["posted_on"] == _iso(today) and late["on_time"] is False

    visit = await http.post(
        f"/receptions/{reception_id}/entries",
        headers=service.officer(),
        json={"subject": "Đề nghị sửa đường hẻm 45", "visitor": VISITOR},
    )
    assert visit.status_code == 201, visit.text
    entry = visit.json()
    received_at = dt.datetime.fromisoformat(entry["received_at"])
    assert entry["reply_deadline"]["rule"] == "REC-REPLY"
    assert entry["reply_deadline"]["due"] == _iso(
        service.rules.deadline("REC-REPLY", received_at).due
    )
    assert entry["has_visitor_identity"] is True and entry["reply"] is None

    held = await http.post(
        f"/receptions/{reception_id}/held", headers=service.officer(), json={"held": True}
    )
    assert held.status_code == 200, held.text
    assert (held.json()["status"], held.json()["version"]) == ("held", 2)
    again = await http.post(
        f"/receptions/{reception_id}/held", headers=service.officer(), json={"held": False}
    )
    assert again.status_code == 409 and again.headers["content-type"].startswith(
        "application/problem+json"
    )

    answered = await http.post(
        f"/receptions/{reception_id}/entries/{entry['id']}/reply",
        headers=service.officer(),
        json={"text": "UBND phường đã đưa vào kế hoạch sửa chữa quý I."},
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["reply"]["on_time"] is True
    twice = await http.post(
        f"/receptions/{reception_id}/entries/{entry['id']}/reply",
        headers=service.officer(),
        json={"text": "Lần hai"},
    )
    assert twice.status_code == 409

    # A paper visit logged after the session was recorded held: a fresh count is published.
    second = await http.post(
        f"/receptions/{reception_id}/entries",
        headers=service.officer(),
        json={"subject": "Hỏi thủ tục chứng thực", "petition_id": "p-123"},
    )
    assert second.status_code == 201, second.text

    detail = await http.get(f"/receptions/{reception_id}", headers=service.officer())
    assert detail.status_code == 200, detail.text
    body = detail.json()
    assert [e["has_visitor_identity"] for e in body["entries"]] == [True, False]
    assert body["entries"][0]["reply"]["text"].startswith("UBND phường")
    assert body["entries"][1]["petition_id"] == "p-123"

    messages = await service.raw_messages(f"qcdc.{WARD}.petitions.reception.>")
    envelopes = [(m.subject, validate_envelope(m.data)) for m in messages]
    ours = [(s, e) for s, e in envelopes if e.subject == reception_id]
    assert [(s.rsplit(".", 1)[-1], e.sequence) for s, e in ours] == [
        ("scheduled", 1),
        ("held", 2),
        ("held", 3),
    ]
    assert ours[0][1].data["on_time"] is True and ours[0][1].data["host"] == "chair"
    assert [e.data["entries"] for _, e in ours[1:]] == [1, 2]
    assert all(
        m.headers["Nats-Msg-Id"] == e.id for m, (_, e) in zip(messages, envelopes, strict=True)
    )

    # The visitor: sealed in the database, nowhere else.
    seen = [detail.text, visit.text, answered.text, *(m.data.decode() for m in messages)]
    async with service.runtime.sessionmaker() as session:
        sealed = await session.scalar(
            select(reception_entries.c.visitor_sealed).where(reception_entries.c.id == entry["id"])
        )
        audits = (await session.execute(select(audit_log).order_by(audit_log.c.id))).all()
    seen += [repr(tuple(a)) for a in audits]
    assert sealed and Sealer.from_settings(service.settings).unseal(sealed) == VISITOR
    for text in seen:
        for value in VISITOR.values():
            assert value not in text
    assert [a.action for a in audits] == [
        "reception.schedule",
        "reception.schedule",
        "reception.entry.add",
        "reception.held",
        "reception.not_held",
        "reception.entry.reply",
        "reception.entry.reply",
        "reception.entry.add",
    ]
    assert [a.outcome for a in audits].count("refused") == 2


async def test_only_officers_of_the_ward_write_or_read_visits(service: Service) -> None:
    http, today = service.http, service.today()
    body = {"host": "chair", "session_on": _iso(today + dt.timedelta(days=20))}
    assert (await http.post("/receptions", json=body)).status_code == 401
    citizen = await http.post("/receptions", headers=service.token("citizen", None), json=body)
    assert citizen.status_code == 403
    elsewhere = await http.post(
        "/receptions", headers=service.token("officer", "tan-dinh"), json=body
    )
    assert elsewhere.status_code == 403
    assert elsewhere.headers["content-type"].startswith("application/problem+json")

    created = await service.schedule(**body)
    reception_id = created["id"]
    for headers in (service.token("citizen", None), service.token("officer", "tan-dinh")):
        assert (await http.get(f"/receptions/{reception_id}", headers=headers)).status_code == 403
        held = await http.post(
            f"/receptions/{reception_id}/held", headers=headers, json={"held": True}
        )
        assert held.status_code == 403
        visit = await http.post(
            f"/receptions/{reception_id}/entries", headers=headers, json={"subject": "S"}
        )
        assert visit.status_code == 403
    assert (await http.get(f"/receptions/{reception_id}")).status_code == 401

    public = await http.get("/receptions")  # the posted schedule needs no token
    assert public.status_code == 200
    assert [item["id"] for item in public.json()["items"]] == [reception_id]
    assert public.json()["total"] == 1 and public.json()["next_cursor"] is None

    missing = await http.get(f"/receptions/{'0' * 8}", headers=service.officer())
    assert missing.status_code == 404
    future = await http.post(
        f"/receptions/{reception_id}/held", headers=service.officer(), json={"held": True}
    )
    assert future.status_code == 422  # the session's day has not come


async def test_missing_sessions_and_the_schedule_by_dates(service: Service) -> None:
    http = service.http
    # October 2026 touches ISO weeks 40–44 and one month.
    posted = "2026-09-01"
    for day in ("2026-10-01", "2026-10-12", "2026-10-28"):
        await service.schedule(host="chair", session_on=day, posted_on=posted)
    cancelled = await service.schedule(host="chair", session_on="2026-10-06", posted_on=posted)
    not_held = await http.post(
        f"/receptions/{cancelled['id']}/held",
        headers=service.officer(),
        json={"held": False, "reason": "Chủ tịch họp đột xuất"},
    )
    assert not_held.status_code == 200, not_held.text
    await service.schedule(host="party_secretary", session_on="2026-10-15", posted_on=posted)
    await service.schedule(host="other_leader", session_on="2026-10-20", posted_on=posted)

    response = await http.get(
        "/receptions/missing", params={"from": "2026-10-01", "to": "2026-10-31"}
    )
    assert response.status_code == 200, response.text
    page = response.json()
    # Since 2026-07-01 the chair's count is per month (Law 136/2025): three days in October
    # (the cancelled one does not count) are enough; the party secretary's one day is not.
    assert [(g["rule"], g["period"], g["counted"], g["required"]) for g in page["items"]] == [
        ("REC-WEEK.party-secretary", "2026-10", 1, 2),
    ]
    assert page["total"] == 1 and page["next_cursor"] is None
    assert all(g["ended"] and g["table_version"] for g in page["items"])

    schedule = await http.get(
        "/receptions", params={"from": "2026-10-10", "to": "2026-10-20", "limit": 2}
    )
    first = schedule.json()
    assert [i["session_on"] for i in first["items"]] == ["2026-10-12", "2026-10-15"]
    assert first["total"] == 3 and first["next_cursor"]
    rest = await http.get(
        "/receptions",
        params={"from": "2026-10-10", "to": "2026-10-20", "cursor": first["next_cursor"]},
    )
    assert [i["host"] for i in rest.json()["items"]] == ["other_leader"]

    for params in (
        {"from": "2026-10-31", "to": "2026-10-01"},
        {"from": "2020-01-01", "to": "2026-01-01"},
    ):
        refused = await http.get("/receptions/missing", params=params)
        assert refused.status_code == 422
        assert refused.headers["content-type"].startswith("application/problem+json")


def chair_gaps(page: dict[str, Any]) -> list[tuple[str, str, str, int, int]]:
    return [
        (g["rule"], g["effective_from"], g["period"], g["counted"], g["required"])
        for g in page["items"]
        if g["host"] == "chair"
    ]


async def test_the_chair_counts_by_week_until_june_2026_and_by_month_after(
    service: Service,
) -> None:
    """REC-WEEK's row in force on a period's first day judges it: weeks until 2026-06-30
    (Law 42/2013 Art. 15), months from 2026-07-01 (Law 136/2025), whatever today is."""
    posted = "2026-05-01"
    for day in ("2026-06-01", "2026-06-15", "2026-07-06"):
        await service.schedule(host="chair", session_on=day, posted_on=posted)
    missing = await service.http.get(
        "/receptions/missing", params={"from": "2026-06-01", "to": "2026-07-31"}
    )
    assert missing.status_code == 200, missing.text
    assert chair_gaps(missing.json()) == [
        ("REC-WEEK", "2014-07-01", "2026-W24", 0, 1),
        ("REC-WEEK", "2014-07-01", "2026-W26", 0, 1),
        # Starts on Monday 2026-06-29: still judged by the weekly row.
        ("REC-WEEK", "2014-07-01", "2026-W27", 0, 1),
        ("REC-WEEK", "2026-07-01", "2026-07", 1, 2),
    ]


async def test_december_2026_with_one_chair_day_is_missing_and_with_two_is_not(
    service: Service,
) -> None:
    posted, december = "2026-11-01", {"from": "2026-12-01", "to": "2026-12-31"}
    await service.schedule(host="chair", session_on="2026-12-07", posted_on=posted)
    one_day = await service.http.get("/receptions/missing", params=december)
    assert chair_gaps(one_day.json()) == [("REC-WEEK", "2026-07-01", "2026-12", 1, 2)]
    await service.schedule(host="chair", session_on="2026-12-14", posted_on=posted)
    two_days = await service.http.get("/receptions/missing", params=december)
    assert chair_gaps(two_days.json()) == []


async def test_sweep_marks_unanswered_visits_overdue_once(service: Service) -> None:
    http, today = service.http, service.today()
    session_on = today - dt.timedelta(days=40)  # REC-REPLY (10 working days) long past
    created = await service.schedule(
        host="chair",
        session_on=_iso(session_on),
        posted_on=_iso(session_on - dt.timedelta(days=30)),
    )
    received_at = dt.datetime.combine(session_on, dt.time(9, 30), VN_TZ)
    visit = await http.post(
        f"/receptions/{created['id']}/entries",
        headers=service.officer(),
        json={"subject": "Khiếu nại về tiếng ồn", "received_at": received_at.isoformat()},
    )
    assert visit.status_code == 201, visit.text
    assert visit.json()["overdue"] is True

    async def marked() -> dt.datetime | None:
        async with service.runtime.sessionmaker() as session:
            value: dt.datetime | None = await session.scalar(
                select(reception_entries.c.overdue_since)
            )
            return value

    await service.sweep_receptions()  # unless the service's own sweeper was first
    first = await marked()
    assert first is not None
    assert await service.sweep_receptions() == 0
    assert await marked() == first  # idempotent

    late = await http.post(
        f"/receptions/{created['id']}/entries/{visit.json()['id']}/reply",
        headers=service.officer(),
        json={"text": "Đã kiểm tra, yêu cầu cơ sở giảm tiếng ồn."},
    )
    assert late.status_code == 200, late.text
    assert late.json()["reply"]["on_time"] is False and late.json()["overdue"] is False
