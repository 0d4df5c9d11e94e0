"""Problems: the one record every check returns.

Checks never print and never raise for content mistakes. They return
:class:`Problem` values, which the caller collects across every file and
reports once, sorted, in the format the reader needs (terminal, GitHub
annotations, JSON). Keeping problems as plain data is what lets the CLI, the
MkDocs plugin and the review tool share one engine.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace


class Severity(enum.StrEnum):
    """How much a problem matters.

    ``ignore`` only exists as a configured severity: a problem whose family is
    set to ``ignore`` is dropped before reporting.
    """

    ERROR = "error"
    WARNING = "warning"
    IGNORE = "ignore"


@dataclass(frozen=True, slots=True)
class Problem:
    """One diagnostic, located in a source file.

    Attributes:
        code: Stable identifier such as ``ref.prerequisite``; documented in the
            authoring guide and safe for tooling to match on.
        severity: ``error`` fails checks and builds; ``warning`` fails only
            under ``--strict``.
        file: Path relative to the project root, with forward slashes.
        line: 1-based line number; 0 when the problem concerns a whole file.
        column: 1-based column; 0 when unknown.
        message: What is wrong, in the author's terms.
        hint: How to fix it, or an empty string.
        related: Other files the problem involves (the file that defines the
            same id, the file whose id a broken reference probably means), so
            a check of just those files reports it too.
    """

    code: str
    severity: Severity
    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    related: tuple[str, ...] = ()

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def with_severity(self, severity: Severity) -> Problem:
        return replace(self, severity=severity)


class SettingsError(Exception):
    """A configuration mistake (``mkdocs.yml``, an option): reported as a
    usage error (exit 2) naming the option, never as a content problem."""


class OptionError(ValueError):
    """A bad option value, in words that follow the option's name: the
    caller (the CLI's settings, MkDocs' config) says which option it is."""


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Return problems in reading order, without exact duplicates.

    Duplicates arise when two rules reach the same fact from different sides
    (for example a broken reference seen from a path and from a module); the
    author only needs to read it once.
    """
    return sorted(set(problems), key=lambda p: p.sort_key)


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """Return ``(errors, warnings)``."""
    errors = warnings = 0
    for problem in problems:
        if problem.severity is Severity.ERROR:
            errors += 1
        elif problem.severity is Severity.WARNING:
            warnings += 1
    return errors, warnings


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(problems: Iterable[Problem], files_checked: int) -> str:
    """The closing line of every report: ``N errors, M warnings in K files``."""
    errors, warnings = count(problems)
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files_checked, 'file')}"


def visible(text: str) -> str:
    """Show control and format characters (bidi overrides, zero-width
    joiners, escape sequences) as ``\\uXXXX``.

    Messages quote the author's text; shown raw, such characters could
    reorder a terminal line, a build log or a PR annotation so a reviewer
    misreads it.
    """
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)


def format_problem(p: Problem, *, severity: bool = True) -> str:
    """``file:line:col: severity [code] message`` and an indented hint line.

    The one text form of a problem, for the terminal and the build log
    alike (the log's level already says the severity: ``severity=False``).
    """
    level = f"{p.severity.value} " if severity else ""
    text = f"{visible(p.file)}:{p.line}:{p.column}: {level}[{p.code}] {visible(p.message)}"
    return f"{text}\n    hint: {visible(p.hint)}" if p.hint else text
