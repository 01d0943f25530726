"""Each service's OpenAPI is a contract outsiders build clients from (issue 20, item 5): its
operation ids are the committed ones (``contracts/openapi/<service>.operation-ids.txt``), its
version is the package's, its 4xx are problem+json with examples, and its docs pages load
nothing from another host.

A renamed route function changes an id: rewrite the snapshots on purpose with
``QCDC_WRITE_OPERATION_IDS=1 .tools/bin/uv run --frozen pytest`` on this file, and let the
review see the diff (a client generated from the old id breaks).
"""

from __future__ import annotations

import os
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from qcdc_shared.api.contract import duplicate_operation_ids, operation_ids
from qcdc_shared.api.problems import MEDIA_TYPE

from ..apps import BUILDERS
from .test_access_matrix_lists_every_route import app_of

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ROOT / "contracts" / "openapi"
ORIGIN = "http://testserver"


def openapi_of(service: str, tmp_path: Path) -> tuple[FastAPI, dict[str, Any]]:
    app = app_of(service, tmp_path)
    return app, app.openapi()


@pytest.mark.parametrize("service", BUILDERS)
def test_operation_ids_are_the_committed_ones(service: str, tmp_path: Path) -> None:
    _, spec = openapi_of(service, tmp_path)
    assert duplicate_operation_ids(spec) == []
    now = "\n".join(operation_ids(spec)) + "\n"
    snapshot = SNAPSHOTS / f"{service}.operation-ids.txt"
    if os.environ.get("QCDC_WRITE_OPERATION_IDS") == "1":
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(now, encoding="utf-8")
    committed = snapshot.read_text(encoding="utf-8") if snapshot.exists() else ""
    changed = sorted(set(committed.splitlines()) ^ set(now.splitlines()))
    assert changed == [], (
        f"{service}: operation ids differ from {snapshot.relative_to(ROOT)} (a client built on "
        f"them breaks); if meant, rewrite it with QCDC_WRITE_OPERATION_IDS=1: {changed}"
    )


@pytest.mark.parametrize("service", BUILDERS)
def test_the_openapi_carries_the_package_version(service: str, tmp_path: Path) -> None:
    _, spec = openapi_of(service, tmp_path)
    assert spec["info"]["version"] == version(f"qcdc-{service}")


@pytest.mark.parametrize("service", BUILDERS)
def test_every_4xx_is_problem_json_with_an_example(service: str, tmp_path: Path) -> None:
    _, spec = openapi_of(service, tmp_path)
    assert not {"HTTPValidationError", "ValidationError"} & set(spec["components"]["schemas"])
    missing = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if not status.startswith("4"):
                    continue
                content = response.get("content", {}).get(MEDIA_TYPE, {})
                if content.get("schema") != {"$ref": "#/components/schemas/Problem"}:
                    missing.append(f"{method.upper()} {path} {status}: not problem+json")
                elif not content.get("examples"):
                    missing.append(f"{method.upper()} {path} {status}: no example")
    assert missing == []


@pytest.mark.parametrize("service", BUILDERS)
def test_a_write_documents_a_rule_refusal(service: str, tmp_path: Path) -> None:
    _, spec = openapi_of(service, tmp_path)
    writes = [
        operation
        for item in spec["paths"].values()
        for method, operation in item.items()
        if method == "post" and "requestBody" in operation
    ]
    for operation in writes:
        examples = operation["responses"]["422"]["content"][MEDIA_TYPE]["examples"]
        assert examples["rule-violation"]["value"]["rule"]
        assert examples["invalid-input"]["value"]["errors"]


@pytest.mark.parametrize("service", BUILDERS)
async def test_the_docs_load_only_the_services_own_files(service: str, tmp_path: Path) -> None:
    app = app_of(service, tmp_path)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as http:
        for page in ("/docs", "/redoc"):
            response = await http.get(page)
            assert response.status_code == 200, page
            assert "default-src 'self'" in response.headers["content-security-policy"]
            links = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", response.text)
            links += re.findall(r"""url:\s*['"]([^'"]+)['"]""", response.text)
            assert links, page
            elsewhere = [link for link in links if re.match(r"(?:[a-z]+:)?//", link)]
            assert elsewhere == [], f"{page} loads from another host: {elsewhere}"
            for link in links:
                asset = await http.get(link)
                assert asset.status_code == 200, link
                if link.endswith(".js"):
                    assert asset.headers["content-type"].startswith(
                        ("text/javascript", "application/javascript")
                    )
                elif link.endswith(".css"):
                    assert asset.headers["content-type"].startswith("text/css")
                elif link.endswith(".png"):
                    assert asset.headers["content-type"] == "image/png"
                elif link == app.openapi_url:
                    assert asset.json()["openapi"].startswith("3.")
