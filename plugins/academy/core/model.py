"""The academy's content model: frozen dataclasses, nothing engine-specific.

Items are built from front matter by :mod:`academy.core.builders`. Each item
remembers ``path``, its location inside its file's YAML, so rules can point
at it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from academy.core.graph import Walk, breadth_first, depth_first

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Objective:
    id: str
    text: str
    bloom: str
    path: YamlPath = ()


@dataclass(frozen=True, slots=True)
class Choice:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Pair:
    left: str
    right: str


@dataclass(frozen=True, slots=True)
class Question:
    """A knowledge check in a module, or a question in a quiz bank.

    Only the fields of its ``type`` are meaningful; the others stay empty.
    ``module`` is set for quiz-bank questions that map to a module.
    """

    id: str
    type: str
    prompt: str
    objective: str = ""
    hint: str = ""
    explanation: str = ""
    choices: tuple[Choice, ...] = ()
    shuffle: bool = False
    partial: bool = False
    answer: bool | None = None
    items: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    answers: tuple[str, ...] = ()
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    module: str = ""
    path: YamlPath = ()

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.choices) if c.correct)


@dataclass(frozen=True, slots=True)
class Option:
    text: str
    next: str
    score: int = 0
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """A decision point (``options``) or an ending (``ending`` is set)."""

    id: str
    text: str
    speaker: str = ""
    options: tuple[Option, ...] = ()
    ending: str = ""
    feedback: str = ""
    path: YamlPath = ()


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    objective: str
    title: str
    start: str
    steps: tuple[Step, ...]
    channel: str = ""
    intro: str = ""
    allow_loops: bool = False
    path: YamlPath = ()

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    @property
    def edges(self) -> dict[str, list[str]]:
        """Step id -> the steps its options lead to, in option order."""
        return {s.id: [o.next for o in s.options] for s in self.steps}

    def reading_order(self) -> tuple[Step, ...]:
        """Steps breadth-first from the start, then any unreachable ones.

        How a scenario reads as text (the page without JavaScript, the
        Markdown export): the opening first, and each choice's result soon
        after the choice.
        """
        by_id = {s.id: s for s in self.steps}
        order = breadth_first(self.edges, self.start)
        seen = set(order)
        order += [s.id for s in self.steps if s.id not in seen]
        return tuple(by_id[i] for i in order)

    def routes(self) -> Walk:
        """The steps reachable from the start, successors first, and the
        options that close loops (as ``(step id, option index)`` in
        ``Walk.loops``); best-route calculations walk ``order`` and skip those."""
        return depth_first(self.edges, [self.start])

    def best_totals(self) -> dict[str, BestAt]:
        """Per step reachable from the start: the best total score from there
        and what each of its options is worth.

        Walked successors first, without the options that close loops, so
        scenarios with ``allow_loops`` are judged on routes that visit each
        step once. Among equal totals a route ending in success is better.
        The page's maximum, the export's best route and the learner data's
        "where learners leave the best route" all read this one walk.
        """
        by_id = {s.id: s for s in self.steps}
        walk = self.routes()
        loops = walk.loops
        best: dict[str, BestAt] = {}
        for step_id in walk.order:
            step = by_id[step_id]
            options = tuple(
                (i, o.score + best[o.next].total, best[o.next].success)
                for i, o in enumerate(step.options)
                if (step_id, i) not in loops and o.next in by_id
            )
            top = max(((t, s) for _, t, s in options), default=(0, step.ending == "success"))
            best[step_id] = BestAt(top[0], top[1], options)
        return best

    def best_route(self) -> list[tuple[str, int]]:
        """The highest-scoring route from the start, as ``(step id, option
        index)``; an ending closes it as ``(step id, -1)``. Among equal
        totals a route to a ``success`` ending wins, then the earlier option."""
        by_id = {s.id: s for s in self.steps}
        best = self.best_totals()
        route: list[tuple[str, int]] = []
        current = self.start
        while current in best and len(route) <= len(by_id):
            at = best[current]
            choice = next(
                (i for i, total, success in at.options if (total, success) == (at.total, at.success)), -1
            )
            route.append((current, choice))
            if choice < 0:
                break
            current = by_id[current].options[choice].next
        return route

    @property
    def max_score(self) -> int:
        """Best total score over any route from the start."""
        best = self.best_totals().get(self.start)
        return best.total if best is not None else 0


@dataclass(frozen=True, slots=True)
class BestAt:
    """The best a learner can still do from one scenario step.

    Attributes:
        total: The highest score reachable from here.
        success: Whether a route with that score ends in success.
        options: ``(option index, best total through it, ends in success)``
            for each option that does not close a loop.
    """

    total: int
    success: bool
    options: tuple[tuple[int, int, bool], ...]

    def best_options(self) -> set[int]:
        """The options through which the best total is still reachable."""
        return {i for i, total, _ in self.options if total == self.total}


@dataclass(frozen=True, slots=True)
class Module:
    id: str
    title: str
    summary: str
    level: str
    duration: int
    file: str
    body: str = ""
    body_line: int = 1
    prerequisites: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    owner: str = ""
    reviewed: _dt.date | None = None
    review_every: int | None = None
    objectives: tuple[Objective, ...] = ()
    checks: tuple[Question, ...] = ()
    scenarios: tuple[Scenario, ...] = ()

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def check(self, check_id: str) -> Question | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    title: str
    modules: tuple[str, ...]
    summary: str = ""
    assessment: str = ""
    path: YamlPath = ()


@dataclass(frozen=True, slots=True)
class LearningPath:
    id: str
    title: str
    role: str
    file: str
    stages: tuple[Stage, ...]
    summary: str = ""
    placement: str = ""
    requires: tuple[str, ...] = ()
    certificate_title: str = ""

    @property
    def module_ids(self) -> tuple[str, ...]:
        return tuple(m for stage in self.stages for m in stage.modules)


@dataclass(frozen=True, slots=True)
class Quiz:
    id: str
    title: str
    kind: str
    file: str
    questions: tuple[Question, ...]
    summary: str = ""
    pass_mark: int | None = None
    draw: int | None = None
    show_solution: bool = True


@dataclass(frozen=True, slots=True)
class Place:
    """Where a module sits in one path: the path, and the ids of the modules
    before and after it there (empty at either end)."""

    path: LearningPath
    previous: str
    next: str


def _places(paths: tuple[LearningPath, ...]) -> dict[str, tuple[Place, ...]]:
    """Each module's places, built once: module pages, exports and the
    catalog ask for them once per module, and paths can list hundreds."""
    out: dict[str, list[Place]] = {}
    for lp in paths:
        ids = lp.module_ids
        seen: set[str] = set()
        for at, module_id in enumerate(ids):
            if module_id in seen:  # listed twice: its first place counts
                continue
            seen.add(module_id)
            before = ids[at - 1] if at > 0 else ""
            after = ids[at + 1] if at + 1 < len(ids) else ""
            out.setdefault(module_id, []).append(Place(lp, before, after))
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Academy:
    """Every module, path and quiz bank, with lookups by id."""

    modules: tuple[Module, ...] = ()
    paths: tuple[LearningPath, ...] = ()
    quizzes: tuple[Quiz, ...] = ()
    _modules: Mapping[str, Module] = field(default_factory=dict, repr=False, compare=False)
    _paths: Mapping[str, LearningPath] = field(default_factory=dict, repr=False, compare=False)
    _quizzes: Mapping[str, Quiz] = field(default_factory=dict, repr=False, compare=False)
    _places: Mapping[str, tuple[Place, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(
        cls,
        modules: tuple[Module, ...],
        paths: tuple[LearningPath, ...],
        quizzes: tuple[Quiz, ...],
    ) -> Academy:
        # First definition wins; duplicates are reported by the identity rules.
        def index(items: tuple[Any, ...]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for item in items:
                out.setdefault(item.id, item)
            return out

        return cls(modules, paths, quizzes, index(modules), index(paths), index(quizzes), _places(paths))

    def module(self, module_id: str) -> Module | None:
        return self._modules.get(module_id)

    def path(self, path_id: str) -> LearningPath | None:
        return self._paths.get(path_id)

    def quiz(self, quiz_id: str) -> Quiz | None:
        return self._quizzes.get(quiz_id)

    def places(self, module_id: str) -> tuple[Place, ...]:
        """Where the module sits in each path that lists it, in path order."""
        if self._places or not self.paths:
            return self._places.get(module_id, ())
        return _places(self.paths).get(module_id, ())  # an academy built without `of`

    def paths_of(self, module_id: str) -> tuple[LearningPath, ...]:
        return tuple(place.path for place in self.places(module_id))

    def path_duration(self, path: LearningPath) -> int:
        return sum(m.duration for m in (self.module(i) for i in path.module_ids) if m)

    def questions(self) -> Iterator[tuple[Module | Quiz, Question]]:
        for module in self.modules:
            for check in module.checks:
                yield module, check
        for quiz in self.quizzes:
            for question in quiz.questions:
                yield quiz, question
