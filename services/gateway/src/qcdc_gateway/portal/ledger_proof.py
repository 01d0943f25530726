"""The checks the notice board's "verify" button runs in the browser (``static/verify.js``), in
Python: the same steps in the same order with the same names, so the tests hold the script to
the publicity service's ledger (``qcdc_publicity.domain.ledger``) without trusting either.

A proof (publicity ``GET /postings/{id}/proof``) verifies when: it is the proof of the posting
the page shows (its id, its title); its ``canonical`` text is exactly the RFC 8785 (JCS)
serialisation of its ``document``; ``SHA-256(bytes.fromhex(previous_hash) || UTF-8(canonical))``
is its ``hash``; every later entry chains from the one before it and re-hashes to its own
hash, in consecutive order; the last hash is the proof's head; and that head is the ward's
head read separately (publicity ``GET /ledger/head``). The portal only relays both documents:
the browser recomputes every hash itself with Web Crypto.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from typing import Any, Final

# The names verify.js gives its checks (the page's words for each are data-check-<name>).
CHECKS: Final = ("posting", "title", "canonical", "entry", "chain", "head", "ward_head")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""


def jcs(value: Any) -> str:
    """RFC 8785 for the JSON a posting version holds (strings, integers, booleans, null, arrays,
    objects): what ``JSON.stringify`` gives each scalar, object keys in UTF-16 code-unit order."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("JCS has no NaN or infinity")
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        raise ValueError("a fractional number: not in a posting version")  # never hashed today
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(jcs(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(f"{jcs(key)}:{jcs(value[key])}" for key in keys) + "}"
    raise TypeError(f"not JSON: {type(value).__name__}")


def entry_hash(previous: str, canonical: str) -> str:
    return hashlib.sha256(bytes.fromhex(previous) + canonical.encode("utf-8")).hexdigest()


def check(
    proof: dict[str, Any], head: dict[str, Any], *, posting_id: str, title: str | None
) -> list[Check]:
    """Every check, in verify.js's order; the proof verifies when all are ok."""
    document = proof.get("document") or {}
    checks = [
        Check("posting", document.get("posting_id") == posting_id == proof.get("posting_id")),
        Check("title", title is None or document.get("title") == title),
    ]
    try:
        same = jcs(document) == proof.get("canonical")
    except (TypeError, ValueError):
        same = False
    checks.append(Check("canonical", same))
    digest = entry_hash(str(proof.get("previous_hash", "")), str(proof.get("canonical", "")))
    checks.append(Check("entry", digest == proof.get("hash"), f"#{proof.get('sequence')}"))
    chained, sequence = True, proof.get("sequence")
    for entry in proof.get("later", []):
        text = entry.get("canonical")
        if (
            entry.get("previous_hash") != digest
            or text is None
            or not isinstance(sequence, int)
            or entry.get("sequence") != sequence + 1
        ):
            chained = False
            break
        digest, sequence = entry_hash(digest, text), entry["sequence"]
        if digest != entry.get("hash"):
            chained = False
            break
    checks.append(Check("chain", chained, f"{len(proof.get('later', []))}"))
    claimed = proof.get("head") or {}
    checks.append(
        Check(
            "head",
            chained and digest == claimed.get("hash") and sequence == claimed.get("sequence"),
            f"#{claimed.get('sequence')}",
        )
    )
    checks.append(
        Check(
            "ward_head",
            head.get("hash") == claimed.get("hash")
            and head.get("sequence") == claimed.get("sequence"),
            f"#{head.get('sequence')}",
        )
    )
    return checks
