"""The published contracts (DESIGN §3): event data schemas, the envelope, the AsyncAPI file.

Everything here is generated from ``IntegrationEvent`` models. A committed ``vN.json`` is a
promise to subscribers we do not know, so a breaking change to it is refused: it must become
``v{N+1}``, published side by side with the old version. Where the contracts are and how
``data`` is checked against one is runtime code (consumers check every event), in
``qcdc_shared.published_contracts``; here events are held to them exactly, as produced.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from pydantic import ValidationError

from qcdc_shared.envelope import (
    Envelope,
    EnvelopeError,
    IntegrationEvent,
    dataschema_for,
)
from qcdc_shared.published_contracts import (
    ContractError,
    compile_contract,
    contract_file,
    contracts_dir,
    data_problems,
    no_contract,
)
from qcdc_shared.subjects import SubjectError
from qcdc_shared.tooling.asyncapi import ENVELOPE_FILE, GENERATED, render_asyncapi
from qcdc_shared.tooling.schema_evolution import classify_change

DIALECT = "https://json-schema.org/draft/2020-12/schema"

ASYNCAPI_FILE = "asyncapi.yaml"

Models = Sequence[type[IntegrationEvent]]


class ContractViolation(EnvelopeError):
    """An event that breaks its published contract; ``problems`` lists every reason."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


def event_schema(model: type[IntegrationEvent]) -> dict[str, Any]:
    """JSON Schema (2020-12) of a model's ``data`` as it is on the wire."""
    schema = model.model_json_schema(mode="serialization")
    schema.update({"$schema": DIALECT, "$id": model.dataschema(), "title": model.type_name()})
    schema["$comment"] = GENERATED
    return schema


def envelope_schema() -> dict[str, Any]:
    """JSON Schema of the CloudEvents envelope every event shares."""
    schema = Envelope.model_json_schema(mode="serialization")
    notes = {
        "specversion": "CloudEvents version.",
        "id": "Unique event id (UUID); also the Nats-Msg-Id header, for deduplication.",
        "source": "/wards/<ward>/<service> that published the event.",
        "type": "vn.qcdc.<service>.<aggregate>.<event>.v<N>: picks the data schema.",
        "subject": "Id of the aggregate the event is about.",
        "time": "When the fact was recorded (RFC 3339); business dates are in data.",
        "datacontenttype": "Always application/json.",
        "dataschema": "URN of the data schema: urn:qcdc:contracts:events:<name>:v<N>.",
        "data": "Event-carried state, described by the schema named by type.",
        "ward": "Extension: slug of the ward.",
        "sequence": "Deprecated extension (docs/decisions/0016): equals aggregateversion, "
        "which to read when present; published until contract 2.0.",
        "aggregateversion": "Extension: aggregate version after the change; order by it.",
    }
    for name, note in notes.items():
        schema["properties"][name]["description"] = note
    schema["properties"]["id"]["format"] = "uuid"
    # to_json always writes these two, so subscribers may rely on them.
    schema["required"] = ["specversion", "datacontenttype", *schema["required"]]
    schema.update({"$schema": DIALECT, "$id": "urn:qcdc:contracts:envelope", "title": "Envelope"})
    schema["$comment"] = GENERATED
    return schema


def dump_json(schema: Mapping[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# The modification time is part of the key so a long-lived process sees regenerated files.
@lru_cache(maxsize=64)
def _validator(path: str, mtime_ns: int) -> Draft202012Validator:
    return compile_contract(Path(path), ignore_unknown_fields=False)


def validate_envelope(raw: bytes | str | Mapping[str, Any]) -> Envelope:
    """Check the envelope and its ``data`` against the committed schema of its ``type``."""
    if isinstance(raw, bytes | str):
        try:
            document = json.loads(raw)
        except ValueError as error:
            raise ContractViolation(f"not JSON: {error}", [f"not JSON: {error}"]) from error
    else:
        document = dict(raw)
    if not isinstance(document, dict):
        raise ContractViolation("not a JSON object", ["not a JSON object"])
    problems: list[str] = []
    envelope: Envelope | None = None
    try:
        envelope = Envelope.model_validate(document)
        envelope.nats_subject  # noqa: B018  (the type must map to a valid subject)
    except ValidationError as error:
        problems += [f"{_loc(e['loc'])}: {e['msg']}" for e in error.errors()]
    except (SubjectError, ValueError, IndexError) as error:
        problems.append(f"type: {error}")
    if envelope is not None:
        problems += _envelope_consistency(envelope)
    problems += _data_problems(document.get("type"), document.get("data"))
    if problems:
        listing = "\n".join(f"  - {problem}" for problem in problems)
        message = f"event {document.get('id')!r} ({document.get('type')}) breaks its contract:"
        raise ContractViolation(f"{message}\n{listing}", problems)
    assert envelope is not None
    return envelope


def _envelope_consistency(envelope: Envelope) -> list[str]:
    problems = []
    if envelope.time.tzinfo is None:
        problems.append("time: must carry a UTC offset (RFC 3339)")
    try:
        uuid.UUID(envelope.id)
    except ValueError:
        problems.append(f"id: {envelope.id!r} is not a UUID")
    if envelope.source != f"/wards/{envelope.ward}/{envelope.service}":
        problems.append(f"source: {envelope.source!r} does not match ward and type")
    if envelope.dataschema != dataschema_for(envelope.contract_name, envelope.schema_version):
        problems.append(f"dataschema: {envelope.dataschema!r} does not match type")
    return problems


def _data_problems(type_: object, data: object) -> list[str]:
    """Exactly as published: an unknown field is a producer's mistake (a consumer ignores it)."""
    path = contract_file(contracts_dir(), type_) if isinstance(type_, str) else None
    if path is None:
        return []  # already reported by the envelope model
    try:
        validator = _validator(str(path), path.stat().st_mtime_ns)
    except OSError:
        return [f"type: {no_contract(type_)}"]
    return data_problems(validator, data)


def _loc(loc: Iterable[int | str]) -> str:
    return ".".join(str(part) for part in loc) or "(envelope)"


def render_contracts(models: Models) -> dict[str, str]:
    """Every generated file, by path relative to ``contracts/``."""
    ordered = sorted(models, key=lambda m: (m.contract_name(), m.schema_version))
    names = [model.type_name() for model in ordered]
    if duplicates := sorted({name for name in names if names.count(name) > 1}):
        raise ContractError(f"event types registered twice: {duplicates}")
    files = {model.schema_path(): dump_json(event_schema(model)) for model in ordered}
    files[ENVELOPE_FILE] = dump_json(envelope_schema())
    digest = hashlib.sha256("".join(files[path] for path in sorted(files)).encode())
    files[ASYNCAPI_FILE] = render_asyncapi(ordered, digest.hexdigest()[:12])
    return files


def check_contracts(models: Models) -> list[str]:
    """Why the files on disk differ from what ``write_contracts`` would write (empty if not)."""
    root, problems = contracts_dir(), []
    files = render_contracts(models)
    for relative, text in files.items():
        path = root / relative
        if not path.is_file():
            problems.append(f"{relative}: missing; run `make contracts`")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{relative}: out of date; run `make contracts`")
            if relative.startswith("events/"):
                problems += _breaking(relative, path, text)
    for path in sorted(root.glob("events/*/v*.json")):
        if path.relative_to(root).as_posix() not in files:
            problems.append(f"{path.relative_to(root)}: published, but no model in code emits it")
    return problems


def write_contracts(models: Models) -> list[Path]:
    """Regenerate contracts/; refuses to overwrite a published vN.json with a breaking change."""
    root = contracts_dir()
    files = render_contracts(models)
    refused = [
        problem
        for relative, text in files.items()
        if relative.startswith("events/") and (root / relative).is_file()
        for problem in _breaking(relative, root / relative, text)
    ]
    if refused:
        raise ContractError("refusing to overwrite published contracts:\n" + "\n".join(refused))
    written = []
    for relative, text in files.items():
        path = root / relative
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def _breaking(relative: str, path: Path, text: str) -> list[str]:
    try:
        published = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        return [f"{relative}: unreadable ({error}); restore it from git before regenerating"]
    changes = classify_change(published, json.loads(text))
    if not changes:
        return []
    version = int(Path(relative).stem.removeprefix("v"))
    return [
        f"{relative}: breaking change ({'; '.join(changes)}): keep v{version} as it is "
        f"and publish v{version + 1} side by side"
    ]
