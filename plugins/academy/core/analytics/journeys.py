"""Where learners go: scenario endings and routes, path funnels, placement.

A funnel counts each learner at the furthest step they reached in order
(started, each stage's modules, each stage's assessment, completion), so
its numbers only fall, and the drop at a step is the share of the
previous step's learners who went no further.
"""

from __future__ import annotations

import statistics
from collections import Counter

from academy.core.analytics.figures import (
    EndingFigure,
    Flag,
    FunnelStep,
    PathFigure,
    PlacementFigure,
    ScenarioFigure,
    Thresholds,
    Where,
)
from academy.core.analytics.items import Index, Locate, pct
from academy.core.analytics.learners import Learners
from academy.core.model import Academy, LearningPath, Scenario

ENDINGS = ("success", "partial", "fail")


def best_options(scenario: Scenario) -> dict[str, set[int]]:
    """Per step, the options on a best-scoring route from there."""
    return {step: at.best_options() for step, at in scenario.best_totals().items()}


def scenarios(academy: Academy, index: Index, learners: Learners, locate: Locate, limits: Thresholds):
    out: list[ScenarioFigure] = []
    for m in academy.modules:
        for sc in m.scenarios:
            plays = learners.scenarios.get(index.get(("scenario", m.id, sc.id), -1), {})
            n = len(plays)
            where = locate(m.file, sc.path)
            if n < limits.min_learners or not n:
                out.append(ScenarioFigure(m.id, sc.id, sc.title, where, n))
                continue
            endings = Counter(ending for ending, _ in plays.values())
            kinds = [e for e in ENDINGS if e in endings] + sorted(set(endings) - set(ENDINGS))
            best = best_options(sc)
            leaves: Counter[str] = Counter()
            routed = 0
            for _, route in plays.values():
                if route is None:
                    continue
                routed += 1
                for step_id, option in route:
                    if step_id in best and option not in best[step_id]:
                        leaves[step_id] += 1
                        break
            leave = leaves.most_common(1)[0] if leaves and routed >= limits.min_learners else None
            step = sc.step(leave[0]) if leave else None
            out.append(
                ScenarioFigure(
                    m.id,
                    sc.id,
                    sc.title,
                    where,
                    n,
                    tuple(EndingFigure(e, endings[e], endings[e] / n) for e in kinds),
                    routed,
                    leave[0] if leave else "",
                    locate(m.file, step.path) if step else None,
                    leave[1] / routed if leave else None,
                )
            )
    return out


def _stage_steps(academy: Academy, path: LearningPath) -> list[tuple[str, str, list[int], str]]:
    """(label, stage id, module targets, assessment) per funnel step after "started"."""
    steps = []
    for number, stage in enumerate(path.stages, 1):
        steps.append(
            (f"Finished stage {number}: {stage.title or stage.id}", stage.id, list(stage.modules), "")
        )
        if stage.assessment:
            quiz = academy.quiz(stage.assessment)
            title = quiz.title if quiz else stage.assessment
            steps.append((f"Passed {title} (stage {number})", stage.id, [], stage.assessment))
    return steps


def paths(academy: Academy, index: Index, learners: Learners, locate: Locate, limits: Thresholds):
    figures: list[PathFigure] = []
    flags: list[Flag] = []
    tested = _tested(academy, index, learners)
    for path in academy.paths:
        module_targets = [index[("module", m)] for m in path.module_ids if ("module", m) in index]
        check_targets = [
            index[("check", m, c.id)]
            for m in path.module_ids
            if (mod := academy.module(m))
            for c in mod.checks
            if ("check", m, c.id) in index
        ]
        quiz_ids = [s.assessment for s in path.stages if s.assessment] + (
            [path.placement] if path.placement else []
        )
        quiz_targets = [index[("quiz", q)] for q in quiz_ids if ("quiz", q) in index]
        start: dict[int, float] = {}
        for t in (*module_targets, *check_targets, *quiz_targets):
            for learner, moment in learners.first_seen.get(t, {}).items():
                if learner not in start or moment < start[learner]:
                    start[learner] = moment
        n = len(start)
        where = Where(path.file, 1, 1)
        if n < limits.min_learners or not n:
            figures.append(PathFigure(path.id, path.title, where, n))
            continue
        finished_path = learners.paths.get(index.get(("path", path.id), -1), {})
        steps = _stage_steps(academy, path)
        reach = Counter()
        for learner in start:
            k = 0
            for _, _, modules, quiz in steps:
                if quiz:
                    record = learners.quizzes.get(index.get(("quiz", quiz), -1), {}).get(learner)
                    ok = record is not None and record.passed
                else:
                    ok = all(
                        learner in learners.done.get(index.get(("module", m), -1), ())
                        or m in tested.get(learner, ())
                        for m in modules
                    )
                if not ok:
                    break
                k += 1
            if k == len(steps) and learner in finished_path:
                k += 1
            reach[k] += 1
        labels = (
            [("Started", "")]
            + [(label, stage) for label, stage, _, _ in steps]
            + [("Completed the path", "")]
        )
        funnel = []
        previous = n
        for i, (label, stage) in enumerate(labels):
            count = sum(v for k, v in reach.items() if k >= i)
            stop = (previous - count) / previous if i and previous else None
            funnel.append(FunnelStep(label, stage, count, stop))
            previous = count
            if (
                stop is not None
                and stop > limits.stop
                and stage
                and funnel[i - 1].learners >= limits.min_learners
            ):
                stage_item = next(s for s in path.stages if s.id == stage)
                flags.append(
                    Flag(
                        "stop",
                        locate(path.file, stage_item.path),
                        f"stage {path.id}/{stage}",
                        f"{pct(stop)} of the learners at “{funnel[i - 1].label}” went no further than that, short of “{label}” (n={funnel[i - 1].learners})",
                        "More than a quarter stop here: look at this stage's length, its assessment's pass mark, and what it asks before it.",
                        funnel[i - 1].learners,
                    )
                )
        hours = [(finished_path[lr] - start[lr]) / 3600 for lr in finished_path if lr in start]
        figures.append(
            PathFigure(
                path.id,
                path.title,
                where,
                n,
                tuple(funnel),
                len(finished_path),
                statistics.median(hours) if len(hours) >= limits.min_learners else None,
                _placement(academy, path, index, learners, tested, limits),
            )
        )
    return figures, flags


def _tested(academy: Academy, index: Index, learners: Learners) -> dict[int, set[str]]:
    """Modules each learner tested out of with a placement test.

    From the sender's ``tested`` extension where the statement has it; else
    worked out as the runtime does: every question of a module right.
    """
    out: dict[int, set[str]] = {}
    for quiz in academy.quizzes:
        if quiz.kind != "placement":
            continue
        records = learners.quizzes.get(index.get(("quiz", quiz.id), -1), {})
        derived: dict[int, dict[str, bool]] = {}
        for q in quiz.questions:
            if not q.module:
                continue
            for learner, attempt in learners.answers.get(
                index.get(("question", quiz.id, q.id), -1), {}
            ).items():
                per = derived.setdefault(learner, {})
                per[q.module] = per.get(q.module, True) and attempt.right
        for learner, record in records.items():
            if record.tested is not None:
                modules = set(record.tested)
            else:
                modules = {m for m, ok in derived.get(learner, {}).items() if ok}
            out.setdefault(learner, set()).update(modules)
    return out


def _placement(academy, path, index, learners, tested, limits) -> PlacementFigure | None:
    quiz = academy.quiz(path.placement) if path.placement else None
    if quiz is None:
        return None
    takers = list(learners.quizzes.get(index.get(("quiz", quiz.id), -1), {}))
    modules = sorted({q.module for q in quiz.questions if q.module} & set(path.module_ids))
    if len(takers) < limits.min_learners:
        return PlacementFigure(quiz.id, len(takers), len(modules), None)
    counts = [len(tested.get(lr, set()) & set(modules)) for lr in takers]
    shares = tuple((m, sum(m in tested.get(lr, ()) for lr in takers) / len(takers)) for m in modules)
    return PlacementFigure(quiz.id, len(takers), len(modules), statistics.median(counts), shares)
