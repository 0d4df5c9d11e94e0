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

from . import __version__
from .engine import run
from .problems import Severity
from .report import FORMATS, render
from .settings import SettingsError, load_settings

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
    check.set_defaults(func=cmd_check)

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

    codes = sub.add_parser("codes", help="list every problem code")
    codes.add_argument(
        "--markdown", action="store_true", help="print the documentation page instead of a table"
    )
    codes.set_defaults(func=cmd_codes)
    return parser


def cmd_check(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"academy check: {directory} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    settings = load_settings(directory)
    result = run(settings)
    sys.stdout.write(render(args.format or _default_format(), result.problems, len(result.files)))
    failing = Severity.WARNING if args.strict else None
    if result.errors or (failing and result.warnings):
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """``mkdocs build`` into a staged folder, swapped in only when complete."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    from .atomic import staged

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


def cmd_codes(args: argparse.Namespace) -> int:
    from .codes import CODES, markdown_reference

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
