"""What makes a service's OpenAPI a contract an outside system can hold on to: operation ids
named by hand (the route function's name, not FastAPI's ``list_events_api_events_get``), the
service's real version, and an example of every problem+json response it documents.

The ids are snapshotted in ``contracts/openapi/<service>.operation-ids.txt``; a test fails when
one changes or disappears without the snapshot changing with it (shared/tests/unit/
test_api_contract.py), so renaming a route function is a deliberate act.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any, Final

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from qcdc_shared.api.problems import MEDIA_TYPE, Problem, field_errors, refusal_problem
from qcdc_shared.refusals import Refused

# A real rule of the table (docs/rules), as a 422 or 409 that names one looks.
_RULE_EXAMPLE: Final = Refused(
    "Tin phải được niêm yết đủ thời hạn tối thiểu trước khi gỡ.",
    "A posting must stay up for its minimum period before it is withdrawn.",
    rule="PUB-MIN30",
)
_INVALID_FIELD: Final = {
    "loc": ("body", "title"),
    "type": "string_too_long",
    "msg": "String should have at most 200 characters",
}


def operation_id(route: APIRoute) -> str:
    """The id of a route's operation: its function's name, chosen by hand and unique within a
    service (FastAPI adds ``_<method>`` to a route that answers several methods)."""
    return route.name


def service_version(package: str) -> str:
    """The installed version of a service's distribution (``qcdc-plans``), as its OpenAPI
    ``info.version``; 0+unknown when it runs from a tree that is not installed."""
    try:
        return version(package)
    except PackageNotFoundError:
        return "0+unknown"


def duplicate_operation_ids(openapi: dict[str, Any]) -> list[str]:
    """Ids used by more than one operation (none may be: clients generate methods from them)."""
    seen: dict[str, int] = {}
    for item in openapi.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                seen[operation["operationId"]] = seen.get(operation["operationId"], 0) + 1
    return sorted(name for name, count in seen.items() if count > 1)


def operation_ids(openapi: dict[str, Any]) -> list[str]:
    """``<operationId> <METHOD> <path>`` of every operation, sorted: the committed snapshot."""
    return sorted(
        f"{operation['operationId']} {method.upper()} {path}"
        for path, item in openapi.get("paths", {}).items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    )


def add_problem_examples(openapi: dict[str, Any]) -> dict[str, Any]:
    """Give every problem+json response an example of the body it really sends (built by the
    code that sends it), and a 422 or 409 of a write the form a legal rule's refusal takes."""
    for path, item in openapi.get("paths", {}).items():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {}).get(MEDIA_TYPE)
                if content is None or "examples" in content or not status.isdigit():
                    continue
                content["examples"] = _examples(int(status), path, "requestBody" in operation)
    return openapi


def _examples(status: int, path: str, has_body: bool) -> dict[str, Any]:
    examples: dict[str, Any] = {}
    if status == 422:
        invalid = Problem.for_status(422, errors=_example_errors())
        examples["invalid-input"] = _example("Dữ liệu không hợp lệ — Invalid input", invalid)
    else:
        plain = Problem.for_status(status)
        examples[plain.type.rsplit(":", 1)[-1]] = _example(
            f"{plain.title} — {plain.title_en}", plain
        )
    if has_body and status in (409, 422):
        refused = Refused(
            _RULE_EXAMPLE.detail_vi,
            _RULE_EXAMPLE.detail_en,
            rule=_RULE_EXAMPLE.rule,
            conflict=status == 409,
        )
        examples["rule-violation"] = _example(
            "Bị từ chối theo quy định — Refused by a legal rule", refusal_problem(refused)
        )
    for example in examples.values():
        example["value"].setdefault("instance", path)
    return examples


def _example(summary: str, problem: Problem) -> dict[str, Any]:
    return {"summary": summary, "value": problem.to_dict()}


def _example_errors() -> list[dict[str, Any]]:
    return field_errors(RequestValidationError([_INVALID_FIELD]))
