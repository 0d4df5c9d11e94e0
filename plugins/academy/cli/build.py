"""``academy build``: ``mkdocs build`` into a staged folder, swapped in only when complete.

The one command that needs MkDocs, imported only when it runs.

A configuration mistake (a missing ``docs_dir``, an option MkDocs or the
plugin rejects, no ``mkdocs.yml``) and a site that cannot be written (a
read-only or full disk) are each reported as one line naming the file or
option, with exit status 2, and the previous site stays as it was. Content
problems are reported by the plugin, with exit status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from academy.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from academy.core.problems import SettingsError
from academy.core.settings import Settings, read_mkdocs_file, yaml_error_line


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


class _Collect(logging.Handler):
    """Holds MkDocs' log records while it loads its configuration.

    ``load_config`` logs each configuration error and then raises a bare
    ``Abort("Aborted with a configuration error!")``; the records are what
    name the option, so they become the one-line report.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _not_os_error(record: logging.LogRecord) -> bool:
    """Drop MkDocs' own report of a failed write ("Error building page 'x':
    [Errno 28] ..."): it re-raises the error, and ``cmd_build`` reports it
    once, saying that the previous site is unchanged."""
    return not (record.levelno >= logging.ERROR and "[Errno " in record.getMessage())


@contextlib.contextmanager
def _mkdocs_log(quiet: bool) -> Iterator[logging.Handler]:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(_not_os_error)
    log = logging.getLogger("mkdocs")
    level = log.level
    log.addHandler(handler)
    log.setLevel(logging.WARNING if quiet else logging.INFO)
    try:
        yield handler
    finally:
        log.removeHandler(handler)
        log.setLevel(level)


def _config_file(args: argparse.Namespace) -> Path | None:
    if args.config_file:
        return Path(args.config_file)
    for name in ("mkdocs.yml", "mkdocs.yaml"):
        if (Path(args.directory) / name).is_file():
            return Path(args.directory) / name
    return None


def _load(config_file: Path, strict: bool, stream: logging.Handler, **overrides: str) -> Any:
    """MkDocs' configuration, or :class:`SettingsError` naming what is wrong with it."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError, MkDocsException

    log = logging.getLogger("mkdocs")
    collect = _Collect()
    log.removeHandler(stream)
    log.addHandler(collect)
    try:
        # strict=None keeps `strict: true` from mkdocs.yml; --strict overrides it.
        return load_config(str(config_file), strict=True if strict else None, **overrides)
    except (ConfigurationError, MkDocsException) as exc:
        errors = [r.getMessage() for r in collect.records if r.levelno >= logging.ERROR]
        # Under --strict, configuration warnings abort the build too.
        found = errors or [r.getMessage() for r in collect.records] or [str(exc)]
        raise SettingsError("; ".join(f"{config_file}: {message}" for message in found)) from None
    finally:
        log.removeHandler(collect)
        log.addHandler(stream)
        for record in collect.records:
            if record.levelno < logging.ERROR:
                stream.handle(record)


def cmd_build(args: argparse.Namespace) -> int:
    try:
        from mkdocs.commands.build import build
        from mkdocs.exceptions import Abort, MkDocsException
    except ImportError as exc:
        # `check`, `review`, `stats` and the rest need only the core; a build needs MkDocs.
        print(
            f"academy build: needs MkDocs and Material for MkDocs ({exc.name or 'mkdocs'} is missing); "
            "install them with: pip install 'mkdocs>=1.6,<2' 'mkdocs-material>=9.5,<10'",
            file=sys.stderr,
        )
        return EXIT_USAGE

    from academy.cli.atomic import staged

    config_file = _config_file(args)
    if config_file is None or not config_file.is_file():
        missing = config_file or Path(args.directory) / "mkdocs.yml"
        print(
            f"academy build: {missing} not found; run it in an academy folder, "
            "or start one with `academy init DIR`.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with _mkdocs_log(args.quiet) as stream:
        try:
            # The academy options first, with the messages `academy check`
            # gives, then what MkDocs itself validates.
            found = read_mkdocs_file(config_file)
            Settings.from_options(config_file.parent, found.options, content_dir=found.docs_dir)
            site_dir = Path(_load(config_file, args.strict, stream).site_dir)
        except SettingsError as exc:
            print(f"academy build: configuration error: {_one_line(exc, config_file)}", file=sys.stderr)
            return EXIT_USAGE
        try:
            with staged(site_dir) as stage:
                build(_load(config_file, args.strict, stream, site_dir=str(stage)))
        except SettingsError as exc:
            print(f"academy build: configuration error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except OSError as exc:
            print(
                f"academy build: cannot write {site_dir}: {_describe(exc, site_dir)}; "
                "the previous site is unchanged.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        except (Abort, MkDocsException) as exc:
            print(f"academy build: {exc}; {site_dir} is unchanged.", file=sys.stderr)
            return EXIT_PROBLEMS
    print(f"academy build: built {site_dir}", file=sys.stderr)
    return EXIT_OK


def _one_line(exc: SettingsError, config_file: Path) -> str:
    """The error on one line; a YAML syntax error as ``mkdocs.yml:LINE:COL: problem``."""
    import yaml

    cause = exc.__context__
    if isinstance(cause, yaml.MarkedYAMLError) and cause.problem_mark is not None:
        return yaml_error_line(config_file, cause)
    return " ".join(str(exc).split())


def _describe(exc: OSError, site_dir: Path) -> str:
    """``No space left on device``, naming the file when it is not a staged one.

    For a copy or a rename, ``filename2`` is the destination, the one that
    could not be written.
    """
    reason = os.strerror(exc.errno) if exc.errno else str(exc)
    where = exc.filename2 if exc.filename2 is not None else exc.filename
    if where is None:
        return reason
    path = Path(os.fsdecode(where))
    staged = any(part.startswith(".academy-build-") for part in path.parts)
    return reason if staged or path == site_dir.resolve() else f"{reason} ({path})"
