"""The contract site's committed files (issue 20, item 5): the AsyncAPI HTML is a rendering of
the current ``asyncapi.yaml`` that loads nothing from another host, each service's OpenAPI in
``contracts/openapi/`` is the one its code generates, and ``make contracts`` refuses to
overwrite one with a breaking change unless the service's version was raised.

None of this needs npm: ``make contract-site`` renders the HTML (contracts/render/) and writes
the digest of the ``asyncapi.yaml`` it rendered beside it, which is compared here.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from qcdc_shared.published_contracts import ContractError, contracts_dir
from qcdc_shared.tooling.openapi_contracts import check_openapi, openapi_path, write_openapi

from ..apps import BUILDERS
from .test_access_matrix_lists_every_route import app_of

pytestmark = pytest.mark.contract

SITE = "site/asyncapi"
STAMP = "asyncapi.yaml.sha256"
# What a page or a style sheet makes the browser fetch: <script src>, <link href>, <img src>,
# CSS url() and @import. Plain <a href> links to read elsewhere are not fetched.
_LOADS = (
    re.compile(r"""<(?:script|img|iframe|source|embed)\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)"""),
    re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)"""),
    re.compile(r"""url\(\s*["']?([^"')]+)"""),
    re.compile(r"""@import\s+["']([^"']+)"""),
)
_ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def test_the_asyncapi_html_renders_the_current_document() -> None:
    root = contracts_dir()
    stamp = root / SITE / STAMP
    assert stamp.is_file(), "contracts/site/asyncapi/ is not rendered: run `make contract-site`"
    rendered = stamp.read_text(encoding="utf-8").strip()
    current = hashlib.sha256((root / "asyncapi.yaml").read_bytes()).hexdigest()
    assert rendered == current, (
        "contracts/site/asyncapi/ renders an older asyncapi.yaml: run `make contract-site` "
        "(or `make contracts`) and commit the result"
    )


def test_the_asyncapi_html_loads_nothing_from_another_host() -> None:
    folder = contracts_dir() / SITE
    pages = [*folder.glob("*.html"), *folder.glob("css/*.css")]
    assert pages
    elsewhere = [
        f"{path.relative_to(folder)}: {link}"
        for path in pages
        for pattern in _LOADS
        for link in pattern.findall(path.read_text(encoding="utf-8"))
        if _ELSEWHERE.match(link)
    ]
    assert elsewhere == []


def test_the_asyncapi_html_has_no_inline_script() -> None:
    """The gateway's policy for the page allows script files only (api/contract_site.py)."""
    html = (contracts_dir() / SITE / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.DOTALL)
    assert scripts and all("src=" in tag and not body.strip() for tag, body in scripts)
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), "an inline event handler"


def test_every_file_of_the_rendering_is_one_the_gateway_serves() -> None:
    folder = contracts_dir() / SITE
    files = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert "index.html" in files
    # The bundled viewer's licences (Apache-2.0) travel with it; the gateway need not serve them.
    licences = {"LICENSE", "NOTICE", "react-component.LICENSE", "asyncapi-ui.min.js.LICENSE.txt"}
    assert licences <= files
    others = files - {"index.html", STAMP} - licences
    assert all(re.fullmatch(r"(css|js)/[A-Za-z0-9._-]+\.(css|js)", name) for name in others), others


@pytest.mark.parametrize("service", BUILDERS)
def test_the_committed_openapi_is_the_services(service: str, tmp_path: Path) -> None:
    document = app_of(service, tmp_path).openapi()
    problems = check_openapi({service: document})
    assert [p for p in problems if "no installed service" not in p] == [], (
        f"{openapi_path(service)} differs from the code: run `make contracts` and commit it "
        f"(it refuses a breaking change without a version bump): {problems}"
    )


# --- the writer: a breaking overwrite refused without a version bump ------------------------


def _document(version: str, *, with_status: bool = True) -> dict[str, Any]:
    fields: dict[str, Any] = {"id": {"type": "string"}}
    if with_status:
        fields["status"] = {"enum": ["open", "done"], "type": "string"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Plans", "version": version},
        "paths": {
            "/tasks": {
                "get": {
                    "operationId": "list_tasks",
                    "responses": {
                        "200": {
                            "description": "Successful Response",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "properties": fields,
                                        "required": sorted(fields),
                                        "type": "object",
                                    }
                                }
                            },
                        }
                    },
                }
            }
        },
    }


def test_write_openapi_refuses_a_breaking_overwrite_until_the_version_is_raised(
    tmp_path: Path,
) -> None:
    write_openapi({"plans": _document("0.1.0")}, tmp_path)
    published = (tmp_path / "openapi" / "plans.json").read_text(encoding="utf-8")

    # A response field removed at the same version, and with only a patch bump: refused.
    for version in ("0.1.0", "0.1.1"):
        with pytest.raises(ContractError, match=r"status: removed") as refused:
            write_openapi({"plans": _document(version, with_status=False)}, tmp_path)
        assert "raise the service's version" in str(refused.value)
        assert (tmp_path / "openapi" / "plans.json").read_text(encoding="utf-8") == published

    # The way out while 0.x: the minor raised (the service's pyproject.toml).
    written = write_openapi({"plans": _document("0.2.0", with_status=False)}, tmp_path)
    assert written == [tmp_path / "openapi" / "plans.json"]
    assert (
        "status"
        not in json.loads(written[0].read_text(encoding="utf-8"))["paths"]["/tasks"]["get"][
            "responses"
        ]["200"]["content"]["application/json"]["schema"]["properties"]
    )


def test_write_openapi_accepts_a_compatible_change_at_the_same_version(tmp_path: Path) -> None:
    write_openapi({"plans": _document("0.1.0")}, tmp_path)
    grown = copy.deepcopy(_document("0.1.0"))
    grown["paths"]["/tasks/{id}"] = {"get": {"operationId": "task", "responses": {}}}
    assert write_openapi({"plans": grown}, tmp_path) == [tmp_path / "openapi" / "plans.json"]


def test_check_openapi_names_a_stale_or_stray_file(tmp_path: Path) -> None:
    write_openapi({"plans": _document("0.1.0")}, tmp_path)
    (tmp_path / "openapi" / "gone.json").write_text("{}\n", encoding="utf-8")
    grown = _document("0.1.0")
    grown["info"]["title"] = "Plans, renamed"
    assert check_openapi({"plans": grown}, tmp_path) == [
        "openapi/plans.json: out of date; run `make contracts`",
        "openapi/gone.json: committed, but no installed service has it",
    ]
