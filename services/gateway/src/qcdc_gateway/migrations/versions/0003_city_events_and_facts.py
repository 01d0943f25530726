"""Gateway: the city's event log and the facts it folds into; they replace ward_postings.

Revision ID: gateway_0003
Revises: gateway_0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0003"
down_revision = "gateway_0002"
branch_labels = None
depends_on = None

Position = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "city_events",
        sa.Column("position", Position, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("ward", sa.String(64), nullable=False),
        sa.Column("type", sa.String(128), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ux_city_events_id", "city_events", ["id"], unique=True)
    op.create_index("ix_city_events_ward", "city_events", ["ward", "position"])
    op.create_index("ix_city_events_time", "city_events", ["time", "position"])
    op.create_table(
        "city_facts",
        sa.Column("ward", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("subject", sa.String(160), primary_key=True),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("versions", sa.JSON, nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_city_facts_kind", "city_facts", ["kind", "ward"])
    op.drop_table("ward_postings")


def downgrade() -> None:
    op.create_table(
        "ward_postings",
        sa.Column("ward", sa.String(64), primary_key=True),
        sa.Column("posting_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("category", sa.Integer, nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("on_time", sa.Boolean, nullable=False),
    )
    op.drop_table("city_facts")
    op.drop_table("city_events")
