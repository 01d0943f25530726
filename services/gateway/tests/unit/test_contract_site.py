"""``/contracts/``: the index in both languages links every contract, and each link serves the
committed file with its media type; the AsyncAPI page loads only the gateway's own files."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import yaml

from qcdc_gateway.main import build
from qcdc_gateway.web.changelog import changelog_html
from qcdc_shared.published_contracts import contracts_dir
from qcdc_shared.settings import Settings
from qcdc_shared.tooling.asyncapi import CONTRACT_VERSION

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[4]
SERVICES = {"plans", "petitions", "publicity", "oversight", "gateway"}


@pytest.fixture
async def gateway(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(
        env="development",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/{{service}}.db",
        registry_file=str(ROOT / "deploy" / "wards.toml"),
    )
    transport = httpx.ASGITransport(app=build(settings))  # built, never started: no I/O
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:
        yield http


def links(html: str) -> list[str]:
    return re.findall(r"""(?:href|src)="([^"#][^"]*)\"""", html)


async def test_the_index_links_every_contract_in_both_languages(
    gateway: httpx.AsyncClient,
) -> None:
    vi = await gateway.get("/contracts/")
    assert vi.status_code == 200, vi.text
    assert (
        "Hợp đồng dữ liệu" in vi.text
        and "default-src 'none'" in vi.headers["content-security-policy"]
    )
    en = await gateway.get("/contracts/?lang=en")
    assert "<h1>Contracts</h1>" in en.text
    targets = {link for link in links(vi.text) if link.startswith("/contracts/")}
    root = contracts_dir()
    schemas = {
        f"/contracts/{p.relative_to(root).as_posix()}" for p in root.glob("events/*/v*.json")
    }
    assert schemas and schemas <= targets
    assert {f"/contracts/openapi/{service}.json" for service in SERVICES} <= targets
    assert {"/contracts/asyncapi/", "/contracts/asyncapi.yaml", "/contracts/envelope.json"} <= (
        targets
    )
    assert "/contracts/changelog" in targets
    asyncapi = yaml.safe_load((root / "asyncapi.yaml").read_text(encoding="utf-8"))
    assert f"<code>{asyncapi['info']['version']}</code>" in en.text  # which contract it is
    plans = json.loads((root / "openapi" / "plans.json").read_text(encoding="utf-8"))
    assert f"Plans, version <code>{plans['info']['version']}</code>" in en.text
    for target in sorted(targets):  # every link answers
        answer = await gateway.get(target)
        assert answer.status_code == 200, target


async def test_a_schema_is_the_committed_file_as_schema_json(gateway: httpx.AsyncClient) -> None:
    path = next(iter(sorted(contracts_dir().glob("events/*/v1.json"))))
    answer = await gateway.get(f"/contracts/events/{path.parent.name}/v1.json")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/schema+json"
    assert answer.json() == json.loads(path.read_text(encoding="utf-8"))
    envelope = await gateway.get("/contracts/envelope.json")
    assert envelope.json()["$id"] == "urn:qcdc:contracts:envelope"


async def test_an_openapi_is_the_services_document(gateway: httpx.AsyncClient) -> None:
    answer = await gateway.get("/contracts/openapi/plans.json")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["openapi"].startswith("3.")
    assert answer.json()["info"]["title"].endswith("Plans")


async def test_the_asyncapi_document_and_its_page(gateway: httpx.AsyncClient) -> None:
    source = await gateway.get("/contracts/asyncapi.yaml")
    assert source.headers["content-type"].startswith("application/yaml")
    version = yaml.safe_load(source.text)["info"]["version"]
    page = await gateway.get("/contracts/asyncapi/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self' 'unsafe-eval';" in policy
    assert version in page.text
    loaded = [link for link in links(page.text) if not link.startswith("data:")]
    assert loaded, "the page loads its css/ and js/"
    for link in loaded:
        if link.startswith("https://www.iana.org/"):  # a link to read, not a file it loads
            continue
        assert not re.match(r"(?:[a-z]+:)?//", link), link
        asset = await gateway.get(f"/contracts/asyncapi/{link}")
        assert asset.status_code == 200, link
        kind = "text/css" if link.endswith(".css") else "text/javascript"
        assert asset.headers["content-type"].startswith(kind), link


async def test_the_changelog_page(gateway: httpx.AsyncClient) -> None:
    answer = await gateway.get("/contracts/changelog?lang=en")
    assert answer.status_code == 200
    assert f"<h2>Event contract {CONTRACT_VERSION}" in answer.text  # the newest first
    assert "<code>aggregateversion</code>" in answer.text


@pytest.mark.parametrize(
    "path",
    [
        "/contracts/events/plans.task.progressed/v99.json",
        "/contracts/events/..%2F..%2Fpyproject.toml/v1.json",
        "/contracts/openapi/nobody.json",
        "/contracts/asyncapi/js/..%2F..%2F..%2Fasyncapi.yaml",
        "/contracts/asyncapi/css/missing.css",
    ],
)
async def test_only_listed_files_are_served(gateway: httpx.AsyncClient, path: str) -> None:
    answer = await gateway.get(path)
    assert answer.status_code == 404, path
    assert answer.headers["content-type"] == "application/problem+json"


def test_the_changelog_markup_is_escaped() -> None:
    html = changelog_html("# T\n\n## 1.0 <b>\n\n- a `<script>` item\n  continued\n- b\n\ntext")
    assert str(html) == (
        "<h2>1.0 &lt;b&gt;</h2>\n<ul>\n"
        "<li>a <code>&lt;script&gt;</code> item continued</li>\n<li>b</li>\n</ul>\n"
        "<p>text</p>"
    )
