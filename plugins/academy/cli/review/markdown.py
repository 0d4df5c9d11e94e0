"""The review report as Markdown: a pull-request comment."""

from __future__ import annotations

from academy.cli.review.compare import Report
from academy.core.problems import Severity


def _minutes(n: int) -> str:
    hours, rest = divmod(n, 60)
    return f"{hours} h {rest} min" if hours and rest else f"{hours} h" if hours else f"{rest} min"


def _signed(n: int) -> str:
    return f"+{_minutes(n)}" if n > 0 else f"−{_minutes(-n)}" if n < 0 else "±0"


def to_markdown(report: Report) -> str:
    """The report as a pull-request comment."""
    out = [f"## Curriculum review: `{report.base}` → `{report.head}`", ""]
    introduced = [p for p in report.problems_introduced if p["severity"] == Severity.ERROR.value]

    def count(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    summary = []
    if report.answer_keys:
        summary.append(f"**{count(len(report.answer_keys), 'answer-key change', 'answer-key changes')}**")
    for verb, items in (
        ("added", report.modules_added),
        ("removed", report.modules_removed),
        ("moved", report.modules_moved),
    ):
        if items:
            summary.append(f"{count(len(items), 'module', 'modules')} {verb}")
    tallies = (
        (
            len({m["module"] for m in report.metadata}),
            "module with changed details",
            "modules with changed details",
        ),
        (len(report.objectives), "objective change", "objective changes"),
        (len(report.checks), "check added or removed", "checks added or removed"),
        (len(report.scenarios), "scenario change", "scenario changes"),
        (len(report.paths), "path change", "path changes"),
        (len(report.quizzes), "quiz bank change", "quiz bank changes"),
        (len(introduced), "new error", "new errors"),
        (len(report.problems_fixed), "problem fixed", "problems fixed"),
    )
    summary += [count(n, one, many) for n, one, many in tallies if n]
    out.append(("Summary: " + ", ".join(summary) + ".") if summary else "No curriculum changes.")
    out.append("")
    if report.answer_keys:
        out += [
            "### ⚠️ Answer keys changed",
            "",
            "Check that each new answer is right, and that learners who answered before are not misled.",
            "",
        ]
        for c in report.answer_keys:
            where = f"{c['where']} `{c['owner']}`, check `{c['check']}`"
            if "now_correct" in c:
                lines = [f"- {where}: {c.get('prompt', '')}".rstrip()]
                lines += [f"  - now correct: “{t}”" for t in c["now_correct"]]
                lines += [f"  - no longer correct: “{t}”" for t in c["no_longer_correct"]]
                out += lines
            elif "answer" in c:
                out.append(
                    f"- {where}: the answer is now **{str(c['answer'][1]).lower()}** (was {str(c['answer'][0]).lower()})"
                )
            elif "accepted_added" in c:
                bits = [f"accepts “{a}”" for a in c["accepted_added"]] + [
                    f"no longer accepts “{a}”" for a in c["accepted_removed"]
                ]
                out.append(f"- {where}: " + "; ".join(bits))
            elif "order" in c:
                out.append(
                    f"- {where}: correct order is now {' → '.join(c['order'][1])} (was {' → '.join(c['order'][0])})"
                )
            elif "pairs" in c:
                out.append(f"- {where}: pairs are now " + "; ".join(f"{a} = {b}" for a, b in c["pairs"][1]))
            else:
                out.append(f"- {where}: {c.get('change', 'changed')}")
        out.append("")
    if report.modules_added or report.modules_removed or report.modules_moved:
        out += ["### Modules", ""]
        out += [
            f"- added `{m['module']}` “{m['title']}” ({m['file']}, {_minutes(m['duration'])})"
            for m in report.modules_added
        ]
        out += [f"- removed `{m['module']}` “{m['title']}” ({m['file']})" for m in report.modules_removed]
        out += [
            f"- moved `{m['module']}`: {m['from']} → {m['to']} (same id: learner progress is kept)"
            for m in report.modules_moved
        ]
        out.append("")
    if report.metadata:
        out += ["### Module details", ""]
        for m in report.metadata:
            before, after = m["before"], m["after"]
            if m["field"] == "duration":
                before, after = _minutes(before), _minutes(after)
            out.append(f"- `{m['module']}` {m['field']}: {before} → {after}")
        out.append("")
    if report.objectives:
        out += ["### Objectives", ""]
        for o in report.objectives:
            if o["change"] == "reworded":
                out.append(
                    f"- `{o['module']}` / `{o['objective']}` reworded: “{o['before']}” → “{o['after']}”"
                )
            elif o["change"] == "bloom":
                out.append(f"- `{o['module']}` / `{o['objective']}` Bloom level {o['before']} → {o['after']}")
            else:
                out.append(f"- `{o['module']}` / `{o['objective']}` {o['change']}: “{o['text']}”")
        out.append("")
    if report.checks:
        out += ["### Checks and questions", ""]
        out += [
            f"- {c['where']} `{c['owner']}`: {c['type']} check `{c['check']}` {c['change']}"
            for c in report.checks
        ]
        out.append("")
    if report.scenarios:
        out += ["### Scenarios", ""]
        for s in report.scenarios:
            if s["change"] == "changed":
                out.append(f"- `{s['module']}` / `{s['scenario']}`: " + "; ".join(s["details"]))
            else:
                out.append(
                    f"- `{s['module']}` / `{s['scenario']}` {s['change']}"
                    + (f" ({s['steps']} steps)" if "steps" in s else "")
                )
        out.append("")
    if report.paths:
        out += ["### Learning paths", ""]
        for p in report.paths:
            if p["change"] == "changed":
                before, after = p["duration"]
                line = f"- `{p['path']}` “{p['title']}”: total {_minutes(before)} → {_minutes(after)} ({_signed(after - before)})"
                out.append(line)
                out += [f"  - {d}" for d in p["details"]]
            else:
                out.append(f"- `{p['path']}` “{p['title']}” {p['change']} ({_minutes(p['duration'])})")
        out.append("")
    if report.quizzes:
        out += ["### Quiz banks", ""]
        for q in report.quizzes:
            if q["change"] in ("added", "removed"):
                out.append(
                    f"- `{q['quiz']}` {q['change']}"
                    + (f" ({q['kind']}, {q['questions']} questions)" if q["change"] == "added" else "")
                )
            else:
                out.append(f"- `{q['quiz']}` {q['change']}: {q['before']} → {q['after']}")
        out.append("")
    if report.problems_introduced or report.problems_fixed:
        out += ["### Problems", ""]
        out += [
            f"- new {p['severity']} `{p['code']}` {p['file']}:{p['line']}: {p['message']}"
            for p in report.problems_introduced
        ]
        out += [f"- fixed `{p['code']}` {p['file']}: {p['message']}" for p in report.problems_fixed]
        out.append("")
    before, after = report.coverage["before"], report.coverage["after"]
    out += [
        "### Objective coverage",
        "",
        f"{after['assessed']} of {after['objectives']} objectives assessed ({after['percent']}%), "
        f"was {before['assessed']} of {before['objectives']} ({before['percent']}%).",
        "",
    ]
    if report.stale:
        out += ["### Stale content", ""]
        out += [f"- {p['file']}: {p['message']}" for p in report.stale]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
