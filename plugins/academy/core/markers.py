"""Placement markers in module bodies: ``[[check ID]]`` and ``[[scenario ID]]``.

A marker is a line of its own. Lines inside fenced code blocks are never
markers, so a module can show the syntax in an example. The scanner is shared
by validation and rendering, so both agree on what is a marker.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

KINDS = ("check", "scenario")

#: Any ``[[word ...]]`` alone on a line (up to 3 spaces of indent, as Markdown allows).
_CANDIDATE = re.compile(r"^ {0,3}\[\[\s*(?P<inner>[^\[\]]*?)\s*\]\]\s*$")
_OPEN_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CLOSE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*$")


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker-shaped line: ``kind`` and ``id`` when well-formed, else ``raw``."""

    line: int
    column: int
    raw: str
    kind: str = ""
    id: str = ""

    @property
    def valid(self) -> bool:
        return bool(self.kind and self.id)


def parse(line: str, number: int = 0) -> Marker | None:
    """The marker on ``line``, valid or not; ``None`` if it is not marker-shaped."""
    match = _CANDIDATE.match(line)
    if not match:
        return None
    column = line.index("[[") + 1
    parts = match.group("inner").split()
    if len(parts) == 2 and parts[0] in KINDS:
        return Marker(number, column, line.strip(), parts[0], parts[1])
    return Marker(number, column, line.strip())


def outside_code(body: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """``(file line, text)`` for every body line outside fenced code."""
    lines = body.split("\n")
    if "```" not in body and "~~~" not in body:
        # No fence anywhere (most bodies): no line needs the fence patterns.
        return enumerate(lines, first_line)
    return _outside_fences(lines, first_line)


def _outside_fences(lines: list[str], first_line: int) -> Iterator[tuple[int, str]]:
    fence = ""
    for offset, line in enumerate(lines):
        if fence:
            close = _CLOSE_FENCE.match(line)
            if close and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence):
                fence = ""
            continue
        opening = _OPEN_FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        yield first_line + offset, line


@functools.lru_cache(maxsize=8192)
def placed(body: str) -> frozenset[tuple[str, str]]:
    """``(kind, id)`` of every valid marker in ``body``; remembered per body."""
    return frozenset((m.kind, m.id) for m in scan(body) if m.valid)


def scan(body: str, first_line: int = 1) -> Iterator[Marker]:
    """Yield every marker-shaped line outside fenced code, with its file line."""
    if "[[" not in body:
        return
    for number, line in outside_code(body, first_line):
        if "[[" in line:
            marker = parse(line, number)
            if marker is not None:
                yield marker
