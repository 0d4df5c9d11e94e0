"""The report as one self-contained HTML page with small inline SVG charts.

No script, no external file: the page opens from disk, in a mail
attachment or a CI artifact alike. Every chart is an ``<svg role="img">``
with a title and a description, and the same numbers stand in a table
beside it, so nothing is told by colour or by the picture alone: flagged
points are also a different shape and carry their label. Jinja's
autoescaping covers every text, since prompts and titles come from front
matter.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import jinja2

from academy.core.analytics.figures import Insights, QuestionFigure
from academy.outputs.insights.data import KIND_TITLES, PRIVACY, number, percent, summary_lines

# Chart geometry, in SVG user units.
SCATTER_W, SCATTER_H, PAD = 560, 320, 48
BAR_H, BAR_GAP, LABEL_W, FUNNEL_W = 22, 8, 260, 560
HIST_W, HIST_H = 560, 220


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    flagged: bool
    title: str


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("academy.outputs.insights", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _scatter(questions: tuple[QuestionFigure, ...], flagged: set[tuple[str, int]]) -> list[Point]:
    """Questions with both figures, placed on difficulty (x) and discrimination (y)."""
    inner_w, inner_h = SCATTER_W - 2 * PAD, SCATTER_H - 2 * PAD
    out = []
    for q in questions:
        if q.difficulty is None or q.point_biserial is None:
            continue
        r = max(-1.0, min(1.0, q.point_biserial))
        x = PAD + q.difficulty * inner_w
        y = PAD + (1 - (r + 1) / 2) * inner_h
        is_flagged = (q.where.file, q.where.line) in flagged
        title = f"{q.owner_id}/{q.id}: {percent(q.difficulty)} right first time, discrimination {r:+.2f}, n={q.learners}"
        out.append(Point(round(x, 1), round(y, 1), f"{q.owner_id}/{q.id}", is_flagged, title))
    return out


def to_html(report: Insights, title: str = "What learners' answers say about the course") -> str:
    flagged = {(f.where.file, f.where.line) for f in report.flags}
    points = _scatter(report.questions, flagged)
    return (
        _environment()
        .get_template("report.html")
        .render(
            title=title,
            report=report,
            privacy=PRIVACY,
            summary=summary_lines(report),
            kinds=KIND_TITLES,
            points=points,
            percent=percent,
            number=number,
            geometry={
                "scatter_w": SCATTER_W,
                "scatter_h": SCATTER_H,
                "pad": PAD,
                "bar_h": BAR_H,
                "bar_gap": BAR_GAP,
                "label_w": LABEL_W,
                "funnel_w": FUNNEL_W,
                "hist_w": HIST_W,
                "hist_h": HIST_H,
            },
        )
    )
