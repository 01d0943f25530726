"""Oversight: when the addressee received a recommendation (OVS-ANSWER counts from it).

Revision ID: oversight_0002
Revises: oversight_0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "oversight_0002"
down_revision = "oversight_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recommendations") as batch:
        batch.add_column(sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("recommendations") as batch:
        batch.drop_column("received_at")
