"""Comparing two academies: every change a learner would notice, as findings.

Modules are matched by id, then a module whose id changed in the same file,
or whose title and text stayed under a new id, is a rename (see
:mod:`.items`); its contents are then compared as one module's.
"""

from __future__ import annotations

from academy.cli.review import items
from academy.cli.review.findings import Finding, Report, quoted
from academy.core.coverage import coverage
from academy.core.engine import Result
from academy.core.model import Academy, LearningPath, Module
from academy.core.problems import Problem


def _minutes(n: int) -> str:
    hours, rest = divmod(n, 60)
    return f"{hours} h {rest} min" if hours and rest else f"{hours} h" if hours else f"{rest} min"


def _modules(base: Academy, head: Academy, report: Report) -> None:
    old = {m.id: m for m in base.modules}
    new = {m.id: m for m in head.modules}
    kept, renamed, removed, added = items.pair(
        old,
        new,
        (
            lambda a, b: a.file == b.file,
            lambda a, b: a.title.strip() == b.title.strip() and a.body.strip() == b.body.strip(),
        ),
    )
    for a, b in renamed:
        report.add(items.rename(f"module `{b.id}` ({b.file})", "module", a.id, b.id, b))
    pairs: list[tuple[Module, Module]] = [*kept, *renamed]
    for a, b in pairs:
        if a.file != b.file:
            report.add(
                Finding(
                    "structure",
                    "moved",
                    f"module `{b.id}`",
                    f"moved: {a.file} → {b.file}",
                    notes=("Same id: learner progress is kept.",) if a.id == b.id else (),
                    data={"from": a.file, "to": b.file},
                )
            )
        findings = [
            *items.fields(b.id, a, b),
            *items.objectives(b.id, a, b),
            *items.questions(f"module `{b.id}`", a.checks, b.checks),
            *items.scenarios(b.id, a.scenarios, b.scenarios),
            *items.body(b.id, a.body, b.body),
        ]
        for finding in findings:
            report.add(finding)
    for m in removed:
        report.add(
            Finding("structure", "removed", f"module `{m.id}`", f"removed: {quoted(m.title)} ({m.file})")
        )
    for m in added:
        report.add(
            Finding(
                "structure",
                "added",
                f"module `{m.id}`",
                f"added: {quoted(m.title)} ({m.file}, {_minutes(m.duration)})",
                data={"file": m.file, "duration": m.duration},
            )
        )


def _placement(path: LearningPath) -> dict[str, str]:
    return {m: stage.id for stage in path.stages for m in stage.modules}


def _paths(base: Academy, head: Academy, report: Report) -> None:
    old = {p.id: p for p in base.paths}
    new = {p.id: p for p in head.paths}
    # A renamed module is the same module in a path (the rename is its own finding).
    renamed = {
        f.data["from"]: f.data["to"]
        for f in report.findings
        if f.kind == "rename" and f.data["kind"] == "module"
    }
    for pid in sorted(new.keys() | old.keys()):
        a, b = old.get(pid), new.get(pid)
        if a is None or b is None:
            lp = b or a
            assert lp is not None
            minutes = (head if b else base).path_duration(lp)
            change = "added" if b else "removed"
            report.add(
                Finding(
                    "paths", change, f"path `{pid}`", f"{change}: {quoted(lp.title)} ({_minutes(minutes)})"
                )
            )
            continue
        before = {renamed.get(m, m): stage for m, stage in _placement(a).items()}
        after = _placement(b)
        changes = [f"`{m}` added to stage `{after[m]}`" for m in sorted(after.keys() - before.keys())]
        changes += [f"`{m}` removed from stage `{before[m]}`" for m in sorted(before.keys() - after.keys())]
        changes += [
            f"`{m}` moved from stage `{before[m]}` to `{after[m]}`"
            for m in sorted(after.keys() & before.keys())
            if after[m] != before[m]
        ]
        if not changes and [m for m in a.module_ids if m in after] != [
            m for m in b.module_ids if m in before
        ]:
            changes.append("modules reordered")
        stages_a, stages_b = [s.id for s in a.stages], [s.id for s in b.stages]
        if stages_a != stages_b:
            changes.append(f"stages: {', '.join(stages_b)} (were {', '.join(stages_a)})")
        elif [s.assessment for s in a.stages] != [s.assessment for s in b.stages]:
            changes.append("stage assessments changed")
        duration_a, duration_b = base.path_duration(a), head.path_duration(b)
        if changes or duration_a != duration_b:
            diff = duration_b - duration_a
            signed = f"+{_minutes(diff)}" if diff > 0 else f"−{_minutes(-diff)}" if diff < 0 else "±0"
            report.add(
                Finding(
                    "paths",
                    "path",
                    f"path `{pid}` {quoted(b.title)}",
                    f"total {_minutes(duration_a)} → {_minutes(duration_b)} ({signed})",
                    notes=tuple(changes),
                    data={"details": changes, "duration": [duration_a, duration_b]},
                )
            )
        for name in ("title", "role", "summary"):
            va, vb = getattr(a, name), getattr(b, name)
            if " ".join(va.split()) != " ".join(vb.split()):
                report.add(Finding("paths", "text", f"path `{pid}`", f"{name} changed", va, vb))


def _quizzes(base: Academy, head: Academy, report: Report) -> None:
    old = {q.id: q for q in base.quizzes}
    new = {q.id: q for q in head.quizzes}
    for qid in sorted(new.keys() - old.keys()):
        q = new[qid]
        report.add(
            Finding("quizzes", "added", f"quiz `{qid}`", f"added ({q.kind}, {len(q.questions)} questions)")
        )
    for qid in sorted(old.keys() - new.keys()):
        report.add(Finding("quizzes", "removed", f"quiz `{qid}`", "removed"))
    for qid in sorted(new.keys() & old.keys()):
        a, b = old[qid], new[qid]
        for name in ("pass_mark", "draw", "kind"):
            if getattr(a, name) != getattr(b, name):
                report.add(
                    Finding(
                        "quizzes",
                        "field",
                        f"quiz `{qid}`",
                        f"{name}: {getattr(b, name)} (was {getattr(a, name)})",
                        data={"field": name, "before": getattr(a, name), "after": getattr(b, name)},
                    )
                )
        for finding in items.questions(f"quiz `{qid}`", a.questions, b.questions):
            report.add(finding)


def _problem(p: Problem, change: str) -> Finding:
    where = f"{p.file}:{p.line}" if change == "introduced" else p.file
    label = f"new {p.severity.value}" if change == "introduced" else "fixed"
    return Finding(
        "problems",
        "problem",
        where,
        f"{label} `{p.code}`: {p.message}",
        data={"change": change, "code": p.code, "severity": p.severity.value, "file": p.file, "line": p.line},
    )


def compare(base: Result, head: Result, base_name: str, head_name: str) -> Report:
    report = Report(base_name, head_name)
    _modules(base.academy, head.academy, report)
    _paths(base.academy, head.academy, report)
    _quizzes(base.academy, head.academy, report)
    # A problem is the same problem when its code, file and message match;
    # line numbers shift with any edit. Files that moved keep their problems.
    # Stale reviews have a section of their own.
    moved = {f.data["from"]: f.data["to"] for f in report.findings if f.kind == "moved"}
    before = {
        (p.code, moved.get(p.file, p.file), p.message): p for p in base.problems if p.code != "review.stale"
    }
    after = {(p.code, p.file, p.message): p for p in head.problems if p.code != "review.stale"}
    for key, p in sorted(after.items()):
        if key not in before:
            report.add(_problem(p, "introduced"))
    for key, p in sorted(before.items()):
        if key not in after:
            report.add(_problem(p, "fixed"))
    report.coverage = {"before": coverage(base.academy).summary(), "after": coverage(head.academy).summary()}
    report.stale = [
        {"file": p.file, "line": p.line, "message": p.message}
        for p in head.problems
        if p.code == "review.stale"
    ]
    return report
