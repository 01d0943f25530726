"""The four checks of a ward's posting ledger (docs/ledger.md), over what was read from the
ward's database and the city's copy: pure, each naming the first thing it finds broken.

1. the chain: every entry's hash recomputed from the genesis and the stored version documents;
2. the versions: every stored posting version is covered by an entry and has the status its
   document states;
3. the postings: each posting row's public state is its latest recorded version (an edit of
   ``postings.title`` changes no hash, so it is caught here);
4. the city's copy: every head the city recorded from the ward's events must be in the chain
   with the same hash; a chain recomputed after an edit verifies by itself but disagrees here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from qcdc_publicity.domain.ledger import LedgerEntry, first_break

# first_break's reasons, in Vietnamese (the English text is first_break's own).
_REASONS_VI = {
    "previous hash does not match the entry before it": "mã băm trước không khớp mục liền trước",
    "the posting version it covers is missing": "phiên bản tin mà mục này chứng nhận đã mất",
    "the posting version was changed after it was recorded": "phiên bản tin bị sửa sau khi ghi",
}


@dataclass(frozen=True)
class Finding:
    """One broken thing, named so an inspector can go straight to it."""

    check: str  # chain | versions | postings | city
    detail_vi: str
    detail_en: str
    sequence: int | None = None
    posting_id: str | None = None
    version: int | None = None


@dataclass(frozen=True)
class StoredVersion:
    posting_id: str
    version: int
    status: str
    document: dict[str, Any]


@dataclass
class Report:
    ward: str
    entries: list[LedgerEntry]
    city_heads: list[tuple[int, str]] | None  # None: not compared with the city
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def lines(self) -> list[str]:
        head = self.entries[-1] if self.entries else None
        out = [f"Sổ cái công khai phường {self.ward} — posting ledger of ward {self.ward}"]
        out.append(
            f"  {len(self.entries)} mục, đầu chuỗi #{head.sequence} {head.hash} — "
            f"{len(self.entries)} entries, head #{head.sequence}"
            if head
            else "  Sổ cái trống — the ledger is empty"
        )
        if self.city_heads is None or (self.entries and not self.city_heads):
            out.append(
                "  Chưa so với bản sao của thành phố: không phát hiện được việc tính lại cả chuỗi"
                " — not compared with the city's copy: a recomputed chain goes unnoticed"
            )
        if self.city_heads:
            top = max(s for s, _ in self.city_heads)
            out.append(
                f"  So với {len(self.city_heads)} đầu chuỗi thành phố đã ghi (đến #{top}) — "
                f"compared with {len(self.city_heads)} heads the city recorded (up to #{top})"
            )
        if self.ok:
            out.append("TOÀN VẸN — INTACT")
            return out
        out.append("BỊ SỬA — BROKEN")
        for finding in self.findings:
            out.append(f"  - {finding.detail_vi}")
            out.append(f"    {finding.detail_en}")
        return out


def _where(sequence: int, posting_id: str, version: int) -> tuple[str, str]:
    return (
        f"Mục #{sequence} (tin {posting_id}, phiên bản {version})",
        f"Entry #{sequence} (posting {posting_id}, version {version})",
    )


def check_chain(
    entries: Sequence[LedgerEntry], documents: dict[tuple[str, int], dict[str, Any]]
) -> Finding | None:
    broken = first_break(entries, documents)
    if broken is None:
        return None
    vi, en = _where(broken.sequence, broken.posting_id, broken.version)
    reason_vi = _REASONS_VI.get(broken.reason, "thứ tự mục bị đảo hoặc thiếu mục")
    return Finding(
        "chain",
        f"{vi}: {reason_vi}.",
        f"{en}: {broken.reason}.",
        broken.sequence,
        broken.posting_id,
        broken.version,
    )


def check_versions(
    entries: Sequence[LedgerEntry], versions: Iterable[StoredVersion]
) -> list[Finding]:
    covered = {(e.posting_id, e.version) for e in entries}
    found = []
    for v in versions:
        if (v.posting_id, v.version) not in covered:
            found.append(
                Finding(
                    "versions",
                    f"Tin {v.posting_id} phiên bản {v.version} không có trong sổ cái.",
                    f"Posting {v.posting_id} version {v.version} is not in the ledger.",
                    posting_id=v.posting_id,
                    version=v.version,
                )
            )
        elif v.document.get("status") != v.status:
            found.append(
                Finding(
                    "versions",
                    f"Tin {v.posting_id} phiên bản {v.version}: trạng thái bị sửa ({v.status}).",
                    f"Posting {v.posting_id} version {v.version}: status edited ({v.status}).",
                    posting_id=v.posting_id,
                    version=v.version,
                )
            )
    return found


def check_postings(
    current: dict[str, dict[str, Any]], latest: dict[str, StoredVersion]
) -> list[Finding]:
    """``current``: each posting row's public state as a version document (drafts included)."""
    found = []
    for posting_id, document in sorted(current.items()):
        recorded = latest.get(posting_id)
        if recorded is None:
            if document["status"] != "draft":
                found.append(
                    Finding(
                        "postings",
                        f"Tin {posting_id} đang ở trạng thái {document['status']} nhưng chưa "
                        "từng được ghi vào sổ cái.",
                        f"Posting {posting_id} is {document['status']} but was never recorded "
                        "in the ledger.",
                        posting_id=posting_id,
                    )
                )
            continue
        fields = sorted(
            k
            for k in document.keys() | recorded.document.keys()
            if document.get(k) != recorded.document.get(k)
        )
        if fields:
            names = ", ".join(fields)
            found.append(
                Finding(
                    "postings",
                    f"Tin {posting_id}: dữ liệu hiện hành khác phiên bản {recorded.version} đã "
                    f"ghi trong sổ cái ({names}).",
                    f"Posting {posting_id}: its current row differs from recorded version "
                    f"{recorded.version} ({names}).",
                    posting_id=posting_id,
                    version=recorded.version,
                )
            )
    for posting_id in sorted(latest.keys() - current.keys()):
        found.append(
            Finding(
                "postings",
                f"Tin {posting_id} đã bị xoá khỏi bảng tin (không bao giờ được xoá).",
                f"Posting {posting_id} was deleted from the postings table (never allowed).",
                posting_id=posting_id,
            )
        )
    return found


def check_city(entries: Sequence[LedgerEntry], heads: Iterable[tuple[int, str]]) -> Finding | None:
    """The first head the city recorded that the ward's chain no longer has, by sequence.

    The city records the head of every posting event; when it missed some, the rewrite lies
    after the last head that still agrees, at or before the one that does not.
    """
    by_sequence = {e.sequence: e for e in entries}
    agreed = 0
    for sequence, recorded in sorted(heads):
        entry = by_sequence.get(sequence)
        if entry is not None and entry.hash == recorded:
            agreed = sequence
            continue
        since = (
            f" (sau mục #{agreed}, mục cuối còn khớp)" if agreed else "",
            f" (after entry #{agreed}, the last that agrees)" if agreed else "",
        )
        if entry is None:
            return Finding(
                "city",
                f"Thành phố đã ghi mục #{sequence} nhưng sổ cái của phường không còn mục này"
                f"{since[0]}: lịch sử đã bị cắt hoặc viết lại.",
                f"The city recorded entry #{sequence} but the ward's ledger no longer has it"
                f"{since[1]}: history was truncated or rewritten.",
                sequence,
            )
        vi, en = _where(entry.sequence, entry.posting_id, entry.version)
        return Finding(
            "city",
            f"{vi}: mã băm khác bản sao thành phố đã ghi ({recorded}); chuỗi đã bị tính lại "
            f"từ mục này hoặc trước đó{since[0]}.",
            f"{en}: its hash differs from the city's copy ({recorded}); the chain was "
            f"recomputed from here or earlier{since[1]}.",
            entry.sequence,
            entry.posting_id,
            entry.version,
        )
    return None
