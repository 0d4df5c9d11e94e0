"""The ``academy`` command line: the same core as the MkDocs plugin.

Each command is a module of this package with a ``register(commands)``
function that adds its sub-parser and sets ``func``. Only ``build`` (and
``serve``-like work) needs MkDocs, and it imports MkDocs when it runs, so
``check``, ``review``, ``stats``, ``codes`` and ``schema`` work in an
environment without it.

Exit codes: 0 clean, 1 problems (errors, or warnings under ``--strict``),
2 usage or configuration errors.

May import: :mod:`academy.core`, :mod:`academy.render`,
:mod:`academy.outputs`; MkDocs only inside the function that runs a build.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from academy import __version__
from academy.cli import build, check, init, insights, new, package, reference, review, stats
from academy.cli.common import EXIT_OK, EXIT_USAGE, Parser
from academy.core.problems import SettingsError

#: The command modules, in the order ``academy --help`` lists them.
COMMANDS = (init, check, review, build, package, new, stats, insights, reference)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="academy", description="Validate and build a docs-as-code academy.")
    parser.add_argument("--version", action="version", version=f"academy {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS:
        command.register(commands)
    return parser


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
