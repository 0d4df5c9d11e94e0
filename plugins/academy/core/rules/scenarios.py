"""Branching scenarios form a sound graph.

Rules: ``start`` exists; every ``next`` exists; every step is reachable from
the start; every route reaches an ending; at least one ending is a success;
no step leads back to an earlier one unless ``allow_loops`` says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from academy.core.model import Module, Scenario
from academy.core.problems import Problem
from academy.core.suggest import did_you_mean

from .context import Context, Item


def check_file(ctx: Context, item: Item) -> Iterable[Problem]:
    if isinstance(item, Module):
        for scenario in item.scenarios:
            if ctx.sound(item.file, scenario.path):
                yield from _scenario(ctx, item, scenario)


def _scenario(ctx: Context, module: Module, sc: Scenario) -> Iterator[Problem]:
    f = module.file
    by_id = {s.id: s for s in sc.steps}
    names = list(by_id)
    if sc.start not in by_id:
        yield ctx.at(
            "scenario.start",
            f,
            (*sc.path, "start"),
            f"scenario `{sc.id}` starts at `{sc.start}`, which is not one of its steps",
            did_you_mean(sc.start, names) or f"Steps: {', '.join(names)}.",
        )
    broken = False
    for step in sc.steps:
        for i, option in enumerate(step.options):
            if option.next not in by_id:
                broken = True
                yield ctx.at(
                    "scenario.next",
                    f,
                    (*step.path, "options", i, "next"),
                    f"option {i + 1} of step `{step.id}` leads to `{option.next}`, which is not a step of `{sc.id}`",
                    did_you_mean(option.next, names) or f"Steps: {', '.join(names)}.",
                )
    if broken or sc.start not in by_id:
        return  # the graph rules below would only restate the broken link
    reachable = _reachable(sc)
    for step in sc.steps:
        if step.id not in reachable:
            yield ctx.at(
                "scenario.unreachable",
                f,
                step.path,
                f"step `{step.id}` of scenario `{sc.id}` cannot be reached from `{sc.start}`",
                "Add an option that leads here, or delete the step.",
                key=True,
            )
    if not sc.allow_loops:
        loop = _first_loop(sc)
        if loop is not None:
            step_id, index, route = loop
            step = by_id[step_id]
            yield ctx.at(
                "scenario.cycle",
                f,
                (*step.path, "options", index, "next"),
                f"scenario `{sc.id}` loops: {' -> '.join(route)}",
                "Remove the loop, or set `allow_loops: true` if it is deliberate.",
            )
    else:
        can_end = _can_end(sc)
        for step in sc.steps:
            if step.id in reachable and step.id not in can_end:
                yield ctx.at(
                    "scenario.no-ending",
                    f,
                    step.path,
                    f"from step `{step.id}` of scenario `{sc.id}` no route reaches an ending",
                    "Give the loop an option that leads to an ending.",
                    key=True,
                )
    if not any(s.ending == "success" for s in sc.steps if s.id in reachable):
        yield ctx.at(
            "scenario.no-success",
            f,
            (*sc.path, "id"),
            f"scenario `{sc.id}` has no reachable success ending",
            "Add a step with `ending: success` that a good route leads to.",
        )


def _reachable(sc: Scenario) -> set[str]:
    by_id = {s.id: s for s in sc.steps}
    seen = {sc.start}
    todo = [sc.start]
    while todo:
        step = by_id.get(todo.pop())
        for option in step.options if step else ():
            if option.next in by_id and option.next not in seen:
                seen.add(option.next)
                todo.append(option.next)
    return seen


def _first_loop(sc: Scenario) -> tuple[str, int, list[str]] | None:
    """The first option (in file order) that closes a loop, with the loop's route.

    Iterative depth-first search: a hostile scenario with thousands of chained
    steps must not exhaust Python's recursion limit.
    """
    by_id = {s.id: s for s in sc.steps}
    state: dict[str, int] = {}  # 1 = on the current route, 2 = finished
    for root in by_id:
        if root in state:
            continue
        state[root] = 1
        route = [root]
        stack = [(root, 0)]
        while stack:
            step_id, index = stack[-1]
            options = by_id[step_id].options
            if index >= len(options):
                stack.pop()
                route.pop()
                state[step_id] = 2
                continue
            stack[-1] = (step_id, index + 1)
            target = options[index].next
            if target not in by_id:
                continue
            if state.get(target) == 1:
                return step_id, index, [*route[route.index(target) :], target]
            if target not in state:
                state[target] = 1
                route.append(target)
                stack.append((target, 0))
    return None


def _can_end(sc: Scenario) -> set[str]:
    """Steps from which some route reaches an ending (fixed point, loop-safe)."""
    done = {s.id for s in sc.steps if s.ending}
    changed = True
    while changed:
        changed = False
        for step in sc.steps:
            if step.id not in done and any(o.next in done for o in step.options):
                done.add(step.id)
                changed = True
    return done
