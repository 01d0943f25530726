"""Gateway: the city's queue of escalated items — the city's handling of each, and its notes.

Revision ID: gateway_0004
Revises: gateway_0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0004"
down_revision = "gateway_0003"
branch_labels = None
depends_on = None

Position = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "escalation_states",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("ward", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(160), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("assignee", sa.String(128), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.Text, nullable=True),
    )
    op.create_index(
        "ux_escalation_states_fact", "escalation_states", ["ward", "subject"], unique=True
    )
    op.create_index("ix_escalation_states_status", "escalation_states", ["status"])
    op.create_table(
        "escalation_notes",
        sa.Column("id", Position, primary_key=True, autoincrement=True),
        sa.Column(
            "escalation_id",
            sa.String(36),
            sa.ForeignKey("escalation_states.id"),
            nullable=False,
        ),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_escalation_notes_item", "escalation_notes", ["escalation_id", "id"])


def downgrade() -> None:
    op.drop_table("escalation_notes")
    op.drop_table("escalation_states")
