"""Content lints: accessibility and readability slips that break nothing
but cost learners, reported as warnings.

* an image without alternative text;
* link text that says nothing out of context ("click here");
* a heading that skips a level (a module body starts at ``##``: the page
  title is the module's title);
* a heading with nothing under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from academy.core.codes import problem
from academy.core.markers import outside_code
from academy.core.model import Module
from academy.core.problems import Problem
from academy.core.sources import PAGE

from .context import Context, Item

_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(")
_HTML_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I)
_PER_LINE = (_MD_IMAGE, _HTML_IMG, _MD_LINK, _HTML_LINK)
_VAGUE = frozenset(
    {
        "click here",
        "here",
        "click",
        "this",
        "this link",
        "link",
        "more",
        "read more",
        "learn more",
        "this page",
    }
)


def check_file(ctx: Context, item: Item) -> Iterable[Problem]:
    if isinstance(item, Module):
        yield from lint(item.file, item.body, item.body_line, top=2)


def check(ctx: Context) -> Iterable[Problem]:
    for loaded in ctx.files.values():
        if loaded.ref.kind == PAGE and loaded.body:
            yield from lint(loaded.ref.rel, loaded.body, loaded.body_line, top=1)


def lint(file: str, body: str, first_line: int, top: int) -> Iterator[Problem]:
    """Lint one Markdown body whose headings start at level ``top``."""
    level = top - 1
    open_heading: tuple[int, int, str] | None = None  # (line, level, text) with nothing under it yet
    # Each pattern runs on every line only if the whole body has a match: a
    # line's match is also the body's, and most bodies have few images or
    # links. One C-speed search each saves a regex call per line.
    patterns = [p for p in _PER_LINE if p.search(body)]
    for number, line in outside_code(body, first_line):
        heading = _HEADING.match(line) if line.startswith("#") else None
        if heading:
            depth = len(heading.group(1))
            if open_heading is not None and depth <= open_heading[1]:
                yield _empty(file, open_heading)
            if depth < top:
                yield problem(
                    "lint.heading-skip",
                    file,
                    number,
                    1,
                    f"a level-{depth} heading in a module body; the module's title is the page's only level-1 heading",
                    "Start the body's sections at `##`.",
                )
            elif depth > level + 1:
                yield problem(
                    "lint.heading-skip",
                    file,
                    number,
                    1,
                    f"heading level {depth} follows level {level}, skipping level {level + 1}",
                    f"Use `{'#' * (level + 1)}` here, so screen-reader users can follow the outline.",
                )
            level = depth
            open_heading = (number, depth, heading.group(2))
            continue
        if line.strip():
            open_heading = None
        if not patterns:
            continue
        if _MD_IMAGE in patterns:
            for match in _MD_IMAGE.finditer(line):
                if not match.group(1).strip():
                    yield _no_alt(file, number, match.start() + 1)
        if _HTML_IMG in patterns:
            for match in _HTML_IMG.finditer(line):
                if not re.search(r"\balt\s*=", match.group(0), re.I):
                    yield _no_alt(file, number, match.start() + 1)
        for pattern in (_MD_LINK, _HTML_LINK):
            if pattern not in patterns:
                continue
            for match in pattern.finditer(line):
                text = re.sub(r"<[^>]+>|[*_`.!:]", "", match.group(1)).strip().lower()
                if text in _VAGUE:
                    yield problem(
                        "lint.link-text",
                        file,
                        number,
                        match.start() + 1,
                        f"link text “{match.group(1).strip()}” says nothing out of context",
                        "Name where the link goes, such as “the escalation criteria”; screen readers list links by their text.",
                    )
    if open_heading is not None:
        yield _empty(file, open_heading)


def _no_alt(file: str, line: int, column: int) -> Problem:
    return problem(
        "lint.image-alt",
        file,
        line,
        column,
        "image without alternative text",
        "Describe what the image shows for learners who cannot see it: `![Queue view with three overdue tickets](img/queue.png)`.",
    )


def _empty(file: str, heading: tuple[int, int, str]) -> Problem:
    line, _, text = heading
    return problem(
        "lint.empty-section",
        file,
        line,
        1,
        f"the section “{text}” is empty",
        "Write the section, or remove its heading.",
    )
