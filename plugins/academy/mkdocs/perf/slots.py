"""Placeholders in a page's HTML, filled in after the site's search index has read it.

Material's search plugin parses every page's HTML with Python's ``HTMLParser``
to build ``search_index.json``, at several microseconds a tag. Much of what the
academy adds to a module page is marked ``data-search-exclude`` (widgets with
their answers, the module's facts, the path navigation): the parser would
read every tag of it only to drop it. Such parts go into the page as one HTML
comment each, which the parser skips, and replace their comment once the
index has been made.

Generated pages (a path's module lists, a certificate, the progress page's
list of every module) mark such parts in their templates between
:data:`LIFT_OPEN` and :data:`LIFT_CLOSE`; :func:`lift` cuts them out into
slots the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

_OPEN, _CLOSE = "<!--ac-slot:", "-->"

#: Around a part of a template's output that search leaves out.
LIFT_OPEN, LIFT_CLOSE = "<!--ac-lift-->", "<!--/ac-lift-->"


def slot(name: str) -> str:
    """The placeholder for the part called ``name``."""
    return f"{_OPEN}{name}{_CLOSE}"


def fill(html: str, parts: Mapping[str, str]) -> str:
    """``html`` with every placeholder named in ``parts`` replaced by its part.

    One pass in any order: Markdown extensions may move a placeholder (a
    footnote, a tab), so the page order need not be the order of ``parts``.
    Comments of the same shape that name no part are left as they are.
    """
    chunks = html.split(_OPEN)
    if len(chunks) == 1:
        return html
    out = [chunks[0]]
    for chunk in chunks[1:]:
        name, close, rest = chunk.partition(_CLOSE)
        part = parts.get(name) if close else None
        if part is None:
            out += [_OPEN, chunk]
        else:
            out += [part, rest]
    return "".join(out)


def lift(html: str) -> tuple[str, dict[str, str]]:
    """``html`` with each part between :data:`LIFT_OPEN` and :data:`LIFT_CLOSE`
    replaced by a slot, and the parts by slot name, for :func:`fill`.

    An opening mark without its closing one is left in place, part and all.
    """
    chunks = html.split(LIFT_OPEN)
    if len(chunks) == 1:
        return html, {}
    out = [chunks[0]]
    parts: dict[str, str] = {}
    for chunk in chunks[1:]:
        part, close, rest = chunk.partition(LIFT_CLOSE)
        if not close:
            out += [LIFT_OPEN, chunk]
            continue
        name = f"lift{len(parts)}"
        parts[name] = part
        out += [slot(name), rest]
    return "".join(out), parts
