"""Guards and explanations: nesting deep enough to crash the C parser, and
syntax errors told in an author's terms."""

from __future__ import annotations

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
    message = exc.problem or "invalid YAML"
    if exc.context:
        message = f"{message} ({exc.context})"
    hint = next((h for key, h in _SYNTAX_HINTS if key in message), "")
    if "simple key" in message and mark is not None and mark.column > 1024:
        hint = "YAML keys are limited to 1,024 characters; this line has a longer one."
    return [problem("yaml.syntax", file, line, column, message, hint)]
