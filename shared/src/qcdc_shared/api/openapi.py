"""The OpenAPI every service publishes says what its routes really do, beyond what FastAPI
infers: the problem+json errors each operation can send (:func:`document_problems`) with an
example of each (qcdc_shared.api.contract), and a public route that reads a token when one is
sent does not require one.

schemathesis holds each service to this document in CI (tests/integration/test_hostile_input).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from qcdc_shared.api.access import EXTENSION as ACCESS
from qcdc_shared.api.contract import add_problem_examples
from qcdc_shared.api.problems import document_problems


def install_openapi(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the documented OpenAPI, generated and documented once."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:  # FastAPI keeps what it generated: document it once
            add_problem_examples(document_optional_sign_in(document_problems(generate())))
        return generate()

    app.openapi = openapi  # type: ignore[method-assign]


def document_optional_sign_in(openapi: dict[str, Any]) -> dict[str, Any]:
    """A public operation that shows staff more (``OptionalPrincipal``) gets FastAPI's bearer
    requirement; an empty alternative says that calling it without a token is allowed."""
    for item in openapi.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or not operation.get("security"):
                continue
            if operation.get(ACCESS, {}).get("public") and {} not in operation["security"]:
                operation["security"] = [{}, *operation["security"]]
    return openapi
