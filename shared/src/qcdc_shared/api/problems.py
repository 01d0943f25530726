"""RFC 9457 problem+json for every error, Vietnamese first, English second (DESIGN §6).

Members: ``type, title, status, detail, instance`` (RFC 9457) plus ``title_en, detail_en``,
``rule`` when a legal rule refused the request, ``errors`` for invalid input, and
``trace_id`` when a span is active so a citizen's report leads to the trace.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from opentelemetry import trace
from starlette.exceptions import HTTPException

from qcdc_shared.api.access import EXTENSION as ACCESS
from qcdc_shared.db import store_unavailable
from qcdc_shared.refusals import Refused

MEDIA_TYPE: Final = "application/problem+json"
TYPE_PREFIX: Final = "urn:qcdc:problem:"
RULE_VIOLATION: Final = TYPE_PREFIX + "rule-violation"
RATE_LIMIT: Final = "x-rate-limit"  # the OpenAPI operation says which limit it counts against

logger = logging.getLogger(__name__)
# Seconds a client is asked to wait when the database could not take its request.
STORE_RETRY_AFTER_S = "1"

# status → (type slug, title vi, title en, detail vi, detail en)
_STATUS: Final[dict[int, tuple[str, str, str, str, str]]] = {
    400: ("bad-request", "Yêu cầu không hợp lệ", "Bad request",
          "Máy chủ không thể xử lý yêu cầu này.", "The server cannot process this request."),
    401: ("unauthorized", "Chưa xác thực", "Unauthorized",
          "Cần đăng nhập để thực hiện yêu cầu này.", "Authentication is required."),
    403: ("forbidden", "Không có quyền", "Forbidden",
          "Bạn không có quyền thực hiện thao tác này.",
          "You are not allowed to perform this action."),
    404: ("not-found", "Không tìm thấy", "Not found",
          "Không tìm thấy tài nguyên được yêu cầu.", "The requested resource was not found."),
    405: ("method-not-allowed", "Phương thức không được phép", "Method not allowed",
          "Đường dẫn này không hỗ trợ phương thức HTTP đã dùng.",
          "This path does not support the HTTP method used."),
    406: ("not-acceptable", "Không đáp ứng được định dạng", "Not acceptable",
          "Không thể trả về định dạng được yêu cầu.", "The requested format is not available."),
    409: ("conflict", "Xung đột trạng thái", "Conflict",
          "Yêu cầu xung đột với trạng thái hiện tại của tài nguyên.",
          "The request conflicts with the current state of the resource."),
    413: ("content-too-large", "Nội dung quá lớn", "Content too large",
          "Nội dung gửi lên vượt quá giới hạn cho phép.", "The request body is too large."),
    415: ("unsupported-media-type", "Kiểu nội dung không được hỗ trợ", "Unsupported media type",
          "Kiểu nội dung gửi lên không được hỗ trợ.", "The request content type is not supported."),
    422: ("invalid-input", "Dữ liệu không hợp lệ", "Invalid input",
          "Dữ liệu gửi lên không hợp lệ; xem danh sách lỗi.",
          "The submitted data is invalid; see the list of errors."),
    429: ("too-many-requests", "Quá nhiều yêu cầu", "Too many requests",
          "Vui lòng thử lại sau.", "Please try again later."),
    500: ("internal-error", "Lỗi hệ thống", "Internal server error",
          "Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau.",
          "An unexpected error occurred. Please try again later."),
    503: ("unavailable", "Dịch vụ tạm thời gián đoạn", "Service unavailable",
          "Dịch vụ tạm thời không phục vụ được. Vui lòng thử lại sau.",
          "The service is temporarily unavailable. Please try again later."),
}  # fmt: skip

# Vietnamese for the pydantic error types a form actually produces; the rest fall back.
_FIELD_MESSAGES: Final[dict[str, str]] = {
    "missing": "Thiếu trường bắt buộc",
    "json_invalid": "JSON không hợp lệ",
    "extra_forbidden": "Trường không được phép",
    "string_type": "Phải là chuỗi ký tự",
    "string_too_short": "Chuỗi quá ngắn",
    "string_too_long": "Chuỗi quá dài",
    "string_pattern_mismatch": "Chuỗi không đúng định dạng",
    "int_type": "Phải là số nguyên",
    "int_parsing": "Phải là số nguyên",
    "bool_parsing": "Phải là giá trị đúng/sai",
    "greater_than": "Giá trị quá nhỏ",
    "greater_than_equal": "Giá trị quá nhỏ",
    "less_than": "Giá trị quá lớn",
    "less_than_equal": "Giá trị quá lớn",
    "date_parsing": "Ngày không hợp lệ",
    "date_from_datetime_parsing": "Ngày không hợp lệ",
    "datetime_parsing": "Thời điểm không hợp lệ",
    "datetime_from_date_parsing": "Thời điểm không hợp lệ",
    "uuid_parsing": "Mã UUID không hợp lệ",
    "enum": "Giá trị không thuộc danh sách cho phép",
    "literal_error": "Giá trị không thuộc danh sách cho phép",
    "list_type": "Phải là một danh sách",
    "dict_type": "Phải là một đối tượng",
    "model_attributes_type": "Phải là một đối tượng JSON",
}


class Problem(Exception):
    """An error the caller should see, in both languages; raise it from a route."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        title_en: str,
        detail_en: str,
        *,
        rule: str | None = None,
        type: str | None = None,
        instance: str | None = None,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(f"{status} {title_en}: {detail_en}")
        self.status = status
        self.title, self.detail = title, detail
        self.title_en, self.detail_en = title_en, detail_en
        self.rule = rule
        self.type = type or (RULE_VIOLATION if rule else _type_for(status))
        self.instance = instance
        self.headers = dict(headers or {})
        self.extra = extra

    @classmethod
    def for_status(
        cls,
        status: int,
        *,
        title: str | None = None,
        detail: str | None = None,
        title_en: str | None = None,
        detail_en: str | None = None,
        **kwargs: Any,
    ) -> Problem:
        """The standard bilingual problem of an HTTP status; given texts override it."""
        fallback = _STATUS[500] if status >= 500 else _STATUS[400]
        _, t_vi, t_en, d_vi, d_en = _STATUS.get(status, fallback)
        return cls(
            status,
            title or t_vi,
            detail or d_vi,
            title_en or t_en,
            detail_en or d_en,
            **kwargs,
        )

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": self.type,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "title_en": self.title_en,
            "detail_en": self.detail_en,
        }
        if self.instance is not None:
            body["instance"] = self.instance
        if self.rule is not None:
            body["rule"] = self.rule
        body.update(self.extra)
        return body


def _type_for(status: int) -> str:
    slug = _STATUS.get(status, (None,))[0]
    return TYPE_PREFIX + slug if slug else "about:blank"


def not_found(detail: str | None = None, detail_en: str | None = None, **kw: Any) -> Problem:
    return Problem.for_status(404, **_texts(detail, detail_en), **kw)


def unauthorized(detail: str | None = None, detail_en: str | None = None, **kw: Any) -> Problem:
    # RFC 9110 requires the challenge on every 401.
    kw.setdefault("headers", {"WWW-Authenticate": "Bearer"})
    return Problem.for_status(401, **_texts(detail, detail_en), **kw)


def forbidden(detail: str | None = None, detail_en: str | None = None, **kw: Any) -> Problem:
    return Problem.for_status(403, **_texts(detail, detail_en), **kw)


def conflict(detail: str | None = None, detail_en: str | None = None, **kw: Any) -> Problem:
    return Problem.for_status(409, **_texts(detail, detail_en), **kw)


def rule_violation(
    rule_id: str, detail_vi: str, detail_en: str, *, status: int = 422, **kw: Any
) -> Problem:
    """A legal rule refused the request; 422 by default, 409 when the current state refuses."""
    return Problem(
        status,
        "Yêu cầu trái quy định",
        detail_vi,
        "Refused by a legal rule",
        detail_en,
        rule=rule_id,
        **kw,
    )


def _texts(detail: str | None, detail_en: str | None) -> dict[str, str]:
    if (detail is None) != (detail_en is None):
        raise ValueError("give the detail in both Vietnamese and English, or in neither")
    return {} if detail is None or detail_en is None else {"detail": detail, "detail_en": detail_en}


class ProblemResponse(JSONResponse):
    media_type = MEDIA_TYPE


def problem_response(request: Request, problem: Problem) -> Response:
    body = problem.to_dict()
    body.setdefault("instance", request.url.path)
    span = trace.get_current_span().get_span_context()
    if span.is_valid:
        body.setdefault("trace_id", trace.format_trace_id(span.trace_id))
    return ProblemResponse(body, status_code=problem.status, headers=problem.headers)


def field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Location and message of each invalid field; the input is never echoed back."""
    # pydantic puts the submitted value in "input": it may be a petitioner's personal data.
    return [
        {
            "location": list(error.get("loc", ())),
            "type": error.get("type", "value_error"),
            "message": _FIELD_MESSAGES.get(error.get("type", ""), "Giá trị không hợp lệ"),
            "message_en": error.get("msg", "Invalid value"),
        }
        for error in exc.errors()
    ]


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return problem_response(request, exc)


async def _on_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = field_errors(exc)
    if any(error["type"] == "json_invalid" for error in errors):
        problem = Problem.for_status(
            422,
            detail="Nội dung gửi lên không phải JSON hợp lệ.",
            detail_en="The request body is not valid JSON.",
            errors=errors,
        )
    else:
        problem = Problem.for_status(422, errors=errors)
    return problem_response(request, problem)


async def _on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code < 400 or exc.status_code in (204, 304):
        return Response(status_code=exc.status_code, headers=exc.headers)
    # Framework messages are English only; the table gives both languages.
    return problem_response(request, Problem.for_status(exc.status_code, headers=exc.headers))


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    # Logged here so the line carries the trace id; Starlette re-raises for the server too.
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    if store_unavailable(exc):
        # The database is away or busy (SQLite's one writer, an outage): nothing was stored,
        # and the same request can succeed in a moment.
        retry = {"Retry-After": STORE_RETRY_AFTER_S}
        return problem_response(request, Problem.for_status(503, headers=retry))
    return problem_response(request, Problem.for_status(500))


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error of ``app`` a problem+json response."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(HTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)


PROBLEM_SCHEMA: Final[dict[str, Any]] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 9457 problem details, Vietnamese first (title, detail), English second "
    "(title_en, detail_en).",
    "required": ["type", "title", "status", "detail", "title_en", "detail_en"],
    "properties": {
        "type": {"type": "string", "examples": [RULE_VIOLATION, TYPE_PREFIX + "not-found"]},
        "title": {"type": "string", "description": "Tiêu đề (tiếng Việt)"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "Giải thích (tiếng Việt)"},
        "title_en": {"type": "string"},
        "detail_en": {"type": "string"},
        "instance": {"type": "string", "description": "The path that was asked."},
        "rule": {
            "type": "string",
            "description": "The id of the legal rule that refused the request (docs/rules).",
            "examples": ["PUB-MIN30"],
        },
        "errors": {
            "type": "array",
            "description": "Each invalid field (422); what was sent is never echoed.",
            "items": {
                "type": "object",
                "required": ["location", "type", "message", "message_en"],
                "properties": {
                    "location": {
                        "type": "array",
                        "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                    },
                    "type": {"type": "string", "examples": ["string_too_long"]},
                    "message": {"type": "string"},
                    "message_en": {"type": "string"},
                },
            },
        },
        "trace_id": {"type": "string", "description": "The trace of the request, to report."},
    },
}
_PROBLEM_REF: Final = {"$ref": "#/components/schemas/Problem"}
_WRITES: Final = frozenset({"post", "put", "patch", "delete"})
# FastAPI's own 422 body, which this API never sends (it sends problem+json).
_FASTAPI_422: Final = "#/components/schemas/HTTPValidationError"


def problem_statuses(method: str, operation: Mapping[str, Any]) -> list[int]:
    """The problem+json statuses an operation can answer, read from its own OpenAPI: 400 where
    a body is read (one that is not UTF-8), 401 where a token is read, 403 where roles are
    required, 404 where a path or a write's body names a record, 409, 413 and 503 (the city
    being built) on writes, 422 where anything is sent, 429 where the operation names its limit
    (``x-rate-limit``: qcdc_shared/api/limits.py)."""
    access = operation.get(ACCESS, {})
    parameters = operation.get("parameters", [])
    write = method.lower() in _WRITES
    statuses = {429} if RATE_LIMIT in operation else set()
    if "requestBody" in operation:
        statuses.add(400)
    if operation.get("security") or access.get("public") is False:
        statuses.add(401)
    if access.get("public") is False:
        statuses.add(403)
    if write or any(parameter.get("in") == "path" for parameter in parameters):
        statuses.add(404)
    if write:
        statuses |= {409, 413, 503}
    if write or parameters or "requestBody" in operation:
        statuses.add(422)
    return sorted(statuses)


def document_problems(openapi: dict[str, Any]) -> dict[str, Any]:
    """Declare, in place, the problem+json responses of every operation of ``openapi``, instead
    of FastAPI's validation error, which is never sent; a status the route documents itself is
    left as the route says."""
    for item in openapi.get("paths", {}).values():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for status in problem_statuses(method, operation):
                declared = responses.get(str(status))
                if declared is not None and _FASTAPI_422 not in str(declared):
                    continue
                _, title_vi, title_en, _, _ = _STATUS[status]
                responses[str(status)] = {
                    "description": f"{title_vi} — {title_en}",
                    "content": {MEDIA_TYPE: {"schema": _PROBLEM_REF}},
                }
            operation["responses"] = dict(sorted(responses.items()))
    schemas = openapi.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    if _FASTAPI_422 not in str(openapi.get("paths")):
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
    return openapi


def refusal_problem(refused: Refused) -> Problem:
    """A domain refusal: 409 when the current state refuses, 422 when the request does."""
    if refused.conflict:
        return conflict(refused.detail_vi, refused.detail_en, rule=refused.rule)
    return Problem.for_status(
        422, detail=refused.detail_vi, detail_en=refused.detail_en, rule=refused.rule
    )
