"""The webhooks' tables, on the gateway's metadata (migration gateway_0005)."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Index, Integer, String, Table, Text

from qcdc_gateway.adapters.tables import metadata
from qcdc_shared.db import UtcDateTime
from qcdc_shared.tables import Position

# An external system's subscription. ``secret`` is sealed (qcdc_shared.sealing, the
# configured identity key): the city must sign with it, so it is kept recoverable, never in
# clear. A deleted subscription stays as a row (state ``deleted``) with its delivery log.
webhook_subscriptions = Table(
    "webhook_subscriptions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("url", Text, nullable=False),
    Column("event_types", JSON, nullable=False),
    Column("wards", JSON, nullable=True),  # null: every ward
    Column("description", Text, nullable=False),
    Column("secret", Text, nullable=False),
    Column("state", String(16), nullable=False),
    Column("paused_reason", Text, nullable=True),
    Column("created_by", String(128), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Column("paused_at", UtcDateTime(), nullable=True),
    Column("deleted_at", UtcDateTime(), nullable=True),
)

# One event for one subscription: recorded in the transaction that acknowledges the event
# (consumer ``gateway-webhooks``), kept after it is delivered (the delivery log). ``body`` is
# the CloudEvent exactly as sent, so every attempt sends and signs the same bytes.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("subscription_id", String(36), ForeignKey("webhook_subscriptions.id"), nullable=False),
    Column("event_id", String(36), nullable=False),
    Column("event_type", String(128), nullable=False),
    Column("ward", String(64), nullable=False),
    Column("subject", String(160), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),  # every attempt, over all rounds
    Column("step", Integer, nullable=False),  # the next attempt's place in the schedule
    Column("next_attempt_at", UtcDateTime(), nullable=False),
    Column("last_attempt_at", UtcDateTime(), nullable=True),
    Column("last_status", Integer, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("replayed", Boolean, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("delivered_at", UtcDateTime(), nullable=True),
    # The dispatcher's question: the first pending delivery per subscription and aggregate.
    Index(
        "ix_webhook_deliveries_queue",
        "subscription_id",
        "state",
        "ward",
        "subject",
        "sequence",
        "id",
    ),
    Index("ix_webhook_deliveries_log", "subscription_id", "id"),
)
