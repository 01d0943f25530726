"""Publicity: posting lifecycle fields, posting versions and the ledger.

Revision ID: publicity_0002
Revises: publicity_0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "publicity_0002"
down_revision = "publicity_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.add_column(sa.Column("attachments", sa.JSON, nullable=True))
        batch.add_column(sa.Column("procedure", sa.JSON, nullable=True))
        batch.add_column(sa.Column("source_kind", sa.String(32), nullable=True))
        batch.add_column(sa.Column("source_id", sa.String(128), nullable=True))
        batch.add_column(sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("withdrawal_reason", sa.Text, nullable=True))
    op.create_index("ux_postings_source", "postings", ["source_kind", "source_id"], unique=True)
    op.create_table(
        "posting_versions",
        sa.Column("posting_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
    )
    op.create_table(
        "ledger_entries",
        sa.Column("sequence", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("posting_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ledger_entries")
    op.drop_table("posting_versions")
    op.drop_index("ux_postings_source", "postings")
    with op.batch_alter_table("postings") as batch:
        for column in (
            "withdrawal_reason",
            "changed_at",
            "source_id",
            "source_kind",
            "procedure",
            "attachments",
        ):
            batch.drop_column(column)
