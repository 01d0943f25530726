"""The tamper-evident ledger against a real database and a real nats-server: the API's proofs
verify with the README's algorithm, and ``qcdc verify-ledger`` names a posting edited behind
the service's back, even after the whole chain was recomputed (the city's copy disagrees)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, text

from qcdc_publicity.adapters.tables import ledger_entries, posting_versions
from qcdc_publicity.domain.ledger import GENESIS, entry_hash
from qcdc_publicity.testing import WARD, Publicity, readme_check
from qcdc_publicity.verify import city_heads_from_gateway, main, verify_ledger
from qcdc_shared.db import make_engine
from qcdc_shared.tooling.contracts import validate_envelope

pytestmark = pytest.mark.integration


async def city_heads(publicity: Publicity) -> list[tuple[int, str]]:
    """The heads the posting events carried: what the city records from the ward stream."""
    messages = await publicity.ward_messages(f"qcdc.{WARD}.publicity.posting.>")
    ledgers = [validate_envelope(m.data).data["ledger"] for m in messages]
    return sorted((ledger["sequence"], ledger["hash"]) for ledger in ledgers)


async def sql(database_url: str, statement: str, **params: Any) -> None:
    engine = make_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(statement), params)
    finally:
        await engine.dispose()


async def edit_document(database_url: str, posting_id: str, version: int, title: str) -> None:
    """What someone with database access does: rewrite a stored version's JSON in place."""
    engine = make_engine(database_url)
    where = (posting_versions.c.posting_id == posting_id, posting_versions.c.version == version)
    try:
        async with engine.begin() as conn:
            stored = await conn.scalar(select(posting_versions.c.document).where(*where))
            await conn.execute(
                posting_versions.update().where(*where).values(document={**stored, "title": title})
            )
    finally:
        await engine.dispose()


async def recompute_chain(database_url: str) -> None:
    """The careful forger: every hash recomputed from the (edited) documents, in order."""
    engine = make_engine(database_url)
    try:
        async with engine.begin() as conn:
            entries = (
                await conn.execute(select(ledger_entries).order_by(ledger_entries.c.sequence))
            ).all()
            previous = GENESIS
            for entry in entries:
                document = await conn.scalar(
                    select(posting_versions.c.document).where(
                        posting_versions.c.posting_id == entry.posting_id,
                        posting_versions.c.version == entry.version,
                    )
                )
                digest = entry_hash(previous, document)
                await conn.execute(
                    ledger_entries.update()
                    .where(ledger_entries.c.sequence == entry.sequence)
                    .values(previous_hash=previous, hash=digest)
                )
                previous = digest
    finally:
        await engine.dispose()


async def test_the_api_proves_every_version_with_the_readme_algorithm(publicity: Publicity) -> None:
    http = publicity.http
    empty = (await http.get("/ledger/head")).json()
    assert empty == {"ward": WARD, "sequence": 0, "hash": GENESIS}
    plan = await publicity.published(category=1, title="Kế hoạch phát triển kinh tế - xã hội 2027")
    budget = await publicity.published(category=2, title="Dự toán ngân sách phường 2027")
    withdrawn = await http.post(
        f"/postings/{plan['id']}/withdraw", headers=publicity.officer(), json={"reason": "Sai số"}
    )
    assert withdrawn.status_code == 200, withdrawn.text
    heads = await city_heads(publicity)
    head = (await http.get("/ledger/head")).json()
    assert [s for s, _ in heads] == [1, 2, 3]
    assert head == {"ward": WARD, "sequence": 3, "hash": heads[-1][1]}

    latest = (await http.get(f"/postings/{plan['id']}/proof")).json()
    first = (await http.get(f"/postings/{plan['id']}/proof", params={"version": 2})).json()
    budget_proof = (await http.get(f"/postings/{budget['id']}/proof")).json()
    for proof in (latest, first, budget_proof):
        readme_check(proof, head)
    assert (latest["version"], latest["sequence"], latest["later"]) == (3, 3, [])
    assert latest["document"]["status"] == "withdrawn"
    assert (first["sequence"], first["previous_hash"], len(first["later"])) == (1, GENESIS, 2)
    assert first["document"]["title"] == plan["title"] and "SHA-256" in first["algorithm"]
    assert [(e["sequence"], e["posting_id"]) for e in first["later"]] == [
        (2, budget["id"]),
        (3, plan["id"]),
    ]

    page = (await http.get("/ledger", params={"limit": 2})).json()
    rest = (await http.get("/ledger", params={"limit": 2, "cursor": page["next_cursor"]})).json()
    assert page["total"] == 3 and rest["next_cursor"] is None
    assert [(e["sequence"], e["hash"]) for e in page["items"] + rest["items"]] == heads

    draft = (await publicity.draft(category=1)).json()
    for path in (
        "/postings/nope/proof",
        f"/postings/{plan['id']}/proof?version=9",
        f"/postings/{draft['id']}/proof",  # a draft is not public and not in the ledger
    ):
        missing = await http.get(path)
        assert missing.status_code == 404, path
        assert missing.headers["content-type"].startswith("application/problem+json")
        assert missing.json()["detail"].startswith("Không có tin công khai")
        assert missing.json()["detail_en"].startswith("No posting")


async def test_verify_ledger_names_an_edited_posting_even_after_the_chain_is_recomputed(
    publicity: Publicity, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = await publicity.published(category=1, title="Kế hoạch phát triển kinh tế - xã hội 2027")
    budget = await publicity.published(category=2, title="Dự toán ngân sách phường 2027")
    accounts = await publicity.published(category=2, title="Quyết toán ngân sách 2026")
    heads = await city_heads(publicity)
    assert [s for s, _ in heads] == [1, 2, 3]

    # (a) untouched: intact.
    assert (await verify_ledger(database_url, ward=WARD, city_heads=heads)).ok

    # (b) a posting's row edited directly: no hash covers it, the version comparison does.
    await sql(database_url, "UPDATE postings SET title = 'Đã sửa' WHERE id = :id", id=plan["id"])
    report = await verify_ledger(database_url, ward=WARD, city_heads=heads)
    assert [(f.check, f.posting_id) for f in report.findings] == [("postings", plan["id"])]
    assert "(title)" in report.findings[0].detail_en
    await sql(
        database_url,
        "UPDATE postings SET title = :t WHERE id = :id",
        t=plan["title"],
        id=plan["id"],
    )

    # (b) a recorded version edited directly: the chain breaks at its entry.
    forged = "Dự toán ngân sách phường 2027 (đã điều chỉnh)"
    await edit_document(database_url, budget["id"], 2, forged)
    report = await verify_ledger(database_url, ward=WARD, city_heads=heads)
    first = report.findings[0]
    assert (first.check, first.sequence, first.posting_id) == ("chain", 2, budget["id"])
    assert {f.posting_id for f in report.findings} == {budget["id"]}

    # (c) the whole chain recomputed, the row made to match: consistent with itself...
    await recompute_chain(database_url)
    await sql(
        database_url, "UPDATE postings SET title = :t WHERE id = :id", t=forged, id=budget["id"]
    )
    assert (await verify_ledger(database_url, ward=WARD, city_heads=None)).ok
    head = (await publicity.http.get("/ledger/head")).json()
    readme_check((await publicity.http.get(f"/postings/{accounts['id']}/proof")).json(), head)
    assert head["hash"] != heads[-1][1]  # ...but not with what the city already holds
    report = await verify_ledger(database_url, ward=WARD, city_heads=heads)
    [finding] = report.findings
    assert (finding.check, finding.sequence, finding.posting_id) == ("city", 2, budget["id"])

    # The command says so, in both languages, with exit status 1.
    heads_file = tmp_path / "heads.json"
    heads_file.write_text(json.dumps(heads))
    argv = ["--ward", WARD, "--database-url", database_url, "--heads-file", str(heads_file)]
    assert await asyncio.to_thread(main, argv) == 1
    out = capsys.readouterr().out
    assert "BỊ SỬA — BROKEN" in out and f"Entry #2 (posting {budget['id']}, version 2)" in out
    assert await asyncio.to_thread(main, [*argv[:4], "--no-city"]) == 0


async def test_the_city_heads_are_read_from_the_gateway_page_by_page() -> None:
    pages = {
        None: {"items": [{"sequence": 1, "hash": "1" * 64, "conflicting_hash": None}], "c": "x"},
        "x": {
            "items": [{"sequence": 2, "hash": "2" * 64, "conflicting_hash": "f" * 64}],
            "c": None,
        },
    }

    def gateway(request: httpx.Request) -> httpx.Response:
        assert request.url.path == f"/api/wards/{WARD}/ledger-heads"
        page = pages[request.url.params.get("cursor")]
        return httpx.Response(200, json={"items": page["items"], "next_cursor": page["c"]})

    heads = await city_heads_from_gateway(
        "http://gateway", WARD, transport=httpx.MockTransport(gateway)
    )
    assert heads == [(1, "1" * 64), (2, "2" * 64), (2, "f" * 64)]
