"""Petitions: citizen reception sessions and their visits (REC-WEEK, REC-REPLY).

Revision ID: petitions_0002
Revises: petitions_0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "petitions_0002"
down_revision = "petitions_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "receptions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("ward", sa.String(64), nullable=False),
        sa.Column("host", sa.String(32), nullable=False),
        sa.Column("session_on", sa.Date, nullable=False),
        sa.Column("posted_on", sa.Date, nullable=False),
        sa.Column("location", sa.Text, nullable=True),
        sa.Column("schedule_deadline", sa.JSON, nullable=False),
        sa.Column("on_time", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("held_recorded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("not_held_reason", sa.Text, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
    )
    op.create_index("ix_receptions_session_on", "receptions", ["session_on", "host"])
    op.create_table(
        "reception_entries",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("reception_id", sa.String(36), sa.ForeignKey("receptions.id"), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("petition_id", sa.String(64), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("visitor_sealed", sa.Text, nullable=True),
        sa.Column("reply_deadline", sa.JSON, nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reply_text", sa.Text, nullable=True),
        sa.Column("replied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("replied_by", sa.String(128), nullable=True),
        sa.Column("reply_on_time", sa.Boolean, nullable=True),
        sa.Column("overdue_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
    )
    op.create_index(
        "ix_reception_entries_reception", "reception_entries", ["reception_id", "received_at"]
    )
    op.create_index("ix_reception_entries_open", "reception_entries", ["replied_at", "due_at"])


def downgrade() -> None:
    op.drop_table("reception_entries")
    op.drop_table("receptions")
