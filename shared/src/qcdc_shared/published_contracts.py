"""The published event contracts (``contracts/events/<name>/v<N>.json``, DESIGN §3) as running
code reads them: where they are, and what is wrong with an event's ``data`` against its schema.

Producers are held to the schemas exactly (``tooling/contracts.py`` and ``tests/contract``);
the schemas say ``additionalProperties: false`` so nothing slips out by accident. A consumer
must ignore unknown fields (DESIGN §3: a producer one version ahead adds fields), so it checks
against a copy of each schema with those prohibitions dropped: every field it knows must still
be there with its type, range and format.

Every event a consumer takes is checked, so its copy is also made quick to check: the local
``$ref``s to ``$defs`` are written out in place, and jsonschema-rs (the checks in Rust) says
"valid" before jsonschema is asked for the problems of what it refuses (jsonschema walking
every event was 60% of the gateway's fold, then fastjsonschema's compiled Python a quarter of
what was left, docs/performance.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker

ENV_VAR = "QCDC_CONTRACTS_DIR"
_TYPE = re.compile(r"^vn\.qcdc\.(?P<name>[a-z_]+\.[a-z_]+\.[a-z_]+)\.v(?P<version>[0-9]+)$")
# RFC 3339 proper: jsonschema only checks date-time when rfc3339-validator is installed.
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
# The keywords that refuse what a schema does not name.
_CLOSED = ("additionalProperties", "unevaluatedProperties")
_LOCAL_DEF = "#/$defs/"


class ContractError(Exception):
    """The contracts cannot be generated, found or safely overwritten."""


FORMAT_CHECKER = FormatChecker(Draft202012Validator.FORMAT_CHECKER.checkers)


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return bool(_DATE_TIME.match(value)) and dt.datetime.fromisoformat(value.upper()) is not None


FORMAT_CHECKER.checks("date-time", raises=ValueError)(_is_date_time)


def contracts_dir() -> Path:
    """The repository's ``contracts/``: $QCDC_CONTRACTS_DIR, else above this file or cwd.

    A service the launcher starts runs from the repository's editable install, so the search
    from this file finds it whatever the working directory; elsewhere set the variable."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    for start in (Path(__file__).resolve().parent, Path.cwd().resolve()):
        for folder in (start, *start.parents):
            if (folder / "contracts").is_dir() and (folder / "pyproject.toml").is_file():
                return folder / "contracts"
    raise ContractError(f"no contracts/ directory found; set {ENV_VAR}")


def contract_file(root: Path, type_: str) -> Path | None:
    """Where the schema of event type ``vn.qcdc.<name>.v<N>`` is published (None: not a type)."""
    match = _TYPE.match(type_)
    if match is None:
        return None
    return root / "events" / match["name"] / f"v{match['version']}.json"


def no_contract(type_: object) -> str:
    return f"no published contract for {type_}"


def compile_contract(path: Path, *, ignore_unknown_fields: bool) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    if ignore_unknown_fields:
        schema = _open(schema)
        schema = _inline(schema, schema.get("$defs", {}), ())
    return Draft202012Validator(schema, format_checker=FORMAT_CHECKER)


def _open(schema: Any) -> Any:
    """The schema without ``additionalProperties: false`` anywhere (``$defs`` included); a
    schema-valued ``additionalProperties`` (a map's values) still applies."""
    if isinstance(schema, list):
        return [_open(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    return {
        key: _open(value)
        for key, value in schema.items()
        if not (key in _CLOSED and value is False)
    }


def _inline(node: Any, defs: dict[str, Any], inlining: tuple[str, ...]) -> Any:
    """``node`` with each ``{"$ref": "#/$defs/X", ...}`` replaced by X itself (a recursive
    definition keeps its ``$ref``; ``$defs`` stays, so that one still resolves)."""
    if isinstance(node, list):
        return [_inline(item, defs, inlining) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    name = ref.removeprefix(_LOCAL_DEF) if isinstance(ref, str) else None
    inlined = {key: _inline(value, defs, inlining) for key, value in node.items()}
    if name is None or name not in defs or name in inlining or ref != _LOCAL_DEF + name:
        return inlined
    target = _inline(defs[name], defs, (*inlining, name))
    siblings = {key: value for key, value in inlined.items() if key != "$ref"}
    if siblings.keys() & target.keys():
        return {"allOf": [target], **siblings}  # both apply, as beside a $ref
    return {**target, **siblings}


def data_problems(validator: Draft202012Validator, data: object) -> list[str]:
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.path])
    return [f"data{''.join(f'[{p!r}]' for p in e.path)}: {e.message}" for e in errors]


@dataclass(frozen=True)
class ContractCheck:
    """One contract as a consumer checks it: ``quick`` (jsonschema-rs over the same schema,
    with jsonschema's own format checks) answers "valid" for nearly every event at a small
    fraction of jsonschema's cost; only what it refuses goes to ``full`` (jsonschema), whose
    list of every problem is the one reported, and which has the last word."""

    full: Draft202012Validator
    quick: Callable[[object], bool] | None

    def problems(self, data: object) -> list[str]:
        if self.quick is not None:
            try:
                if self.quick(data):
                    return []
            except ValueError:  # a value JSON cannot hold: jsonschema judges it
                pass
        return data_problems(self.full, data)


def _quick(schema: dict[str, Any]) -> Callable[[object], bool] | None:
    # jsonschema's format checks, not jsonschema-rs's: its own pass dates such as
    # "2025-07-1+" and leap seconds Python cannot hold, which jsonschema refuses. Only a
    # schema's "date-time" and "date" values call back into Python.
    formats = {name: _format_check(name) for name in FORMAT_CHECKER.checkers}
    try:
        validator = jsonschema_rs.validator_for(schema, formats=formats, validate_formats=True)
    except (ValueError, jsonschema_rs.ReferencingError):
        return None  # a schema it cannot compile is checked by jsonschema alone
    return validator.is_valid


def _format_check(name: str) -> Callable[[object], bool]:
    """jsonschema's own check of format ``name``, called directly (FormatChecker.conforms
    costs as much again, on every date of every event)."""
    check, raises = FORMAT_CHECKER.checkers[name]

    def conforms(value: object) -> bool:
        try:
            return bool(check(value))
        except raises:
            return False

    return conforms


class ConsumerContracts:
    """The contracts as a consumer checks them: unknown fields ignored, each type's schema
    compiled once for the life of the process (a running service's contracts ship with it)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._checks: dict[str, ContractCheck] = {}

    def problems(self, type_: str, data: object) -> list[str]:
        check = self.check(type_)
        if check is None:
            return [no_contract(type_)]
        return check.problems(data)

    def check(self, type_: str) -> ContractCheck | None:
        """The compiled check of ``type_``'s contract; None: no contract is published."""
        if type_ in self._checks:
            return self._checks[type_]
        path = contract_file(self.root, type_)
        try:
            validator = compile_contract(path, ignore_unknown_fields=True) if path else None
        except OSError:
            return None  # not cached: anyone may send types by the thousand
        if validator is None:
            return None
        check = ContractCheck(validator, _quick(validator.schema))
        self._checks[type_] = check
        return check


@lru_cache(maxsize=1)
def published_contracts() -> ConsumerContracts:
    """The process's one set of consumer contracts; ContractError if contracts/ is missing."""
    root = contracts_dir()
    if not (root / "events").is_dir():
        raise ContractError(f"{root} holds no events/ folder; set {ENV_VAR}")
    return ConsumerContracts(root)
