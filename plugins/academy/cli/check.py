"""``academy check``: every problem in every file, in one run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from academy.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, default_format, holds_config, project_of
from academy.cli.report import FORMATS, render
from academy.core.engine import run
from academy.core.problems import Severity
from academy.core.settings import load_settings
from academy.render.html import check_templates


def register(commands: Any) -> None:
    check = commands.add_parser("check", help="validate modules, paths and quiz banks")
    check.add_argument(
        "directory", nargs="?", default=".", help="project folder (holding mkdocs.yml); default: ."
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: text; github on GitHub Actions)",
    )
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument(
        "--changed-since",
        metavar="REF",
        help="report only problems in files changed since git REF (the whole academy is still validated)",
    )
    check.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    target = Path(args.directory)
    only: set[str] | None = None
    prefix = ""
    if target.is_file():
        # Checking one file (an editor on save): the whole academy is loaded,
        # so references resolve, but only that file's problems are shown.
        directory = project_of(target)
        only = {target.resolve().relative_to(directory.resolve()).as_posix()}
    elif target.is_dir() and not holds_config(target) and holds_config(project_of(target)):
        # A folder inside a project (say modules/communication): validate the
        # project, show the problems of the files under that folder.
        directory = project_of(target)
        prefix = target.resolve().relative_to(directory.resolve()).as_posix() + "/"
    elif target.is_dir():
        directory = target
    else:
        print(f"academy check: {target} is not a folder or file", file=sys.stderr)
        return EXIT_USAGE
    settings = load_settings(directory)
    if settings.templates_dir:
        check_templates(settings.root / settings.templates_dir)  # a SettingsError exits 2
    if args.changed_since:
        from academy.cli.review.git import ReviewError, changed_files

        try:
            changed = changed_files(directory, args.changed_since)
        except ReviewError as exc:
            print(f"academy check: {exc}", file=sys.stderr)
            return EXIT_USAGE
        only = changed if only is None else only & changed
    result = run(settings)
    if prefix:
        under = {f for f in result.files if f.startswith(prefix)}
        only = under if only is None else only & under
    problems = [p for p in result.problems if only is None or p.file in only]
    files = len(result.files) if only is None else len(only)
    sys.stdout.write(render(args.format or default_format(), problems, files))
    errors = any(p.severity is Severity.ERROR for p in problems)
    warnings = any(p.severity is Severity.WARNING for p in problems)
    return EXIT_PROBLEMS if errors or (args.strict and warnings) else EXIT_OK
