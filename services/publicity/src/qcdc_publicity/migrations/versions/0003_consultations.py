"""Publicity: consultations (CON-MIN20) and residents' comments.

Revision ID: publicity_0003
Revises: publicity_0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "publicity_0003"
down_revision = "publicity_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("ward", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("draft", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minimum_end", sa.JSON, nullable=False),
        sa.Column("comments_received", sa.Integer, nullable=False),
        sa.Column("accepted", sa.JSON, nullable=False),
        sa.Column("rejected", sa.JSON, nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("result_posting_id", sa.String(36), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
    )
    op.create_index("ix_consultations_status", "consultations", ["status"])
    op.create_table(
        "consultation_comments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "consultation_id", sa.String(36), sa.ForeignKey("consultations.id"), nullable=False
        ),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("display_name", sa.String(200), nullable=True),
        sa.Column("commenter", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_consultation_comments_consultation",
        "consultation_comments",
        ["consultation_id", "received_at"],
    )


def downgrade() -> None:
    op.drop_table("consultation_comments")
    op.drop_table("consultations")
