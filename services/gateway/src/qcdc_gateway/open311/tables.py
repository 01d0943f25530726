"""The gateway's Open311 table, on the gateway's ``metadata`` (migration gateway_0006).

``open311_clients``: who may post. The key is shown once; only its SHA-256 is kept (a key is
32 random bytes, so a fast hash is as good as a slow one against guessing) with its first
characters, so an admin can tell keys apart. Revoking keeps the row: the requests it filed
still name it.

No table of the requests filed: a tracking code never rests in the gateway's database (the
privacy scan of tests/integration/test_identity_never_leaks.py holds it to that), so the
gateway cannot list anyone's requests; a client keeps the codes it was given.
"""

from __future__ import annotations

from sqlalchemy import Column, String, Table

from qcdc_gateway.adapters.tables import metadata
from qcdc_shared.db import UtcDateTime

open311_clients = Table(
    "open311_clients",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("key_prefix", String(16), nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("revoked_at", UtcDateTime(), nullable=True),
)
