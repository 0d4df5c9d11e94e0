"""``academy build``: ``mkdocs build`` into a staged folder, swapped in only when complete.

The one command that needs MkDocs, imported only when it runs.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from academy.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


def register(commands: Any) -> None:
    build = commands.add_parser(
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


def cmd_build(args: argparse.Namespace) -> int:
    try:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException
    except ImportError as exc:
        # `check`, `review`, `stats` and the rest need only the core; a build needs MkDocs.
        print(
            f"academy build: needs MkDocs and Material for MkDocs ({exc.name or 'mkdocs'} is missing); "
            "install them with: pip install 'mkdocs>=1.6,<2' 'mkdocs-material>=9.5,<10'",
            file=sys.stderr,
        )
        return EXIT_USAGE

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
