"""Curriculum health: prerequisite order, path structure, coverage, freshness."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from academy.core.model import LearningPath, Module, Quiz
from academy.core.problems import Problem

from .context import Context, Item

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


def find_cycles(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Each elementary cycle found by an iterative DFS, once, as ``[a, b, ..., a]``.

    Iterative so that a long hostile chain cannot hit the recursion limit.
    """
    state: dict[str, int] = {}
    cycles: list[list[str]] = []
    for root in sorted(graph):
        if root in state:
            continue
        state[root] = 1
        route = [root]
        stack = [(root, 0)]
        while stack:
            node, index = stack[-1]
            edges = graph.get(node, ())
            if index >= len(edges):
                stack.pop()
                route.pop()
                state[node] = 2
                continue
            stack[-1] = (node, index + 1)
            target = edges[index]
            if target not in graph:
                continue
            if state.get(target) == 1:
                cycles.append([*route[route.index(target) :], target])
            elif target not in state:
                state[target] = 1
                route.append(target)
                stack.append((target, 0))
    return cycles


def _report_cycles(
    ctx: Context,
    graph: Mapping[str, Sequence[str]],
    code: str,
    locate: Callable[[str, str], tuple[str, tuple]],
    what: str,
) -> Iterator[Problem]:
    for cycle in find_cycles(graph):
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
    known: set[str] = set()
    seen = {lp.id}
    todo = list(lp.requires)
    while todo:
        other = ctx.academy.path(todo.pop())
        if other is None or other.id in seen:
            continue
        seen.add(other.id)
        known.update(other.module_ids)
        todo.extend(other.requires)
    return known


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
    if quiz.draw is not None and quiz.draw > len(quiz.questions) and ctx.sound(quiz.file, ("draw",)):
        yield ctx.at(
            "quiz.draw",
            quiz.file,
            ("draw",),
            f"quiz `{quiz.id}` draws {quiz.draw} questions but has {len(quiz.questions)}",
            "Lower `draw` or add questions.",
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
    academy = ctx.academy
    assessed: set[tuple[str, str]] = set()
    for module in academy.modules:
        for item in (*module.checks, *module.scenarios):
            assessed.add((module.id, item.objective))
    for quiz in academy.quizzes:
        for q in quiz.questions:
            if q.module:
                assessed.add((q.module, q.objective))
    for module in academy.modules:
        for objective in module.objectives:
            if (module.id, objective.id) not in assessed and ctx.sound(module.file, objective.path):
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
