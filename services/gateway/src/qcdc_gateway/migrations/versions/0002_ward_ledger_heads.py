"""Gateway: the city's copy of every ward's ledger heads.

Revision ID: gateway_0002
Revises: gateway_0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0002"
down_revision = "gateway_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ward_ledger_heads",
        sa.Column("ward", sa.String(64), primary_key=True),
        sa.Column("sequence", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("conflicting_hash", sa.String(64), nullable=True),
        sa.Column("conflict_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("ward_ledger_heads")
