"""Publicity's tables (one metadata for Alembic): postings, their versions and the ledger
chain over them, consultations and their comments.

A comment row keeps the text, the display name only when the resident chose to show it, and a
keyed pseudonym of the commenter (``qcdc_shared.audit.pseudonym``), never the token subject:
the ward can tell that two comments came from one account without being able to say whose.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from qcdc_shared.db import UtcDateTime

metadata = MetaData()

postings = Table(
    "postings",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("category", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("decided_on", Date, nullable=False),
    Column("channels", JSON, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("published_at", UtcDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Column("deadlines", JSON, nullable=False),
    Column("violations", JSON, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("attachments", JSON, nullable=True),
    Column("procedure", JSON, nullable=True),
    Column("source_kind", String(32), nullable=True),
    Column("source_id", String(128), nullable=True),
    Column("changed_at", UtcDateTime(), nullable=True),
    Column("withdrawal_reason", Text, nullable=True),
    # PUB-LOUD.group-heads: when the item went to the residential-group heads.
    Column("group_heads_sent_at", UtcDateTime(), nullable=True),
    # One posting per source event, whatever the redeliveries.
    Index("ux_postings_source", "source_kind", "source_id", unique=True),
)

posting_versions = Table(
    "posting_versions",
    metadata,
    Column("posting_id", String(36), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("document", JSON, nullable=False),
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    # The primary key serialises appends: two writers cannot both take sequence n.
    Column("sequence", Integer, primary_key=True, autoincrement=False),
    Column("posting_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("previous_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
)

consultations = Table(
    "consultations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("draft", Text, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("minimum_end", JSON, nullable=False),
    Column("comments_received", Integer, nullable=False),
    Column("accepted", JSON, nullable=False),
    Column("rejected", JSON, nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("result_posting_id", String(36), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_by", String(128), nullable=False),
)

consultation_comments = Table(
    "consultation_comments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("consultation_id", String(36), ForeignKey("consultations.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("display_name", String(200), nullable=True),  # only when the resident chose to
    Column("commenter", String(64), nullable=False),  # keyed pseudonym, never the subject
    Column("received_at", DateTime(timezone=True), nullable=False),
    Index("ix_consultation_comments_consultation", "consultation_id", "received_at"),
)
