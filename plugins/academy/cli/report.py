"""Problem reports in the three formats: text, GitHub annotations, JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from academy.core.problems import Problem, count, format_problem, summary_line

FORMATS = ("text", "github", "json")


def format_text(problems: Sequence[Problem], files_checked: int) -> str:
    """``file:line:col: severity [code] message`` with an indented hint line."""
    lines = [format_problem(p) for p in problems]
    lines.append(summary_line(problems, files_checked))
    return "\n".join(lines) + "\n"


def _escape_data(value: str) -> str:
    # GitHub workflow commands: data escapes %, CR and LF.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    # Property values additionally escape the separators ':' and ','.
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotation(p: Problem) -> str:
    """One workflow command: ``::error file=…,line=…,col=…,title=CODE::message``."""
    message = p.message + (f"\nHint: {p.hint}" if p.hint else "")
    props = f"file={_escape_property(p.file)},line={p.line},col={p.column},title={_escape_property(p.code)}"
    return f"::{p.severity.value} {props}::{_escape_data(message)}"


def format_github(problems: Sequence[Problem], files_checked: int) -> str:
    lines = [github_annotation(p) for p in problems]
    lines.append(summary_line(problems, files_checked))
    return "\n".join(lines) + "\n"


def format_json(problems: Sequence[Problem], files_checked: int) -> str:
    errors, warnings = count(problems)
    payload = {
        "version": 1,
        "problems": [
            {
                "code": p.code,
                "severity": p.severity.value,
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "message": p.message,
                "hint": p.hint,
                "related": list(p.related),
            }
            for p in problems
        ],
        "summary": {
            "errors": errors,
            "warnings": warnings,
            "files": files_checked,
            "text": summary_line(problems, files_checked),
        },
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render(fmt: str, problems: Sequence[Problem], files_checked: int) -> str:
    return {"text": format_text, "github": format_github, "json": format_json}[fmt](problems, files_checked)
