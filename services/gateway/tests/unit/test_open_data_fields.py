"""The open-data field description (``GET /api/export/fields.json``) is the published promise:
docs/open-data.md describes every field of it, the indicators file carries every indicator
with the type the code produces, and no field can hold personal data or free text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from qcdc_gateway.api.exports import DATASETS, fields
from qcdc_gateway.domain.indicators import DEFINITIONS, Period, indicators
from qcdc_shared.testing.clock import TestClock

pytestmark = pytest.mark.unit

DOC = Path(__file__).resolve().parents[4] / "docs" / "open-data.md"
# Names that would carry a person or free text (titles, reasons, answers, contacts).
FORBIDDEN = re.compile(
    r"title|body|text|reason|resolution|petitioner|citizen|contact|phone|email|address|"
    r"identity|evidence|answer_text|location"
)


class Calendar:
    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        return (b - a).days


async def described() -> list[dict[str, Any]]:
    datasets: list[dict[str, Any]] = (await fields())["datasets"]
    return datasets


def sections(text: str) -> dict[str, str]:
    """The doc's text under each ``### `dataset` `` heading."""
    parts = re.split(r"^### `([a-z_]+)`.*$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


async def test_every_field_of_fields_json_is_described_in_docs_open_data() -> None:
    doc = sections(DOC.read_text(encoding="utf-8"))
    for dataset in await described():
        assert dataset["name"] in doc, f"docs/open-data.md has no section for {dataset['name']}"
        for field in dataset["fields"]:
            row = f"| `{field['name']}` | {field['type']} | {field['description']} |"
            assert row in doc[dataset["name"]], f"{dataset['name']}.{field['name']} not in docs"
        documented = re.findall(r"^\| `([a-z_]+)` \|", doc[dataset["name"]], flags=re.MULTILINE)
        assert documented == [f["name"] for f in dataset["fields"]], "docs list other fields"


async def test_each_field_is_named_typed_and_described_in_both_languages() -> None:
    datasets = await described()
    assert [d["name"] for d in datasets] == ["indicators", "postings", "decisions", "violations"]
    for dataset in datasets:
        names = [f["name"] for f in dataset["fields"]]
        assert len(names) == len(set(names)), f"{dataset['name']} repeats a field"
        assert dataset["files"] == [
            f"/api/export/{dataset['name']}.csv",
            f"/api/export/{dataset['name']}.json",
        ]
        for field in dataset["fields"]:
            assert field["type"] in {
                "string",
                "integer",
                "number",
                "boolean",
                "date",
                "datetime",
                "object",
            }
            assert field["description"] and field["description_en"]
            assert field["description"] != field["description_en"], field["name"]


def test_no_field_can_carry_personal_data_or_free_text() -> None:
    for dataset in DATASETS:
        for column in dataset.columns:
            assert not FORBIDDEN.search(column.name), f"{dataset.name}.{column.name}"


def test_the_indicators_file_has_every_indicator_with_the_type_the_code_gives() -> None:
    (indicator_set,) = [d for d in DATASETS if d.name == "indicators"]
    types = {c.name: c.type for c in indicator_set.columns}
    assert [c.name for c in indicator_set.columns][:5] == [
        "ward",
        "ward_code",
        "ward_name",
        "period",
        "as_of",
    ]
    values = indicators([], now=TestClock.pinned().now(), period=Period(), calendar=Calendar())
    assert list(values) == [d.name for d in DEFINITIONS]
    expected: dict[str, Any] = {"integer": int, "number": (int, float, type(None)), "object": dict}
    for name, value in values.items():
        assert isinstance(value, expected[types[name]]), f"{name}: {value!r} is not {types[name]}"
