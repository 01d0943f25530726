"""``/contracts/``: the contracts an outside system builds on, served from the repository's
``contracts/`` as committed: the AsyncAPI document and its HTML rendering (made offline at
build time, ``make contract-site``), the JSON Schemas of the envelope and of every event's
data, every service's OpenAPI, and the changelog. Public, read-only, nothing from another host.

Only files the folder lists are served: a name is looked up among them, never joined to a path.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from qcdc_gateway.web.changelog import changelog_html
from qcdc_gateway.web.i18n import language
from qcdc_gateway.web.rendering import render
from qcdc_shared.api.problems import not_found
from qcdc_shared.auth import public
from qcdc_shared.published_contracts import contracts_dir

router = APIRouter(prefix="/contracts", tags=["contracts"], include_in_schema=False)

SCHEMA_JSON: Final = "application/schema+json"
YAML: Final = "application/yaml"  # RFC 9512
SITE: Final = "site/asyncapi"  # what contracts/render/render.cjs writes
_ASSET: Final = re.compile(r"^(css|js)/[A-Za-z0-9._-]+\.(css|js)$")
_YAML_INFO: Final = re.compile(
    r"^info:\n(?:  .*\n)*?  title: (?P<title>.*)\n(?:  .*\n)*?  version: (?P<version>\S+)", re.M
)
# The AsyncAPI page's policy: only the gateway's own files, as for /docs, with one difference
# each way. Its viewer validates the document with ajv, which compiles validators with
# new Function (blocked without 'unsafe-eval': the page then stays static, its sections
# unopenable); and the page has no inline script, so none is allowed (an injected one stays
# inert). Inline styles: React sets them.
VIEWER_HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'none'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
}
_ASSET_TYPES: Final = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}

TEXTS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Hợp đồng dữ liệu", "Contracts"),
    "intro": (
        "Những gì các dịch vụ của nền tảng công bố cho hệ thống bên ngoài: sự kiện trên NATS "
        "JetStream (AsyncAPI, JSON Schema) và API HTTP (OpenAPI). Mọi tệp ở đây được sinh từ mã "
        "nguồn và có phiên bản; thay đổi gây vỡ cần phiên bản mới.",
        "What the platform's services publish for outside systems: events on NATS JetStream "
        "(AsyncAPI, JSON Schema) and HTTP APIs (OpenAPI). Every file here is generated from "
        "the code and versioned; a breaking change needs a new version.",
    ),
    "events": ("Sự kiện", "Events"),
    "asyncapi_html": ("Tài liệu AsyncAPI (HTML)", "The AsyncAPI document (HTML)"),
    "asyncapi_yaml": ("AsyncAPI 3.0 (YAML, bản gốc)", "AsyncAPI 3.0 (YAML, the source)"),
    "envelope": ("Phong bì CloudEvents (JSON Schema)", "The CloudEvents envelope (JSON Schema)"),
    "schemas": ("Lược đồ dữ liệu của từng sự kiện", "Each event's data schema"),
    "event": ("Loại sự kiện", "Event type"),
    "versions": ("Phiên bản", "Versions"),
    "version": ("phiên bản", "version"),
    "apis": ("API HTTP (OpenAPI 3)", "HTTP APIs (OpenAPI 3)"),
    "service": ("Dịch vụ", "Service"),
    "changelog": ("Nhật ký thay đổi hợp đồng", "Changelog of the contracts"),
    "guide": (
        "Cách đăng ký nhận sự kiện và quy tắc phiên bản: contracts/README.md và "
        "docs/subscribers.md trong mã nguồn.",
        "How to subscribe and how versions evolve: contracts/README.md and docs/subscribers.md "
        "in the source.",
    ),
}


@dataclass(frozen=True)
class Listing:
    """What ``contracts/`` holds, by the names the routes take."""

    root: Path
    events: dict[str, list[str]]  # event name -> ["v1.json", "v2.json", ...]
    openapi: list[str]  # service names


def listing() -> Listing:
    root = contracts_dir()
    events: dict[str, list[str]] = {}
    for path in sorted(root.glob("events/*/v*.json"), key=lambda p: (p.parent.name, _number(p))):
        events.setdefault(path.parent.name, []).append(path.name)
    openapi = sorted(path.stem for path in root.glob("openapi/*.json"))
    return Listing(root=root, events=events, openapi=openapi)


# Each document's title and version, read again only when its file changes (regenerated).
@lru_cache(maxsize=32)
def _info(path: str, mtime_ns: int) -> tuple[str, str]:
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith(".yaml"):  # as tooling/asyncapi.py writes it: info's title, version
        block = _YAML_INFO.search(text)
        return (block["title"], block["version"]) if block else ("", "")
    info = json.loads(text).get("info", {})
    return str(info.get("title", "")), str(info.get("version", ""))


def info(path: Path) -> tuple[str, str]:
    """``(title, version)`` of an AsyncAPI or OpenAPI document."""
    return _info(str(path), path.stat().st_mtime_ns)


def _number(path: Path) -> int:
    digits = path.stem.removeprefix("v")
    return int(digits) if digits.isdigit() else 0


def _texts(request: Request) -> dict[str, str]:
    lang = language(request)[0]
    return {key: pair[0] if lang == "vi" else pair[1] for key, pair in TEXTS.items()}


def _missing(what: str) -> Exception:
    return not_found(f"Không có {what}.", f"No {what} here.")


def _file(path: Path, media_type: str) -> Response:
    if not path.is_file():  # a tree without contracts/: said as a 404, not a crash
        raise _missing(path.name)
    return FileResponse(path, media_type=media_type)


@router.get("/", response_class=HTMLResponse, **public())
async def contracts_index(request: Request) -> HTMLResponse:
    found = listing()
    context = {
        "s": _texts(request),
        "events": found.events,
        "asyncapi": info(found.root / "asyncapi.yaml"),
        "services": {name: info(found.root / "openapi" / f"{name}.json") for name in found.openapi},
    }
    return render(request, "contracts.html", context)


@router.get("/changelog", response_class=HTMLResponse, **public())
async def contracts_changelog(request: Request) -> HTMLResponse:
    path = contracts_dir() / "CHANGELOG.md"
    if not path.is_file():
        raise _missing("CHANGELOG.md")
    body = changelog_html(path.read_text(encoding="utf-8"))
    return render(request, "contracts_changelog.html", {"s": _texts(request), "body": body})


@router.get("/asyncapi/", response_class=HTMLResponse, **public())
async def asyncapi_page(request: Request) -> Response:
    """The rendering's own page (React, from its css/ and js/), under ``VIEWER_HEADERS``."""
    path = contracts_dir() / SITE / "index.html"
    if not path.is_file():
        raise _missing("AsyncAPI HTML (make contract-site)")
    return FileResponse(path, media_type="text/html; charset=utf-8", headers=VIEWER_HEADERS)


@router.get("/asyncapi/{path:path}", **public())
async def asyncapi_asset(path: str) -> Response:
    file = contracts_dir() / SITE / path
    if not _ASSET.match(path) or not file.is_file():
        raise _missing(path)
    return FileResponse(file, media_type=_ASSET_TYPES[path.split("/")[0]], headers=VIEWER_HEADERS)


@router.get("/asyncapi.yaml", **public())
async def asyncapi_document() -> Response:
    return _file(contracts_dir() / "asyncapi.yaml", YAML)


@router.get("/envelope.json", **public())
async def envelope_schema() -> Response:
    return _file(contracts_dir() / "envelope.json", SCHEMA_JSON)


@router.get("/events/{name}/{version}", **public())
async def event_schema(name: str, version: str) -> Response:
    found = listing()
    if version not in found.events.get(name, []):
        raise _missing(f"events/{name}/{version}")
    return FileResponse(found.root / "events" / name / version, media_type=SCHEMA_JSON)


@router.get("/openapi/{service}.json", **public())
async def service_openapi(service: str) -> Response:
    found = listing()
    if service not in found.openapi:
        raise _missing(f"openapi/{service}.json")
    return FileResponse(found.root / "openapi" / f"{service}.json", media_type="application/json")
