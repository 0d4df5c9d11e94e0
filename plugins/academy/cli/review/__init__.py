"""`academy review BASE [HEAD]`: what a change means for the curriculum.

A raw diff of YAML says which lines moved; a reviewer needs to know that a
check's right answer changed, that a module moved folders but kept its id,
that a path got forty minutes longer. This module loads the academy at two
revisions with the real ``git`` (HEAD defaults to the working tree), compares
the two models by id, and writes a report as Markdown (ready to paste as a
pull-request comment) or JSON.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from academy.core.engine import Result, run
from academy.core.model import Academy, LearningPath, Module, Question, Scenario
from academy.core.problems import Problem, Severity
from academy.core.settings import load_settings


class ReviewError(Exception):
    """git could not give us a revision (unknown ref, not a repository)."""


def git(root: Path, *args: str) -> bytes:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    if proc.returncode != 0:
        raise ReviewError(proc.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return proc.stdout


def repository_root(directory: Path) -> Path:
    return Path(git(directory, "rev-parse", "--show-toplevel").decode().strip())


def changed_files(project: Path, since: str) -> set[str]:
    """Files changed since ``since`` (committed, staged, unstaged or new),
    relative to ``project``."""
    root = repository_root(project)
    prefix = project.resolve().relative_to(root.resolve()).as_posix()
    names = git(root, "diff", "--name-only", "--no-renames", since, "--").decode().splitlines()
    names += git(root, "ls-files", "--others", "--exclude-standard").decode().splitlines()
    out = set()
    for name in names:
        if prefix in ("", "."):
            out.add(name)
        elif name.startswith(prefix + "/"):
            out.add(name[len(prefix) + 1 :])
    return out


def checkout(root: Path, revision: str, target: Path) -> None:
    """Extract ``revision`` of the project into ``target`` (no work tree change)."""
    archive = git(root, "archive", "--format=tar", revision)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


def load_revision(project: Path, revision: str | None) -> Result:
    """The academy at ``revision`` (``None``: the working tree)."""
    if revision is None:
        return run(load_settings(project))
    root = repository_root(project)
    inside = project.resolve().relative_to(root.resolve())
    with tempfile.TemporaryDirectory(prefix="academy-review-") as scratch:
        checkout(root, revision, Path(scratch))
        settings = load_settings(Path(scratch) / inside)
        result = run(settings)
    return result


# --- comparing two academies ------------------------------------------------------


@dataclass
class Report:
    base: str
    head: str
    answer_keys: list[dict[str, Any]] = field(default_factory=list)
    modules_added: list[dict[str, Any]] = field(default_factory=list)
    modules_removed: list[dict[str, Any]] = field(default_factory=list)
    modules_moved: list[dict[str, Any]] = field(default_factory=list)
    metadata: list[dict[str, Any]] = field(default_factory=list)
    objectives: list[dict[str, Any]] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    scenarios: list[dict[str, Any]] = field(default_factory=list)
    paths: list[dict[str, Any]] = field(default_factory=list)
    quizzes: list[dict[str, Any]] = field(default_factory=list)
    problems_introduced: list[dict[str, Any]] = field(default_factory=list)
    problems_fixed: list[dict[str, Any]] = field(default_factory=list)
    coverage: dict[str, Any] = field(default_factory=dict)
    stale: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2, ensure_ascii=False, default=str) + "\n"

    @property
    def empty(self) -> bool:
        return not any(
            getattr(self, name)
            for name in (
                "answer_keys", "modules_added", "modules_removed", "modules_moved", "metadata", "objectives",
                "checks", "scenarios", "paths", "quizzes", "problems_introduced", "problems_fixed",
            )
        )  # fmt: skip


def _key(q: Question) -> dict[str, Any]:
    """A question's answer key, in terms a reviewer reads."""
    if q.type in ("single", "multiple"):
        return {"correct": [c.text for c in q.choices if c.correct]}
    if q.type == "true-false":
        return {"answer": q.answer}
    if q.type == "text":
        return {"answers": list(q.answers)}
    if q.type == "order":
        return {"items": list(q.items)}
    if q.type == "match":
        return {"pairs": [[p.left, p.right] for p in q.pairs]}
    return {}


def _answer_change(where: str, owner: str, before: Question, after: Question) -> dict[str, Any] | None:
    old, new = _key(before), _key(after)
    if before.type != after.type:
        return {
            "where": where,
            "owner": owner,
            "check": after.id,
            "change": f"type {before.type} → {after.type}",
            "before": old,
            "after": new,
        }
    if old == new:
        return None
    change: dict[str, Any] = {
        "where": where,
        "owner": owner,
        "check": after.id,
        "type": after.type,
        "prompt": after.prompt,
    }
    if after.type in ("single", "multiple"):
        change["now_correct"] = [t for t in new["correct"] if t not in old["correct"]]
        change["no_longer_correct"] = [t for t in old["correct"] if t not in new["correct"]]
    elif after.type == "true-false":
        change["answer"] = [before.answer, after.answer]
    elif after.type == "text":
        change["accepted_added"] = [a for a in new["answers"] if a not in old["answers"]]
        change["accepted_removed"] = [a for a in old["answers"] if a not in new["answers"]]
    elif after.type == "order":
        change["order"] = [old["items"], new["items"]]
    elif after.type == "match":
        change["pairs"] = [old["pairs"], new["pairs"]]
    return change


def _questions(
    where: str, owner: str, before: Iterable[Question], after: Iterable[Question], report: Report
) -> None:
    old = {q.id: q for q in before}
    new = {q.id: q for q in after}
    for qid in new.keys() - old.keys():
        report.checks.append(
            {"where": where, "owner": owner, "check": qid, "change": "added", "type": new[qid].type}
        )
    for qid in old.keys() - new.keys():
        report.checks.append(
            {"where": where, "owner": owner, "check": qid, "change": "removed", "type": old[qid].type}
        )
    for qid in sorted(new.keys() & old.keys()):
        change = _answer_change(where, owner, old[qid], new[qid])
        if change:
            report.answer_keys.append(change)


def _scenarios(module: str, before: Iterable[Scenario], after: Iterable[Scenario], report: Report) -> None:
    old = {s.id: s for s in before}
    new = {s.id: s for s in after}
    for sid in sorted(new.keys() - old.keys()):
        report.scenarios.append(
            {"module": module, "scenario": sid, "change": "added", "steps": len(new[sid].steps)}
        )
    for sid in sorted(old.keys() - new.keys()):
        report.scenarios.append({"module": module, "scenario": sid, "change": "removed"})
    for sid in sorted(new.keys() & old.keys()):
        a, b = old[sid], new[sid]
        steps_a = {s.id: s for s in a.steps}
        steps_b = {s.id: s for s in b.steps}
        details: list[str] = []
        added = sorted(steps_b.keys() - steps_a.keys())
        removed = sorted(steps_a.keys() - steps_b.keys())
        if added:
            details.append(
                "steps added: "
                + ", ".join(
                    f"`{s}`" + (f" ({steps_b[s].ending} ending)" if steps_b[s].ending else "") for s in added
                )
            )
        if removed:
            details.append("steps removed: " + ", ".join(f"`{s}`" for s in removed))
        for step_id in sorted(steps_a.keys() & steps_b.keys()):
            sa, sb = steps_a[step_id], steps_b[step_id]
            if sa.ending != sb.ending:
                details.append(f"`{step_id}` ending {sa.ending or 'none'} → {sb.ending or 'none'}")
            for i, (oa, ob) in enumerate(zip(sa.options, sb.options, strict=False)):
                if oa.score != ob.score:
                    details.append(f"`{step_id}` option {i + 1} score {oa.score} → {ob.score}")
                if oa.next != ob.next:
                    details.append(f"`{step_id}` option {i + 1} now leads to `{ob.next}` (was `{oa.next}`)")
            if len(sa.options) != len(sb.options):
                details.append(f"`{step_id}` options {len(sa.options)} → {len(sb.options)}")
        if a.start != b.start:
            details.append(f"start `{a.start}` → `{b.start}`")
        if a.max_score != b.max_score:
            details.append(f"best score {a.max_score} → {b.max_score}")
        if details:
            report.scenarios.append(
                {"module": module, "scenario": sid, "change": "changed", "details": details}
            )


def _modules(base: Academy, head: Academy, report: Report) -> None:
    old = {m.id: m for m in base.modules}
    new = {m.id: m for m in head.modules}
    for mid in sorted(new.keys() - old.keys()):
        m = new[mid]
        report.modules_added.append({"module": mid, "title": m.title, "file": m.file, "duration": m.duration})
    for mid in sorted(old.keys() - new.keys()):
        m = old[mid]
        report.modules_removed.append({"module": mid, "title": m.title, "file": m.file})
    for mid in sorted(new.keys() & old.keys()):
        a, b = old[mid], new[mid]
        if a.file != b.file:
            report.modules_moved.append({"module": mid, "from": a.file, "to": b.file})
        for name in ("title", "level", "duration", "prerequisites", "owner", "summary"):
            va, vb = getattr(a, name), getattr(b, name)
            if va != vb:
                report.metadata.append(
                    {
                        "module": mid,
                        "field": name,
                        "before": list(va) if isinstance(va, tuple) else va,
                        "after": list(vb) if isinstance(vb, tuple) else vb,
                    }
                )
        _objectives(a, b, report)
        _questions("module", mid, a.checks, b.checks, report)
        _scenarios(mid, a.scenarios, b.scenarios, report)


def _objectives(a: Module, b: Module, report: Report) -> None:
    old = {o.id: o for o in a.objectives}
    new = {o.id: o for o in b.objectives}
    for oid in sorted(new.keys() - old.keys()):
        report.objectives.append(
            {
                "module": b.id,
                "objective": oid,
                "change": "added",
                "text": new[oid].text,
                "bloom": new[oid].bloom,
            }
        )
    for oid in sorted(old.keys() - new.keys()):
        report.objectives.append(
            {"module": b.id, "objective": oid, "change": "removed", "text": old[oid].text}
        )
    for oid in sorted(new.keys() & old.keys()):
        if old[oid].text != new[oid].text:
            report.objectives.append(
                {
                    "module": b.id,
                    "objective": oid,
                    "change": "reworded",
                    "before": old[oid].text,
                    "after": new[oid].text,
                }
            )
        if old[oid].bloom != new[oid].bloom:
            report.objectives.append(
                {
                    "module": b.id,
                    "objective": oid,
                    "change": "bloom",
                    "before": old[oid].bloom,
                    "after": new[oid].bloom,
                }
            )


def _placement(path: LearningPath) -> dict[str, str]:
    return {m: stage.id for stage in path.stages for m in stage.modules}


def _paths(base: Academy, head: Academy, report: Report) -> None:
    old = {p.id: p for p in base.paths}
    new = {p.id: p for p in head.paths}
    for pid in sorted(new.keys() | old.keys()):
        a, b = old.get(pid), new.get(pid)
        if a is None or b is None:
            lp = b or a
            assert lp is not None
            academy = head if b else base
            report.paths.append(
                {
                    "path": pid,
                    "title": lp.title,
                    "change": "added" if b else "removed",
                    "duration": academy.path_duration(lp),
                }
            )
            continue
        before, after = _placement(a), _placement(b)
        changes: list[str] = []
        for mid in sorted(after.keys() - before.keys()):
            changes.append(f"`{mid}` added to stage `{after[mid]}`")
        for mid in sorted(before.keys() - after.keys()):
            changes.append(f"`{mid}` removed from stage `{before[mid]}`")
        for mid in sorted(after.keys() & before.keys()):
            if after[mid] != before[mid]:
                changes.append(f"`{mid}` moved from stage `{before[mid]}` to `{after[mid]}`")
        if [m for m in a.module_ids if m in after] != [
            m for m in b.module_ids if m in before
        ] and not changes:
            changes.append("modules reordered")
        stages_a = [(s.id, s.assessment) for s in a.stages]
        stages_b = [(s.id, s.assessment) for s in b.stages]
        if stages_a != stages_b:
            changes.append(
                f"stages {', '.join(s for s, _ in stages_a)} -> {', '.join(s for s, _ in stages_b)}"
                if [s for s, _ in stages_a] != [s for s, _ in stages_b]
                else "stage assessments changed"
            )
        duration_a, duration_b = base.path_duration(a), head.path_duration(b)
        if changes or duration_a != duration_b:
            report.paths.append(
                {
                    "path": pid,
                    "title": b.title,
                    "change": "changed",
                    "details": changes,
                    "duration": [duration_a, duration_b],
                }
            )


def _quizzes(base: Academy, head: Academy, report: Report) -> None:
    old = {q.id: q for q in base.quizzes}
    new = {q.id: q for q in head.quizzes}
    for qid in sorted(new.keys() - old.keys()):
        report.quizzes.append(
            {"quiz": qid, "change": "added", "kind": new[qid].kind, "questions": len(new[qid].questions)}
        )
    for qid in sorted(old.keys() - new.keys()):
        report.quizzes.append({"quiz": qid, "change": "removed"})
    for qid in sorted(new.keys() & old.keys()):
        a, b = old[qid], new[qid]
        for name in ("pass_mark", "draw", "kind"):
            if getattr(a, name) != getattr(b, name):
                report.quizzes.append(
                    {"quiz": qid, "change": name, "before": getattr(a, name), "after": getattr(b, name)}
                )
        _questions("quiz", qid, a.questions, b.questions, report)


def _coverage(academy: Academy) -> dict[str, Any]:
    assessed = {(m.id, c.objective) for m in academy.modules for c in (*m.checks, *m.scenarios)}
    assessed |= {(q.module, q.objective) for quiz in academy.quizzes for q in quiz.questions if q.module}
    objectives = [(m.id, o.id) for m in academy.modules for o in m.objectives]
    covered = sum(1 for o in objectives if o in assessed)
    return {
        "objectives": len(objectives),
        "assessed": covered,
        "percent": round(100 * covered / len(objectives), 1) if objectives else 100.0,
    }


def compare(base: Result, head: Result, base_name: str, head_name: str) -> Report:
    report = Report(base_name, head_name)
    _modules(base.academy, head.academy, report)
    _paths(base.academy, head.academy, report)
    _quizzes(base.academy, head.academy, report)
    # A problem is the same problem when its code, file and message match;
    # line numbers shift with any edit. Files that moved keep their problems.
    moved = {m["from"]: m["to"] for m in report.modules_moved}
    before = {(p.code, moved.get(p.file, p.file), p.message): p for p in base.problems}
    after = {(p.code, p.file, p.message): p for p in head.problems}
    for key, p in sorted(after.items()):
        if key not in before:
            report.problems_introduced.append(_problem_json(p))
    for key, p in sorted(before.items()):
        if key not in after:
            report.problems_fixed.append(_problem_json(p))
    report.coverage = {"before": _coverage(base.academy), "after": _coverage(head.academy)}
    report.stale = [_problem_json(p) for p in head.problems if p.code == "review.stale"]
    return report


def _problem_json(p: Problem) -> dict[str, Any]:
    return {
        "code": p.code,
        "severity": p.severity.value,
        "file": p.file,
        "line": p.line,
        "message": p.message,
    }


def review(project: Path, base: str, head: str | None) -> Report:
    before = load_revision(project, base)
    after = load_revision(project, head)
    return compare(before, after, base, head or "working tree")


# --- Markdown ----------------------------------------------------------------------


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


__all__ = ["Report", "ReviewError", "compare", "review", "to_markdown"]
