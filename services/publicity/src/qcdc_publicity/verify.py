"""``qcdc verify-ledger --ward SLUG``: re-check a ward's posting ledger behind the service's back.

Four checks, each naming the first thing it finds broken (docs/ledger.md):
1. the chain: every entry's hash recomputed from the genesis and the stored version documents;
2. the versions: every stored posting version is covered by an entry and has the status its
   document states;
3. the postings: each posting row's public state is its latest recorded version (an edit of
   ``postings.title`` changes no hash, so it is caught here);
4. the city's copy: every head the city recorded from the ward's events must be in the chain
   with the same hash; a chain recomputed after an edit verifies by itself but disagrees here.

Exit status: 0 intact, 1 broken, 2 could not check (no database, city unreachable).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from qcdc_publicity.adapters.db import postings, to_posting
from qcdc_publicity.adapters.ledger import ledger_entries, posting_versions
from qcdc_publicity.domain.ledger import LedgerEntry, first_break
from qcdc_publicity.domain.model import version_document
from qcdc_shared.db import is_sqlite, make_engine
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Settings

OK, BROKEN, UNCHECKED = 0, 1, 2

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


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; the service writes them in UTC.
    return value.replace(tzinfo=dt.UTC) if value and value.tzinfo is None else value


def _current_document(row: Any) -> dict[str, Any]:
    try:
        posting = to_posting(row)
    except (TypeError, ValueError) as error:  # a row edited into something unreadable
        return {"status": row.status, "unreadable": str(error)}
    posting = replace(
        posting, published_at=_aware(posting.published_at), changed_at=_aware(posting.changed_at)
    )
    return version_document(posting)


async def load(
    database_url: str,
) -> tuple[list[LedgerEntry], list[StoredVersion], dict[str, dict[str, Any]]]:
    """The ward's entries, stored versions and current posting rows, read-only."""
    engine = make_engine(database_url)
    try:
        async with engine.connect() as conn:
            entries = [
                LedgerEntry(r.sequence, r.posting_id, r.version, r.previous_hash, r.hash)
                for r in await conn.execute(
                    select(ledger_entries).order_by(ledger_entries.c.sequence)
                )
            ]
            versions = [
                StoredVersion(r.posting_id, r.version, r.status, r.document)
                for r in await conn.execute(select(posting_versions))
            ]
            current: dict[str, dict[str, Any]] = {}
            for row in await conn.execute(select(postings)):
                current[row.id] = _current_document(row)
    finally:
        await engine.dispose()
    return entries, versions, current


async def verify_ledger(
    database_url: str, *, ward: str, city_heads: Iterable[tuple[int, str]] | None
) -> Report:
    entries, versions, current = await load(database_url)
    report = Report(ward, entries, None if city_heads is None else list(city_heads))
    documents = {(v.posting_id, v.version): v.document for v in versions}
    latest: dict[str, StoredVersion] = {}
    for v in versions:
        if v.posting_id not in latest or v.version > latest[v.posting_id].version:
            latest[v.posting_id] = v
    chain = check_chain(entries, documents)
    report.findings += [chain] if chain else []
    report.findings += check_versions(entries, versions)
    report.findings += check_postings(current, latest)
    if report.city_heads is not None:
        city = check_city(entries, report.city_heads)
        report.findings += [city] if city else []
    return report


async def city_heads_from_gateway(
    gateway: str, ward: str, *, transport: httpx.AsyncBaseTransport | None = None
) -> list[tuple[int, str]]:
    """Every head the city recorded; a conflicting second hash counts as a head of its own."""
    heads: list[tuple[int, str]] = []
    cursor: str | None = None
    async with httpx.AsyncClient(base_url=gateway, transport=transport, timeout=10) as http:
        while True:
            params: dict[str, Any] = {"limit": 200, **({"cursor": cursor} if cursor else {})}
            response = await http.get(f"/api/wards/{ward}/ledger-heads", params=params)
            response.raise_for_status()
            page = response.json()
            for item in page["items"]:
                heads.append((int(item["sequence"]), str(item["hash"])))
                if item.get("conflicting_hash"):
                    heads.append((int(item["sequence"]), str(item["conflicting_hash"])))
            cursor = page.get("next_cursor")
            if not cursor:
                return heads


def default_database_url(ward: str, settings: Settings) -> str:
    """Where ``qcdc run`` keeps the ward's publicity database (QCDC_DATABASE_URL wins)."""
    if os.environ.get("QCDC_DATABASE_URL"):
        return str(settings.database_url_for(ward=ward, service="publicity"))
    var = Path(settings.var_dir).resolve()
    return f"sqlite+aiosqlite:///{var}/data/{ward}/publicity.db"


def default_gateway(settings: Settings) -> str:
    topology = Path(settings.topology_file or Path(settings.var_dir) / "run" / "topology.json")
    if topology.is_file():
        gateway = json.loads(topology.read_text()).get("gateway")
        if gateway:
            return str(gateway)
    return "http://127.0.0.1:8000"


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="qcdc verify-ledger",
        description="Kiểm chứng sổ cái công khai của một phường — verify a ward's posting ledger",
    )
    cli.add_argument("--ward", required=True, help="ward slug, e.g. ben-thanh")
    cli.add_argument("--database-url", help="the ward's publicity database (default: var/ layout)")
    cli.add_argument("--gateway", help="city gateway URL (default: var/run/topology.json)")
    cli.add_argument("--heads-file", help="JSON list of the city's [sequence, hash] heads")
    cli.add_argument("--no-city", action="store_true", help="skip the city's copy (weaker)")
    return cli


async def run(
    *, ward: str, database_url: str, heads: list[tuple[int, str]] | None, gateway: str | None
) -> int:
    unreachable = None
    if heads is None and gateway:
        try:
            heads = await city_heads_from_gateway(gateway, ward)
        except (httpx.HTTPError, ValueError, KeyError) as error:
            unreachable = f"{gateway}: {error}"
    try:
        report = await verify_ledger(database_url, ward=ward, city_heads=heads)
    except SQLAlchemyError as error:
        print(f"Không đọc được sổ cái — cannot read the ledger: {error}", file=sys.stderr)
        return UNCHECKED
    print("\n".join(report.lines()))
    if not report.ok:
        return BROKEN
    if unreachable:
        print(
            f"Không lấy được bản sao của thành phố — the city's copy is unavailable: {unreachable}",
            file=sys.stderr,
        )
        return UNCHECKED
    return OK


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = Settings()
    registry = Path(settings.registry_file)
    if registry.is_file() and load_registry(registry).ward(args.ward) is None:
        print(
            f"Không có phường {args.ward} — unknown ward {args.ward!r} ({registry})",
            file=sys.stderr,
        )
        return UNCHECKED
    url = args.database_url or default_database_url(args.ward, settings)
    database = make_url(url).database
    if is_sqlite(url) and not (database and Path(database).is_file()):
        print(f"Không có cơ sở dữ liệu — no database: {url}", file=sys.stderr)
        return UNCHECKED
    heads = None
    if args.heads_file:
        heads = [(int(s), str(h)) for s, h in json.loads(Path(args.heads_file).read_text())]
    gateway = None if args.no_city else args.gateway or default_gateway(settings)
    return asyncio.run(run(ward=args.ward, database_url=url, heads=heads, gateway=gateway))


if __name__ == "__main__":
    raise SystemExit(main())
