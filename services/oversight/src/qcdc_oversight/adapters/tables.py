"""The oversight service's tables, in one place so the schema reads as a whole.

``checks`` and ``violations`` are keyed by (rule, subject): a redelivered or re-emitted event
finds its row and changes nothing, which is what makes detection idempotent.
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

# The ward's residential groups as plans announces them (group.registered / group.updated).
known_groups = Table(
    "known_groups",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("households", Integer, nullable=False),
    Column("version", Integer, nullable=False),
)

board_members = Table(
    "board_members",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("residential_group", String(64), nullable=False),
    Column("position", String(16), nullable=False),
    Column("account", String(128), nullable=True),
    Column("elected_on", Date, nullable=False),
    Column("left_on", Date, nullable=True),
    Column("left_reason", Text, nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
)

investment_boards = Table(
    "investment_boards",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("project", Text, nullable=False),
    Column("investor", Text, nullable=False),
    Column("members", JSON, nullable=False),
    Column("supervision_start", Date, nullable=False),
    Column("investor_notified_on", Date, nullable=False),
    Column("notice_deadline", JSON, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
)

inspections = Table(
    "inspections",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("title", Text, nullable=False),
    Column("scope", Text, nullable=False),
    Column("start_on", Date, nullable=False),
    Column("filed_on", Date, nullable=False),
    Column("plan_deadline", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("opened_at", UtcDateTime(), nullable=True),
    Column("closed_at", UtcDateTime(), nullable=True),
    Column("report", Text, nullable=True),
    Column("created_by", String(128), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("inspection_id", String(36), ForeignKey("inspections.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("recorded_by", String(128), nullable=False),
    Index("ix_findings_inspection", "inspection_id", "recorded_at"),
)

recommendations = Table(
    "recommendations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("inspection_id", String(36), ForeignKey("inspections.id"), nullable=True),
    Column("addressed_to", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("proposed_by", String(128), nullable=False),
    Column("confirmed_by", String(128), nullable=True),
    Column("issued_at", UtcDateTime(), nullable=True),
    # OVS-ANSWER counts from the addressee's receipt; null: from the issue.
    Column("received_at", UtcDateTime(), nullable=True),
    Column("answer_deadline", JSON, nullable=True),
    Column("due_at", UtcDateTime(), nullable=True),
    Column("answer", Text, nullable=True),
    Column("accepted", String(16), nullable=True),
    Column("answered_at", UtcDateTime(), nullable=True),
    Column("answered_by", String(128), nullable=True),
    # Set once, in the transaction that records recommendation.overdue (exactly-once).
    Column("overdue_at", UtcDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ix_recommendations_due", "status", "due_at"),
)

# Every obligation the detector has seen evaluated: met, or broken (the compliance score).
checks = Table(
    "checks",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("rule", String(48), nullable=False),
    Column("subject_kind", String(16), nullable=False),
    Column("subject_id", String(64), nullable=False),
    Column("met", Boolean, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Column("first_seen_at", UtcDateTime(), nullable=False),
    UniqueConstraint("rule", "subject_kind", "subject_id", name="ux_checks_rule_subject"),
)

violations = Table(
    "violations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("rule", String(48), nullable=False),
    Column("subject_kind", String(16), nullable=False),
    Column("subject_id", String(64), nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Column("detected_at", UtcDateTime(), nullable=False),
    Column("acknowledged_at", UtcDateTime(), nullable=True),
    Column("acknowledged_by", String(128), nullable=True),
    Column("resolved_at", UtcDateTime(), nullable=True),
    Column("resolved_by", String(128), nullable=True),
    Column("resolution", Text, nullable=True),
    Column("version", Integer, nullable=False),
    UniqueConstraint("rule", "subject_kind", "subject_id", name="ux_violations_rule_subject"),
    Index("ix_violations_detected", "detected_at", "id"),
    Index("ix_violations_status", "status"),
)
