"""Curriculum health: prerequisite order, path structure, coverage, freshness."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from academy.core.coverage import coverage
from academy.core.graph import depth_first
from academy.core.model import LearningPath, Module, Quiz
from academy.core.problems import Problem

from .context import Context, Item

#: A pool should hold this many times the questions an attempt draws, so retries differ.
POOL_FACTOR = 1.5
#: Review interval assumed when a module gives ``reviewed`` but no ``review_every``.
DEFAULT_REVIEW_DAYS = 365


def check(ctx: Context) -> Iterable[Problem]:
    yield from _prerequisite_cycles(ctx)
    yield from _path_cycles(ctx)
    for lp in ctx.academy.paths:
        yield from _path_structure(ctx, lp)
    yield from _coverage(ctx)
    yield from _orphans(ctx)


def check_file(ctx: Context, item: Item) -> Iterable[Problem]:
    if isinstance(item, Quiz):
        yield from _quiz(ctx, item)
    elif isinstance(item, Module):
        yield from _stale(ctx, item)


def _report_cycles(
    ctx: Context,
    graph: Mapping[str, Sequence[str]],
    code: str,
    locate: Callable[[str, str], tuple[str, tuple]],
    what: str,
) -> Iterator[Problem]:
    for loop in depth_first(graph, sorted(graph)).back:
        cycle = loop.cycle
        start = min(cycle[:-1])
        at = cycle.index(start)
        ordered = [*cycle[at:-1], *cycle[:at], start]
        file, path = locate(ordered[0], ordered[1])
        yield ctx.at(
            code, file, path, f"{what} form a cycle: {' -> '.join(ordered)}", "Remove one link of the cycle."
        )


def _prerequisite_cycles(ctx: Context) -> Iterator[Problem]:
    academy = ctx.academy
    # Build the graph from the same definitions the lookups return (the first
    # of duplicated ids), so a cycle is always located in the file it is in.
    firsts = [m for m in academy.modules if academy.module(m.id) is m]
    graph = {m.id: [p for p in m.prerequisites if p != m.id] for m in firsts}

    def locate(a: str, b: str) -> tuple[str, tuple]:
        module = academy.module(a)
        assert module is not None
        return module.file, ("prerequisites", module.prerequisites.index(b))

    yield from _report_cycles(ctx, graph, "prerequisite.cycle", locate, "prerequisites")


def _path_cycles(ctx: Context) -> Iterator[Problem]:
    academy = ctx.academy
    graph = {p.id: list(p.requires) for p in academy.paths if academy.path(p.id) is p}

    def locate(a: str, b: str) -> tuple[str, tuple]:
        lp = academy.path(a)
        assert lp is not None
        return lp.file, ("requires", lp.requires.index(b))

    yield from _report_cycles(ctx, graph, "path.cycle", locate, "required paths")


def _known_before(ctx: Context, lp: LearningPath) -> set[str]:
    """Modules taught by the paths this one requires, transitively."""
    academy = ctx.academy
    requires = {p.id: p.requires for p in academy.paths if academy.path(p.id) is p}
    walk = depth_first(requires, lp.requires)
    # A loop of requirements back to this path teaches nothing before it.
    reached = [p for p in walk.order if p != lp.id]
    return {m for path_id in reached if (other := academy.path(path_id)) for m in other.module_ids}


def _path_structure(ctx: Context, lp: LearningPath) -> Iterator[Problem]:
    academy = ctx.academy
    position: dict[str, tuple[int, str]] = {}
    order = 0
    for stage in lp.stages:
        for i, module_id in enumerate(stage.modules):
            if module_id in position:
                yield ctx.at(
                    "path.duplicate-module",
                    lp.file,
                    (*stage.path, "modules", i),
                    f"path `{lp.id}` lists `{module_id}` again in stage `{stage.id}` (first in stage `{position[module_id][1]}`)",
                    "List each module in one stage only.",
                )
                continue
            position[module_id] = (order, stage.id)
            order += 1
    known = _known_before(ctx, lp)
    for stage in lp.stages:
        for i, module_id in enumerate(stage.modules):
            module = academy.module(module_id)
            if module is None or position.get(module_id, (-1, ""))[1] != stage.id:
                continue
            here = position[module_id][0]
            for prereq in module.prerequisites:
                if prereq == module_id or academy.module(prereq) is None:
                    continue
                where = (*stage.path, "modules", i)
                if prereq in position and position[prereq][0] > here:
                    yield ctx.at(
                        "path.order",
                        lp.file,
                        where,
                        f"in path `{lp.id}`, stage `{stage.id}`: `{module_id}` comes before its prerequisite "
                        f"`{prereq}` (stage `{position[prereq][1]}`)",
                        f"Move `{prereq}` earlier than `{module_id}`.",
                    )
                elif prereq not in position and prereq not in known:
                    yield ctx.at(
                        "path.outside",
                        lp.file,
                        where,
                        f"in path `{lp.id}`, stage `{stage.id}`: `{module_id}` needs `{prereq}`, which the path does not include",
                        f"Add `{prereq}` to an earlier stage, or list a path that teaches it under `requires:`.",
                    )


def _quiz(ctx: Context, quiz: Quiz) -> Iterator[Problem]:
    pool = len(quiz.questions)
    if quiz.draw is not None and ctx.sound(quiz.file, ("draw",)):
        enough = math.ceil(POOL_FACTOR * quiz.draw)
        if quiz.draw > pool:
            yield ctx.at(
                "quiz.draw",
                quiz.file,
                ("draw",),
                f"quiz `{quiz.id}` draws {quiz.draw} questions but has {pool}",
                "Lower `draw` or add questions.",
            )
        elif pool < enough:
            same = (
                "every attempt asks the same questions"
                if pool == quiz.draw
                else "a retry asks mostly the same questions"
            )
            yield ctx.at(
                "quiz.draw-pool",
                quiz.file,
                ("draw",),
                f"quiz `{quiz.id}` draws {quiz.draw} of {pool} questions: {same}",
                f"Keep at least {enough} questions in the pool (one and a half times `draw`), or lower `draw`.",
            )
    if quiz.kind == "placement":
        for q in quiz.questions:
            if not q.module and ctx.sound(quiz.file, q.path):
                yield ctx.at(
                    "quiz.placement-module",
                    quiz.file,
                    q.path,
                    f"placement question `{q.id}` is not mapped to a module",
                    "Add `module:` with the id of the module this question tests.",
                )


def _coverage(ctx: Context) -> Iterator[Problem]:
    for module, objective in coverage(ctx.academy).unassessed:
        loaded = ctx.files.get(module.file)
        if loaded is not None and loaded.doc is not None and loaded.doc.holes:
            continue  # the checks that assess it may sit in a block a syntax error set aside
        if ctx.sound(module.file, objective.path):
            yield ctx.at(
                "coverage.objective",
                module.file,
                (*objective.path, "id"),
                f"objective `{objective.id}` of `{module.id}` is not assessed by any check, scenario or quiz question",
                f"Add a check with `objective: {objective.id}`.",
            )


def _orphans(ctx: Context) -> Iterator[Problem]:
    in_paths = {m for lp in ctx.academy.paths for m in lp.module_ids}
    for module in ctx.academy.modules:
        if module.id not in in_paths:
            yield ctx.at(
                "coverage.orphan",
                module.file,
                ("id",),
                f"module `{module.id}` is in no learning path",
                "Add it to a stage in paths/, or retire it.",
            )


def _stale(ctx: Context, module: Module) -> Iterator[Problem]:
    if module.reviewed is not None:
        every = module.review_every or DEFAULT_REVIEW_DAYS
        due = module.reviewed + _dt.timedelta(days=every)
        if due < ctx.today:
            overdue = (ctx.today - due).days
            yield ctx.at(
                "review.stale",
                module.file,
                ("reviewed",),
                f"module `{module.id}` was last reviewed on {module.reviewed.isoformat()}; "
                f"its review was due {due.isoformat()} ({overdue} days ago)",
                "Review it against current policy, then set `reviewed:` to today's date.",
            )
