"""Hostile HTTP input (issue 17): schemathesis sends every operation of every ward service's
and the gateway's OpenAPI requests generated from that OpenAPI, valid and invalid, to the
services started for real (a real nats-server, SQLite, uvicorn), each as the first role the
operation allows. No answer may be a 5xx or break its declared schema, and every 4xx must be a
status the operation documents, sent as problem+json.

Bounded and repeatable: a fixed hypothesis seed per operation (derandomized), ``POSITIVE`` and
``NEGATIVE`` examples per operation, no shrinking (a failure is reported as found). Every
failure of the run is listed at once, each with a curl command that reproduces it.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nats
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.errors import FailureGroup

from qcdc_shared.api import MEDIA_TYPE
from qcdc_shared.auth import WARD_SCOPED, mint_development_token
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.service import serving
from qcdc_shared.tooling.nats_server import NatsServer

from ..apps import BUILDERS

pytestmark = pytest.mark.integration

REGISTRY = Path(__file__).resolve().parents[2] / "deploy" / "wards.toml"
WARD = "ben-thanh"
POSITIVE = 20  # examples per operation that fit its OpenAPI
NEGATIVE = 10  # and that do not (each must be refused with a documented 4xx)
# Server-Sent Events never end: a generated request would wait for ever (events tests cover it).
SKIPPED = frozenset({("gateway", "GET /api/stream")})
# Limits far above the run's pace: a 429 would only stop an operation from being explored.
UNLIMITED = {
    f"rate_limit_{name}": "1000000/minute" for name in ("filing", "lookup", "identity", "costly")
}


def problem_details(ctx: Any, response: schemathesis.Response, case: schemathesis.Case) -> None:
    """Every 4xx is problem+json with both languages and its own status (DESIGN §6)."""
    if not 400 <= response.status_code < 500:
        return
    media_type = response.headers.get("content-type", [""])[0].split(";")[0]
    assert media_type == MEDIA_TYPE, f"{response.status_code} sent as {media_type!r}"
    body = json.loads(response.content)
    assert body["status"] == response.status_code, body
    assert all(body.get(name) for name in ("type", "title", "detail", "title_en", "detail_en"))


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    problem_details,
]


@dataclass
class Tally:
    operations: int = 0
    examples: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def headers_for(settings: Settings, access: dict[str, Any]) -> dict[str, str]:
    """A bearer token of the first role the operation allows (none for a public one)."""
    if access.get("public", True):
        return {}
    role = access["roles"][0]
    ward = WARD if role in WARD_SCOPED else None
    token = mint_development_token(settings, role=role, ward=ward, sub=f"fuzz-{role}")
    return {"Authorization": f"Bearer {token}"}


def fuzz(service: str, openapi: dict[str, Any], base_url: str, settings: Settings) -> Tally:
    """Every operation of ``openapi`` against ``base_url``; blocking (run it in a thread)."""
    schema = schemathesis.openapi.from_dict(openapi)
    tally = Tally()
    session = requests.Session()
    for result in schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        if (service, label) in SKIPPED:
            continue
        tally.operations += 1
        headers = headers_for(settings, operation.definition.raw.get("x-access", {}))
        for mode, examples in (
            (schemathesis.GenerationMode.POSITIVE, POSITIVE),
            (schemathesis.GenerationMode.NEGATIVE, NEGATIVE),
        ):
            strategy = operation.as_strategy(generation_mode=mode)
            found = _run(strategy, examples, base_url, session, headers, tally)
            tally.failures += [f"{service} {label} ({mode.value}): {failure}" for failure in found]
    return tally


def _run(
    strategy: st.SearchStrategy[schemathesis.Case],
    examples: int,
    base_url: str,
    session: requests.Session,
    headers: dict[str, str],
    tally: Tally,
) -> list[str]:
    failures: dict[str, str] = {}

    @hypothesis_settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def each(case: schemathesis.Case) -> None:
        tally.examples += 1
        response = case.call(base_url=base_url, session=session, headers=headers, timeout=30)
        tally.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except FailureGroup as error:  # every failure of the run, not only the first
            failures.setdefault(_first_line(error), str(error))

    try:
        each()
    except Unsatisfiable:  # nothing to send wrong: an operation without parameters or body
        pass
    return list(failures.values())


def _first_line(error: BaseException) -> str:
    lines = [line for line in str(error).splitlines() if line.strip()]
    return " | ".join(lines[:3])


@pytest.fixture
async def city(nats_server: NatsServer, tmp_path: Path) -> AsyncIterator[dict[str, Any]]:
    """The four services of one ward and the gateway, each behind uvicorn; the gateway's proxy
    reaches the ward's services through the topology file, as the launcher writes it."""
    client = await nats.connect(nats_server.url)
    try:
        await ensure_city_topology(client.jetstream(), [WARD])
    finally:
        await client.close()
    topology = tmp_path / "topology.json"
    settings = Settings(
        env="development",
        ward=WARD,
        nats_url=nats_server.url,
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{ward}}-{{service}}.db",
        registry_file=str(REGISTRY),
        topology_file=str(topology),
        **UNLIMITED,
    )
    served: dict[str, Any] = {}
    async with AsyncExitStack() as stack:
        for name, build in BUILDERS.items():
            app = build(settings)
            url = await stack.enter_async_context(serving(app))
            served[name] = (app, url)
            if name != "gateway":
                wards = {WARD: {service: url for service, (_, url) in served.items()}}
                topology.write_text(json.dumps({"wards": wards}))
        yield {"settings": settings, "served": served}


async def test_hostile_input_is_refused_with_documented_problems(city: dict[str, Any]) -> None:
    settings: Settings = city["settings"]
    started = time.monotonic()
    tallies: dict[str, Tally] = {}
    for service, (app, url) in city["served"].items():
        tallies[service] = await asyncio.to_thread(fuzz, service, app.openapi(), url, settings)
    elapsed = time.monotonic() - started
    operations = sum(t.operations for t in tallies.values())
    examples = sum(t.examples for t in tallies.values())
    summary = ", ".join(f"{s} {t.operations}/{t.examples}" for s, t in tallies.items())
    statuses = sum((t.statuses for t in tallies.values()), Counter[int]())
    print(
        f"\nschemathesis: {operations} operations, {examples} examples in {elapsed:.0f} s "
        f"(operations/examples: {summary}; answers: {dict(sorted(statuses.items()))})"
    )
    failures = [failure for tally in tallies.values() for failure in tally.failures]
    assert not failures, f"{len(failures)} failures:\n\n" + "\n\n".join(failures)
    assert operations >= 120  # every route of the four services and the gateway
