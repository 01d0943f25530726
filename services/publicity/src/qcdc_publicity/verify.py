"""``qcdc verify-ledger --ward SLUG``: re-check a ward's posting ledger behind the service's back.

This module reads (the ward's database, read-only; the city's copy of the heads from the
gateway) and reports; the four checks themselves are :mod:`qcdc_publicity.domain.verification`.

Exit status: 0 intact, 1 broken, 2 could not check (no database, city unreachable).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from qcdc_publicity.adapters.ledger import to_ledger_entry
from qcdc_publicity.adapters.postings import to_posting
from qcdc_publicity.adapters.tables import ledger_entries, posting_versions, postings
from qcdc_publicity.domain.ledger import LedgerEntry
from qcdc_publicity.domain.posting import version_document
from qcdc_publicity.domain.verification import (
    Report,
    StoredVersion,
    check_chain,
    check_city,
    check_postings,
    check_versions,
)
from qcdc_shared.db import is_sqlite, make_engine
from qcdc_shared.registry import load_registry
from qcdc_shared.settings import Locations

OK, BROKEN, UNCHECKED = 0, 1, 2


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; the service writes them in UTC.
    return value.replace(tzinfo=dt.UTC) if value and value.tzinfo is None else value


def _current_document(row: Any) -> dict[str, Any]:
    try:
        posting = to_posting(row)
    except (TypeError, ValueError) as error:  # a row edited into something unreadable
        return {"status": row.status, "unreadable": str(error)}
    posting = replace(
        posting,
        published_at=_aware(posting.published_at),
        changed_at=_aware(posting.changed_at),
        group_heads_sent_at=_aware(posting.group_heads_sent_at),
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
                to_ledger_entry(r)
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


def default_database_url(ward: str, settings: Locations) -> str:
    """Where ``qcdc run`` keeps the ward's publicity database (QCDC_DATABASE_URL wins)."""
    if os.environ.get("QCDC_DATABASE_URL"):
        return str(settings.database_url_for(ward=ward, service="publicity"))
    var = Path(settings.var_dir).resolve()
    return f"sqlite+aiosqlite:///{var}/data/{ward}/publicity.db"


def default_gateway(settings: Locations) -> str:
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
    settings = Locations()
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
