"""City projections: what each ward's events say, kept per aggregate and order-tolerant.

An event applies only when it is newer (by ``sequence``, the aggregate's version) than what the
projection already holds, so a late or redelivered event never rolls a fact back.

The city also keeps its own copy of each ward's ledger heads, carried in every posting event:
a ward that rewrites its chain later cannot rewrite what the city already holds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

POSTING_EVENT_PREFIX = "vn.qcdc.publicity.posting."
POSTING_PUBLISHED = POSTING_EVENT_PREFIX + "published.v1"
# Every v1 posting event carries the posting's state after it; its status says which one.
POSTING_STATES = frozenset(
    f"{POSTING_EVENT_PREFIX}{name}.v1" for name in ("published", "amended", "withdrawn", "expired")
)
_HASH = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PostingFact:
    ward: str
    posting_id: str
    version: int
    status: str
    category: int
    published_at: dt.datetime
    on_time: bool


def posting_fact(ward: str, data: dict[str, object], sequence: int) -> PostingFact:
    """Read only what the city needs from the event; unknown fields are ignored."""
    published_at = dt.datetime.fromisoformat(str(data["published_at"]))
    violations = data.get("violations") or []
    return PostingFact(
        ward=ward,
        posting_id=str(data["posting_id"]),
        version=sequence,
        status=str(data["status"]),
        category=int(str(data["category"])),
        published_at=published_at,
        on_time="PUB-DUE" not in violations,  # type: ignore[operator]
    )


def is_newer(held_version: int | None, incoming: int) -> bool:
    return held_version is None or incoming > held_version


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
