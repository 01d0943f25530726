"""Publicity: when a loudspeaker item went to the residential-group heads (PUB-LOUD.group-heads).

Existing rows are not filled in: a posting row changed outside a new ledger version would no
longer match its recorded version. A posting published with the "group_heads" channel counts
as sent at publication without the column (``domain/group_heads``).

Revision ID: publicity_0004
Revises: publicity_0003
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "publicity_0004"
down_revision = "publicity_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.add_column(
            sa.Column("group_heads_sent_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.drop_column("group_heads_sent_at")
