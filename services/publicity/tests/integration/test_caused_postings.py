"""Postings other services' events and the calendar cause, through a real nats-server:
decision results (DEC-RECORD), public answers (FB-FWD), the quarterly list (PUB-QTR)."""

from __future__ import annotations

import datetime as dt

import nats
import pytest

from qcdc_petitions.contracts import PetitionAnsweredV1
from qcdc_plans.contracts import DecisionRecognisedV1
from qcdc_publicity.domain.caused import quarter_bounds, quarter_of
from qcdc_publicity.testing import WARD, Publicity
from qcdc_shared.envelope import Envelope, IntegrationEvent, build_envelope
from qcdc_shared.law.deadlines import start_of_day
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


async def emit(
    publicity: Publicity,
    event: IntegrationEvent,
    aggregate_id: str,
    *,
    times: int = 1,
    envelope: Envelope | None = None,
) -> Envelope:
    """Publish as the producing service would; ``times`` > 1 re-sends the same event under
    new message ids, as a producer that lost its acks would, past the stream's dedup."""
    envelope = envelope or build_envelope(
        event, ward=WARD, aggregate_id=aggregate_id, sequence=3, time=publicity.now()
    )
    client = await nats.connect(publicity.nats_url)
    try:
        for attempt in range(times):
            await client.jetstream().publish(
                envelope.nats_subject,
                envelope.to_json(),
                headers={"Nats-Msg-Id": f"{envelope.id}-{attempt}"},
            )
    finally:
        await client.close()
    return envelope


async def listed(publicity: Publicity) -> list[dict[str, object]]:
    return list((await publicity.http.get("/postings", params={"limit": 200})).json()["items"])


def decision(today: dt.date, **changes: object) -> DecisionRecognisedV1:
    fields: dict[str, object] = {
        "decision_id": "dec-1",
        "ward": WARD,
        "topic": 1,
        "title": "Góp vốn nâng cấp hẻm 12",
        "residential_group": "TDP-05",
        "form": "household_ballot",
        "households_total": 120,
        "households_for": 90,
        "households_against": 20,
        "passed": True,
        "recognition": "recognised",
        "decided_on": today,
        "recognised_on": today,
        "version": 3,
        **changes,
    }
    return DecisionRecognisedV1.model_validate(fields)


async def test_a_recognised_decision_is_posted_once_whatever_the_redeliveries(
    publicity: Publicity,
) -> None:
    await emit(publicity, decision(publicity.today()), "dec-1", times=3)
    # The producer re-emits the fact as a new event: still one posting per source.
    await emit(publicity, decision(publicity.today()), "dec-1")

    async def posted() -> bool:
        return any(p["source"] for p in await listed(publicity))

    await eventually(posted, within=15, what="the decision result posting")
    await eventually(lambda: _settled(publicity), within=10, what="the consumer to settle")
    postings = [p for p in await listed(publicity) if p["source"]]
    assert len(postings) == 1
    posting = postings[0]
    assert posting["source"] == {"kind": "decision_result", "id": "dec-1"}
    assert posting["category"] == 5  # topic 1: resident-funded works, PUB-CAT 5
    assert "90" in str(posting["body"]) and "120" in str(posting["body"])
    messages = await publicity.ward_messages(f"qcdc.{WARD}.publicity.posting.published")
    assert validate_envelope(messages[0].data).data["source"]["kind"] == "decision_result"


async def _settled(publicity: Publicity) -> bool:
    async with publicity.runtime.sessionmaker() as session:
        from sqlalchemy import func, select

        from qcdc_shared.tables import inbox

        count = await session.scalar(select(func.count()).select_from(inbox))
    return (count or 0) >= 2  # two distinct events: the first, and the re-emitted one


async def test_only_feedback_of_public_interest_is_posted(publicity: Publicity) -> None:
    answered = {
        "ward": WARD,
        "answered_at": publicity.now(),
        "received_on": publicity.today(),
        "on_time": True,
        "version": 4,
    }
    public = PetitionAnsweredV1(
        petition_id="pet-1",
        kind="feedback",
        public_interest=True,
        public_title="Đèn chiếu sáng hẻm 45 bị hỏng",
        public_answer="Đã thay bóng đèn ngày 20/11.",
        **answered,
    )
    complaint = PetitionAnsweredV1(
        petition_id="pet-2", kind="complaint", public_interest=False, **answered
    )
    await emit(publicity, complaint, "pet-2")
    await emit(publicity, public, "pet-1", times=2)

    async def posted() -> bool:
        return any(p["source"] for p in await listed(publicity))

    await eventually(posted, within=15, what="the public answer posting")
    postings = [p for p in await listed(publicity) if p["source"]]
    assert [p["source"] for p in postings] == [{"kind": "petition_answer", "id": "pet-1"}]
    assert postings[0]["body"] == "Đã thay bóng đèn ngày 20/11."


async def test_the_quarterly_list_appears_when_the_shared_clock_enters_a_new_quarter(
    publicity: Publicity,
) -> None:
    first = await publicity.published(category=1, title="Kế hoạch kinh tế - xã hội")
    second = await publicity.published(category=3, title="Quy hoạch sử dụng đất")
    year, quarter = quarter_of(publicity.today())
    _, next_quarter_starts = quarter_bounds(year, quarter)
    await publicity.move_clock_to(start_of_day(next_quarter_starts) + dt.timedelta(days=1))

    async def quarterly() -> bool:
        return any(
            (p["source"] or {}).get("kind") == "quarterly_list" for p in await listed(publicity)
        )

    await eventually(quarterly, within=15, what="the quarterly list")
    posting = next(
        p for p in await listed(publicity) if (p["source"] or {}).get("kind") == "quarterly_list"
    )
    assert posting["source"]["id"] == f"{year}-Q{quarter}"  # type: ignore[index]
    assert first["title"] in str(posting["body"]) and second["title"] in str(posting["body"])
    assert f"quý {quarter}/{year}" in str(posting["title"])
    # Due by its own rule, counted from the quarter's last day, and posted on time: never
    # PUB-DUE from the quarter's first day, which made the platform's own list look late.
    shown = (await publicity.http.get(f"/postings/{posting['id']}")).json()
    assert [d["rule"] for d in shown["deadlines"]] == ["PUB-QTR.due"]
    assert shown["decided_on"] == (next_quarter_starts - dt.timedelta(days=1)).isoformat()
    assert shown["violations"] == []

    # Once both postings' 30 days have run, the sweeper expires them.
    ends = max(
        dt.datetime.fromisoformat(d["due_at"])
        for p in (first, second)
        for d in p["deadlines"]
        if d["rule"] == "PUB-MIN30"
    )
    if publicity.now() <= ends:
        await publicity.move_clock_to(ends + dt.timedelta(minutes=1))

    async def both_expired() -> bool:
        messages = await publicity.ward_messages(f"qcdc.{WARD}.publicity.posting.expired")
        return {validate_envelope(m.data).subject for m in messages} >= {first["id"], second["id"]}

    await eventually(both_expired, within=15, what="the sweeper to expire both postings")
    # PUB-REQ: an expired posting is still supplied, with its whole history.
    shown = (await publicity.http.get(f"/postings/{first['id']}")).json()
    assert shown["status"] == "expired"
    assert [v["status"] for v in shown["versions"]] == ["published", "expired"]
