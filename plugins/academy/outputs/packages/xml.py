"""What the manifest writers share: namespaced elements, identifiers, serialising."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

XSI = "http://www.w3.org/2001/XMLSchema-instance"


def register(prefixes: dict[str, str]) -> None:
    """Give namespaces their usual prefixes in the written XML (LMS importers
    should not care, but people reading a manifest do)."""
    for prefix, uri in prefixes.items():
        ET.register_namespace(prefix, uri)


def q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; ``text`` and attribute values are escaped on writing."""
    child = ET.SubElement(parent, tag, {k: v for k, v in attrs.items()})
    if text is not None:
        child.text = text
    return child


def identifier(*parts: str) -> str:
    """An XML ID (an NCName) from ids: kebab-case ids may start with a digit,
    which an NCName may not, hence the prefix."""
    return "academy-" + "-".join(re.sub(r"[^A-Za-z0-9._-]", "-", p) for p in parts)


def serialise(root: ET.Element) -> bytes:
    ET.indent(root, "  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
