"""The report as plain data, for JSON and for the other writers' wording."""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources
from typing import Any

from academy.core.analytics.figures import Insights

VERSION = 1
SCHEMA_NAME = "insights.schema.json"

PRIVACY = (
    "Learner identities never appear in this report. Statements were grouped per learner in memory "
    "only, to find first attempts and totals; the report holds counts, shares and medians."
)

KIND_TITLES = {
    "discrimination": "Low or negative discrimination",
    "distractor": "A wrong choice is picked more than the key",
    "too-hard": "Too hard",
    "mastery": "Objective rarely mastered",
    "stop": "Learners stop here",
    "unpicked": "Distractor nobody picks",
    "too-easy": "Too easy",
}


def schema_text() -> str:
    """The published JSON Schema of :func:`to_data`."""
    return resources.files("academy.outputs.insights").joinpath(SCHEMA_NAME).read_text("utf-8")


def to_data(report: Insights) -> dict[str, Any]:
    """Everything in the report, as JSON-ready values (tuples become lists)."""
    data = asdict(report)
    summary = data.pop("summary")
    summary["malformed"] = [{"reason": r, "statements": n} for r, n in report.summary.malformed]
    summary["gone"] = [{"activity": a, "statements": n} for a, n in report.summary.gone]
    summary["malformed_notes"] = list(report.summary.malformed_notes)
    for path in data["paths"]:
        placement = path["placement"]
        if placement:
            placement["tested_share"] = [{"module": m, "share": s} for m, s in placement["tested_share"]]
    return {
        "version": VERSION,
        "privacy": PRIVACY,
        "summary": summary,
        **data,
    }


def to_json(report: Insights) -> str:
    return json.dumps(to_data(report), indent=2, ensure_ascii=False) + "\n"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def number(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:+.{digits}f}" if digits == 2 else f"{value:.{digits}f}"


def summary_lines(report: Insights) -> list[str]:
    """The reading's summary, one sentence a line, for every format."""
    s = report.summary
    out = [
        f"{s.read:,} statements read; {s.used:,} about this academy's current content, from {s.learners:,} learners.",
        f"Figures resting on fewer than {report.thresholds.min_learners} learners are not shown.",
    ]
    if s.duplicates:
        out.append(f"{s.duplicates:,} duplicate statements (same statement id) were counted once.")
    if s.voided:
        out.append(f"{s.voided:,} voided statements were left out.")
    if s.malformed:
        parts = ", ".join(f"{n:,} {reason}" for reason, n in s.malformed)
        out.append(
            f"{sum(n for _, n in s.malformed):,} statements could not be used and were skipped: {parts}."
        )
        out += [f"  {note}" for note in s.malformed_notes]
    if s.outside:
        out.append(f"{s.outside:,} statements about other sites' activities were ignored.")
    if s.ignored:
        out.append(
            f"{s.ignored:,} statements about this site were not analysed (pages, or verbs no figure uses)."
        )
    if s.gone:
        out.append(
            f"{sum(n for _, n in s.gone):,} statements are about {len(s.gone)} activities no longer in the academy:"
        )
        out += [f"  {activity} ({n:,} statements)" for activity, n in s.gone]
    return out
