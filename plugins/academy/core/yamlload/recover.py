"""Reading on past a YAML syntax error, so one run reports every mistake.

A syntax error stops the parser, and with it every check of the file: a tab,
a stray colon and a misspelt key took three runs to find. Here the broken
block (the list item holding the error, else the top-level field) is set
aside, the rest is parsed again, and so on for each error. The line count
never changes, so every later position stays right. The loader leaves the
set-aside blocks unchecked (they are ``holes``): what is in them is the
syntax error's to report.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from academy.core.problems import Problem

#: Syntax errors read past in one file, at most.
MAX_ERRORS = 20

_ITEM = re.compile(r"^( *)- ")
_TOP_KEY = re.compile(r"^([^\s#:'\"][^:#]*?):(?:\s|$)")


def _indent(line: str) -> int:
    # A tab counted as a terminal shows it: an author who indents with one
    # means at least a level deeper than the line above.
    wide = line.expandtabs(8)
    return len(wide) - len(wide.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def set_aside(lines: list[str], at: int) -> tuple[int, str] | None:
    """Replace the block holding line ``at`` in place: the list item around
    it, else its top-level field. Returns the block's first line and what
    now stands there, or ``None`` when nothing is left to set aside."""
    at = min(at, len(lines) - 1)
    while at > 0 and _blank(lines[at]):
        at -= 1
    if at < 0 or _blank(lines[at]):
        return None
    depth = _indent(lines[at])
    start = None
    for number in range(at, -1, -1):
        item = _ITEM.match(lines[number])
        if item and (number == at or len(item.group(1)) < depth):
            start, own = number, len(item.group(1))
            placeholder = " " * own + "- {}"
            break
        if not _blank(lines[number]) and _indent(lines[number]) == 0:
            start, own = number, 0
            key = _TOP_KEY.match(lines[number])
            placeholder = f"{key.group(1)}: null" if key else ""
            break
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and (_blank(lines[end]) or _indent(lines[end]) > own):
        end += 1
    if lines[start] == placeholder and all(not line for line in lines[start + 1 : end]):
        return None  # already set aside: no progress to make
    lines[start:end] = [placeholder] + [""] * (end - start - 1)
    return start, placeholder


def recover(
    text: str,
    error: yaml.MarkedYAMLError,
    explain: Callable[[yaml.MarkedYAMLError, str], list[Problem]],
    loader: type,
) -> tuple[yaml.Node | None, str, list[int], list[Problem]]:
    """Compose ``text`` past its syntax errors.

    Returns the node graph (``None`` if nothing could be recovered), the
    patched text it was composed from, the first lines of the blocks set
    aside, and every error's problems (``explain`` turns an error into them).
    """
    lines = text.split("\n")
    holes: list[int] = []
    problems = explain(error, text)
    if not _recoverable(error, problems):
        return None, text, holes, problems
    for _ in range(MAX_ERRORS):
        mark = error.problem_mark or error.context_mark
        done = set_aside(lines, mark.line if mark else 0)
        if done is None:
            return None, text, holes, problems
        if done[1]:
            holes.append(done[0])
        patched = "\n".join(lines)
        try:
            return yaml.compose(patched, Loader=loader), patched, holes, problems
        except yaml.MarkedYAMLError as again:
            error = again
            if not _recoverable(error, []):
                break
            seen = {(p.code, p.line, p.column) for p in problems}
            problems += [p for p in explain(error, patched) if (p.code, p.line, p.column) not in seen]
        except yaml.YAMLError:
            break
    return None, text, holes, problems


def _recoverable(error: yaml.MarkedYAMLError, problems: list[Problem]) -> bool:
    """Errors of a block that can be set aside; not nesting past the limit,
    nor a second document, which are not mistakes inside one block."""
    reason = f"{error.problem or ''} {error.context or ''}"
    return (
        "nesting depth" not in reason
        and "another document" not in reason
        and not any(p.code == "yaml.too-deep" for p in problems)
    )
