"""Walks over the academy's graphs: scenario steps, prerequisites, required paths.

One iterative depth-first search serves every rule and the model, so a hostile
chain of thousands of steps never reaches Python's recursion limit and the
rules agree with the page on what "reachable" and "a loop" mean.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Edges = Mapping[str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class BackEdge:
    """An edge that closes a loop.

    Attributes:
        node: Where the edge starts.
        index: Its position among the node's edges (a scenario option's index).
        cycle: The loop it closes, as ``[target, ..., node, target]``.
    """

    node: str
    index: int
    cycle: list[str]


@dataclass(frozen=True, slots=True)
class Walk:
    """What a depth-first search found.

    Attributes:
        order: Every node reached, successors first (post-order): walking it
            in order sees a node only after everything it leads to, which is
            what best-route calculations need.
        back: Edges that close loops, in the order the search met them.
    """

    order: list[str] = field(default_factory=list)
    back: list[BackEdge] = field(default_factory=list)

    @property
    def reached(self) -> set[str]:
        return set(self.order)

    @property
    def loops(self) -> set[tuple[str, int]]:
        """``(node, edge index)`` of every loop-closing edge."""
        return {(b.node, b.index) for b in self.back}


def depth_first(edges: Edges, roots: Iterable[str]) -> Walk:
    """Search from each root in turn; nodes missing from ``edges`` are skipped.

    A target that is not a node (a dangling reference) is not followed: the
    reference rules report it, and a walk must still cover the rest.
    """
    walk = Walk()
    state: dict[str, int] = {}  # 1 = on the current route, 2 = finished
    for root in roots:
        if root in state or root not in edges:
            continue
        state[root] = 1
        route = [root]
        stack = [(root, 0)]
        while stack:
            node, index = stack[-1]
            targets = edges[node]
            if index >= len(targets):
                stack.pop()
                route.pop()
                state[node] = 2
                walk.order.append(node)
                continue
            stack[-1] = (node, index + 1)
            target = targets[index]
            if target not in edges:
                continue
            if state.get(target) == 1:
                walk.back.append(BackEdge(node, index, [*route[route.index(target) :], target]))
            elif target not in state:
                state[target] = 1
                route.append(target)
                stack.append((target, 0))
    return walk


def breadth_first(edges: Edges, start: str) -> list[str]:
    """Nodes reachable from ``start``, nearest first, each edge's target soon
    after its source: the order a scenario reads in as text."""
    if start not in edges:
        return []
    order = [start]
    seen = {start}
    for node in order:  # grows while iterating: a queue
        for target in edges[node]:
            if target in edges and target not in seen:
                seen.add(target)
                order.append(target)
    return order
