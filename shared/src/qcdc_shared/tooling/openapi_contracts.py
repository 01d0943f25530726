"""Each service's OpenAPI as a committed contract: ``contracts/openapi/<service>.json``.

``make contracts`` writes the document every installed service's app generates, and refuses to
overwrite a committed one with a breaking change (``openapi_evolution``) unless the service's
version (its package's, the document's ``info.version``) was raised enough for it: a client
generated from the committed file must not break silently. Diffable files also let outsiders
see what changed between two releases without running anything.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from qcdc_shared.published_contracts import ContractError, contracts_dir
from qcdc_shared.tooling.openapi_evolution import allows_breaking, breaking_changes
from qcdc_shared.tooling.plugins import CITY_SERVICES, WARD_SERVICES, found

FOLDER = "openapi"
Documents = Mapping[str, Mapping[str, Any]]


def openapi_path(service: str) -> str:
    """Where a service's OpenAPI is committed, relative to ``contracts/``."""
    return f"{FOLDER}/{service}.json"


def service_documents() -> dict[str, dict[str, Any]]:
    """The OpenAPI of every installed service (entry points ``qcdc.ward_services`` and
    ``qcdc.city_services``), from its app as its module builds it; built, never started."""
    documents: dict[str, dict[str, Any]] = {}
    with _documentation_settings():
        for group in (WARD_SERVICES, CITY_SERVICES):
            for name, point in sorted(found(group).items()):
                documents[name] = point.load().openapi()
    return documents


@contextmanager
def _documentation_settings() -> Iterator[None]:
    """A service module builds its app when imported, from the environment's settings. The
    document does not depend on keys or places, so the development settings (which need no
    keys) build it, for the default ward and the repository's registry: the same bytes on
    every machine."""
    root = contracts_dir().parent
    fixed = {"QCDC_ENV": "development", "QCDC_REGISTRY_FILE": str(root / "deploy" / "wards.toml")}
    saved = {name: os.environ.get(name) for name in [*fixed, "QCDC_WARD"]}
    os.environ.update(fixed)
    os.environ.pop("QCDC_WARD", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def dump(document: Mapping[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def refusals(documents: Documents, root: Path | None = None) -> list[str]:
    """Why writing ``documents`` over the committed files would break their clients."""
    root = root or contracts_dir()
    found_problems: list[str] = []
    for service, document in sorted(documents.items()):
        path = root / openapi_path(service)
        if not path.is_file():
            continue
        try:
            committed = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            found_problems.append(f"{openapi_path(service)}: unreadable ({error}); restore it")
            continue
        before = str(committed.get("info", {}).get("version", ""))
        after = str(document.get("info", {}).get("version", ""))
        changes = breaking_changes(committed, document)
        if changes and not allows_breaking(before, after):
            listing = "".join(f"\n  - {change}" for change in changes)
            found_problems.append(
                f"{openapi_path(service)}: breaking change at version {after} (committed: "
                f"{before}); keep the operation as it was, or raise the service's version in "
                f"its pyproject.toml (major; minor while 0.x) and note it in "
                f"contracts/CHANGELOG.md:{listing}"
            )
    return found_problems


def write_openapi(documents: Documents, root: Path | None = None) -> list[Path]:
    """Write each service's document; refuses (writing nothing) a breaking change without a
    version bump."""
    root = root or contracts_dir()
    if problems := refusals(documents, root):
        raise ContractError("refusing to overwrite published OpenAPI:\n" + "\n".join(problems))
    written = []
    for service, document in sorted(documents.items()):
        path, text = root / openapi_path(service), dump(document)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def check_openapi(documents: Documents, root: Path | None = None) -> list[str]:
    """Why the committed documents differ from the services' (empty when they do not)."""
    root = root or contracts_dir()
    problems = []
    for service, document in sorted(documents.items()):
        path = root / openapi_path(service)
        if not path.is_file():
            problems.append(f"{openapi_path(service)}: missing; run `make contracts`")
        elif path.read_text(encoding="utf-8") != dump(document):
            problems.append(f"{openapi_path(service)}: out of date; run `make contracts`")
    problems += refusals(documents, root)
    for path in sorted((root / FOLDER).glob("*.json")):
        if path.stem not in documents:
            problems.append(f"{FOLDER}/{path.name}: committed, but no installed service has it")
    return problems
