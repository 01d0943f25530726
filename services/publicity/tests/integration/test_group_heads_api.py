"""PUB-LOUD.group-heads over HTTP with a real database and nats-server: a loudspeaker item's
sending to the residential-group heads is recorded, a late one is a violation carried by the
posting's event, and the sweeper flags one never sent once its PUB-LOUD period has run."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_publicity.testing import WARD, Publicity
from qcdc_shared.law.rules import load_rule_table
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


def loud_category(publicity: Publicity) -> int:
    return min(load_rule_table().rule("PUB-LOUD", publicity.today()).applies_to)


def loud_end(posting: dict[str, Any]) -> dt.datetime:
    return next(
        dt.datetime.fromisoformat(d["due_at"])
        for d in posting["deadlines"]
        if d["rule"] == "PUB-LOUD"
    )


async def test_a_late_sending_is_recorded_as_a_violation_and_announced(
    publicity: Publicity,
) -> None:
    category = loud_category(publicity)
    with_channel = await publicity.published(
        category=category, channels=["loudspeaker", "group_heads"]
    )
    assert with_channel["group_heads_sent_at"] == with_channel["published_at"]

    ten_days_ago = publicity.now() - dt.timedelta(days=10)
    draft = await publicity.draft(
        category=category, channels=["loudspeaker"], decided_on=ten_days_ago.date().isoformat()
    )
    created = draft.json()
    published = await publicity.http.post(
        f"/postings/{created['id']}/publish",
        headers=publicity.officer(),
        json={"published_at": ten_days_ago.isoformat()},
    )
    assert published.status_code == 200, published.text
    assert published.json()["group_heads_sent_at"] is None
    url = f"/postings/{created['id']}/group-heads"
    assert (
        await publicity.http.post(url, headers=publicity.token("citizen", WARD))
    ).status_code == 403
    sent = await publicity.http.post(url, headers=publicity.officer())
    assert sent.status_code == 200, sent.text
    shown = sent.json()
    assert shown["violations"] == ["PUB-LOUD"] and shown["group_heads_sent_at"] is not None
    assert "group_heads" in shown["channels"] and shown["version"] == 3
    again = await publicity.http.post(url, headers=publicity.officer())
    assert again.status_code == 409 and again.json()["rule"] == "PUB-LOUD.group-heads"

    messages = await publicity.ward_messages(f"qcdc.{WARD}.publicity.posting.published")
    latest = [validate_envelope(m.data) for m in messages]
    event = next(e for e in latest if e.subject == created["id"] and e.sequence == 3)
    assert event.data["violations"] == ["PUB-LOUD"]
    assert event.data["group_heads_sent_at"] is not None


async def test_the_sweeper_flags_an_item_never_sent(publicity: Publicity) -> None:
    category = loud_category(publicity)
    posting = await publicity.published(category=category, channels=["loudspeaker"])
    sent = await publicity.published(category=category, channels=["loudspeaker", "group_heads"])
    await publicity.move_clock_to(loud_end(posting) + dt.timedelta(minutes=1))

    async def flagged() -> bool:
        shown = (await publicity.http.get(f"/postings/{posting['id']}")).json()
        return bool(shown["violations"] == ["PUB-LOUD"])

    await eventually(flagged, within=15, what="the sweeper to flag the unsent item")
    kept = (await publicity.http.get(f"/postings/{sent['id']}")).json()
    assert kept["violations"] == [] and kept["version"] == 2
