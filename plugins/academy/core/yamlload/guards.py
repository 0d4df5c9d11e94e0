"""Guards and explanations: nesting deep enough to crash the C parser, and
syntax errors told in an author's terms."""

from __future__ import annotations

import re

import yaml

from academy.core.codes import problem
from academy.core.problems import Problem
from academy.core.yamlload.depth import libyaml_nesting_limit, pure_deep_mark, too_deep

#: overflow the C composer's stack, so the event pre-scan can be skipped.


def first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "invalid YAML"


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "A value contains `: `. Wrap the whole value in quotes."),
    ("could not find expected ':'", "A line is not `key: value`, or a multi-line value is not indented."),
    ("did not find expected key", "Check the indentation: keys of one mapping must line up."),
    ("did not find expected '-' indicator", "Check the indentation: items of one list must line up."),
    ("found undefined alias", "An alias (`*name`) refers to an anchor (`&name`) that does not exist."),
    ("found unexpected end of stream", "A quote or bracket is not closed."),
    (
        "found unknown escape character",
        "In double quotes, write a backslash as `\\\\`, or use single quotes.",
    ),
    ("found character '@'", "A value cannot start with `@` or a backtick; quote it."),
    ("found character '`'", "A value cannot start with `@` or a backtick; quote it."),
    ("expected <block end>", "Check the indentation of this line against the lines above."),
    ("found duplicate anchor", "Each anchor (`&name`) can be defined once."),
)


def syntax_problems(exc: yaml.MarkedYAMLError, text: str, file: str, line_offset: int) -> list[Problem]:
    tab_lines = [
        (number, line.index("\t"))
        for number, line in enumerate(text.split("\n"))
        if "\t" in line[: len(line) - len(line.lstrip())]
    ]
    if tab_lines:
        return [
            problem(
                "yaml.tab",
                file,
                number + line_offset,
                column + 1,
                "a tab character indents this line; YAML allows spaces only",
                "Replace the tab with spaces.",
            )
            for number, column in tab_lines
        ]
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line if mark else 0) + line_offset
    column = (mark.column if mark else 0) + 1
    if libyaml_nesting_limit(exc):
        # The same mistake as nesting past MAX_DEPTH, so the same problem, at
        # the same place as without libyaml's limit.
        deep = pure_deep_mark(text)
        if deep is not None:
            line, column = deep.line + line_offset, deep.column + 1
        return [too_deep(file, line, column)]
    if mark is not None:
        misaligned = _misaligned(text.split("\n"), mark.line, mark.column, exc.problem or "")
        if misaligned is not None:
            key, has, wants, above = misaligned
            return [
                problem(
                    "yaml.indent",
                    file,
                    line,
                    has + 1,
                    f"`{key}:` starts at column {has + 1}, but the keys of the mapping it belongs to start at "
                    f"column {wants + 1} (`{above}:` on line {line_offset + _above_line(text, mark.line)})",
                    f"Start `{key}:` at column {wants + 1}, under `{above}:`.",
                )
            ]
    message = exc.problem or "invalid YAML"
    if exc.context:
        message = f"{message} ({exc.context})"
    hint = next((h for key, h in _SYNTAX_HINTS if key in message), "")
    if "simple key" in message and mark is not None and mark.column > 1024:
        hint = "YAML keys are limited to 1,024 characters; this line has a longer one."
    return [problem("yaml.syntax", file, line, column, message, hint)]


_KEY_LINE = re.compile(r"^( *)(- +)?([^\s:#'\"][^:#]*?):(?:\s|$)")


def _above_line(text: str, at: int) -> int:
    lines = text.split("\n")
    for number in range(at - 1, -1, -1):
        if lines[number].strip() and not lines[number].lstrip().startswith("#"):
            return number
    return 0


def _misaligned(lines: list[str], at: int, column: int, reason: str) -> tuple[str, int, int, str] | None:
    """``(key, its column, the column it should have, the key above)`` when
    the error is a key indented unlike the keys of the mapping above it.

    YAML's own words ("mapping values are not allowed here", "did not find
    expected '-' indicator") describe what the parser expected, not that a
    line is indented one space too far; an author needs the columns.
    """
    if at >= len(lines) or not ("mapping values" in reason or "expected" in reason):
        return None
    here = _KEY_LINE.match(lines[at])
    if here is None or here.group(2):
        return None
    has = len(here.group(1))
    first_colon = here.end(3)
    if "mapping values" in reason and column != first_colon:
        return None  # a later `: ` inside the value: a quoting problem, not indentation
    above = _KEY_LINE.match(lines[_above_line("\n".join(lines), at)])
    if above is None:
        return None
    wants = len(above.group(1)) + len(above.group(2) or "")
    if has == wants:
        return None
    return here.group(3).strip(), has, wants, above.group(3).strip()
