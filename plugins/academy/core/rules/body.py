"""Module bodies: placement markers resolve, are well-formed and appear once;
raw HTML that runs code is flagged when the project asks for it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from academy.core.codes import problem
from academy.core.markers import KINDS, outside_code, parse, scan
from academy.core.model import Module
from academy.core.problems import Problem
from academy.core.suggest import did_you_mean

from .context import Context, Item

#: Raw HTML that executes: script elements, event-handler attributes inside a
#: tag, and javascript: URLs in HTML attributes or Markdown link targets. The
#: third item is a cheap search a body must match before the pattern is worth
#: running on it: the javascript: pattern has no literal start for the regex
#: engine to skip to, and searching for its one fixed word is six times faster.
_RUNS_CODE = (
    (re.compile(r"<script\b", re.I), "a <script> element", None),
    (re.compile(r"<[a-z][^>]*?\son[a-z]+\s*=", re.I), "an event-handler attribute", None),
    (
        re.compile(r"(?:\b(?:href|src|action|formaction)\s*=\s*[\"']?|\]\(\s*<?)\s*javascript:", re.I),
        "a javascript: URL",
        re.compile("javascript:", re.I),
    ),
)


def check_file(ctx: Context, item: Item) -> Iterable[Problem]:
    if isinstance(item, Module):
        yield from _module(item)
        if "body.raw-html" not in ctx.ignored and "body" not in ctx.ignored:
            yield from _raw_html(item)


def _raw_html(module: Module) -> Iterator[Problem]:
    # Any match on a line is a match in the whole body, so a body with none
    # (nearly every body) needs no line-by-line pass: one C-speed search each.
    body = module.body
    runs = [(pattern, what) for pattern, what, needle in _RUNS_CODE if needle is None or needle.search(body)]
    runs = [(pattern, what) for pattern, what in runs if pattern.search(body)]
    if not runs:
        return
    for number, line in outside_code(module.body, module.body_line):
        for pattern, what in runs:
            for match in pattern.finditer(line):
                yield problem(
                    "body.raw-html",
                    module.file,
                    number,
                    match.start() + 1,
                    f"raw HTML with {what} runs code in the learner's browser",
                    "Use Markdown links and images instead, or ask a reviewer to confirm it is intended.",
                )


#: A placement marker inside a line of prose (not alone on its line).
_INLINE_MARKER = re.compile(r"\[\[\s*(?:check|scenario)\s+[^\[\]\s]+\s*\]\]")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _inline_markers(module: Module) -> Iterator[Problem]:
    """Markers that share their line with other text: Markdown shows them as
    written, and the item moves to the end of the page."""
    if "[[" not in module.body:
        return
    body = module.body
    if "<!--" in body:  # a marker in an HTML comment is never shown
        body = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)
    for number, line in outside_code(body, module.body_line):
        if "[[" not in line or parse(line) is not None:
            continue
        prose = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)  # `[[check x]]` shows the syntax
        for match in _INLINE_MARKER.finditer(prose):
            if not prose.replace(match.group(0), "").strip():
                continue  # alone but indented: not a marker, and not in a sentence either
            yield problem(
                "marker.inline",
                module.file,
                number,
                match.start() + 1,
                f"`{match.group(0)}` is inside a line of text, so learners see it as written "
                "and the item moves to the end of the page",
                "Put the marker on a line of its own, with a blank line before and after it.",
            )


def _module(module: Module) -> Iterator[Problem]:
    f = module.file
    yield from _inline_markers(module)
    placed: dict[tuple[str, str], int] = {}
    for marker in scan(module.body, module.body_line):
        if not marker.valid:
            words = marker.raw.strip("[] ").split()
            guess = did_you_mean(words[0], KINDS) if words else ""
            yield problem(
                "body.marker",
                f,
                marker.line,
                marker.column,
                f"`{marker.raw}` is not a placement marker",
                (guess + " " if guess else "")
                + "Write `[[check ID]]` or `[[scenario ID]]` alone on the line.",
            )
            continue
        items = module.checks if marker.kind == "check" else module.scenarios
        ids = [i.id for i in items]
        if marker.id not in ids:
            other = module.scenarios if marker.kind == "check" else module.checks
            if marker.id in [i.id for i in other]:
                right = "scenario" if marker.kind == "check" else "check"
                hint = f"`{marker.id}` is a {right}: write `[[{right} {marker.id}]]`."
            else:
                listed = ", ".join(f"`{i}`" for i in ids) or "none"
                hint = did_you_mean(marker.id, ids) or f"This module's {marker.kind}s: {listed}."
            yield problem(
                "ref.placement",
                f,
                marker.line,
                marker.column,
                f"`{marker.raw}` names no {marker.kind} of module `{module.id}`",
                hint,
            )
            continue
        key = (marker.kind, marker.id)
        if key in placed:
            yield problem(
                "body.duplicate-placement",
                f,
                marker.line,
                marker.column,
                f"{marker.kind} `{marker.id}` is already placed on line {placed[key]}",
                "Place each item once.",
            )
        else:
            placed[key] = marker.line
