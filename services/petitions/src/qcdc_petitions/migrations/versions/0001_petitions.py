"""Petitions: petitions with sealed identities, their history, escalations, identity reads.

Revision ID: petitions_0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "petitions_0001"
down_revision = None
branch_labels = ("petitions",)
depends_on = None

Position = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "petitions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("ward", sa.String(64), nullable=False),
        sa.Column("tracking_code", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("location", sa.Text, nullable=True),
        sa.Column("residential_group", sa.String(64), nullable=True),
        sa.Column("act_date", sa.Date, nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("identity_sealed", sa.Text, nullable=True),
        sa.Column("petitioner_pseudonym", sa.String(64), nullable=True),
        sa.Column("handler", sa.String(128), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deadlines", sa.JSON, nullable=False),
        sa.Column("flags", sa.JSON, nullable=False),
        sa.Column("escalated", sa.JSON, nullable=False),
        sa.Column("answer", sa.JSON, nullable=True),
        sa.Column("open_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_escalation_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ux_petitions_tracking_code", "petitions", ["tracking_code"], unique=True)
    op.create_index("ix_petitions_status", "petitions", ["status"])
    op.create_index("ix_petitions_received", "petitions", ["received_at", "id"])
    op.create_index("ix_petitions_next_escalation", "petitions", ["next_escalation_at"])
    op.create_table(
        "petition_history",
        sa.Column("id", Position, primary_key=True, autoincrement=True),
        sa.Column("petition_id", sa.String(36), sa.ForeignKey("petitions.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("actor_role", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.UniqueConstraint("petition_id", "version", name="ux_petition_history_version"),
    )
    op.create_table(
        "escalations",
        sa.Column("id", Position, primary_key=True, autoincrement=True),
        sa.Column("petition_id", sa.String(36), sa.ForeignKey("petitions.id"), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("by", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("petition_id", "rule", name="ux_escalations_petition_rule"),
    )
    op.create_table(
        "identity_access_log",
        sa.Column("id", Position, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("petition_id", sa.String(36), nullable=False),
        sa.Column("reader", sa.String(128), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("reader_ward", sa.String(64), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
    )
    op.create_index("ix_identity_access_log_petition", "identity_access_log", ["petition_id"])


def downgrade() -> None:
    op.drop_table("identity_access_log")
    op.drop_table("escalations")
    op.drop_table("petition_history")
    op.drop_table("petitions")
