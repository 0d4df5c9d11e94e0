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
        "targets",
        nargs="*",
        metavar="PATH",
        help="the project folder (holding mkdocs.yml; default: .), or files and folders in it: "
        "the whole project is checked, and the problems that involve them are reported",
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
    targets = [Path(t) for t in (args.targets or ["."])]
    missing = [t for t in targets if not t.exists()]
    if missing:
        print(f"academy check: {missing[0]} is not a folder or file", file=sys.stderr)
        return EXIT_USAGE
    first = targets[0]
    whole = (
        len(targets) == 1 and first.is_dir() and (holds_config(first) or not holds_config(project_of(first)))
    )
    directory = first if whole else project_of(first)
    root = directory.resolve()
    files: set[str] = set()
    folders: list[str] = []
    if not whole:
        for target in targets:
            try:
                rel = target.resolve().relative_to(root).as_posix()
            except ValueError:
                print(f"academy check: {target} is outside the project in {directory}", file=sys.stderr)
                return EXIT_USAGE
            if target.is_dir():
                folders.append("" if rel == "." else rel + "/")
            else:
                files.add(rel)
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
        files = changed if whole else {f for f in changed if f in files or f.startswith(tuple(folders))}
        whole, folders = False, []
    # A partial check still checks everything (references resolve), and is
    # about its files: a duplicate id is blamed on them (see identity rules).
    result = run(settings, focus=frozenset(files))
    if not whole:
        files |= {f for f in result.files if folders and f.startswith(tuple(folders))}
    problems = [p for p in result.problems if whole or p.file in files or any(r in files for r in p.related)]
    count = len(result.files) if whole else len(files)
    sys.stdout.write(render(args.format or default_format(), problems, count))
    errors = any(p.severity is Severity.ERROR for p in problems)
    warnings = any(p.severity is Severity.WARNING for p in problems)
    return EXIT_PROBLEMS if errors or (args.strict and warnings) else EXIT_OK
