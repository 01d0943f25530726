"""The append-only audit log of a service (DESIGN §6): who did what, to what, with which trace.

This module only appends and reads; nothing here updates or deletes an audit row. A
petitioner is written only as ``pseudonym(key, identity)``, never by name or account.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from typing import Any

from opentelemetry import trace
from pydantic import BaseModel, ConfigDict, field_validator
from sqlalchemy import ColumnElement, Row, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_shared.api.pagination import Page, PageParams, paginate
from qcdc_shared.tables import audit_log

PSEUDONYM_PREFIX = "p:"
# 128 bits: no collision among a city's petitioners, short enough to read in a report.
PSEUDONYM_HEX_CHARS = 32


def pseudonym(key: bytes | str, identity: str) -> str:
    """Keyed, stable pseudonym of ``identity`` (HMAC-SHA256); pass a canonical account id."""
    secret = key.encode() if isinstance(key, str) else key
    # Without a key, the pseudonym of an ID-card or phone number is reversible by enumeration.
    if not secret:
        raise ValueError("a pseudonym needs a non-empty key")
    digest = hmac.new(secret, identity.encode(), hashlib.sha256).hexdigest()
    return PSEUDONYM_PREFIX + digest[:PSEUDONYM_HEX_CHARS]


class AuditRecord(BaseModel):
    model_config = ConfigDict(from_attributes=True, frozen=True)

    id: int
    at: dt.datetime
    actor: str
    role: str
    ward: str
    action: str
    target: str
    trace_id: str | None
    outcome: str
    detail: dict[str, Any]

    @field_validator("at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        # SQLite hands back naive datetimes; record_audit always wrote UTC.
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _current_trace_id() -> str | None:
    context = trace.get_current_span().get_span_context()
    return trace.format_trace_id(context.trace_id) if context.is_valid else None


# One constant statement, its values passed as parameters: built and compiled once, where a
# ``.values(...)`` construct is built, and its cache key computed, on every command.
_INSERT = insert(audit_log).returning(audit_log.c.id)


async def record_audit(
    session: AsyncSession,
    *,
    actor: str,
    role: str,
    ward: str,
    action: str,
    target: str,
    outcome: str = "ok",
    detail: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> int:
    """Append one audit row in the caller's transaction (it commits or rolls back with it).

    ``at`` defaults to the wall clock; handlers pass their injectable clock's time. The
    ``detail`` must carry no personal data. Returns the new row's id.
    """
    when = at or dt.datetime.now(dt.UTC)
    if when.tzinfo is None:
        raise ValueError("audit time must be timezone-aware")
    row_id = await session.scalar(
        _INSERT,
        {
            # Stored in UTC so rows compare and sort alike on SQLite, which drops offsets.
            "at": when.astimezone(dt.UTC),
            "actor": actor,
            "role": role,
            "ward": ward,
            "action": action,
            "target": target,
            "trace_id": _current_trace_id(),
            "outcome": outcome,
            "detail": detail or {},
        },
    )
    if row_id is None:
        raise RuntimeError("the database returned no id for the audit row")
    return int(row_id)


async def list_audit(
    session: AsyncSession,
    *,
    target: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    ward: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    params: PageParams | None = None,
) -> Page[AuditRecord]:
    """Audit rows matching every given filter, newest first, one page at a time."""
    conditions: list[ColumnElement[bool]] = []
    for column, value in (
        (audit_log.c.target, target),
        (audit_log.c.actor, actor),
        (audit_log.c.action, action),
        (audit_log.c.ward, ward),
    ):
        if value is not None:
            conditions.append(column == value)
    if since is not None:
        conditions.append(audit_log.c.at >= since.astimezone(dt.UTC))
    if until is not None:
        conditions.append(audit_log.c.at < until.astimezone(dt.UTC))
    return await paginate(
        session,
        select(audit_log).where(*conditions),
        key=audit_log.c.id,
        params=params or PageParams(),
        descending=True,
        item=_to_record,
    )


def _to_record(row: Row[Any]) -> AuditRecord:
    return AuditRecord.model_validate(dict(row._mapping))
