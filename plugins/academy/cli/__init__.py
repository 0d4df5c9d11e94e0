"""The ``academy`` command line: the same engine as the plugin, no MkDocs needed.

Exit codes: 0 clean, 1 problems (errors, or warnings under ``--strict``),
2 usage or configuration errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from academy import __version__
from academy.cli.report import FORMATS, render
from academy.core.engine import run
from academy.core.problems import Severity
from academy.core.settings import SettingsError, load_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="academy", description="Validate and build a docs-as-code academy.")
    parser.add_argument("--version", action="version", version=f"academy {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="validate modules, paths and quiz banks")
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

    review = sub.add_parser("review", help="summarise a change in curriculum terms, for a pull request")
    review.add_argument("base", help="git revision to compare from, e.g. origin/main or HEAD~1")
    review.add_argument(
        "head", nargs="?", default=None, help="git revision to compare to (default: the working tree)"
    )
    review.add_argument("--project", default=".", help="project folder (holding mkdocs.yml); default: .")
    review.add_argument("--format", choices=("markdown", "json"), default="markdown")
    review.set_defaults(func=cmd_review)

    build = sub.add_parser(
        "build", help="build the site atomically: the previous site stays until the new one is complete"
    )
    build.add_argument(
        "directory", nargs="?", default=".", help="project folder (holding mkdocs.yml); default: ."
    )
    build.add_argument(
        "-f", "--config-file", default=None, help="MkDocs configuration file; default: DIR/mkdocs.yml"
    )
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("-q", "--quiet", action="store_true", help="only show warnings and errors")
    build.set_defaults(func=cmd_build)

    new = sub.add_parser("new", help="write a new module, path or quiz bank that passes `academy check`")
    new.add_argument("kind", choices=("module", "path", "quiz"))
    new.add_argument("id", help="kebab-case id, which is also the file name")
    new.add_argument("--title", default=None, help="title (default: from the id)")
    new.add_argument("--project", default=".", help="project folder (holding mkdocs.yml); default: .")
    new.set_defaults(func=cmd_new)

    stats = sub.add_parser("stats", help="counts, durations, question types, Bloom levels and coverage")
    stats.add_argument("directory", nargs="?", default=".")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.set_defaults(func=cmd_stats)

    schema = sub.add_parser("schema", help="print the JSON Schema of a module, path or quiz bank")
    schema.add_argument("kind", choices=("module", "path", "quiz"))
    schema.set_defaults(func=cmd_schema)

    codes = sub.add_parser("codes", help="list every problem code")
    codes.add_argument(
        "--markdown", action="store_true", help="print the documentation page instead of a table"
    )
    codes.set_defaults(func=cmd_codes)
    return parser


def cmd_check(args: argparse.Namespace) -> int:
    target = Path(args.directory)
    only: set[str] | None = None
    prefix = ""
    if target.is_file():
        # Checking one file (an editor on save): the whole academy is loaded,
        # so references resolve, but only that file's problems are shown.
        directory = _project_of(target)
        only = {target.resolve().relative_to(directory.resolve()).as_posix()}
    elif target.is_dir() and not _holds_config(target) and _holds_config(_project_of(target)):
        # A folder inside a project (say modules/communication): validate the
        # project, show the problems of the files under that folder.
        directory = _project_of(target)
        prefix = target.resolve().relative_to(directory.resolve()).as_posix() + "/"
    elif target.is_dir():
        directory = target
    else:
        print(f"academy check: {target} is not a folder or file", file=sys.stderr)
        return EXIT_USAGE
    settings = load_settings(directory)
    if args.changed_since:
        from academy.cli.review import ReviewError, changed_files

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
    sys.stdout.write(render(args.format or _default_format(), problems, files))
    errors = any(p.severity is Severity.ERROR for p in problems)
    warnings = any(p.severity is Severity.WARNING for p in problems)
    return EXIT_PROBLEMS if errors or (args.strict and warnings) else EXIT_OK


def _holds_config(folder: Path) -> bool:
    return (folder / "mkdocs.yml").is_file() or (folder / "mkdocs.yaml").is_file()


def _project_of(file: Path) -> Path:
    """The nearest folder above ``file`` holding mkdocs.yml, else its parent."""
    for folder in file.resolve().parents:
        if _holds_config(folder):
            return folder
    return file.resolve().parent


def cmd_review(args: argparse.Namespace) -> int:
    from academy.cli.review import ReviewError, review, to_markdown

    try:
        report = review(Path(args.project), args.base, args.head)
    except ReviewError as exc:
        print(f"academy review: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(report.to_json() if args.format == "json" else to_markdown(report))
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """``mkdocs build`` into a staged folder, swapped in only when complete."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    from academy.cli.atomic import staged

    config_file = Path(args.config_file) if args.config_file else Path(args.directory) / "mkdocs.yml"
    if not config_file.is_file():
        print(f"academy build: {config_file} not found", file=sys.stderr)
        return EXIT_USAGE
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.WARNING if args.quiet else logging.INFO)
    try:
        site_dir = Path(load_config(str(config_file), strict=args.strict).site_dir)
        with staged(site_dir) as stage:
            build(load_config(str(config_file), strict=args.strict, site_dir=str(stage)))
    except ConfigurationError as exc:
        print(f"academy build: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (Abort, MkDocsException) as exc:
        print(f"academy build: {exc}; {site_dir} is unchanged.", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        mkdocs_log.removeHandler(handler)
    print(f"academy build: built {site_dir}", file=sys.stderr)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from academy.cli.new import ScaffoldError, create

    settings = load_settings(Path(args.project))
    try:
        made = create(settings, args.kind, args.id, args.title)
    except ScaffoldError as exc:
        print(f"academy new: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {made.path.relative_to(settings.root)}. Next:")
    for number, step in enumerate(made.next_steps, start=1):
        print(f"  {number}. {step}")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from academy.cli.stats import stats, to_json, to_text

    data = stats(run(load_settings(Path(args.directory))).academy)
    sys.stdout.write(to_json(data) if args.format == "json" else to_text(data))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from academy.core.schemas import schema_text

    sys.stdout.write(schema_text(args.kind))
    return EXIT_OK


def cmd_codes(args: argparse.Namespace) -> int:
    from academy.core.codes import CODES, markdown_reference

    if args.markdown:
        sys.stdout.write(markdown_reference())
        return EXIT_OK
    width = max(len(c) for c in CODES)
    for code in CODES.values():
        sys.stdout.write(f"{code.code:<{width}}  {code.severity.value:<7}  {code.title}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except SettingsError as exc:
        print(f"academy: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `academy check | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
