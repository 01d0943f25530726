"""Malformed or oversized input gets a clear problem+json, never echoes what was sent, and
changes nothing already stored."""

from __future__ import annotations

from typing import Any

import pytest

from qcdc_petitions.testing import PETITIONER, Petitions

pytestmark = pytest.mark.integration

BIG = "x" * 200_000  # a 200 kB string


CASES: list[tuple[str, bytes | None, dict[str, Any] | None, str]] = [
    ("/petitions", b'{"kind": "feedback", "title": ', None, "json_invalid"),
    ("/petitions", None, {"kind": "feedback", "title": "t", "body": BIG}, "string_too_long"),
    (
        "/petitions",
        None,
        {"kind": "feedback", "title": "t", "body": "b", "extra": 1},
        "extra_forbidden",
    ),
    ("/petitions", None, {"kind": "rumour", "title": "t", "body": "b"}, "literal_error"),
    (
        "/petitions",
        None,
        {
            "kind": "feedback",
            "title": "t",
            "body": "b",
            "petitioner": {**PETITIONER, "phone": "abc"},
        },
        "string_pattern_mismatch",
    ),
    ("{petition}/answer", None, {"text": BIG}, "string_too_long"),
    ("{petition}/answer", b"[1, 2", None, "json_invalid"),
    ("{petition}/assign", None, {"handler": "can-bo-2", "role": "x"}, "extra_forbidden"),
    ("{petition}/refuse", None, {"reason": ""}, "string_too_short"),
    ("{petition}/extend", None, {"reason": "r", "days": 10_000}, "less_than_equal"),
]


async def test_bad_input_is_a_problem_and_changes_nothing(petitions: Petitions) -> None:
    created = await petitions.submitted(kind="feedback")
    pid = created["id"]
    before = await petitions.get(pid)
    listed_before = (await petitions.http.get("/petitions", headers=petitions.officer())).json()

    for path, content, json_body, error in CASES:
        url = path.replace("{petition}", f"/petitions/{pid}")
        headers = {**petitions.officer(), "content-type": "application/json"}
        if content is not None:
            response = await petitions.http.post(url, headers=headers, content=content)
        else:
            response = await petitions.http.post(url, headers=headers, json=json_body)

        assert response.status_code == 422, (url, error, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["title"] and problem["title_en"] and problem["detail_en"]
        assert error in {e["type"] for e in problem["errors"]}, (url, problem)
        assert len(response.content) < 5_000  # the 200 kB input is never echoed back
        assert PETITIONER["phone"] not in response.text

    assert await petitions.get(pid) == before
    listed_after = (await petitions.http.get("/petitions", headers=petitions.officer())).json()
    assert listed_after == listed_before
