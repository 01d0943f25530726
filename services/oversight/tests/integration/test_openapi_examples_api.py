"""The inspection plan an outside system reads in the OpenAPI (``InspectionIn``'s example) is
one the running service accepts as is, on the day the examples are written for: filed that
day, more than OVS-PLAN's working days before the inspection starts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_oversight.testing import Oversight
from qcdc_shared.api.schemas import VIETNAM

pytestmark = pytest.mark.integration

# The examples' "today" (qcdc_oversight/api/examples.py): the plan's filing day.
EXAMPLES_DAY = dt.datetime(2027, 1, 5, 9, 0, tzinfo=VIETNAM)


def documented_example(oversight: Oversight, model: str) -> dict[str, Any]:
    schemas = oversight.app.openapi()["components"]["schemas"]
    examples: list[dict[str, Any]] = schemas[model]["examples"]
    return examples[0]


async def test_the_documented_inspection_plan_is_filed_as_is(oversight: Oversight) -> None:
    await oversight.move_clock_to(EXAMPLES_DAY)
    example = documented_example(oversight, "InspectionIn")

    filed = await oversight.ok(
        "POST", "/inspections", example, headers=oversight.inspector(), status=201
    )

    assert (filed["title"], filed["status"]) == (example["title"], "planned")
    assert (filed["start_on"], filed["filed_on"]) == (example["start_on"], example["filed_on"])
    assert filed["plan_deadline"]["rule"] == "OVS-PLAN"
    assert filed["plan_deadline"]["due"] >= example["filed_on"]
