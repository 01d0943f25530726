"""Petitions: the form of a reception session, in person or online (REC-WEEK.online).

Sessions stored before were all in person (online reception exists from 2026-07-01).

Revision ID: petitions_0003
Revises: petitions_0002
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "petitions_0003"
down_revision = "petitions_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "receptions",
        sa.Column("form", sa.String(16), nullable=False, server_default="in_person"),
    )


def downgrade() -> None:
    op.drop_column("receptions", "form")
