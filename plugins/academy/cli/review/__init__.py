"""``academy review BASE [HEAD]``: what a change means for the curriculum.

A raw diff of YAML says which lines moved; a reviewer needs to know that a
check's right answer changed, that a module moved folders but kept its id,
that a path got forty minutes longer. :mod:`.git` loads the academy at two
revisions (HEAD defaults to the working tree), :mod:`.compare` compares the
two models by id, and :mod:`.markdown` writes the report as a pull-request
comment (or JSON).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from academy.cli.common import EXIT_OK, EXIT_USAGE
from academy.cli.review.compare import Report, compare
from academy.cli.review.git import ReviewError, load_revision
from academy.cli.review.markdown import to_markdown, to_text


def review(project: Path, base: str, head: str | None) -> Report:
    before = load_revision(project, base)
    after = load_revision(project, head)
    return compare(before, after, base, head or "working tree")


def register(commands: Any) -> None:
    review_ = commands.add_parser("review", help="summarise a change in curriculum terms, for a pull request")
    review_.add_argument("base", help="git revision to compare from, e.g. origin/main or HEAD~1")
    review_.add_argument(
        "head", nargs="?", default=None, help="git revision to compare to (default: the working tree)"
    )
    review_.add_argument("--project", default=".", help="project folder (holding mkdocs.yml); default: .")
    review_.add_argument(
        "--format",
        choices=("markdown", "text", "json"),
        default="markdown",
        help="markdown (a pull-request comment, the default), text, or json (schema: `academy schema review`)",
    )
    review_.set_defaults(func=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    try:
        report = review(Path(args.project), args.base, args.head)
    except ReviewError as exc:
        print(f"academy review: {exc}", file=sys.stderr)
        return EXIT_USAGE
    write = {"json": Report.to_json, "text": to_text, "markdown": to_markdown}[args.format]
    sys.stdout.write(write(report))
    return EXIT_OK


__all__ = ["Report", "ReviewError", "compare", "review", "to_markdown"]
