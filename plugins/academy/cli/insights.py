"""`academy insights`: what learners' xAPI statements say about the course.

Reads statements from a record store (``--lrs``) or export files
(``--statements``), keeps this academy's activities, joins them with the
current content and reports item analysis, objective mastery, scenario
endings, path funnels and assessment reliability, with flags at source
lines. Learner identities never reach a report (see
:mod:`academy.core.analytics`).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import urllib.error
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from academy.cli.common import EXIT_OK, EXIT_USAGE
from academy.cli.report import github_annotation
from academy.core.analytics import analyse, locator
from academy.core.analytics.figures import Insights, Thresholds
from academy.core.analytics.read import read_file, read_lrs
from academy.core.engine import run
from academy.core.problems import OptionError, Problem, Severity
from academy.core.settings import load_settings
from academy.core.xapi import xapi_settings
from academy.outputs.insights.data import KIND_TITLES, summary_lines, to_json
from academy.outputs.insights.html import to_html
from academy.outputs.insights.markdown import to_markdown

AUTH_ENV = "ACADEMY_LRS_AUTH"


def register(commands: Any) -> None:
    p = commands.add_parser(
        "insights",
        help="item analysis, mastery, scenario endings and path funnels from learners' xAPI statements",
        description="Report what learners' xAPI statements say about the course. "
        "Learner identities never appear in a report.",
    )
    p.add_argument("directory", nargs="?", default=".", help="the academy project (default: .)")
    source = p.add_argument_group("where the statements come from (one or both)")
    source.add_argument(
        "--statements",
        nargs="+",
        metavar="FILE",
        type=Path,
        default=[],
        help="export files: a JSON array, JSON lines, or saved LRS pages",
    )
    source.add_argument(
        "--lrs", metavar="URL", help="the record store's xAPI endpoint, e.g. https://lrs.example.org/xAPI/"
    )
    source.add_argument(
        "--auth",
        help=f"Authorization for --lrs ('Basic …' or a bare Basic token); "
        f"default: ${AUTH_ENV}, else the xapi option's auth",
    )
    source.add_argument(
        "--since", default="", help="with --lrs: only statements stored after this ISO 8601 time"
    )
    p.add_argument(
        "--activity-base",
        metavar="URL",
        help="where activity ids start; default: the xapi option's activity_base, else site_url",
    )
    p.add_argument("--format", choices=("markdown", "html", "json", "github"), default="markdown")
    p.add_argument("--output", "-o", type=Path, help="write the report here instead of standard output")
    limits = p.add_argument_group("thresholds")
    d = Thresholds()
    limits.add_argument(
        "--min-learners",
        type=int,
        default=d.min_learners,
        help=f"show no figure resting on fewer learners (default {d.min_learners})",
    )
    for name, value, what in (
        ("too-easy", d.too_easy, "flag questions right first time more often than this"),
        ("too-hard", d.too_hard, "flag questions right first time less often than this"),
        ("min-discrimination", d.min_discrimination, "flag questions whose discrimination is below this"),
        ("unpicked", d.unpicked, "flag distractors picked less often than this"),
        ("mastery", d.mastery, "flag objectives mastered by fewer than this share"),
        ("stop", d.stop, "flag stages where more than this share of learners stop"),
    ):
        limits.add_argument(f"--{name}", type=float, default=value, help=f"{what} (default {value:g})")
    p.set_defaults(func=cmd_insights)


def _statements(args: argparse.Namespace, auth: str) -> Iterator[Any]:
    sources: list[Iterator[Any]] = [read_file(path) for path in args.statements]
    if args.lrs:
        sources.append(read_lrs(args.lrs, auth, since=args.since))
    return itertools.chain.from_iterable(sources)


def github(report: Insights) -> str:
    """Flags as workflow annotations on their source lines, then the summary."""
    lines = []
    for f in report.flags:
        problem = Problem(
            code=f"insights.{f.kind}",
            severity=Severity.WARNING,
            file=f.where.file,
            line=f.where.line,
            column=f.where.column,
            message=f"{KIND_TITLES[f.kind]}: {f.item}: {f.figure}.",
            hint=f.advice,
        )
        lines.append(github_annotation(problem))
    lines += summary_lines(report)
    lines.append(f"{len(report.flags)} flags.")
    return "\n".join(lines) + "\n"


def cmd_insights(args: argparse.Namespace) -> int:
    if not args.statements and not args.lrs:
        print("academy insights: give --statements FILE... or --lrs URL (or both).", file=sys.stderr)
        return EXIT_USAGE
    missing = [str(p) for p in args.statements if not p.is_file()]
    if missing:
        print(f"academy insights: no such file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if args.min_learners < 1:
        print("academy insights: --min-learners must be 1 or more.", file=sys.stderr)
        return EXIT_USAGE
    directory = Path(args.directory)
    settings = load_settings(directory)
    xapi = settings.xapi
    base = args.activity_base or (xapi.activity_base if xapi else "") or settings.site_url
    if not base:
        print(
            "academy insights: cannot tell which activities are this academy's. "
            "Set site_url or the xapi option's activity_base in mkdocs.yml, or pass --activity-base URL.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    auth = ""
    if args.lrs:
        raw_auth = args.auth or os.environ.get(AUTH_ENV) or (xapi.auth if xapi else "")
        try:
            auth = xapi_settings({"endpoint": args.lrs, "auth": raw_auth}).auth  # type: ignore[union-attr]
        except OptionError as exc:
            print(f"academy insights: --lrs: {exc}", file=sys.stderr)
            return EXIT_USAGE
        args.lrs = xapi_settings({"endpoint": args.lrs}).endpoint  # type: ignore[union-attr]
    result = run(settings)
    limits = Thresholds(
        args.min_learners,
        args.too_easy,
        args.too_hard,
        args.min_discrimination,
        args.unpicked,
        args.mastery,
        args.stop,
    )
    try:
        report = analyse(_statements(args, auth), result.academy, base, locator(result.loaded), limits)
    except (urllib.error.URLError, OSError) as exc:
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        print(f"academy insights: cannot read the statements: {reason}", file=sys.stderr)
        return EXIT_USAGE
    writers = {"markdown": to_markdown, "html": to_html, "json": to_json, "github": github}
    text = writers[args.format](report)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        for line in summary_lines(report)[:1]:
            print(f"academy insights: {line} Report written to {args.output}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
