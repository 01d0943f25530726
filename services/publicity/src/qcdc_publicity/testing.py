"""A harness for tests of the publicity service: HTTP through the ASGI app, tokens as users
hold them, and the ward stream as subscribers see it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import httpx
import nats
from fastapi import FastAPI

from qcdc_shared.auth import mint_development_token
from qcdc_shared.outbox import outbox_backlog
from qcdc_shared.runtime import Runtime
from qcdc_shared.settings import Settings
from qcdc_shared.subjects import ward_stream
from qcdc_shared.testing.waiting import eventually

WARD = "ben-thanh"


@dataclass
class Publicity:
    http: httpx.AsyncClient
    settings: Settings
    app: FastAPI
    nats_url: str

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.app.state.runtime
        return runtime

    def token(self, role: str, ward: str | None = WARD, **claims: Any) -> dict[str, str]:
        token = mint_development_token(self.settings, role=role, ward=ward, **claims)
        return {"Authorization": f"Bearer {token}"}

    def officer(self, ward: str = WARD) -> dict[str, str]:
        return self.token("officer", ward, sub="can-bo-1")

    async def draft(self, **fields: object) -> httpx.Response:
        body = {
            "category": 1,
            "title": "Kế hoạch",
            "body": "…",
            "channels": ["portal"],
            "decided_on": dt.date.today().isoformat(),
            **fields,
        }
        return await self.http.post("/postings", headers=self.officer(), json=body)

    async def published(self, **fields: object) -> dict[str, Any]:
        created = (await self.draft(**fields)).json()
        response = await self.http.post(
            f"/postings/{created['id']}/publish", headers=self.officer()
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def ward_messages(self, subject: str) -> list[Any]:
        """Every message on the ward stream matching ``subject``, once the relay sent them."""
        client = await nats.connect(self.nats_url)
        try:
            js = client.jetstream()

            async def relayed() -> bool:
                async with self.runtime.sessionmaker() as session:
                    return await outbox_backlog(session) == 0

            await eventually(relayed, within=10, what="the outbox to drain")
            sub = await js.pull_subscribe(subject, stream=ward_stream(WARD))
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
