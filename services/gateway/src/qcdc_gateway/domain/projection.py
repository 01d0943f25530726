"""The city's own copy of each ward's ledger heads, carried in every posting event: a ward
that rewrites its chain later cannot rewrite what the city already holds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

POSTING_EVENT_PREFIX = "vn.qcdc.publicity.posting."
_HASH = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class LedgerHead:
    ward: str
    sequence: int
    hash: str


@dataclass(frozen=True)
class HeldHead:
    """What the city holds for one entry of a ward's chain: the first hash announced for it,
    and the first different one, kept beside it as evidence that the ward's history changed."""

    hash: str
    conflicting_hash: str | None = None


Outcome = Literal["recorded", "known", "conflict"]


@dataclass(frozen=True)
class Receipt:
    outcome: Outcome
    # What the city keeps of the head: the head itself (a new entry), its hash as the
    # evidence of a conflict (the first different one), or nothing new.
    keep: Literal["head", "conflict"] | None


def receive(held: HeldHead | None, head: LedgerHead) -> Receipt:
    """A head a ward announced, against what the city holds for that entry: append-only, so a
    redelivery changes nothing and a second hash never replaces the first."""
    if held is None:
        return Receipt("recorded", "head")
    if head.hash in (held.hash, held.conflicting_hash):
        return Receipt("known", None)
    # The first conflicting hash is the evidence; later ones add nothing to it.
    return Receipt("conflict", "conflict" if held.conflicting_hash is None else None)


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
