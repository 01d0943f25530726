"""A harness for tests of the publicity service: HTTP through the ASGI app, tokens as users
hold them, and the ward stream as subscribers see it."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import httpx
import nats

from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.service import Harness

WARD = "ben-thanh"


class Publicity(Harness):
    def officer(self, ward: str = WARD) -> dict[str, str]:
        return self.token("officer", ward, sub="can-bo-1")

    async def draft(
        self, *, headers: dict[str, str] | None = None, **fields: object
    ) -> httpx.Response:
        """``POST /postings`` as the ward's officer (or ``headers``), with a valid default body."""
        body = {
            "category": 1,
            "title": "Kế hoạch",
            "body": "…",
            "channels": ["portal"],
            "decided_on": self.today().isoformat(),
            **fields,
        }
        return await self.http.post("/postings", headers=headers or self.officer(), json=body)

    async def published(self, **fields: Any) -> dict[str, Any]:
        created = (await self.draft(**fields)).json()
        response = await self.http.post(
            f"/postings/{created['id']}/publish", headers=self.officer()
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def ward_messages(self, subject: str) -> list[Any]:
        """Every raw message on the ward stream matching ``subject``, once relayed: these
        tests check the bytes a subscriber receives."""
        await self.drained()
        client = await nats.connect(self.nats_url)
        try:
            sub = await client.jetstream().pull_subscribe(subject, stream=ward_stream(WARD))
            messages = []
            try:
                while batch := await sub.fetch(100, timeout=0.5):
                    messages.extend(batch)
            except TimeoutError:  # nats-py raises its own subclass, or the builtin
                pass
            return messages
        finally:
            await client.close()


def readme_check(proof: dict[str, Any], head: dict[str, Any]) -> str:
    """The README's script, with hashlib and json only: no rfc8785, no project code."""
    assert json.loads(proof["canonical"]) == proof["document"], "canonical text is not the document"
    h: str = proof["previous_hash"]
    for e in [proof, *proof["later"]]:
        assert e["previous_hash"] == h, f"entry {e['sequence']} does not chain"
        h = hashlib.sha256(bytes.fromhex(h) + e["canonical"].encode()).hexdigest()
        assert h == e["hash"], f"entry {e['sequence']} was altered"
    assert h == proof["head"]["hash"] == head["hash"], "not the ward's current head"
    return h
