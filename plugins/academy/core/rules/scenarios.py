"""Branching scenarios form a sound graph.

Rules: ``start`` exists; every ``next`` exists; every step is reachable from
the start; every route reaches an ending; at least one ending is a success;
no step leads back to an earlier one unless ``allow_loops`` says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from academy.core.graph import depth_first
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
    reachable = sc.routes().reached
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
        # From every step in file order, so a loop among unreachable steps
        # is reported too.
        loops = depth_first(sc.edges, [s.id for s in sc.steps]).back
        if loops:
            loop = loops[0]
            step = by_id[loop.node]
            yield ctx.at(
                "scenario.cycle",
                f,
                (*step.path, "options", loop.index, "next"),
                f"scenario `{sc.id}` loops: {' -> '.join(loop.cycle)}",
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


def _can_end(sc: Scenario) -> set[str]:
    """Steps from which some route reaches an ending: those an ending can be
    reached back from, walking the options backwards."""
    leads_here: dict[str, list[str]] = {step.id: [] for step in sc.steps}
    for step in sc.steps:
        for option in step.options:
            if option.next in leads_here:
                leads_here[option.next].append(step.id)
    return depth_first(leads_here, [s.id for s in sc.steps if s.ending]).reached
