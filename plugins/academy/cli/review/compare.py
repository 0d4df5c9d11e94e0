"""Comparing two academies by id: what a change means for the curriculum."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from academy.core.coverage import coverage
from academy.core.engine import Result
from academy.core.model import Academy, LearningPath, Module, Question, Scenario
from academy.core.problems import Problem


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
    report.coverage = {"before": coverage(base.academy).summary(), "after": coverage(head.academy).summary()}
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
