"""HTTP conventions every service shares (DESIGN §6): errors, lists, deadlines, access."""

from qcdc_shared.api.access import ROLES, access, routes_without_access
from qcdc_shared.api.openapi import install_openapi
from qcdc_shared.api.pagination import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    CursorError,
    Page,
    PageParams,
    PageQuery,
    decode_cursor,
    encode_cursor,
    paginate,
)
from qcdc_shared.api.problems import (
    MEDIA_TYPE,
    Problem,
    conflict,
    forbidden,
    install_problem_handlers,
    not_found,
    refusal_problem,
    rule_violation,
    unauthorized,
)
from qcdc_shared.api.schemas import (
    FIRST_DAY,
    LAST_DAY,
    VIETNAM,
    Day,
    DeadlineOut,
    Instant,
)

__all__ = [
    "DEFAULT_LIMIT",
    "FIRST_DAY",
    "LAST_DAY",
    "MAX_LIMIT",
    "MEDIA_TYPE",
    "ROLES",
    "VIETNAM",
    "CursorError",
    "Day",
    "DeadlineOut",
    "Instant",
    "Page",
    "PageParams",
    "PageQuery",
    "Problem",
    "access",
    "conflict",
    "decode_cursor",
    "encode_cursor",
    "forbidden",
    "install_openapi",
    "install_problem_handlers",
    "not_found",
    "paginate",
    "refusal_problem",
    "routes_without_access",
    "rule_violation",
    "unauthorized",
]
