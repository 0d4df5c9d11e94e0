"""The report in Markdown, for a pull request or an issue."""

from __future__ import annotations

from academy.core.analytics.figures import Insights, QuestionFigure
from academy.outputs.insights.data import KIND_TITLES, PRIVACY, number, percent, summary_lines


def cell(text: object) -> str:
    """Text safe inside a table cell: no pipes, no raw HTML, one line."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace("|", "\\|")
        .replace("\n", " ")
        .replace("\r", "")
    )


def _row(*cells: object) -> str:
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} s"


def _choices(q: QuestionFigure) -> str:
    if not q.choices or q.difficulty is None:
        return "—"
    return ", ".join(f"{c.index + 1}{'✓' if c.correct else ''} {percent(c.picked)}" for c in q.choices)


def to_markdown(report: Insights) -> str:
    out = ["# What learners' answers say about the course", "", f"> {PRIVACY}", ""]
    out += [
        f"- {line.strip()}" if not line.startswith("  ") else f"  - {line.strip()}"
        for line in summary_lines(report)
    ]
    out += ["", f"## Flags ({len(report.flags)})", ""]
    if report.flags:
        out += [_row("Where", "What", "Figure", "Look at"), "|---|---|---|---|"]
        for f in report.flags:
            out.append(
                _row(f"{f.where.file}:{f.where.line}", f"{KIND_TITLES[f.kind]}: {f.item}", f.figure, f.advice)
            )
    else:
        out.append("No figure crossed a threshold.")
    out += ["", "## Questions", "", "First attempts only. ✓ marks the choice the file says is correct.", ""]
    out += [
        _row(
            "Question",
            "Where",
            "Learners",
            "Right first time",
            "Discrimination",
            "Choices picked",
            "Attempts",
            "Time",
        ),
        "|---|---|---:|---:|---:|---|---:|---:|",
    ]
    for q in report.questions:
        out.append(
            _row(
                f"{q.owner_id}/{q.id}",
                f"{q.where.file}:{q.where.line}",
                q.learners,
                percent(q.difficulty),
                number(q.point_biserial),
                _choices(q),
                "—" if q.median_attempts is None else f"{q.median_attempts:g}",
                _seconds(q.median_seconds),
            )
        )
    out += [
        "",
        "## Objectives",
        "",
        "Mastered: right first time on every question of the objective the learner answered.",
        "",
    ]
    out += [
        _row("Objective", "Bloom", "Where", "Questions", "Learners", "Mastered"),
        "|---|---|---|---:|---:|---:|",
    ]
    for o in report.objectives:
        out.append(
            _row(
                f"{o.module}/{o.id}: {o.text}",
                o.bloom,
                f"{o.where.file}:{o.where.line}",
                o.questions,
                o.learners,
                percent(o.mastery),
            )
        )
    out += ["", "## Scenarios", ""]
    for s in report.scenarios:
        out.append(
            f"- **{cell(s.title or s.id)}** ({s.module}/{s.id}, {s.where.file}:{s.where.line}), {s.learners} learners"
        )
        if s.endings:
            out.append("  - Endings: " + ", ".join(f"{e.ending} {percent(e.share)}" for e in s.endings))
        if s.leave_step and s.leave_where:
            out.append(
                f"  - Most learners who leave the best route do it at step `{s.leave_step}` "
                f"({s.leave_where.file}:{s.leave_where.line}): {percent(s.leave_share)} of {s.routed}"
            )
    out += ["", "## Paths", ""]
    for p in report.paths:
        out.append(f"### {cell(p.title)} ({p.id})")
        out.append("")
        if not p.funnel:
            out += [f"{p.learners} learners: too few to show.", ""]
            continue
        out += [_row("Step", "Learners", "Stopped before this step"), "|---|---:|---:|"]
        out += [_row(s.label, s.learners, percent(s.stop_share)) for s in p.funnel]
        hours = "—" if p.median_hours is None else f"{p.median_hours:.1f} h"
        out += ["", f"Completed: {p.completed}. Median time from first activity to completion: {hours}."]
        if p.placement and p.placement.median_tested is not None:
            pl = p.placement
            shares = ", ".join(f"{m} {percent(s)}" for m, s in pl.tested_share)
            out.append(
                f"Placement test `{pl.quiz}`: {pl.learners} learners took it; median {pl.median_tested:g} of "
                f"{pl.modules} modules tested out of ({shares})."
            )
        out.append("")
    out += ["## Assessments", ""]
    out += [
        _row("Assessment", "Kind", "Learners", "Passed first time", "Passed", "Median score", "Reliability"),
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for a in report.assessments:
        reliability = (
            f"{a.reliability_name} {a.reliability:.2f} ({a.items} items, {a.reliability_learners} learners)"
            if a.reliability is not None
            else "—"
        )
        out.append(
            _row(
                f"{a.title} ({a.id})",
                a.kind,
                a.learners,
                percent(a.first_pass_rate),
                percent(a.pass_rate),
                "—" if a.median_score is None else f"{a.median_score:g}",
                reliability,
            )
        )
    return "\n".join(out) + "\n"
