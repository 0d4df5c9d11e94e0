"""``academy package``: a learning path as a SCORM 1.2, SCORM 2004 or cmi5 zip.

The project is checked first, as ``academy check`` checks it: a broken
project packages nothing (the same problems, exit 1). Each package is then a
real MkDocs build, in package mode, into a temporary folder (so the pages are
those of the site, from the same renderer), plus a manifest, zipped.

MkDocs is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

from academy.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, default_format
from academy.cli.report import render
from academy.core.engine import run
from academy.core.problems import Severity
from academy.core.settings import load_settings
from academy.core.suggest import did_you_mean
from academy.outputs.packages import FORMATS, PackageRequest, cmi5, scorm12, scorm2004
from academy.outputs.packages.archive import listing, write_zip
from academy.outputs.packages.course import Course, activity_base, course_of
from academy.render.urls import SiteUrls


def register(commands: Any) -> None:
    package = commands.add_parser(
        "package",
        help="package a learning path for an LMS (SCORM 1.2, SCORM 2004 or cmi5)",
        description="Write a learning path as a zip an LMS imports: SCORM 1.2, SCORM 2004 4th edition or cmi5.",
    )
    package.add_argument("path_id", nargs="?", metavar="PATH_ID", help="the learning path's id")
    package.add_argument("--all", action="store_true", help="package every learning path")
    package.add_argument("--format", required=True, choices=tuple(FORMATS), help="the LMS standard")
    package.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the zip to write (with --all: the folder); default: dist/PATH_ID-FORMAT.zip",
    )
    package.add_argument(
        "-C", "--directory", default=".", help="project folder (holding mkdocs.yml); default: ."
    )
    package.add_argument("--strict", action="store_true", help="refuse to package on warnings too")
    package.set_defaults(func=cmd_package)


def cmd_package(args: argparse.Namespace) -> int:
    if bool(args.path_id) == bool(args.all):
        print("academy package: name one learning path, or give --all", file=sys.stderr)
        return EXIT_USAGE
    try:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException
    except ImportError as exc:
        print(
            f"academy package: needs MkDocs and Material for MkDocs ({exc.name or 'mkdocs'} is missing); "
            "install them with: pip install 'mkdocs>=1.6,<2' 'mkdocs-material>=9.5,<10'",
            file=sys.stderr,
        )
        return EXIT_USAGE

    directory = Path(args.directory)
    config_file = directory / "mkdocs.yml"
    if not config_file.is_file():
        print(f"academy package: {config_file} not found", file=sys.stderr)
        return EXIT_USAGE
    settings = load_settings(directory)
    result = run(settings)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    if errors or (args.strict and result.problems):
        sys.stdout.write(render(default_format(), result.problems, len(result.files)))
        print("academy package: the project has problems; nothing was packaged.", file=sys.stderr)
        return EXIT_PROBLEMS
    paths = [p.id for p in result.academy.paths]
    if args.all:
        chosen = paths
    elif args.path_id not in paths:
        hint = did_you_mean(args.path_id, paths)
        known = ", ".join(paths) or "none"
        print(
            f"academy package: no learning path `{args.path_id}`. {hint + ' ' if hint else ''}Known paths: {known}.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    else:
        chosen = [args.path_id]

    handler = _quiet_log()
    try:
        for path_id in chosen:
            target = _target(args, path_id, directory)
            with tempfile.TemporaryDirectory(prefix="academy-package-") as tmp:
                site = Path(tmp) / "site"
                config = load_config(str(config_file), site_dir=str(site))
                xapi = settings.xapi
                request = PackageRequest(
                    path_id,
                    args.format,
                    activity_base(
                        xapi.activity_base if xapi else "", config.site_url or "", config.site_name
                    ),
                    SiteUrls(config.use_directory_urls),
                )
                path = result.academy.path(path_id)
                assert path is not None
                language = config.theme.get("language") or "en"
                course = course_of(result.academy, path, language, request.base, request.layout)
                config.plugins["academy"].package = request
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config)
                finally:
                    config.plugins.on_shutdown()
                name, manifest = _manifest(args.format, course, listing(site))
                write_zip(site, target, {name: manifest})
            size = target.stat().st_size
            print(f"academy package: wrote {target} ({args.format}, {size / 1e6:.1f} MB)", file=sys.stderr)
    except ConfigurationError as exc:
        print(f"academy package: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (Abort, MkDocsException) as exc:
        print(f"academy package: {exc}; nothing was packaged.", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return EXIT_OK


def _manifest(fmt: str, course: Course, files: list[str]) -> tuple[str, bytes]:
    if fmt == "scorm12":
        return FORMATS[fmt], scorm12.manifest(course, files)
    if fmt == "scorm2004":
        return FORMATS[fmt], scorm2004.manifest(course, files)
    return FORMATS[fmt], cmi5.manifest(course)


def _target(args: argparse.Namespace, path_id: str, directory: Path) -> Path:
    name = f"{path_id}-{args.format}.zip"
    if args.output:
        out = Path(args.output)
        return out / name if args.all else out
    return directory / "dist" / name


class _NotOurProblems(logging.Filter):
    """The check has printed the project's problems already; the build would
    log its warnings again through the plugin's logger."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "mkdocs.plugins.academy" and record.levelno < logging.ERROR)


def _quiet_log() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(_NotOurProblems())
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    return handler
