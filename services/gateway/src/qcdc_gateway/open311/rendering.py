"""GeoReport v2's two forms of one document: JSON, and the XML the specification requires
(UTF-8 declaration, a root per document, one element per field, a repeated child per list
item, empty elements for null). Pure: the routes pick the form from the path's suffix."""

from __future__ import annotations

from typing import Any, Final
from xml.etree import ElementTree

# The element of each list's items, as the specification's examples name them.
ITEM: Final[dict[str, str]] = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(element: ElementTree.Element, value: Any) -> None:
    if isinstance(value, dict):
        for name, inner in value.items():
            _fill(ElementTree.SubElement(element, name), inner)
    elif isinstance(value, list):
        tag = ITEM[element.tag]
        for inner in value:
            _fill(ElementTree.SubElement(element, tag), inner)
    else:
        element.text = _text(value)


def to_xml(root: str, document: Any) -> bytes:
    """``document`` (a list of items, or one object) under the element ``root``."""
    element = ElementTree.Element(root)
    _fill(element, document)
    body: bytes = ElementTree.tostring(element, encoding="utf-8", xml_declaration=True)
    return body.replace(
        b"<?xml version='1.0' encoding='utf-8'?>", b'<?xml version="1.0" encoding="UTF-8"?>'
    )
