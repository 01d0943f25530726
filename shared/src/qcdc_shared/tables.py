"""The infrastructure tables every service database carries: outbox, inbox, audit log."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from qcdc_shared.db import UtcDateTime, infrastructure_metadata

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
Position = BigInteger().with_variant(Integer(), "sqlite")

outbox = Table(
    "outbox",
    infrastructure_metadata,
    # Commit order of the rows is publication order (per-aggregate order follows from it).
    Column("position", Position, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("subject", String(255), nullable=False),
    Column("aggregate_id", String(128), nullable=False),
    Column("payload", Text, nullable=False),
    # W3C trace context captured when the row was written, so one trace spans the relay hop.
    Column("headers", JSON, nullable=False, default=dict),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("sent_at", UtcDateTime(), nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
)
Index("ix_outbox_unsent", outbox.c.sent_at, outbox.c.position)

inbox = Table(
    "inbox",
    infrastructure_metadata,
    Column("consumer", String(128), primary_key=True),
    Column("event_id", String(36), primary_key=True),
    Column("processed_at", UtcDateTime(), nullable=False),
)

audit_log = Table(
    "audit_log",
    infrastructure_metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime(), nullable=False),
    # A petitioner appears only as a keyed pseudonym here, never by name or account (DESIGN §6).
    Column("actor", String(128), nullable=False),
    Column("role", String(32), nullable=False),
    Column("ward", String(64), nullable=False),
    Column("action", String(128), nullable=False),
    Column("target", String(255), nullable=False),
    Column("trace_id", String(32), nullable=True),
    Column("outcome", String(32), nullable=False),
    Column("detail", JSON, nullable=False, default=dict),
)
Index("ix_audit_log_target", audit_log.c.target)
