"""The city's own copy of each ward's ledger heads, carried in every posting event: a ward
that rewrites its chain later cannot rewrite what the city already holds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

POSTING_EVENT_PREFIX = "vn.qcdc.publicity.posting."
_HASH = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class LedgerHead:
    ward: str
    sequence: int
    hash: str


def ledger_head(ward: str, data: dict[str, Any]) -> LedgerHead | None:
    """The ward's ledger head a posting event carries, or None when it carries none."""
    ledger = data.get("ledger")
    if not isinstance(ledger, dict):
        return None
    sequence, value = ledger.get("sequence"), ledger.get("hash")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
        return None
    if not isinstance(value, str) or not _HASH.match(value):
        return None
    return LedgerHead(ward, sequence, value)
