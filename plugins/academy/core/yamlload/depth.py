"""Nesting depth: the limit, and where a document passes it.

Split from the loader so that the one place knowing how deep nesting is
measured (and how each parser stops it) stays small.
"""

from __future__ import annotations

from typing import Any

import yaml

from academy.core.codes import problem
from academy.core.problems import Problem
from academy.core.yamlload.tags import MAX_DEPTH

#: Structural characters below which nesting cannot reach depths that would
#: overflow the C composer's stack, so the event pre-scan can be skipped.
_SAFE_STRUCTURE = 4000


def too_deep(file: str, line: int, column: int) -> Problem:
    return problem(
        "yaml.too-deep",
        file,
        line,
        column,
        f"the YAML nests more than {MAX_DEPTH} levels deep",
        "Flatten the structure.",
    )


def deep_mark(text: str, loader: Any) -> yaml.Mark | None:
    """Where nesting first passes :data:`MAX_DEPTH`, from the (iterative) event stream.

    Depth counts as the builder does: the top-level collection is level 0.
    """
    depth = -1
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def libyaml_nesting_limit(exc: yaml.YAMLError) -> bool:
    """libyaml 0.2.5, as bundled with PyYAML 6.0.3 and later, stops deep
    nesting itself ("exceeded maximum nesting depth") at its own limit."""
    return "nesting depth" in (getattr(exc, "problem", None) or "")


def pure_deep_mark(text: str) -> yaml.Mark | None:
    """The same measure with PyYAML's pure-Python parser, which has no nesting
    limit of its own and reads at most about 1,024 characters ahead.

    libyaml's scanner looks ahead for simple keys before it emits an event, so
    where it stops at its own limit it does so before the events reach ours.
    Measuring again here reports the problem at the level where nesting passes
    ours, whichever libyaml (or none) is installed. Only hostile input pays.
    """
    try:
        return deep_mark(text, yaml.SafeLoader)
    except yaml.YAMLError:
        return None


def prescan_depth(text: str, file: str, line_offset: int, loader: Any) -> Problem | None:
    """Reject nesting deep enough to crash the C composer, without composing.

    libyaml's composer recurses once per nesting level on the C stack, and
    some tens of thousands of levels crash the interpreter. Nesting needs one
    structural character per level, so most files are cleared by counting; the
    rest are measured with the parser's event stream, which is iterative.
    """
    structure = sum(text.count(ch) for ch in "[{-:?")
    if structure < _SAFE_STRUCTURE:
        return None
    try:
        mark = deep_mark(text, loader)
    except yaml.YAMLError as exc:
        if not libyaml_nesting_limit(exc):
            return None  # composing will report the syntax error with its position
        mark = pure_deep_mark(text)
    return too_deep(file, mark.line + line_offset, mark.column + 1) if mark else None
