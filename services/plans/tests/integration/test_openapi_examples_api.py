"""The plan an outside system reads in the OpenAPI (``PlanIn``'s example) is one the running
service accepts as is, on the day the examples are written for."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_plans.testing import Plans
from qcdc_shared.api.schemas import VIETNAM

pytestmark = pytest.mark.integration

# The examples' "today" (qcdc_plans/api/examples.py): a plan for 2027 drafted early that year.
EXAMPLES_DAY = dt.datetime(2027, 1, 5, 9, 0, tzinfo=VIETNAM)


def documented_example(plans: Plans, model: str) -> dict[str, Any]:
    examples: list[dict[str, Any]] = plans.app.openapi()["components"]["schemas"][model]["examples"]
    return examples[0]


async def test_the_documented_plan_is_drafted_as_is(plans: Plans) -> None:
    await plans.move_clock_to(EXAMPLES_DAY)
    example = documented_example(plans, "PlanIn")

    drafted = await plans.ok("POST", "/plans", example, status=201)

    assert (drafted["year"], drafted["title"], drafted["status"]) == (
        example["year"],
        example["title"],
        "draft",
    )
    assert drafted["purposes"] == example["purposes"]
    titles = {group["number"]: group["title"] for group in drafted["task_groups"]}
    assert all(titles[group["number"]] == group["title"] for group in example["task_groups"])
