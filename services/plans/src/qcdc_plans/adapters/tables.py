"""The plans service's tables, in one place so the schema reads as a whole.

History tables (``residential_group_history``, ``plan_editions``, ``task_progress``) are
append-only: nothing here updates or deletes their rows. Every aggregate row carries a
``version`` for optimistic concurrency: a save names the version it read.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from qcdc_shared.db import UtcDateTime
from qcdc_shared.tables import Position

metadata = MetaData()

residential_groups = Table(
    "residential_groups",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("households", Integer, nullable=False),
    Column("online_optin", Integer, nullable=False),
    Column("effective_on", Date, nullable=False),
    Column("version", Integer, nullable=False),
    Column("registered_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
)

residential_group_history = Table(
    "residential_group_history",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("code", String(64), ForeignKey("residential_groups.code"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("households", Integer, nullable=False),
    Column("online_optin", Integer, nullable=False),
    Column("effective_on", Date, nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("actor", String(128), nullable=False),
    UniqueConstraint("code", "version", name="ux_residential_group_history_version"),
)

# A person who leaves and later rejoins is a new row: the rows are the membership history.
committee_members = Table(
    "committee_members",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("position", String(16), nullable=False),
    Column("title", Text, nullable=True),
    Column("organisation", Text, nullable=False),
    Column("account", String(128), nullable=True),
    Column("joined_on", Date, nullable=False),
    Column("left_on", Date, nullable=True),
    Column("left_reason", Text, nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ix_committee_members_account", "account"),
)

plans = Table(
    "plans",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("year", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("purposes", JSON, nullable=False),
    Column("task_groups", JSON, nullable=False),
    Column("edition", Integer, nullable=False),  # 0 while drafted
    Column("adopted_at", UtcDateTime(), nullable=True),
    Column("adopted_by", String(128), nullable=True),
    Column("report", JSON, nullable=True),
    Column("reported_at", UtcDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ux_plans_ward_year", "ward", "year", unique=True),
)

# The adopted text of every edition, as adopted: an amendment adds a row, never edits one.
plan_editions = Table(
    "plan_editions",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("plan_id", String(36), ForeignKey("plans.id"), nullable=False),
    Column("edition", Integer, nullable=False),
    Column("adopted_at", UtcDateTime(), nullable=False),
    Column("adopted_by", String(128), nullable=False),
    Column("reason", Text, nullable=True),
    Column("document", JSON, nullable=False),
    UniqueConstraint("plan_id", "edition", name="ux_plan_editions_edition"),
)

plan_tasks = Table(
    "plan_tasks",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("plan_id", String(36), ForeignKey("plans.id"), nullable=False),
    Column("task_group", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("owner", String(36), ForeignKey("committee_members.id"), nullable=False),
    Column("start_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("deliverable", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("percent", Integer, nullable=False),
    Column("completed_at", UtcDateTime(), nullable=True),
    # Set once, in the transaction that records task.overdue: the sweeper's exactly-once key.
    Column("overdue_at", UtcDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ix_plan_tasks_plan", "plan_id", "task_group"),
    Index("ix_plan_tasks_due", "status", "due_on"),
)

task_progress = Table(
    "task_progress",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("task_id", String(36), ForeignKey("plan_tasks.id"), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("percent", Integer, nullable=False),
    Column("note", Text, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("reporter", String(128), nullable=False),
    Index("ix_task_progress_task", "task_id", "at"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("topic", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("residential_group", String(64), nullable=True),
    # Frozen from the register when the decision opens (DEC-PASS, DEC-FORM).
    Column("households_total", Integer, nullable=False),
    Column("online_optin", Integer, nullable=False),
    Column("form", String(16), nullable=False),
    Column("ballot_reason", Text, nullable=True),
    Column("notice_at", UtcDateTime(), nullable=False),
    Column("vote_at", UtcDateTime(), nullable=False),
    Column("draft_posted_on", Date, nullable=True),
    Column("draft_posting", String(64), nullable=True),
    Column("initiative_id", String(36), nullable=True),
    Column("status", String(16), nullable=False),
    Column("tally", JSON, nullable=True),
    Column("result", JSON, nullable=True),
    Column("minutes", Text, nullable=True),
    Column("rules_checked", JSON, nullable=False),
    Column("recognition", JSON, nullable=True),
    Column("opened_by", String(128), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ix_decisions_status", "status", "created_at"),
    Index("ix_decisions_created", "created_at", "id"),
)

# One row per household and decision: the unique pair refuses a second vote even when two
# requests race.
decision_votes = Table(
    "decision_votes",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("decision_id", String(36), ForeignKey("decisions.id"), nullable=False),
    Column("household", String(64), nullable=False),
    Column("choice", String(8), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("recorded_by", String(128), nullable=False),
    UniqueConstraint("decision_id", "household", name="ux_decision_votes_household"),
)

initiatives = Table(
    "initiatives",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("topic", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("residential_group", String(64), nullable=True),
    Column("status", String(16), nullable=False),
    Column("reached_at", UtcDateTime(), nullable=True),
    Column("decision_id", String(36), nullable=True),
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ix_initiatives_created", "created_at", "id"),
)

initiative_consents = Table(
    "initiative_consents",
    metadata,
    Column("id", Position, primary_key=True, autoincrement=True),
    Column("initiative_id", String(36), ForeignKey("initiatives.id"), nullable=False),
    Column("household", String(64), nullable=False),
    Column("given_on", Date, nullable=False),
    Column("valid_until", Date, nullable=False),  # DEC-INIT.validity, computed when recorded
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("recorded_by", String(128), nullable=False),
    UniqueConstraint(
        "initiative_id", "household", "given_on", name="ux_initiative_consents_household"
    ),
)

conferences = Table(
    "conferences",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ward", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("residential_group", String(64), nullable=True),
    Column("year", Integer, nullable=False),
    Column("notice_on", Date, nullable=False),
    Column("held_on", Date, nullable=False),
    Column("notice_rule", String(32), nullable=False),
    # Computed once when scheduled (CAL-WHY): the latest notice day and how it was counted.
    Column("notice_deadline", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("minutes", Text, nullable=True),
    Column("attendees", Integer, nullable=True),
    Column("cancel_reason", Text, nullable=True),
    Column("recorded_at", UtcDateTime(), nullable=True),  # when held or cancelled was recorded
    Column("version", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Index("ix_conferences_year", "year", "kind"),
    Index("ix_conferences_held_on", "held_on", "id"),
)
