"""What the manifest writers share: namespaced elements, identifiers, serialising."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

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


def sco_resource(
    root: ET.Element, cp: str, scorm_type: str, res_id: str, href: str, files: Sequence[str]
) -> None:
    """The ``resources`` of a one-SCO package: the SCO, with every file listed.

    Args:
        cp: The content packaging namespace of the SCORM version.
        scorm_type: The ``adlcp:scormtype`` attribute's qualified name (its
            spelling and namespace differ between 1.2 and 2004).
    """
    resources = sub(root, q(cp, "resources"))
    resource = sub(
        resources, q(cp, "resource"), identifier=res_id, type="webcontent", href=href, **{scorm_type: "sco"}
    )
    for name in files:
        sub(resource, q(cp, "file"), href=name)
