"""The petitions service's tables and their metadata (Alembic compares the migrations with it).

The petitioner's identity lives only in ``petitions.identity_sealed`` (``Sealer.seal`` of name,
address, phone, ID number; DEN-SECRET), a visitor's only in ``reception_entries.visitor_sealed``:
no other column, table, history entry or log holds it. ``petition_history`` and
``identity_access_log`` are append-only: nothing updates or deletes their rows.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from qcdc_shared.db import UtcDateTime
from qcdc_shared.tables import Position

metadata = MetaData()

petitions = Table(
    "petitions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("tracking_code", String(32), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("location", Text, nullable=True),
    Column("residential_group", String(64), nullable=True),
    Column("act_date", Date, nullable=True),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("anonymous", Boolean, nullable=False),
    Column("identity_sealed", Text, nullable=True),
    Column("petitioner_pseudonym", String(64), nullable=True),
    Column("handler", String(128), nullable=True),
    Column("accepted_at", UtcDateTime(), nullable=True),
    Column("deadlines", JSON, nullable=False),
    Column("flags", JSON, nullable=False),
    Column("escalated", JSON, nullable=False),
    Column("answer", JSON, nullable=True),
    # Derived from deadlines on every save, so lists and the sweeper query an indexed column.
    Column("open_due_at", UtcDateTime(), nullable=True),
    Column("next_escalation_at", UtcDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ux_petitions_tracking_code", "tracking_code", unique=True),
    Index("ix_petitions_status", "status"),
    Index("ix_petitions_received", "received_at", "id"),
    Index("ix_petitions_next_escalation", "next_escalation_at"),
)

petition_history = Table(
    "petition_history",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("petition_id", String(36), ForeignKey("petitions.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("action", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("actor_role", String(32), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("detail", JSON, nullable=False),
    UniqueConstraint("petition_id", "version", name="ux_petition_history_version"),
)

# PET-ESC: one row per petition and rule; the unique pair is what makes a second escalation
# (a repeated sweep, a restart, a concurrent sweeper) fail inside its own transaction.
escalations = Table(
    "escalations",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("petition_id", String(36), ForeignKey("petitions.id"), nullable=False),
    Column("rule", String(64), nullable=False),
    Column("by", String(16), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    UniqueConstraint("petition_id", "rule", name="ux_escalations_petition_rule"),
)

identity_access_log = Table(
    "identity_access_log",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("petition_id", String(36), nullable=False),
    # Staff by account id; a citizen reader only by keyed pseudonym.
    Column("reader", String(128), nullable=False),
    Column("role", String(32), nullable=False),
    Column("reader_ward", String(64), nullable=True),
    Column("outcome", String(16), nullable=False),
    Index("ix_identity_access_log_petition", "petition_id"),
)

receptions = Table(
    "receptions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("host", String(32), nullable=False),
    Column("session_on", Date, nullable=False),
    Column("posted_on", Date, nullable=False),
    Column("location", Text, nullable=True),
    # in_person or online (REC-WEEK.online); rows stored before the column are in person.
    Column("form", String(16), nullable=False, server_default="in_person"),
    Column("schedule_deadline", JSON, nullable=False),
    Column("on_time", Boolean, nullable=False),
    Column("status", String(16), nullable=False),
    Column("held_recorded_at", UtcDateTime(), nullable=True),
    Column("not_held_reason", Text, nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", String(128), nullable=False),
    Index("ix_receptions_session_on", "session_on", "host"),
)

reception_entries = Table(
    "reception_entries",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("reception_id", String(36), ForeignKey("receptions.id"), nullable=False),
    Column("subject", Text, nullable=False),
    Column("petition_id", String(64), nullable=True),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("visitor_sealed", Text, nullable=True),
    Column("reply_deadline", JSON, nullable=False),
    Column("due_at", UtcDateTime(), nullable=False),
    Column("reply_text", Text, nullable=True),
    Column("replied_at", UtcDateTime(), nullable=True),
    Column("replied_by", String(128), nullable=True),
    Column("reply_on_time", Boolean, nullable=True),
    Column("overdue_since", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", String(128), nullable=False),
    Index("ix_reception_entries_reception", "reception_id", "received_at"),
    Index("ix_reception_entries_open", "replied_at", "due_at"),
)
