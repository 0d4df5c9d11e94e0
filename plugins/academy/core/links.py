"""Links between pages, resolved as the site will resolve them.

A module body is published as the generated page ``modules/<id>.md``, so a
link in it is read from the ``modules/`` folder of the site: ``other.md``
names the module ``other``, ``../sources.md`` a page of the site's own. A
link may also name another module's source file relative to the module's
own file (``../resolution/escalation-handoff.md``): the check accepts it and
the build points it at that module's page. Content pages link relative to
their own place in ``docs_dir``, to each other and to the generated pages.

Anchors (``#heading``) are checked against the headings the target page will
have, with the ids Python-Markdown's ``toc`` extension gives them (the
default ``slugify``, repeated headings numbered ``_1``, ``_2``; a ``{#id}``
from ``attr_list`` wins), plus the ids the academy gives every module page.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify, unique

from academy.core.markers import outside_code
from academy.core.model import Module

_INLINE = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["']""", re.I)
_CODE_SPAN = re.compile(r"(`+).+?\1")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w:.-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.I)
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|[*`~]|(?<!\w)_|_(?!\w)")


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a page's Markdown: where it is, and what it says.

    Attributes:
        line: File line of the link.
        column: 1-based column of its target.
        target: The target as written.
        path: The target's path part, percent-decoded; empty for ``#anchor``.
        anchor: The part after ``#``, or empty.
    """

    line: int
    column: int
    target: str
    path: str
    anchor: str


def _is_external(target: str) -> bool:
    parts = urlsplit(target)
    return bool(parts.scheme or parts.netloc) or target.startswith(("/", "?"))


def links(body: str, first_line: int = 1) -> Iterator[Link]:
    """Every link to a page or heading of the site, outside code, in reading order.

    Images and links to files that are not pages (``img/queue.png``) are
    the asset rules' business; absolute and external URLs are not checked.
    """
    for number, line in outside_code(body, first_line):
        if "](" not in line and "]:" not in line and "href" not in line.lower():
            continue
        prose = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        found = [(m.start(1), m.group(1)) for m in _INLINE.finditer(prose)]
        found += [(m.start(1), m.group(1)) for m in _HREF.finditer(prose)]
        definition = _DEFINITION.match(prose)
        if definition:
            found.append((definition.start(1), definition.group(1)))
        for start, target in sorted(found):
            if _is_external(target):
                continue
            parts = urlsplit(target)
            path = unquote(parts.path)
            if path and not path.endswith(".md"):
                continue  # a file, not a page: see body_refs
            yield Link(number, start + 1, target, path, unquote(parts.fragment))


def heading_text(raw: str) -> str:
    """A heading's text as the rendered page shows it (markup dropped)."""
    raw = _ATTR_ID.sub("", raw)
    return _INLINE_MARKUP.sub(lambda m: m.group(1) or "", raw).strip()


@functools.lru_cache(maxsize=4096)
def anchors(body: str) -> frozenset[str]:
    """The ids the headings of ``body`` get, and ids written in its raw HTML."""
    used: set[str] = set()
    for _, line in outside_code(body, 1):
        match = _HEADING.match(line)
        if match:
            custom = _ATTR_ID.search(match.group(2))
            if custom:
                used.add(custom.group(1))
            else:
                unique(slugify(heading_text(match.group(2)), "-"), used)
        if "id=" in line or "id =" in line:
            used.update(m.group(1) for m in _HTML_ID.finditer(line))
    return frozenset(used)


def module_anchors(module: Module, appendix: bool) -> frozenset[str]:
    """Every id a module page has: its body's headings and what the academy
    adds (title, objectives, a box per check and scenario)."""
    fixed = {"page-title", "objectives"}
    fixed |= {f"check-{c.id}" for c in module.checks}
    fixed |= {f"scenario-{s.id}" for s in module.scenarios}
    if appendix:
        fixed.add("check-your-understanding")
    return anchors(module.body) | fixed


def join(base_dir: str, path: str) -> str:
    """``path`` read from ``base_dir`` (a folder path, ``""`` for the root), normalised."""
    return posixpath.normpath(posixpath.join(base_dir, path)) if path else ""


def by_file(module: Module, link: Link, modules_by_file: Mapping[str, Module]) -> Module | None:
    """The module whose source file ``link`` names, read from ``module``'s own
    file (``../resolution/escalation-handoff.md``), or ``None``.

    The site reads module links from ``modules/``, where such a path leads
    nowhere: the build points these links at the module's page instead.
    """
    if not link.path:
        return None
    return modules_by_file.get(join(posixpath.dirname(module.file), link.path))
