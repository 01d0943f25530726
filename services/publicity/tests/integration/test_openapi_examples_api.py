"""The posting an outside system reads in the OpenAPI (``PostingIn``'s example, the ward's
budget for 2027) is one the running service accepts as is, and ``PublishIn``'s example then
publishes it, on the days the examples are written for."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_publicity.testing import Publicity
from qcdc_shared.api.schemas import VIETNAM

pytestmark = pytest.mark.integration

# The morning after the example's publication time (qcdc_publicity/api/examples.py), which
# may not be in the future, and within PUB-DUE of the budget's decision.
EXAMPLES_DAY = dt.datetime(2027, 1, 6, 10, 0, tzinfo=VIETNAM)


def documented_example(publicity: Publicity, model: str) -> dict[str, Any]:
    schemas = publicity.app.openapi()["components"]["schemas"]
    examples: list[dict[str, Any]] = schemas[model]["examples"]
    return examples[0]


async def test_the_documented_posting_is_drafted_and_published_as_is(
    publicity: Publicity,
) -> None:
    await publicity.move_clock_to(EXAMPLES_DAY)
    example = documented_example(publicity, "PostingIn")

    drafted = await publicity.http.post("/postings", json=example, headers=publicity.officer())
    assert drafted.status_code == 201, drafted.text
    posting = drafted.json()
    assert (posting["category"], posting["title"], posting["decided_on"]) == (
        example["category"],
        example["title"],
        example["decided_on"],
    )
    assert posting["attachments"] == example["attachments"]

    publish = documented_example(publicity, "PublishIn")
    published = await publicity.http.post(
        f"/postings/{posting['id']}/publish", json=publish, headers=publicity.officer()
    )
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published"
    assert published.json()["violations"] == []
