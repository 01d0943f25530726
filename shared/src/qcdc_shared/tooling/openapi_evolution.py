"""Is a change to a service's OpenAPI breaking for the clients built on it? (contracts/openapi/)

A client sends requests and reads responses, so the two directions are held to opposite rules:

- requests: the service must go on accepting what it accepted. Breaking: an operation
  removed or its ``operationId`` changed (clients generate method names from it); a required
  parameter, body or body field added, or an optional one made required; a body field
  removed where unknown fields are refused; a parameter or field whose type or format
  changed or no longer takes a type; an enum value no longer accepted.
- responses: the service must go on sending what clients read. Breaking: a success status
  gone; a field removed or no longer always sent; a type or format changed or a new type
  sent (a field that may now be null); an enum value removed (as for event schemas,
  contracts/README.md: a client may rely on the documented set).

Adding operations, optional parameters and fields, response fields, and request enum values
is not breaking; nor is any change to descriptions, examples or error responses. Whether a
breaking change is allowed is :func:`allows_breaking`'s answer about the two versions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

Direction = Literal["request", "response"]
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_VERSION = re.compile(r"^(\d+)\.(\d+)")


def breaking_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Every breaking difference from ``old`` to ``new`` (two OpenAPI 3 documents)."""
    found: list[str] = []
    for path, item in sorted(old.get("paths", {}).items()):
        for method in METHODS:
            if method not in item:
                continue
            where = f"{method.upper()} {path}"
            after = new.get("paths", {}).get(path, {}).get(method)
            if after is None:
                found.append(f"{where}: operation removed")
                continue
            renamed = (item[method].get("operationId"), after.get("operationId"))
            if renamed[0] is not None and renamed[0] != renamed[1]:  # generated method names
                found.append(f"{where}: operationId {renamed[0]} became {renamed[1]}")
            walk = _Walk(old, new, found)
            walk.parameters(item[method], after, where, item, new["paths"][path])
            walk.request_body(item[method], after, where)
            walk.responses(item[method], after, where)
    # Optional[X] is compared as a whole and as X: the same finding may come twice.
    return list(dict.fromkeys(found))


def allows_breaking(old_version: str, new_version: str) -> bool:
    """A breaking change needs the major version raised, or, while it is 0.x (semantic
    versioning's "anything may change" series), at least the minor."""
    old, new = _major_minor(old_version), _major_minor(new_version)
    if old is None or new is None:
        return False
    if new[0] != old[0]:
        return new[0] > old[0]
    return old[0] == 0 and new[1] > old[1]


def _major_minor(version: str) -> tuple[int, int] | None:
    match = _VERSION.match(version)
    return (int(match[1]), int(match[2])) if match else None


class _Walk:
    """One operation's comparison: both documents, for their ``$ref``s, and what was found."""

    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any], found: list[str]):
        self.roots = (old, new)
        self.found = found

    def parameters(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        where: str,
        old_item: Mapping[str, Any],
        new_item: Mapping[str, Any],
    ) -> None:
        before = self._parameters(old, old_item, 0)
        after = self._parameters(new, new_item, 1)
        for key, parameter in sorted(after.items()):
            name = f"{where} {key[0]} parameter {key[1]}"
            previous = before.get(key)
            if parameter.get("required") and not (previous or {}).get("required"):
                self.found.append(f"{name}: {'newly required' if previous else 'required, new'}")
            if previous is not None:
                self.schema(
                    previous.get("schema", {}), parameter.get("schema", {}), name, "request"
                )

    def request_body(self, old: Mapping[str, Any], new: Mapping[str, Any], where: str) -> None:
        before, after = self._ref(old.get("requestBody"), 0), self._ref(new.get("requestBody"), 1)
        if after is None:
            return  # no body any more: what clients send is ignored, not refused
        if after.get("required") and not (before or {}).get("required"):
            self.found.append(f"{where} request body: newly required")
        old_media = (before or {}).get("content", {})
        for media, content in sorted(after.get("content", {}).items()):
            if media in old_media:
                name = f"{where} request body"
                self.schema(
                    old_media[media].get("schema", {}), content.get("schema", {}), name, "request"
                )
        if old_media and not set(old_media) & set(after.get("content", {})):
            self.found.append(f"{where} request body: media types {sorted(old_media)} dropped")

    def responses(self, old: Mapping[str, Any], new: Mapping[str, Any], where: str) -> None:
        after = new.get("responses", {})
        for status, response in sorted(old.get("responses", {}).items()):
            if not status.startswith("2"):
                continue  # problem+json documents errors; they evolve with the errors
            if status not in after:
                self.found.append(f"{where} {status}: response removed")
                continue
            before_content = self._ref(response, 0).get("content", {})
            after_content = self._ref(after[status], 1).get("content", {})
            for media, content in sorted(before_content.items()):
                name = f"{where} {status} {media}"
                if media not in after_content:
                    self.found.append(f"{name}: no longer sent")
                else:
                    self.schema(
                        content.get("schema", {}),
                        after_content[media].get("schema", {}),
                        name,
                        "response",
                    )

    def schema(
        self,
        old: Any,
        new: Any,
        where: str,
        direction: Direction,
        seen: frozenset[Any] = frozenset(),
    ) -> None:
        pair = (_ref_of(old), _ref_of(new))
        if pair != (None, None):
            if pair in seen:  # recursive models: each pair of definitions once
                return
            seen = seen | {pair}
        old, new = self._ref(old, 0), self._ref(new, 1)
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            return
        old_types, new_types = _types(old, self.roots[0]), _types(new, self.roots[1])
        if old_types and new_types:
            lost = old_types - new_types if direction == "request" else new_types - old_types
            if lost:
                verb = "no longer accepts" if direction == "request" else "may now send"
                self.found.append(f"{where}: {verb} {sorted(lost)}")
        old_enum, new_enum = _enum(old), _enum(new)
        if old_enum is not None and new_enum is not None:
            # A request value no longer taken breaks its senders; a response value never sent
            # before breaks clients generated with the old list (a value dropped does not).
            if direction == "request":
                if removed := [value for value in old_enum if value not in new_enum]:
                    self.found.append(f"{where}: enum values removed {removed}")
            elif added := [value for value in new_enum if value not in old_enum]:
                self.found.append(f"{where}: may now send enum values {added}")
        elif direction == "request" and new_enum is not None:
            self.found.append(f"{where}: now restricted to {new_enum}")
        self._properties(old, new, where, direction, seen)
        old_items, new_items = old.get("items"), new.get("items")
        if old_items is not None and new_items is not None:
            self.schema(old_items, new_items, f"{where}[]", direction, seen)
        for a, b in self._alternatives(old, new):
            self.schema(a, b, where, direction, seen)

    def _properties(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        where: str,
        direction: Direction,
        seen: frozenset[Any],
    ) -> None:
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        for name in sorted(set(old_props) | set(new_props)):
            field = f"{where}.{name}"
            if direction == "request":
                if name in new_required and name not in old_required:
                    self.found.append(
                        f"{field}: {'newly required' if name in old_props else 'required, new'}"
                    )
                elif name not in new_props and new.get("additionalProperties") is False:
                    self.found.append(f"{field}: no longer accepted (unknown fields refused)")
            elif name not in new_props:
                self.found.append(f"{field}: removed")
            elif name in old_required and name not in new_required:
                self.found.append(f"{field}: no longer always sent")
            if name in old_props and name in new_props:
                self.schema(old_props[name], new_props[name], field, direction, seen)

    def _parameters(
        self, operation: Mapping[str, Any], item: Mapping[str, Any], side: int
    ) -> dict[tuple[str, str], Mapping[str, Any]]:
        listed = [*item.get("parameters", []), *operation.get("parameters", [])]
        resolved = [self._ref(parameter, side) for parameter in listed]
        return {(p.get("in", "?"), p.get("name", "?")): p for p in resolved}

    def _ref(self, schema: Any, side: int) -> Any:
        return resolve(schema, self.roots[side])

    def _alternatives(
        self, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> list[tuple[Any, Any]]:
        """anyOf/oneOf alternatives to compare with each other: the X of ``Optional[X]``
        (anyOf [X, null]) on both sides, or the same named model on both sides."""
        before = _not_null(old.get("anyOf") or old.get("oneOf"), self.roots[0])
        after = _not_null(new.get("anyOf") or new.get("oneOf"), self.roots[1])
        if len(before) == 1 and len(after) == 1:
            return [(before[0], after[0])]
        named = {_ref_of(b): b for b in after if _ref_of(b)}
        return [(a, named[_ref_of(a)]) for a in before if _ref_of(a) in named]


def resolve(schema: Any, root: Mapping[str, Any]) -> Any:
    """Follow local ``$ref``s (``#/components/...``) to what they name."""
    while isinstance(schema, Mapping) and str(schema.get("$ref", "")).startswith("#/"):
        target: Any = root
        for part in schema["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        schema = target
    return schema


def _ref_of(schema: Any) -> str | None:
    return schema.get("$ref") if isinstance(schema, Mapping) else None


def _types(schema: Mapping[str, Any], root: Mapping[str, Any]) -> frozenset[str]:
    """The JSON types (with their format) a schema takes, looking through anyOf/oneOf; empty
    when it says nothing about them (any value)."""
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        found: set[str] = set()
        for alternative in alternatives:
            inner = _types(resolve(alternative, root), root)
            if not inner:
                return frozenset()
            found |= inner
        return frozenset(found)
    kinds = schema.get("type")
    if kinds is None:
        return frozenset({"object"}) if "properties" in schema else frozenset()
    formatted = f"/{schema['format']}" if "format" in schema else ""
    return frozenset(
        f"{kind}{formatted}" for kind in (kinds if isinstance(kinds, list) else [kinds])
    )


def _enum(schema: Mapping[str, Any]) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    return list(schema["enum"]) if "enum" in schema else None


def _not_null(alternatives: Any, root: Mapping[str, Any]) -> list[Any]:
    return [a for a in alternatives or [] if resolve(a, root).get("type") != "null"]
