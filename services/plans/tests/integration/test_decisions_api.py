"""Residents' decisions over HTTP with a real database and nats-server: the household count
frozen from the register, DEC-FORM, DEC-NOTICE, DEC-CONV30, one vote per household, the
DEC-PASS result over ALL households, recognition, and the events (counts, never households)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_plans.testing import Plans
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


def today(plans: Plans) -> dt.date:
    return local_date(plans.runtime.clock.now())


def decision(plans: Plans, **fields: Any) -> dict[str, Any]:
    """A decision voted today, noticed five days ago (or earlier, when DEC-NOTICE's last day
    falls further back over a holiday)."""
    day = today(plans)
    body: dict[str, Any] = {
        "topic": 1,
        "title": "Đóng góp làm đường hẻm 12",
        "group": "TDP-01",
        "form": "meeting",
        "notice_at": str(min(day - dt.timedelta(days=5), plans.latest_notice(day))),
        "vote_at": str(day),
    }
    if fields.get("topic") == 3:
        body["draft_posted_on"] = str(day - dt.timedelta(days=40))
    return body | fields


async def opened(plans: Plans, **fields: Any) -> dict[str, Any]:
    return await plans.ok("POST", "/decisions", decision(plans, **fields), status=201)


async def closed_with_tally(plans: Plans, opened_id: str, **tally: int) -> dict[str, Any]:
    await plans.ok("POST", f"/decisions/{opened_id}/tally", tally)
    return await plans.ok("POST", f"/decisions/{opened_id}/close", {"minutes": "Biên bản họp"})


async def test_thresholds_count_all_registered_households_never_those_present(
    plans: Plans,
) -> None:
    await plans.register_group("TDP-01", households=100)

    funds = await opened(plans, topic=1)
    assert funds["households_total"] == 100 and funds["status"] == "open"
    failed = await closed_with_tally(plans, funds["id"], yes=60, no=0, abstain=0, present=60)
    # 60 of 60 present, but 2/3 of ALL 100 households is 67.
    assert (failed["passed"], failed["yes"], failed["households_total"]) == (False, 60, 100)
    assert failed["rule"] == "DEC-PASS.money" and failed["result"]["threshold"] == 67

    convention = await opened(plans, topic=3)
    passed = await closed_with_tally(plans, convention["id"], yes=51, no=4, abstain=0, present=55)
    assert passed["passed"] is True and passed["rule"] == "DEC-PASS.other"
    assert passed["result"]["threshold"] == 51

    another = await opened(plans, topic=3)
    short = await closed_with_tally(plans, another["id"], yes=50, no=5, abstain=0, present=55)
    assert short["passed"] is False


async def test_a_count_typed_into_the_request_must_match_the_register(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=100)
    claimed = await plans.post("/decisions", decision(plans, households_total=80))
    assert claimed.status_code == 422, claimed.text
    problem = claimed.json()
    assert problem["rule"] == "DEC-PASS" and "100" in problem["detail"]
    assert "100" in problem["detail_en"]
    matching = await opened(plans, households_total=100)
    # Later changes to the register do not move a decision already open.
    await plans.ok("PATCH", "/groups/TDP-01", {"households": 120})
    shown = await plans.ok("GET", f"/decisions/{matching['id']}")
    assert shown["households_total"] == 100
    unknown = await plans.post("/decisions", decision(plans, group="TDP-99"))
    assert unknown.status_code == 422 and unknown.json()["rule"] == "DEC-PASS"


async def test_one_vote_per_household(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=3)
    ballot = await opened(plans, topic=6, form="ballot")
    url = f"/decisions/{ballot['id']}/votes"
    first = await plans.ok("POST", url, {"household": "HO-001", "choice": "yes"}, status=201)
    assert first["households_voted"] == 1 and first["households_total"] == 3
    second = await plans.post(url, {"household": "HO-001", "choice": "no"})
    assert second.status_code == 409, second.text
    assert second.headers["content-type"] == "application/problem+json"
    await plans.ok("POST", url, {"household": "HO-002", "choice": "yes"}, status=201)
    # Counted over the 3 registered households: 2 yes is more than half.
    result = await plans.ok("POST", f"/decisions/{ballot['id']}/close")
    assert result["passed"] is True and result["result"]["counted"] == "household_votes"
    assert result["result"]["present"] == 2
    late = await plans.post(url, {"household": "HO-003", "choice": "no"})
    assert late.status_code == 409


async def test_online_voting_only_for_topic_6_and_after_a_majority_opted_in(
    plans: Plans,
) -> None:
    await plans.register_group("TDP-01", households=100, online_optin=50)
    topic_3 = await plans.post("/decisions", decision(plans, topic=3, form="online"))
    assert topic_3.status_code == 422, topic_3.text
    assert topic_3.json()["rule"] == "DEC-FORM" and "DEC-FORM" in topic_3.json()["detail"]
    half = await plans.post("/decisions", decision(plans, topic=6, form="online"))
    assert half.status_code == 422 and half.json()["rule"] == "DEC-FORM"  # 50 is not > 50%
    await plans.ok("PATCH", "/groups/TDP-01", {"online_optin": 51})
    await opened(plans, topic=6, form="online")
    ballot_without_reason = await plans.post("/decisions", decision(plans, topic=4, form="ballot"))
    assert ballot_without_reason.json()["rule"] == "DEC-FORM.meeting"
    await opened(plans, topic=4, form="ballot", ballot_reason="Không đủ điều kiện tổ chức họp")


async def test_notice_and_the_convention_draft_come_early_enough(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=100)
    day = today(plans)
    late_notice = await plans.post(
        "/decisions", decision(plans, notice_at=str(day - dt.timedelta(days=1)))
    )
    assert late_notice.status_code == 422 and late_notice.json()["rule"] == "DEC-NOTICE"
    late_draft = await plans.post(
        "/decisions",
        decision(plans, topic=3, draft_posted_on=str(day - dt.timedelta(days=10))),
    )
    assert late_draft.status_code == 422 and late_draft.json()["rule"] == "DEC-CONV30"
    no_draft = decision(plans, topic=3)
    del no_draft["draft_posted_on"]
    missing = await plans.post("/decisions", no_draft)
    assert missing.status_code == 422 and missing.json()["rule"] == "DEC-CONV30"


async def test_recognition_publishes_counts_and_never_households(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=4)
    ballot = await opened(plans, topic=6, form="ballot", title="Giờ đóng cổng hẻm")
    # The public does not see a decision while residents are voting.
    assert (await plans.http.get(f"/decisions/{ballot['id']}")).status_code == 404
    for household, choice in (("HO-A1", "yes"), ("HO-B2", "yes"), ("HO-C3", "yes")):
        await plans.ok(
            "POST",
            f"/decisions/{ballot['id']}/votes",
            {"household": household, "choice": choice},
            status=201,
        )
    await plans.ok("POST", f"/decisions/{ballot['id']}/close")
    no_reason = await plans.post(
        f"/decisions/{ballot['id']}/recognise", {"outcome": "refused"}, headers=plans.front()
    )
    assert no_reason.status_code == 422 and no_reason.json()["rule"] == "DEC-RECORD"
    citizen = await plans.post(f"/decisions/{ballot['id']}/recognise", headers=plans.citizen())
    assert citizen.status_code == 403
    recognised = await plans.ok(
        "POST", f"/decisions/{ballot['id']}/recognise", headers=plans.front()
    )
    assert recognised["status"] == "recognised" and recognised["recognition"]["on_time"]
    public = (await plans.http.get(f"/decisions/{ballot['id']}")).json()
    assert public["passed"] is True and public["yes"] == 3
    listed = (await plans.http.get("/decisions")).json()
    assert [d["id"] for d in listed["items"]] == [ballot["id"]]

    events = await plans.ward_messages(f"qcdc.{plans.ward}.plans.decision.>")
    assert [e.type for e in events] == [
        "vn.qcdc.plans.decision.opened.v1",
        "vn.qcdc.plans.decision.closed.v1",
        "vn.qcdc.plans.decision.recognised.v1",
    ]
    closed = events[1].data
    assert (closed["yes"], closed["households_total"], closed["threshold"]) == (3, 4, 3)
    assert closed["rule"] == "DEC-PASS.other" and closed["passed"] is True
    assert events[2].data["form"] == "household_ballot"
    for event in events:
        validate_envelope(event.model_dump(mode="json"))
        assert "HO-A1" not in event.model_dump_json()


async def test_a_supported_initiative_is_put_to_a_vote_once(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=20)
    proposal = {"topic": 6, "title": "Lắp camera an ninh hẻm", "group": "TDP-01"}
    initiative = await plans.ok("POST", "/initiatives", proposal, status=201)
    fields = {"topic": 6, "title": "Lắp camera an ninh hẻm", "initiative": initiative["id"]}
    early = await plans.post("/decisions", decision(plans, **fields))
    assert early.status_code == 409 and early.json()["rule"] == "DEC-INIT"
    for household in ("HO-1", "HO-2"):  # 10% of 20 households
        consent = {"household": household, "given_on": str(today(plans))}
        await plans.ok("POST", f"/initiatives/{initiative['id']}/consents", consent, status=201)
    wrong_topic = await plans.post("/decisions", decision(plans, **fields | {"topic": 5}))
    assert wrong_topic.status_code == 422 and wrong_topic.json()["rule"] == "DEC-INIT"
    opened_from = await opened(plans, **fields)
    assert opened_from["initiative"] == initiative["id"]
    shown = await plans.ok("GET", f"/initiatives/{initiative['id']}")
    assert shown["decision_id"] == opened_from["id"]
    again = await plans.post("/decisions", decision(plans, **fields))
    assert again.status_code == 409


async def test_a_meeting_short_of_its_quorum_is_refused_and_a_ballot_replaces_it(
    plans: Plans,
) -> None:
    await plans.register_group("TDP-01", households=4)
    meeting = await opened(plans, topic=3, form="meeting", title="Hương ước tổ dân phố")
    # Two of four households is not more than half: the meeting cannot vote.
    short = await plans.post(f"/decisions/{meeting['id']}/tally", {"yes": 2, "no": 0, "present": 2})
    assert short.status_code == 422, short.text
    assert short.headers["content-type"] == "application/problem+json"
    problem = short.json()
    assert problem["rule"] == "DEC-FORM.quorum"
    assert "phát phiếu" in problem["detail"] and "ballot" in problem["detail_en"]
    assert f"/decisions/{meeting['id']}/votes" in problem["detail_en"]
    # The ballot instead: each household's vote on the same decision, counted over all four.
    for household in ("HO-A1", "HO-B2", "HO-C3"):
        vote = {"household": household, "choice": "yes"}
        await plans.ok("POST", f"/decisions/{meeting['id']}/votes", vote, status=201)
    result = await plans.ok("POST", f"/decisions/{meeting['id']}/close")
    assert result["passed"] is True and result["result"]["counted"] == "household_votes"


async def test_recognition_counts_from_the_receipt_of_the_record(plans: Plans) -> None:
    await plans.register_group("TDP-01", households=10)
    meeting = await opened(plans, topic=6)
    await plans.ok("POST", f"/decisions/{meeting['id']}/tally", {"yes": 8, "no": 0, "present": 8})
    now = plans.runtime.clock.now()
    tomorrow = str(local_date(now) + dt.timedelta(days=1))
    future = await plans.post(f"/decisions/{meeting['id']}/close", {"record_received_at": tomorrow})
    assert future.status_code == 422 and future.json()["rule"] == "DEC-RECORD.recognition"
    closed = await plans.ok(
        "POST", f"/decisions/{meeting['id']}/close", {"record_received_at": now.isoformat()}
    )
    recognition_due = closed["result"]["recognition_due"]
    assert dt.datetime.fromisoformat(closed["result"]["record_received_at"]) == now
    assert recognition_due["rule"] == "DEC-RECORD.recognition"
    assert "record_received" in recognition_due["explanation_en"]
