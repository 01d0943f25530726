"""The ward's tamper-evident posting ledger: a SHA-256 hash chain over posting versions.

Entry n: ``hash_n = SHA-256( bytes.fromhex(hash_{n-1}) || JCS(document_n) )`` where JCS is the
RFC 8785 canonical JSON of the posting version's public document (``version_document``) and
``hash_0`` is 32 zero bytes. Anyone holding the documents can recompute the chain with standard
tools; anyone holding an earlier head can tell whether history was rewritten since.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import rfc8785

GENESIS = "0" * 64


def canonical(document: dict[str, Any]) -> bytes:
    return rfc8785.dumps(document)


def entry_hash(previous: str, document: dict[str, Any]) -> str:
    return hashlib.sha256(bytes.fromhex(previous) + canonical(document)).hexdigest()


@dataclass(frozen=True)
class LedgerEntry:
    sequence: int
    posting_id: str
    version: int
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class Break:
    """The first entry whose stored hash no longer matches what it claims to cover."""

    sequence: int
    posting_id: str
    version: int
    reason: str


def first_break(
    entries: Iterable[LedgerEntry], documents: dict[tuple[str, int], dict[str, Any]]
) -> Break | None:
    """Walk the chain from the genesis; ``documents`` are the stored posting versions."""
    previous = GENESIS
    expected_sequence = 1
    for entry in entries:
        where = (entry.sequence, entry.posting_id, entry.version)
        if entry.sequence != expected_sequence:
            return Break(*where, f"expected entry {expected_sequence}, found {entry.sequence}")
        if entry.previous_hash != previous:
            return Break(*where, "previous hash does not match the entry before it")
        document = documents.get((entry.posting_id, entry.version))
        if document is None:
            return Break(*where, "the posting version it covers is missing")
        if entry_hash(previous, document) != entry.hash:
            return Break(*where, "the posting version was changed after it was recorded")
        previous = entry.hash
        expected_sequence += 1
    return None
