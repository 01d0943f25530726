"""Is a schema change breaking for subscribers? (contracts/: a breaking change needs vN+1.)

Breaking: a property removed, retyped or newly required, a format or enum narrowed, a bound
tightened, additional properties closed. Adding an optional property or loosening is not. A
keyword not analysed here counts as breaking when it changes: better a false alarm than a
broken subscriber.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_ANNOTATIONS = {"title", "description", "examples", "default", "deprecated", "readOnly"}
_ANNOTATIONS |= {"writeOnly", "$comment", "$id"}
_HANDLED = {"$ref", "$defs", "$schema", "type", "format", "enum", "const", "required"}
_HANDLED |= {"properties", "additionalProperties", "items", "prefixItems", "uniqueItems"}
_HANDLED |= {"anyOf", "oneOf", "allOf", "pattern", "multipleOf"}
_LOWER = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_UPPER = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")


def classify_change(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The breaking differences from ``old`` to ``new``; empty when subscribers are safe."""
    found: list[str] = []
    _compare(old, new, "", (old, new), found, set())
    return found


def _resolve(schema: Any, root: Mapping[str, Any]) -> Any:
    while isinstance(schema, Mapping) and str(schema.get("$ref", "")).startswith("#/"):
        target: Any = root
        for part in schema["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _compare(
    old: Any, new: Any, path: str, roots: tuple[Any, Any], found: list[str], seen: set[Any]
) -> None:
    refs = (_ref(old), _ref(new))
    if refs != (None, None):
        if refs in seen:  # recursive models: each pair of definitions once
            return
        seen = seen | {refs}
    old, new = _resolve(old, roots[0]), _resolve(new, roots[1])
    where = path or "(root)"
    # No shortcut on equal subtrees: equal $refs may point at changed definitions.
    if old is False or new is True:
        return
    if new is False or old is True:
        found.append(f"{where}: now accepts {'nothing' if new is False else 'less'}")
        return
    for key in ("type", "format"):
        if old.get(key) != new.get(key):
            found.append(f"{where}: {key} changed from {old.get(key)} to {new.get(key)}")
    old_values, new_values = _allowed(old), _allowed(new)
    if new_values is not None:
        if old_values is None:
            found.append(f"{where}: now restricted to {new_values}")
        elif removed := [v for v in old_values if v not in new_values]:
            found.append(f"{where}: values no longer allowed: {removed}")
    for key in _LOWER + _UPPER:
        if key in new and new[key] != old.get(key):
            if key not in old or (new[key] > old[key]) == (key in _LOWER):
                found.append(f"{where}: {key} tightened to {new[key]}")
    for key in ("pattern", "multipleOf"):
        if key in new and new[key] != old.get(key):
            found.append(f"{where}: {key} changed to {new[key]!r}")
    if new.get("uniqueItems") and not old.get("uniqueItems"):
        found.append(f"{where}: items must now be unique")
    for name in sorted(set(new.get("required", [])) - set(old.get("required", []))):
        found.append(f"{_join(path, name)}: newly required")
    new_properties = new.get("properties", {})
    for name, schema in sorted(old.get("properties", {}).items()):
        if name not in new_properties:
            found.append(f"{_join(path, name)}: removed")
        else:
            _compare(schema, new_properties[name], _join(path, name), roots, found, seen)
    old_extra = old.get("additionalProperties", True)
    new_extra = new.get("additionalProperties", True)
    if new_extra is not True and old_extra is not False:
        if new_extra is False or old_extra is True:
            found.append(f"{where}: additionalProperties tightened")
        else:
            _compare(old_extra, new_extra, _join(path, "*"), roots, found, seen)
    if "items" in old or "items" in new:
        old_items, new_items = old.get("items", True), new.get("items", True)
        _compare(old_items, new_items, path + "[]", roots, found, seen)
    for key in ("prefixItems", "anyOf", "oneOf", "allOf"):
        old_list, new_list = old.get(key), new.get(key)
        if old_list is None and new_list is None:
            continue
        if old_list is None or new_list is None or len(old_list) != len(new_list):
            found.append(f"{where}: {key} alternatives changed")
            continue
        for index, (a, b) in enumerate(zip(old_list, new_list, strict=True)):
            _compare(a, b, f"{path}<{key}[{index}]>", roots, found, seen)
    # A keyword we do not analyse is treated as breaking when it changes: err on safety.
    for key in sorted((set(old) | set(new)) - _ANNOTATIONS - _HANDLED - set(_LOWER + _UPPER)):
        if old.get(key) != new.get(key):
            found.append(f"{where}: {key} changed")


def _ref(schema: Any) -> str | None:
    return schema.get("$ref") if isinstance(schema, Mapping) else None


def _allowed(schema: Mapping[str, Any]) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    enum = schema.get("enum")
    return list(enum) if enum is not None else None


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
