"""The petitions an outside system reads in the OpenAPI (``PetitionIn``'s examples) are ones
the running service accepts as is, on the day the examples are written for: a citizen's
feedback sent online, and a complaint an officer enters from the post."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_petitions.testing import Petitions
from qcdc_shared.api.schemas import VIETNAM

pytestmark = pytest.mark.integration

# The examples' "today" (qcdc_petitions/api/examples.py): the paper complaint arrived the day
# before, within CMP-FILE of the act it names.
EXAMPLES_DAY = dt.datetime(2027, 1, 5, 9, 0, tzinfo=VIETNAM)


def documented_examples(petitions: Petitions, model: str) -> list[dict[str, Any]]:
    schemas = petitions.app.openapi()["components"]["schemas"]
    examples: list[dict[str, Any]] = schemas[model]["examples"]
    return examples


async def test_the_documented_petitions_are_received_as_is(petitions: Petitions) -> None:
    await petitions.move_clock_to(EXAMPLES_DAY)
    online, paper = documented_examples(petitions, "PetitionIn")

    sent = await petitions.http.post("/petitions", json=online, headers=petitions.citizen())
    entered = await petitions.http.post("/petitions", json=paper, headers=petitions.officer())

    assert sent.status_code == 201, sent.text
    assert entered.status_code == 201, entered.text
    assert [sent.json()["kind"], entered.json()["kind"]] == ["feedback", "complaint"]
    assert sent.json()["received_at"].startswith("2027-01-05")
    assert entered.json()["received_at"].startswith(paper["received_at"])
