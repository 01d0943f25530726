"""The posting ledger as a pure hash chain: it verifies, it names what was changed, and a
citizen re-checks a proof with nothing but the standard library (docs/ledger.md)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from qcdc_publicity.domain.ledger import GENESIS, LedgerEntry, canonical, entry_hash, first_break
from qcdc_publicity.testing import readme_check

pytestmark = pytest.mark.unit


def document(posting_id: str, version: int, title: str) -> dict[str, Any]:
    return {
        "posting_id": posting_id,
        "ward": "ben-thanh",
        "version": version,
        "status": "published",
        "category": 1,
        "title": title,
        "body": "Nội dung — có dấu tiếng Việt, “ngoặc kép” và số 1e3",
        "decided_on": "2026-11-25",
        "channels": ["notice_board", "portal"],
        "attachments": [],
        "procedure": None,
        "published_at": "2026-11-27T02:00:00+00:00",
        "changed_at": None,
        "withdrawal_reason": None,
        "deadlines": [{"rule": "PUB-DUE", "due": "2026-12-02", "table_version": "2026.1"}],
        "violations": [],
        "source": None,
    }


DOCUMENTS = {
    ("a", 2): document("a", 2, "Kế hoạch phát triển kinh tế - xã hội 2027"),
    ("b", 2): document("b", 2, "Dự toán ngân sách phường 2027"),
    ("a", 3): {
        **document("a", 3, "Kế hoạch phát triển kinh tế - xã hội 2027"),
        "status": "expired",
    },
}


def chain(documents: dict[tuple[str, int], dict[str, Any]]) -> list[LedgerEntry]:
    entries, previous = [], GENESIS
    for sequence, (posting_id, version) in enumerate(documents, start=1):
        digest = entry_hash(previous, documents[posting_id, version])
        entries.append(LedgerEntry(sequence, posting_id, version, previous, digest))
        previous = digest
    return entries


ENTRIES = chain(DOCUMENTS)


def test_an_untouched_chain_of_three_entries_verifies() -> None:
    assert first_break(ENTRIES, DOCUMENTS) is None
    assert ENTRIES[0].previous_hash == GENESIS and len({e.hash for e in ENTRIES}) == 3


def test_the_hash_is_sha256_of_the_previous_bytes_and_the_rfc8785_text() -> None:
    text = canonical(DOCUMENTS["a", 2])
    assert text.startswith(b'{"attachments":[],"body":"N') and b"\\u" not in text  # raw UTF-8
    assert ENTRIES[0].hash == hashlib.sha256(bytes(32) + text).hexdigest()


def test_a_changed_document_names_its_entry() -> None:
    edited = {**DOCUMENTS, ("b", 2): {**DOCUMENTS["b", 2], "title": "Dự toán đã sửa"}}
    broken = first_break(ENTRIES, edited)
    assert broken is not None
    assert (broken.sequence, broken.posting_id, broken.version) == (2, "b", 2)
    assert "changed" in broken.reason


def test_a_missing_document_names_its_entry() -> None:
    broken = first_break(ENTRIES, {k: v for k, v in DOCUMENTS.items() if k != ("a", 3)})
    assert broken is not None and broken.sequence == 3 and "missing" in broken.reason


def test_reordered_entries_are_detected() -> None:
    broken = first_break([ENTRIES[1], ENTRIES[0], ENTRIES[2]], DOCUMENTS)
    assert broken is not None and broken.sequence == 2 and "expected entry 1" in broken.reason


def test_a_gap_is_detected() -> None:
    broken = first_break([ENTRIES[0], ENTRIES[2]], DOCUMENTS)
    assert broken is not None and broken.sequence == 3 and "expected entry 2" in broken.reason


def test_a_wrong_previous_hash_is_detected() -> None:
    forged = LedgerEntry(3, "a", 3, "f" * 64, entry_hash("f" * 64, DOCUMENTS["a", 3]))
    broken = first_break([ENTRIES[0], ENTRIES[1], forged], DOCUMENTS)
    assert broken is not None and broken.sequence == 3 and "previous hash" in broken.reason


def proof_of(position: int) -> dict[str, Any]:
    """What GET /postings/{id}/proof answers for ENTRIES[position], as plain JSON."""
    entry, keys = ENTRIES[position], list(DOCUMENTS)
    answer = {
        "posting_id": entry.posting_id,
        "version": entry.version,
        "sequence": entry.sequence,
        "document": DOCUMENTS[keys[position]],
        "canonical": canonical(DOCUMENTS[keys[position]]).decode("utf-8"),
        "previous_hash": entry.previous_hash,
        "hash": entry.hash,
        "later": [
            {
                "sequence": e.sequence,
                "previous_hash": e.previous_hash,
                "hash": e.hash,
                "posting_id": e.posting_id,
                "version": e.version,
                "canonical": canonical(DOCUMENTS[k]).decode("utf-8"),
            }
            for e, k in zip(ENTRIES[position + 1 :], keys[position + 1 :], strict=True)
        ],
        "head": {"ward": "ben-thanh", "sequence": ENTRIES[-1].sequence, "hash": ENTRIES[-1].hash},
    }
    parsed: dict[str, Any] = json.loads(json.dumps(answer))  # over the wire and back
    return parsed


@pytest.mark.parametrize("position", [0, 1, 2])
def test_a_published_proof_verifies_with_the_standard_library_only(position: int) -> None:
    proof = proof_of(position)
    assert readme_check(proof, proof["head"]) == ENTRIES[-1].hash


def test_a_proof_of_an_altered_later_entry_fails_the_citizen_check() -> None:
    proof = proof_of(0)
    proof["later"][0]["canonical"] = proof["later"][0]["canonical"].replace("2027", "2028")
    with pytest.raises(AssertionError, match="entry 2 was altered"):
        readme_check(proof, proof["head"])


def test_a_document_that_is_not_its_canonical_text_fails_the_citizen_check() -> None:
    proof = proof_of(1)
    proof["document"]["title"] = "Một tiêu đề khác"
    with pytest.raises(AssertionError, match="canonical text"):
        readme_check(proof, proof["head"])
