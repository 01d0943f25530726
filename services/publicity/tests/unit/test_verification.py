"""What ``qcdc verify-ledger`` decides from what it read: the chain, the versions, the posting
rows and the city's copy of the heads (no database here)."""

from __future__ import annotations

from typing import Any

import pytest

from qcdc_publicity.domain.ledger import GENESIS, LedgerEntry, entry_hash
from qcdc_publicity.domain.verification import (
    Report,
    StoredVersion,
    check_chain,
    check_city,
    check_postings,
    check_versions,
)

pytestmark = pytest.mark.unit


def doc(posting_id: str, title: str, status: str = "published") -> dict[str, Any]:
    return {"posting_id": posting_id, "version": 2, "status": status, "title": title}


def chain(documents: list[dict[str, Any]]) -> list[LedgerEntry]:
    entries, previous = [], GENESIS
    for sequence, document in enumerate(documents, start=1):
        digest = entry_hash(previous, document)
        entries.append(LedgerEntry(sequence, document["posting_id"], 2, previous, digest))
        previous = digest
    return entries


ORIGINAL = [doc("a", "Kế hoạch"), doc("b", "Dự toán"), doc("c", "Quyết toán")]
ENTRIES = chain(ORIGINAL)
HEADS = [(e.sequence, e.hash) for e in ENTRIES]  # what the city recorded from the events


def test_an_edited_version_is_named_in_both_languages() -> None:
    edited = {(d["posting_id"], 2): d for d in ORIGINAL} | {("b", 2): doc("b", "Đã sửa")}
    finding = check_chain(ENTRIES, edited)
    assert finding is not None and (finding.sequence, finding.posting_id) == (2, "b")
    assert "Mục #2" in finding.detail_vi and "Entry #2" in finding.detail_en


def test_a_recomputed_chain_agrees_with_itself_but_not_with_the_city() -> None:
    rewritten = chain([ORIGINAL[0], doc("b", "Đã sửa"), ORIGINAL[2]])
    documents = {("a", 2): ORIGINAL[0], ("b", 2): doc("b", "Đã sửa"), ("c", 2): ORIGINAL[2]}
    assert check_chain(rewritten, documents) is None
    finding = check_city(rewritten, HEADS)
    assert finding is not None and (finding.sequence, finding.posting_id) == (2, "b")
    assert ENTRIES[1].hash in finding.detail_en


def test_when_the_city_missed_heads_the_rewrite_is_bounded_by_the_last_agreeing_one() -> None:
    rewritten = chain([ORIGINAL[0], doc("b", "Đã sửa"), ORIGINAL[2]])
    finding = check_city(rewritten, [HEADS[0], HEADS[2]])
    assert finding is not None and finding.sequence == 3
    assert "after entry #1" in finding.detail_en


def test_a_truncated_chain_is_named_by_the_first_entry_the_city_holds_and_the_ward_lost() -> None:
    finding = check_city(ENTRIES[:1], HEADS)
    assert finding is not None and finding.sequence == 2 and finding.posting_id is None


def test_a_city_lagging_behind_the_ward_is_no_finding() -> None:
    assert check_city(ENTRIES, HEADS[:2]) is None
    assert check_city(ENTRIES, []) is None


def test_two_hashes_the_city_received_for_one_entry_cannot_both_agree() -> None:
    assert check_city(ENTRIES, [*HEADS, (2, "0" * 64)]) is not None


def test_an_edited_posting_row_names_the_posting_and_the_field() -> None:
    latest = {d["posting_id"]: StoredVersion(d["posting_id"], 2, "published", d) for d in ORIGINAL}
    current = {d["posting_id"]: d for d in ORIGINAL} | {"c": doc("c", "Sửa trực tiếp")}
    current["d"] = doc("d", "Bản nháp", status="draft")  # never published: nothing to compare
    [finding] = check_postings(current, latest)
    assert finding.posting_id == "c" and "(title)" in finding.detail_en


def test_a_deleted_or_unrecorded_posting_row_is_named() -> None:
    latest = {"a": StoredVersion("a", 2, "published", ORIGINAL[0])}
    current = {"b": doc("b", "Dự toán")}
    named = {f.posting_id for f in check_postings(current, latest)}
    assert named == {"a", "b"}


def test_a_version_outside_the_chain_or_with_an_edited_status_is_named() -> None:
    versions = [StoredVersion(d["posting_id"], 2, "published", d) for d in ORIGINAL]
    versions[0] = StoredVersion("a", 2, "withdrawn", ORIGINAL[0])
    versions.append(StoredVersion("z", 2, "published", doc("z", "Chen vào")))
    assert [f.posting_id for f in check_versions(ENTRIES, versions)] == ["a", "z"]


def test_the_report_says_intact_or_broken_in_both_languages() -> None:
    report = Report("ben-thanh", ENTRIES, HEADS)
    assert report.ok and report.lines()[-1] == "TOÀN VẸN — INTACT"
    report.findings.append(check_city(ENTRIES[:1], HEADS))  # type: ignore[arg-type]
    assert not report.ok and "BỊ SỬA — BROKEN" in report.lines()
    assert "not compared" in "\n".join(Report("ben-thanh", ENTRIES, None).lines())


def test_an_unknown_ward_is_named_not_mistaken_for_a_missing_database(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from qcdc_publicity.verify import UNCHECKED, main

    monkeypatch.chdir(Path(__file__).resolve().parents[4])  # deploy/wards.toml of the checkout
    monkeypatch.delenv("QCDC_REGISTRY_FILE", raising=False)
    assert main(["--ward", "nowhere", "--no-city"]) == UNCHECKED
    assert "unknown ward 'nowhere'" in capsys.readouterr().err
