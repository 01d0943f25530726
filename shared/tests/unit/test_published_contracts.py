"""A consumer checks data against the published contract but ignores unknown fields, which
the contract itself forbids producers to add (DESIGN §3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qcdc_shared.published_contracts import (
    ConsumerContracts,
    compile_contract,
    contract_file,
    data_problems,
    published_contracts,
)

pytestmark = pytest.mark.unit

TYPE = "vn.qcdc.plans.task.progressed.v1"
# The shape `make contracts` writes: closed objects at the top and in $defs, a map whose
# values are typed by a schema-valued additionalProperties.
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {
        "StepV1": {
            "additionalProperties": False,
            "properties": {"name": {"type": "string"}},
            "required": ["name"],
            "type": "object",
        }
    },
    "additionalProperties": False,
    "properties": {
        "task_id": {"type": "string", "minLength": 1},
        "percent": {"type": "integer", "minimum": 0, "maximum": 100},
        "at": {"type": "string", "format": "date-time"},
        "on": {"type": "string", "format": "date"},
        "step": {"$ref": "#/$defs/StepV1"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
    "required": ["task_id", "percent"],
    "type": "object",
}
GOOD = {"task_id": "t-1", "percent": 40, "at": "2025-07-10T08:30:00+07:00"}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    path = contract_file(tmp_path, TYPE)
    assert path == tmp_path / "events" / "plans.task.progressed" / "v1.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(SCHEMA), encoding="utf-8")
    return tmp_path


def test_a_genuine_event_has_no_problems(root: Path) -> None:
    assert ConsumerContracts(root).problems(TYPE, {**GOOD, "step": {"name": "a"}}) == []


def test_unknown_fields_are_ignored_at_any_depth(root: Path) -> None:
    newer = {**GOOD, "assignee": "x", "step": {"name": "a", "note": "new in v1.1"}}
    assert ConsumerContracts(root).problems(TYPE, newer) == []


def test_producers_are_still_held_to_the_closed_schema(root: Path) -> None:
    path = contract_file(root, TYPE)
    assert path is not None
    exact = compile_contract(path, ignore_unknown_fields=False)
    (problem,) = data_problems(exact, {**GOOD, "assignee": "x"})
    assert "assignee" in problem


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"task_id": "t-1"}, "'percent' is a required property"),
        ({**GOOD, "percent": "forty"}, "data['percent']"),
        ({**GOOD, "percent": 101}, "data['percent']"),
        ({**GOOD, "at": "2025-07-10 08:30"}, "data['at']"),
        ({**GOOD, "step": {}}, "data['step']"),
        ({**GOOD, "counts": {"a": "one"}}, "data['counts']['a']"),
    ],
    ids=["missing", "type", "range", "format", "nested-required", "map-values"],
)
def test_what_the_contract_promises_is_still_checked(
    root: Path, data: dict[str, Any], where: str
) -> None:
    problems = ConsumerContracts(root).problems(TYPE, data)
    assert any(where in problem for problem in problems), problems


@pytest.mark.parametrize(
    "data",
    [
        {"task_id": "t-1"},
        {**GOOD, "percent": "forty"},
        {**GOOD, "percent": 101},
        {**GOOD, "at": "2025-07-10 08:30"},
        {**GOOD, "at": "2025-13-10T08:30:00+07:00"},
        # jsonschema-rs's own format checks pass these two; jsonschema's (the ones used) not
        {**GOOD, "at": "2026-12-31T23:59:60Z"},
        {**GOOD, "on": "2025-07-1+"},
        {**GOOD, "step": {}},
        {**GOOD, "counts": {"a": "one"}},
        {**GOOD, "task_id": ""},
    ],
)
def test_the_quick_check_refuses_whatever_jsonschema_refuses(
    root: Path, data: dict[str, Any]
) -> None:
    """The quick check's "valid" is final: it must never pass what jsonschema refuses."""
    check = ConsumerContracts(root).check(TYPE)
    assert check is not None and check.quick is not None
    assert data_problems(check.full, data)
    assert not check.quick(data)
    assert check.quick({**GOOD, "on": "2025-07-10"})  # and passes what it accepts


def test_a_value_json_cannot_hold_is_judged_by_jsonschema(root: Path) -> None:
    """jsonschema-rs raises on what no JSON document holds; jsonschema lists the problem."""
    (problem,) = ConsumerContracts(root).problems(TYPE, {**GOOD, "percent": object()})
    assert "data['percent']" in problem


def test_every_published_contract_has_a_quick_check() -> None:
    contracts = published_contracts()
    published = sorted((contracts.root / "events").glob("*/v*.json"))
    assert len(published) > 20
    for path in published:
        check = contracts.check(f"vn.qcdc.{path.parent.name}.{path.stem}")
        assert check is not None and check.quick is not None, path


def test_a_type_without_a_published_contract_is_named(root: Path) -> None:
    contracts = ConsumerContracts(root)
    assert contracts.problems("vn.qcdc.plans.task.progressed.v2", GOOD) == [
        "no published contract for vn.qcdc.plans.task.progressed.v2"
    ]
    assert contracts.problems("not a type", GOOD) == ["no published contract for not a type"]


def test_each_schema_is_compiled_once(root: Path) -> None:
    contracts = ConsumerContracts(root)
    assert contracts.problems(TYPE, GOOD) == []
    (root / "events" / "plans.task.progressed" / "v1.json").unlink()
    assert contracts.problems(TYPE, GOOD) == []  # the compiled one serves the process's life


def test_a_recursive_definition_still_validates(tmp_path: Path) -> None:
    # Written out in place for speed, a $ref to a definition being written out stays a $ref.
    tree = {
        "$defs": {
            "NodeV1": {
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string"},
                    "children": {"items": {"$ref": "#/$defs/NodeV1"}, "type": "array"},
                },
                "required": ["name"],
                "type": "object",
            }
        },
        "properties": {"root": {"$ref": "#/$defs/NodeV1", "description": "The top."}},
        "type": "object",
    }
    path = contract_file(tmp_path, TYPE)
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(tree), encoding="utf-8")
    contracts = ConsumerContracts(tmp_path)
    deep = {"name": "a", "children": [{"name": "b", "extra": 1, "children": [{"name": "c"}]}]}
    assert contracts.problems(TYPE, {"root": deep}) == []
    (problem,) = contracts.problems(TYPE, {"root": {"name": "a", "children": [{"children": []}]}})
    assert problem.startswith("data['root']['children'][0]: 'name' is a required property")
