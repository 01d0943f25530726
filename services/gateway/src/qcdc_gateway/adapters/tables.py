"""The gateway's own tables: projections built from events, never another service's data, and
the city's handling of its queue. Tables and metadata only (the Alembic migrations are checked
against this metadata); the repositories over them are beside it, one module per aggregate."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from qcdc_shared.db import UtcDateTime
from qcdc_shared.tables import Position

metadata = MetaData()

# The city's own copy of each ward's ledger heads (docs/ledger.md). Append-only: the first hash
# recorded for a position stays; a different one arriving later is kept beside it as evidence
# that the ward's history changed, never in its place.
ward_ledger_heads = Table(
    "ward_ledger_heads",
    metadata,
    Column("ward", String(64), primary_key=True),
    Column("sequence", Integer, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("conflicting_hash", String(64), nullable=True),
    Column("conflict_at", UtcDateTime(), nullable=True),
)

# Every event of every ward, in the order the city received it: the city's event log (the
# ``position`` is what /api/events pages by and what /api/stream resumes from).
city_events = Table(
    "city_events",
    metadata,
    Column("position", Position, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False),
    Column("ward", String(64), nullable=False),
    Column("type", String(128), nullable=False),
    Column("subject", String(64), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("time", UtcDateTime(), nullable=False),
    Column("data", JSON, nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Index("ux_city_events_id", "id", unique=True),
    Index("ix_city_events_ward", "ward", "position"),
    Index("ix_city_events_time", "time", "position"),
)

# The facts the log folds into (domain/facts.py), one row per ward aggregate: what live
# indicators and the queue read. ``versions`` holds the sequence that set each field.
city_facts = Table(
    "city_facts",
    metadata,
    Column("ward", String(64), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("subject", String(160), primary_key=True),
    Column("fields", JSON, nullable=False),
    Column("versions", JSON, nullable=False),
    Column("first_seen", UtcDateTime(), nullable=False),
    Index("ix_city_facts_kind", "kind", "ward"),
)

# The city's handling of each escalated item (adapters/queue.py). A fact without a row here is
# an open item the city has not acted on yet.
escalation_states = Table(
    "escalation_states",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("subject", String(160), nullable=False),  # the escalation fact's subject
    Column("status", String(16), nullable=False),
    Column("assignee", String(128), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Column("acknowledged_at", UtcDateTime(), nullable=True),
    Column("resolved_at", UtcDateTime(), nullable=True),
    Column("resolution", Text, nullable=True),
    Index("ux_escalation_states_fact", "ward", "subject", unique=True),
    Index("ix_escalation_states_status", "status"),
)

# Append-only: a note is never edited or removed, the next one corrects it.
escalation_notes = Table(
    "escalation_notes",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("escalation_id", String(36), ForeignKey("escalation_states.id"), nullable=False),
    Column("author", String(128), nullable=False),
    Column("text", Text, nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Index("ix_escalation_notes_item", "escalation_id", "id"),
)
