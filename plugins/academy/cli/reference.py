"""``academy schema`` and ``academy codes``: the published schemas and problem codes."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from academy.cli.common import EXIT_OK


def register(commands: Any) -> None:
    schema = commands.add_parser(
        "schema", help="print a JSON Schema: of a module, path or quiz bank, or of a JSON output"
    )
    schema.add_argument("kind", choices=("module", "path", "quiz", "catalog", "review", "insights"))
    schema.set_defaults(func=cmd_schema)

    codes = commands.add_parser("codes", help="list every problem code")
    codes.add_argument(
        "--markdown", action="store_true", help="print the documentation page instead of a table"
    )
    codes.set_defaults(func=cmd_codes)


def cmd_schema(args: argparse.Namespace) -> int:
    if args.kind == "review":
        from academy.cli.review.schema import review_schema_text

        sys.stdout.write(review_schema_text())
    elif args.kind == "insights":
        from importlib import resources

        sys.stdout.write(
            resources.files("academy.outputs.insights").joinpath("insights.schema.json").read_text("utf-8")
        )
    else:
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
