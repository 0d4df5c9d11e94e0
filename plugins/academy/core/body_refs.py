"""Files that module bodies reference: images, downloads and snippet includes.

Modules live outside MkDocs' ``docs_dir``, so an image beside a module would
never reach the site. Relative references to files that are not pages
(``![Queue view](img/queue.png)``, ``<img src="img/a.svg">``) are resolved
against the module's own folder, published under ``assets/files/`` and the
links rewritten. Page links (``*.md``) keep MkDocs' meaning.

Every reference that names a file must stay inside the project: ``../``
escapes, absolute paths, links out through symlinks and sibling-prefix tricks
(``/srv/academy-evil`` beside ``/srv/academy``) are refused with a problem,
and the file is never read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from academy.core.markers import outside_code
from academy.core.sources import inside

#: Published copies live here, mirroring their path in the project.
PUBLISHED = "assets/files"

_MD_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML_ATTR = re.compile(r"""\b(?:src|href|poster|data)\s*=\s*["']([^"']+)["']""", re.I)
_SNIPPET = re.compile(r"""^\s*-{1,}8<-{1,}\s+["']([^"']+)["']""")


@dataclass(frozen=True, slots=True)
class Reference:
    """A file reference in a module body, at ``line``/``column`` of the file."""

    line: int
    column: int
    target: str
    kind: str  # "asset" (published with the page) or "include" (read by a Markdown extension)
    html: bool = False  # in raw HTML, which MkDocs does not rewrite

    @property
    def span(self) -> tuple[int, int]:
        return self.column - 1, self.column - 1 + len(self.target)


def _is_file_target(target: str) -> bool:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("#", "?")):
        return False
    return not parts.path.endswith((".md", "/")) and bool(parts.path)


def references(body: str, first_line: int = 1) -> Iterator[Reference]:
    """Every file reference outside fenced code, in reading order."""
    for number, text in outside_code(body, first_line):
        if "](" not in text and "=" not in text and "8<" not in text and "]:" not in text:
            continue  # no link, attribute, include or definition: most lines
        snippet = _SNIPPET.match(text)
        if snippet:
            yield Reference(number, snippet.start(1) + 1, snippet.group(1), "include")
            continue
        found = [(m.start(1), m.group(1), False) for m in _MD_LINK.finditer(text)]
        found += [(m.start(1), m.group(1), True) for m in _HTML_ATTR.finditer(text)]
        definition = _REF_DEF.match(text)
        if definition:
            found.append((definition.start(1), definition.group(1), False))
        for start, target, html in sorted(found):
            if _is_file_target(target) or target.startswith("/"):
                yield Reference(number, start + 1, target, "asset", html)


@functools.lru_cache(maxsize=8192)
def references_in(body: str, first_line: int) -> tuple[Reference, ...]:
    """:func:`references`, remembered per body: the scan depends on the text
    alone, and under ``mkdocs serve`` most bodies are unchanged."""
    return tuple(references(body, first_line))


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where a reference leads: a file inside the project, or why not."""

    path: Path | None
    problem: str = ""  # a problem code when the reference is refused
    detail: str = ""


def resolve(ref: Reference, module_file: Path, root: Path) -> Resolved:
    """Resolve ``ref`` made from ``module_file`` without leaving ``root``.

    Includes are resolved from the project root, as pymdownx.snippets does;
    assets from the module's folder.
    """
    raw = unquote(urlsplit(ref.target).path) if ref.kind == "asset" else ref.target
    pure = PurePosixPath(raw)
    if pure.is_absolute() or re.match(r"^[A-Za-z]:[\\/]", raw):
        return Resolved(None, "asset.absolute", raw)
    base = root if ref.kind == "include" else module_file.parent
    candidate = (base / pure).resolve()
    if not inside(root.resolve(), candidate):
        return Resolved(None, "asset.outside", raw)
    if not candidate.is_file():
        return Resolved(None, "asset.missing", raw)
    return Resolved(candidate)


def published_name(path: Path, root: Path) -> str:
    """The site path of a published copy of ``path``."""
    return f"{PUBLISHED}/{path.relative_to(root.resolve()).as_posix()}"
